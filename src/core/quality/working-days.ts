// Working-day arithmetic the index needs, over a working calendar passed in (built from the
// calendar module's data: official schedules, administrators' entries, rules). Nothing here knows
// a holiday; it only asks the calendar.
import { addDays } from '../calendar/local-time.ts';
import type { LocalDate } from '../calendar/types.ts';
import type { WorkingCalendar } from '../calendar/working-time.ts';

/** The part of the working calendar the engine uses. */
export type QualityCalendar = Pick<WorkingCalendar, 'isWorkingDay' | 'workingTimeBetween' | 'addWorkingTime'>;

/** Longest run of days off stepped over before giving up. */
const MAX_RUN = 3660;

/**
 * The date `n` working days after (n > 0) or before (n < 0) `date`; `date` itself need not be a
 * working day and is not counted. n = 0 gives `date`. Friday + 2 = Tuesday; Monday − 1 = Friday.
 */
export function addWorkingDays(calendar: Pick<QualityCalendar, 'isWorkingDay'>, date: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays expects an integer, got ${n}`);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let day = date;
  let run = 0;
  while (left > 0) {
    day = addDays(day, step);
    if (calendar.isWorkingDay(day)) {
      left--;
      run = 0;
    } else if (++run > MAX_RUN) {
      throw new Error(`no working day within ${MAX_RUN} days of ${date}`);
    }
  }
  return day;
}
