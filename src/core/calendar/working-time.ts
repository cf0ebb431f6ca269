// Working-time engine: deadlines in working days/hours over the civil-servant calendar.
// Instants are handled as epoch milliseconds; days as local (UTC+07:00) day numbers.
import {
  DAY_MS,
  MINUTE_MS,
  dayNumber,
  fromDayNumber,
  localDayNumber,
  localMidnight,
  parseHhmm,
  weekdayOfDayNumber,
} from './local-time.ts';
import { assertSupportedYear } from './range.ts';
import type {
  CalendarSettings,
  DayOff,
  DeadlineOptions,
  LocalDate,
  TimeUnit,
  WeekendMarker,
  WorkSession,
  YearSchedule,
} from './types.ts';

/** Sessions 07:00–11:30 and 13:30–17:00, 8 h per working day, Saturday and Sunday off (Decision 188/1999/QĐ-TTg). */
export const DEFAULT_SETTINGS: Readonly<CalendarSettings> = Object.freeze({
  sessions: Object.freeze([
    Object.freeze({ start: '07:00', end: '11:30' }),
    Object.freeze({ start: '13:30', end: '17:00' }),
  ]) as WorkSession[],
  hoursPerDay: 8,
  weeklyDaysOff: Object.freeze([0, 6]) as number[],
});

/** Longest run of consecutive days off searched before giving up (guards against a calendar without working days). */
const MAX_DAYS_OFF_RUN = 3660;

/** Sessions as minutes after midnight; throws an Error unless each is `start < end` and they are ordered and non-overlapping. */
function sessionMinutes(sessions: readonly WorkSession[]): { start: number; end: number }[] {
  if (sessions.length === 0) throw new Error('At least one working session is required');
  let previousEnd = 0;
  return sessions.map(({ start, end }) => {
    const s = { start: parseHhmm(start), end: parseHhmm(end) };
    if (s.start >= s.end) throw new Error(`Session ${start}-${end} must start before it ends`);
    if (s.start < previousEnd) throw new Error(`Session ${start}-${end} overlaps or precedes the previous session`);
    previousEnd = s.end;
    return s;
  });
}

/** Parses `"07:00-11:30,13:30-17:00"`; throws an Error on malformed, unordered or overlapping sessions. */
export function parseSessions(text: string): WorkSession[] {
  const sessions = text.split(',').map((part) => {
    const m = /^\s*(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})\s*$/.exec(part);
    if (!m) throw new Error(`Invalid session "${part.trim()}" (expected HH:MM-HH:MM)`);
    return { start: m[1]!, end: m[2]! };
  });
  sessionMinutes(sessions);
  return sessions;
}

export interface WorkingCalendar {
  isWorkingDay(date: LocalDate): boolean;
  /** The named day off, a weekend marker for a plain weekly day off, or undefined on a working day. */
  dayOffInfo(date: LocalDate): DayOff | WeekendMarker | undefined;
  /** The first working moment at or after `t` (a session end counts as the next session's start). */
  normalizeStart(t: Date): Date;
  addWorkingTime(start: Date, amount: number, unit: TimeUnit, opts?: DeadlineOptions): Date;
  /** Working minutes in [a, b]; 0 when b ≤ a. */
  workingTimeBetween(a: Date, b: Date): number;
  /** The named days off (not plain weekends) whose local date lies in [date of a, date of b]. */
  daysOffBetween(a: Date, b: Date): DayOff[];
}

interface YearIndex {
  first: number;
  end: number;
  working: Uint8Array;
  entries: Map<number, DayOff>;
}

function instant(d: Date): number {
  const ms = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  return ms;
}

/** Whole minutes, rounded up (a tolerance absorbs floating-point noise such as 0.1 h × 60). */
const ceilMinutes = (minutes: number): number => Math.ceil(Math.round(minutes * 1e6) / 1e6);

