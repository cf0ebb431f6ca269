// Calendar use cases: deadlines, a year's days off, and an administrator's changes to a year.
// The days off are the ministry's: changing them needs calendar.edit at a root unit
// (canMinistryWide); the command line acts as the operator of the installation.
// The schedule of a year comes, in order of precedence, from an administrator's entry (database),
// the official schedules bundled with the release, or the rule-based estimate.
import type { Kysely, Transaction } from 'kysely';
import {
  OFFICIAL_SCHEDULES,
  createWorkingCalendar,
  parseSessions,
  scheduleForYear,
  weekday,
  type WorkingCalendar,
} from '../../core/calendar/index.ts';
import type { CalendarSettings, TimeUnit, YearSchedule } from '../../core/calendar/types.ts';
import { canMinistryWide, type Principal } from '../../core/access/index.ts';
import type { DB } from '../../db/types.ts';
import { assertCan } from '../../http/access.ts';
import { ProblemError } from '../../http/problem.ts';
import { actorOf, recordAudit, type AuditActor } from '../audit/service.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import type { YearScheduleInput } from './schema.ts';
import { deleteYearSchedule, findYearSchedule, listYearSchedules, saveYearSchedule } from './store.ts';

export type ScheduleOrigin = 'administrator' | 'bundled' | 'rules';

export interface YearScheduleView extends YearSchedule {
  origin: ScheduleOrigin;
}

export interface DeadlineResult {
  start: Date;
  due: Date;
  skippedDaysOff: Array<YearSchedule['daysOff'][number] & { estimated: boolean }>;
}

/** Who changes a year: a request's principal (checked), or the system itself (the command line). */
export type CalendarEditor = { principal: Principal } | { system: AuditActor };

export interface CalendarService {
  calendar(): Promise<WorkingCalendar>;
  /** Throws CalendarRangeError (core) when the start or the due moment is outside SUPPORTED_YEARS. */
  deadline(from: Date, amount: number, unit: TimeUnit, skipDaysOff?: boolean): Promise<DeadlineResult>;
  yearSchedule(year: number): Promise<YearScheduleView>;
  setYear(year: number, input: YearScheduleInput, by: CalendarEditor, requestId?: string): Promise<YearScheduleView>;
  resetYear(year: number, by: CalendarEditor, requestId?: string): Promise<YearScheduleView>;
  /** Hears every change of the days off, in its transaction (the 766 counters recount what it moves). */
  onChanged(listener: (trx: Transaction<DB>, year: number) => Promise<void>): void;
}

/** How long an instance trusts its copy of administrators' schedules by default. */
export const CALENDAR_CACHE_TTL_MS = 30_000;

export interface CalendarServiceOptions {
  WORK_SESSIONS: string;
  WORKING_DAY_HOURS: number;
  HOLIDAY_CULTURE_DAY_FROM_YEAR?: number | undefined;
  /** How long an instance trusts its copy of administrators' schedules. Default 30 s. */
  cacheTtlMs?: number;
}

const notMinistryWide = () =>
  new ProblemError('forbidden', {
  detail: {
    vi: 'Lịch nghỉ áp dụng toàn Bộ: chỉ tài khoản có quyền cập nhật lịch nghỉ ở cấp Bộ được thay đổi.',
    en: 'The days off are ministry-wide: only an account holding calendar.edit at the ministry may change them.',
  },
  extensions: { permission: 'calendar.edit' },
  });

