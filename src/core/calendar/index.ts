// Public API of the working-time calendar.
export type * from './types.ts';
export { addDays, formatLocalIso, localDateTime, toLocalDate, weekday } from './local-time.ts';
export { lunarToSolar, solarToLunar, type LunarDate, type SolarDate } from './lunar.ts';
export { CalendarRangeError, SUPPORTED_YEARS, assertSupportedYear, isSupportedYear } from './range.ts';
export { HOLIDAY_NAMES } from './names.ts';
export { OFFICIAL_SCHEDULES } from './official-schedules.ts';
export {
  estimateYearSchedule,
  scheduleForYear,
  withCompensatoryDays,
  type EstimateOptions,
  type ScheduleOverrides,
} from './rules.ts';
export { DEFAULT_SETTINGS, createWorkingCalendar, parseSessions, type WorkingCalendar } from './working-time.ts';
