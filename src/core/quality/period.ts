// Reporting periods of the 766 index (SPEC §1.3: monthly, quarterly and yearly reporting; §10.4:
// also custom). Dates are local (Asia/Ho_Chi_Minh), both ends inclusive.
import { addDays, dayNumber, localMidnight } from '../calendar/local-time.ts';
import type { LocalDate } from '../calendar/types.ts';
import type { Period } from './types.ts';

export class PeriodError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'PeriodError';
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function checkDate(date: string, what: string): LocalDate {
  try {
    dayNumber(date);
  } catch {
    throw new PeriodError(`${what} "${date}" is not a date (expected YYYY-MM-DD)`);
  }
  return date;
}

/**
 * `2026-03` (month), `2026-Q1` (quarter), `2026` (year), or `{from, to}` (custom, `YYYY-MM-DD`,
 * from ≤ to). Throws PeriodError otherwise.
 */
export function parsePeriod(input: string | { from: string; to: string }): Period {
  if (typeof input !== 'string') {
    const from = checkDate(input.from, 'from');
    const to = checkDate(input.to, 'to');
    if (from > to) throw new PeriodError(`the period starts (${from}) after it ends (${to})`);
    return { kind: 'custom', from, to };
  }
  const text = input.trim();
  let m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12) throw new PeriodError(`"${input}": no month ${m[2]}`);
    return { kind: 'month', from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad(lastDayOfMonth(year, month))}` };
  }
  m = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (m) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    const last = q * 3;
    return { kind: 'quarter', from: `${m[1]}-${pad(last - 2)}-01`, to: `${m[1]}-${pad(last)}-${pad(lastDayOfMonth(year, last))}` };
  }
  m = /^(\d{4})$/.exec(text);
  if (m) return { kind: 'year', from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  throw new PeriodError(`"${input}" is not a period (expected 2026-03, 2026-Q1, 2026, or from/to dates)`);
}

/** The period as instants: [startMs, endMs) from local midnight of `from` to local midnight after `to`. */
export function periodBounds(period: Period): { startMs: number; endMs: number } {
  return { startMs: localMidnight(dayNumber(period.from)), endMs: localMidnight(dayNumber(addDays(period.to, 1))) };
}

export const inPeriod = (period: Period, date: LocalDate): boolean => date >= period.from && date <= period.to;

/** Days in the period. */
export const periodDays = (period: Period): number => dayNumber(period.to) - dayNumber(period.from) + 1;
