// Types of the Vietnamese working-time calendar. Pure data, no I/O.
// Business time is Asia/Ho_Chi_Minh (UTC+07:00, no daylight saving since 1975).

/** A calendar date in Asia/Ho_Chi_Minh, `YYYY-MM-DD`. */
export type LocalDate = string;

/**
 * Why a day is off for civil servants.
 * - `holiday`: a public holiday of Labor Code 2019 Art. 112(1);
 * - `compensatory`: nghỉ bù, a holiday that fell on a weekly day off moves to the next working
 *   day (Labor Code 2019 Art. 111(3)), or extra days the Government grants around Tết;
 * - `swap_off`: a working day given off in exchange for a working Saturday (hoán đổi ngày làm việc).
 */
export type DayOffKind = 'holiday' | 'compensatory' | 'swap_off';

export interface LocalizedText {
  vi: string;
  en: string;
}

export interface DayOff {
  date: LocalDate;
  name: LocalizedText;
  kind: DayOffKind;
  /** The notice or article the entry comes from, e.g. "CV 9859/VPCP-KGVX (2025)". */
  source: string;
}

/** A Saturday (or Sunday) worked in exchange for a swapped day off (làm bù). */
export interface WorkingWeekendDay {
  date: LocalDate;
  /** The day off it pays back, when known. */
  replaces?: LocalDate;
  source: string;
}

/**
 * The days off of one year. `status: 'official'` when taken from the Government's notice (data
 * file or an administrator's entry); `estimated` when computed by rules (lunar calendar, Art.
 * 111(3)) because no official schedule was entered yet.
 */
export interface YearSchedule {
  year: number;
  status: 'official' | 'estimated';
  /** Days off that fall on weekdays or weekends; weekends need not be listed. */
  daysOff: DayOff[];
  workingWeekendDays: WorkingWeekendDay[];
  /** Where the whole schedule comes from (notices), for display. */
  sources: string[];
}

/** A working session within a day, local time `HH:MM`. */
export interface WorkSession {
  start: string;
  end: string;
}

export interface CalendarSettings {
  /** Default 07:00–11:30 and 13:30–17:00. */
  sessions: WorkSession[];
  /** Working hours counted as one working day. Default 8. */
  hoursPerDay: number;
  /** Weekly days off, 0 = Sunday … 6 = Saturday. Default [0, 6]. */
  weeklyDaysOff: number[];
}

export type TimeUnit = 'working_days' | 'working_hours' | 'calendar_days';

export interface DeadlineOptions {
  /**
   * For `calendar_days` only: when the procedure's rule says days off are skipped, a due day
   * that is not a working day moves to the next working day (same time of day).
   */
  skipDaysOff?: boolean;
}

/** A weekly day off (ngày nghỉ hằng tuần) that is not a named day off, as reported by `dayOffInfo`. */
export interface WeekendMarker {
  date: LocalDate;
  kind: 'weekend';
}
