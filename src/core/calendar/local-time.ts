// Local-time helpers for Asia/Ho_Chi_Minh. Vietnam has used a fixed UTC+07:00 offset with no
// daylight saving since 1975, so no time-zone database is needed.
import type { LocalDate } from './types.ts';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
/** UTC+07:00 in milliseconds. */
export const VN_OFFSET_MS = 7 * 3_600_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM_RE = /^(\d{2}):(\d{2})$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function assertValidDate(d: Date): number {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  return ms;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws a RangeError on a malformed or impossible date. */
export function dayNumber(date: LocalDate): number {
  const m = DATE_RE.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return Math.round(ms / DAY_MS);
    }
  }
  throw new RangeError(`Invalid local date "${date}" (expected an existing YYYY-MM-DD date)`);
}

/** The `YYYY-MM-DD` date of a day number (days since 1970-01-01). */
export function fromDayNumber(n: number): LocalDate {
  const d = new Date(n * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Local day number (days since 1970-01-01 in UTC+07:00) of an epoch-millisecond instant. */
export const localDayNumber = (ms: number): number => Math.floor((ms + VN_OFFSET_MS) / DAY_MS);

/** The epoch milliseconds of local midnight starting a day number. */
export const localMidnight = (n: number): number => n * DAY_MS - VN_OFFSET_MS;

/** Weekday of a day number, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOfDayNumber = (n: number): number => (((n + 4) % 7) + 7) % 7;

/** `HH:MM` (00:00–24:00) → minutes after midnight; throws an Error otherwise. */
export function parseHhmm(hhmm: string): number {
  const m = HHMM_RE.exec(hhmm);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) {
    throw new Error(`Invalid time "${hhmm}" (expected HH:MM between 00:00 and 24:00)`);
  }
  return minutes;
}

export function toLocalDate(d: Date): LocalDate {
  return fromDayNumber(localDayNumber(assertValidDate(d)));
}

/** ISO 8601 with the +07:00 offset, e.g. `2026-02-23T16:00:00+07:00` (milliseconds only when non-zero). */
export function formatLocalIso(d: Date): string {
  const ms = assertValidDate(d);
  const local = new Date(ms + VN_OFFSET_MS);
  const millis = local.getUTCMilliseconds();
  return (
    `${fromDayNumber(localDayNumber(ms))}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}` +
    `:${pad(local.getUTCSeconds())}${millis ? `.${pad(millis, 3)}` : ''}+07:00`
  );
}

/** The instant of a local date and `HH:MM` time. */
export function localDateTime(date: LocalDate, hhmm: string): Date {
  return new Date(localMidnight(dayNumber(date)) + parseHhmm(hhmm) * MINUTE_MS);
}

export function addDays(date: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays expects an integer, got ${n}`);
  return fromDayNumber(dayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return weekdayOfDayNumber(dayNumber(date));
}