export function createWorkingCalendar(settings: CalendarSettings, schedules: (year: number) => YearSchedule): WorkingCalendar {
  const sessions = sessionMinutes(settings.sessions).map((s) => ({ start: s.start * MINUTE_MS, end: s.end * MINUTE_MS }));
  const firstStart = sessions[0]!.start;
  const sessionMsPerDay = sessions.reduce((sum, s) => sum + s.end - s.start, 0);
  if (!(Number.isFinite(settings.hoursPerDay) && settings.hoursPerDay > 0)) {
    throw new Error(`hoursPerDay must be a positive number, got ${settings.hoursPerDay}`);
  }
  const weeklyOff = new Set(settings.weeklyDaysOff);
  if ([...weeklyOff].some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
    throw new Error(`weeklyDaysOff must hold weekdays 0–6, got ${settings.weeklyDaysOff.join(',')}`);
  }

  const years = new Map<number, YearIndex>();
  let lastIndex: YearIndex | undefined;

  function buildIndex(year: number): YearIndex {
    const schedule = schedules(year);
    if (schedule.year !== year) throw new Error(`The schedule returned for ${year} is the schedule of ${schedule.year}`);
    const first = Date.UTC(year, 0, 1) / DAY_MS;
    const end = Date.UTC(year + 1, 0, 1) / DAY_MS;
    const working = new Uint8Array(end - first);
    for (let n = first; n < end; n++) working[n - first] = weeklyOff.has(weekdayOfDayNumber(n)) ? 0 : 1;
    const offset = (date: LocalDate): number => {
      const n = dayNumber(date);
      if (n < first || n >= end) throw new Error(`The ${year} schedule lists ${date}, outside ${year}`);
      return n - first;
    };
    for (const w of schedule.workingWeekendDays) working[offset(w.date)] = 1;
    const entries = new Map<number, DayOff>();
    for (const off of schedule.daysOff) {
      const i = offset(off.date);
      working[i] = 0;
      if (!entries.has(first + i)) entries.set(first + i, off);
    }
    return { first, end, working, entries };
  }

  function yearIndex(year: number): YearIndex {
    let index = years.get(year);
    if (!index) {
      // Outside it no year's days off are known (range.ts): a typed error, not a lunar failure.
      assertSupportedYear(year);
      index = buildIndex(year);
      years.set(year, index);
    }
    return index;
  }

  function indexForDay(n: number): YearIndex {
    if (!lastIndex || n < lastIndex.first || n >= lastIndex.end) {
      lastIndex = yearIndex(new Date(n * DAY_MS).getUTCFullYear());
    }
    return lastIndex;
  }

  const isWorking = (n: number): boolean => {
    const index = indexForDay(n);
    return index.working[n - index.first] === 1;
  };

  /** The first working day number ≥ n. */
  function nextWorkingDay(n: number): number {
    for (let i = 0; i < MAX_DAYS_OFF_RUN; i++, n++) if (isWorking(n)) return n;
    throw new Error(`No working day within ${MAX_DAYS_OFF_RUN} days after ${fromDayNumber(n - MAX_DAYS_OFF_RUN)}`);
  }

  function normalizeMs(ms: number): number {
    const n = localDayNumber(ms);
    const midnight = localMidnight(n);
    if (isWorking(n)) {
      for (const s of sessions) if (ms - midnight < s.end) return midnight + Math.max(ms - midnight, s.start);
    }
    return localMidnight(nextWorkingDay(n + 1)) + firstStart;
  }

  /** The instant at which `amount` ms of working time, counted from `startMs`, has elapsed. */
  function addMs(startMs: number, amount: number): number {
    const t = normalizeMs(startMs);
    if (amount === 0) return t;
    let remaining = amount;
    let n = localDayNumber(t);
    let midnight = localMidnight(n);
    // The rest of the start day, from t.
    for (const s of sessions) {
      if (t - midnight >= s.end) continue;
      const from = midnight + Math.max(t - midnight, s.start);
      const available = midnight + s.end - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
    }
    // Whole working days, then the sessions of the last day.
    for (;;) {
      n = nextWorkingDay(n + 1);
      if (remaining > sessionMsPerDay) {
        remaining -= sessionMsPerDay;
        continue;
      }
      midnight = localMidnight(n);
      for (const s of sessions) {
        if (remaining <= s.end - s.start) return midnight + s.start + remaining;
        remaining -= s.end - s.start;
      }
    }
  }

  function betweenMs(a: number, b: number): number {
    if (b <= a) return 0;
    const first = localDayNumber(a);
    const last = localDayNumber(b);
    let total = 0;
    for (let n = first; n <= last; n++) {
      if (!isWorking(n)) continue;
      if (n > first && n < last) {
        total += sessionMsPerDay;
        continue;
      }
      const midnight = localMidnight(n);
      for (const s of sessions) total += Math.max(0, Math.min(b, midnight + s.end) - Math.max(a, midnight + s.start));
    }
    return total;
  }

  function addWorkingTime(start: Date, amount: number, unit: TimeUnit, opts: DeadlineOptions = {}): Date {
    const startMs = instant(start);
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      throw new RangeError(`Amount must be a finite number ≥ 0, got ${amount}`);
    }
    switch (unit) {
      case 'working_hours':
        return new Date(addMs(startMs, ceilMinutes(amount * 60) * MINUTE_MS));
      case 'working_days':
        // N working days = N × hoursPerDay working hours.
        return new Date(addMs(startMs, ceilMinutes(amount * settings.hoursPerDay * 60) * MINUTE_MS));
      case 'calendar_days': {
        if (!Number.isInteger(amount)) throw new RangeError(`Calendar days must be a whole number, got ${amount}`);
        const due = startMs + amount * DAY_MS; // fixed UTC+07:00 offset: same local time of day
        const n = localDayNumber(due);
        if (!opts.skipDaysOff || isWorking(n)) return new Date(due);
        return new Date(due + (nextWorkingDay(n + 1) - n) * DAY_MS);
      }
      default:
        throw new RangeError(`Unknown time unit "${String(unit)}"`);
    }
  }

  return {
    isWorkingDay: (date) => isWorking(dayNumber(date)),
    dayOffInfo(date) {
      const n = dayNumber(date);
      const entry = indexForDay(n).entries.get(n);
      if (entry) return entry;
      return isWorking(n) ? undefined : { date, kind: 'weekend' };
    },
    normalizeStart: (t) => new Date(normalizeMs(instant(t))),
    addWorkingTime,
    workingTimeBetween: (a, b) => betweenMs(instant(a), instant(b)) / MINUTE_MS,
    daysOffBetween(a, b) {
      const first = localDayNumber(instant(a));
      const last = localDayNumber(instant(b));
      const result: DayOff[] = [];
      if (last < first) return result;
      const lastYear = new Date(last * DAY_MS).getUTCFullYear();
      for (let year = new Date(first * DAY_MS).getUTCFullYear(); year <= lastYear; year++) {
        for (const [n, entry] of yearIndex(year).entries) if (n >= first && n <= last) result.push(entry);
      }
      return result.sort((x, y) => x.date.localeCompare(y.date));
    },
  };
}