export function createCalendarService(db: Kysely<DB>, options: CalendarServiceOptions, units?: UnitDirectory): CalendarService {
  /** The audit actor of an editor, after checking a principal may edit the ministry's calendar. */
  async function editorActor(by: CalendarEditor): Promise<AuditActor> {
    if ('system' in by) return by.system;
    if (!units) throw new Error('the calendar service needs the unit directory to check an editor');
    const tree = await units.tree();
    assertCan(by.principal, 'calendar.edit', 'any', tree);
    // A department's administrator holds calendar.edit in their department only.
    if (!canMinistryWide(by.principal, 'calendar.edit', tree)) throw notMinistryWide();
    return actorOf(by.principal);
  }

  const settings: CalendarSettings = {
    sessions: parseSessions(options.WORK_SESSIONS),
    hoursPerDay: options.WORKING_DAY_HOURS,
    weeklyDaysOff: [0, 6],
  };
  const ttl = options.cacheTtlMs ?? CALENDAR_CACHE_TTL_MS;
  const listeners: Array<(trx: Transaction<DB>, year: number) => Promise<void>> = [];
  const ruleOptions = { vietnameseCultureDayFrom: options.HOLIDAY_CULTURE_DAY_FROM_YEAR };
  let cached: { at: number; overrides: Map<number, YearSchedule>; calendar: WorkingCalendar } | undefined;
  let loading: Promise<NonNullable<typeof cached>> | undefined;

  const resolveYear = (overrides: Map<number, YearSchedule>, year: number): YearScheduleView => ({
    ...scheduleForYear(year, overrides, ruleOptions),
    origin: overrides.has(year) ? 'administrator' : OFFICIAL_SCHEDULES[year] ? 'bundled' : 'rules',
  });

  // Every instance reloads administrators' schedules after `ttl`, so a change made through
  // another instance is seen within that time; the instance that made it sees it at once.
  async function load(): Promise<NonNullable<typeof cached>> {
    if (cached && Date.now() - cached.at < ttl) return cached;
    loading ??= (async () => {
      try {
        const overrides = new Map((await listYearSchedules(db)).map((s) => [s.year, s]));
        const calendar = createWorkingCalendar(settings, (year) => resolveYear(overrides, year));
        cached = { at: Date.now(), overrides, calendar };
        return cached;
      } finally {
        loading = undefined;
      }
    })();
    return loading;
  }

  const invalidate = () => {
    cached = undefined;
  };

  const estimatedOf = (overrides: Map<number, YearSchedule>, date: string) =>
    resolveYear(overrides, Number(date.slice(0, 4))).status === 'estimated';

  return {
    async calendar() {
      return (await load()).calendar;
    },

    async deadline(from, amount, unit, skipDaysOff) {
      const { calendar, overrides } = await load();
      const start = unit === 'calendar_days' ? from : calendar.normalizeStart(from);
      const due = calendar.addWorkingTime(from, amount, unit, { skipDaysOff });
      const skippedDaysOff = calendar
        .daysOffBetween(start, due)
        .map((d) => ({ ...d, estimated: estimatedOf(overrides, d.date) }));
      return { start, due, skippedDaysOff };
    },

    onChanged(listener) {
      listeners.push(listener);
    },

    async yearSchedule(year) {
      return resolveYear((await load()).overrides, year);
    },

    async setYear(year, input, by, requestId) {
      const actor = await editorActor(by);
      // Checked in the order given, so that error pointers name the caller's entries.
      const workingWeekendDays = input.workingWeekendDays ?? [];
      assertScheduleCoherent({ year, status: 'official', ...input, workingWeekendDays });
      const schedule: YearSchedule = {
        year,
        status: 'official',
        sources: input.sources,
        daysOff: [...input.daysOff].sort((a, b) => a.date.localeCompare(b.date)),
        workingWeekendDays: [...workingWeekendDays].sort((a, b) => a.date.localeCompare(b.date)),
      };
      await db.transaction().execute(async (trx) => {
        const before = await findYearSchedule(trx, year, true);
        await saveYearSchedule(trx, schedule, actor.label);
        await recordAudit(trx, {
          actor,
          action: 'calendar.year.set',
          entity: 'calendar_year',
          entityId: String(year),
          before: before ?? null,
          after: schedule,
          requestId,
        });
        for (const listener of listeners) await listener(trx, year);
      });
      invalidate();
      return { ...schedule, origin: 'administrator' };
    },

    async resetYear(year, by, requestId) {
      const actor = await editorActor(by);
      await db.transaction().execute(async (trx) => {
        const before = await findYearSchedule(trx, year, true);
        if (!before) {
          throw new ProblemError('not_found', {
            detail: {
              vi: `Năm ${year} chưa có lịch do quản trị viên nhập.`,
              en: `No administrator schedule exists for ${year}.`,
            },
          });
        }
        await deleteYearSchedule(trx, year);
        await recordAudit(trx, {
          actor,
          action: 'calendar.year.reset',
          entity: 'calendar_year',
          entityId: String(year),
          before,
          after: null,
          requestId,
        });
        for (const listener of listeners) await listener(trx, year);
      });
      invalidate();
      return this.yearSchedule(year);
    },
  };
}

/** A year's schedule must be about that year, list each day once, and make weekend days work. */
export function assertScheduleCoherent(schedule: YearSchedule): void {
  const errors: Array<{ pointer: string; code: string; message: { vi: string; en: string } }> = [];
  const seen = new Set<string>();
  schedule.daysOff.forEach((d, i) => {
    if (!d.date.startsWith(`${schedule.year}-`)) {
      errors.push({
        pointer: `/body/daysOff/${i}/date`,
        code: 'wrong_year',
        message: { vi: `Ngày ${d.date} không thuộc năm ${schedule.year}.`, en: `${d.date} is not in ${schedule.year}.` },
      });
    }
    if (seen.has(d.date)) {
      errors.push({
        pointer: `/body/daysOff/${i}/date`,
        code: 'duplicate',
        message: { vi: `Ngày ${d.date} bị lặp.`, en: `${d.date} is listed twice.` },
      });
    }
    seen.add(d.date);
  });
  schedule.workingWeekendDays.forEach((d, i) => {
    const day = weekday(d.date);
    if (!d.date.startsWith(`${schedule.year}-`) || (day !== 0 && day !== 6) || seen.has(d.date)) {
      errors.push({
        pointer: `/body/workingWeekendDays/${i}/date`,
        code: 'not_weekend',
        message: {
          vi: `Ngày làm bù ${d.date} phải là thứ Bảy hoặc Chủ nhật của năm ${schedule.year} và không phải ngày nghỉ.`,
          en: `Working day ${d.date} must be a Saturday or Sunday of ${schedule.year} that is not a day off.`,
        },
      });
    }
  });
  if (errors.length > 0) {
    throw new ProblemError('validation', {
      detail: { vi: 'Lịch nghỉ của năm không hợp lệ.', en: 'The year schedule is not valid.' },
      errors,
    });
  }
}

