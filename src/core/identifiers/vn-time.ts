// Calendar arithmetic in Asia/Ho_Chi_Minh for the identifier rules. Pure functions, no I/O.
// Vietnam keeps UTC+07:00 all year (no daylight saving since 1975), so a fixed offset is exact for
// every date these identifiers can carry (birth years from 1900, dossier dates from 2019).

import { VN_OFFSET_MS } from '../calendar/local-time.ts';

/** Asia/Ho_Chi_Minh offset from UTC, in milliseconds (the calendar's, one definition). */
export const VN_UTC_OFFSET_MS = VN_OFFSET_MS;

/** The local calendar date of an instant in Asia/Ho_Chi_Minh. `month` is 1–12. */
export interface VnDateParts {
  year: number;
  month: number;
  day: number;
}

/** Local (Asia/Ho_Chi_Minh) year, month and day of `instant`. Throws RangeError on an invalid Date. */
export function vnDateParts(instant: Date): VnDateParts {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new RangeError('Invalid Date');
  const shifted = new Date(t + VN_UTC_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** True when `year-month-day` is a real day of the proleptic Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Zero-pads a non-negative integer to `width` digits. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
