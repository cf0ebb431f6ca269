// Due dates of a dossier, in the procedure version's time unit, through the working-time calendar.
// Working days and hours count only working time (SPEC §2.5, §10.3); calendar days and months
// count elapsed time, and with `skipDaysOff` a due day that is off moves to the next working day.
import type { WorkingCalendar } from '../calendar/working-time.ts';
import type { ProcedureTimeUnit, TimeLimit } from './actions.ts';

const VN_OFFSET_MS = 7 * 3600_000;

/** Whether pauses of this unit are measured in working time (else in elapsed time). */
export const countsWorkingTime = (unit: ProcedureTimeUnit): boolean => unit === 'working_days' || unit === 'working_hours';

/** `n` calendar months after `start`, same local time of day; the day is clamped to the month's last. */
export function addMonths(start: Date, n: number): Date {
  const local = new Date(start.getTime() + VN_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + n;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const shifted = Date.UTC(y, m, day, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds());
  return new Date(shifted - VN_OFFSET_MS);
}

/** The instant a time limit counted from `start` runs out. */
export function addLimit(calendar: WorkingCalendar, start: Date, limit: TimeLimit, skipDaysOff = false): Date {
  if (limit.unit === 'months') {
    if (!Number.isInteger(limit.value)) throw new RangeError(`Months must be a whole number, got ${limit.value}`);
    const due = addMonths(start, limit.value);
    return skipDaysOff ? calendar.addWorkingTime(due, 0, 'calendar_days', { skipDaysOff: true }) : due;
  }
  return calendar.addWorkingTime(start, limit.value, limit.unit, { skipDaysOff });
}

/**
 * A due date pushed back by the time the clock was paused: by working minutes for working-time
 * units, by elapsed milliseconds for calendar units (then moved off a day off if the rule says so).
 */
export function extendDue(
  calendar: WorkingCalendar,
  due: Date,
  unit: ProcedureTimeUnit,
  paused: { workingMinutes: number; elapsedMs: number },
  skipDaysOff = false,
): Date {
  if (countsWorkingTime(unit)) {
    return paused.workingMinutes > 0 ? calendar.addWorkingTime(due, paused.workingMinutes / 60, 'working_hours') : due;
  }
  if (paused.elapsedMs <= 0) return due;
  const moved = new Date(due.getTime() + paused.elapsedMs);
  return skipDaysOff ? calendar.addWorkingTime(moved, 0, 'calendar_days', { skipDaysOff: true }) : moved;
}
