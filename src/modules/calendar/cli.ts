// Command-line calendar (`./bin/motcua calendar ...`): a deadline, a year's days off, and the
// operator's entry of a year's official schedule. Output formats are a scripted interface: keep
// them stable. The operator acts for the installation (audited as `cli:<name>`).
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import { CalendarRangeError, formatLocalIso } from '../../core/calendar/index.ts';
import { DataDirInUseError, openPglite } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { DB } from '../../db/types.ts';
import { systemActor } from '../audit/service.ts';
import { DeadlineQuery, YearScheduleInput } from './schema.ts';
import { createCalendarService, type CalendarService } from './service.ts';

export interface CalendarCliSupport {
  withDatabase<T>(fn: (database: { db: Kysely<DB> }, cfg: Config) => Promise<T>): Promise<T>;
  config(): Config;
  fail(message: string): never;
  out(line: string): void;
  warn(line: string): void;
}

const yearArg = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1976 || n > 2199) throw new InvalidArgumentError('expects a year 1976–2199');
  return n;
};

export function registerCalendarCommands(program: Command, support: CalendarCliSupport): void {
  const parseWith = <T>(schema: z.ZodType<T>, value: unknown, what: string): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      support.fail(`${what}${issue.path.length ? ` (${issue.path.join('.')})` : ''}: ${issue.message}`);
    }
    return parsed.data;
  };

  /** Read-only commands still answer while the server holds the embedded database. */
  async function withCalendar<T>(fn: (calendar: CalendarService) => Promise<T>): Promise<T> {
    const cfg = support.config();
    try {
      return await support.withDatabase((database) => fn(createCalendarService(database.db, cfg)));
    } catch (error) {
      if (!(error instanceof DataDirInUseError)) throw error;
      support.warn(
        'warning: the embedded database is in use by the running server; administrators’ schedule ' +
          'changes are not read (bundled schedules and rules only)',
      );
      const memory = await openPglite();
      try {
        await migrateToLatest(memory.db);
        return await fn(createCalendarService(memory.db, cfg));
      } finally {
        await memory.close();
      }
    }
  }

  const calendar = program.command('calendar').description('working-time calendar');

  calendar
    .command('deadline')
    .description('print the due moment (ISO 8601, +07:00)')
    .requiredOption('--from <iso>', 'start moment, e.g. 2026-02-12T17:30:00+07:00')
    .requiredOption('--amount <n>', 'how many units')
    .addOption(
      new Option('--unit <unit>', 'time unit')
        .choices(['working_days', 'working_hours', 'calendar_days'])
        .default('working_days'),
    )
    .option('--skip-days-off', 'calendar_days: a due day that is off moves to the next working day')
    .action(async (opts: { from: string; amount: string; unit: string; skipDaysOff?: boolean }) => {
      const q = parseWith(DeadlineQuery, { from: opts.from, amount: opts.amount, unit: opts.unit }, 'invalid input');
      try {
        const result = await withCalendar((c) => c.deadline(new Date(q.from), q.amount, q.unit, opts.skipDaysOff));
        support.out(formatLocalIso(result.due));
      } catch (error) {
        if (error instanceof CalendarRangeError) support.fail(`invalid input: ${error.message}`);
        throw error;
      }
    });

  calendar
    .command('days-off')
    .description("print a year's days off for civil servants")
    .requiredOption('--year <year>', 'the year', yearArg)
    .option('--json', 'print JSON')
    .action(async (opts: { year: number; json?: boolean }) => {
      const schedule = await withCalendar((c) => c.yearSchedule(opts.year));
      if (opts.json) {
        support.out(JSON.stringify(schedule, null, 2));
        return;
      }
      const state = schedule.status === 'official' ? 'official' : 'estimated';
      // One list in date order: a working weekend day sits among the days off around it.
      const lines = [
        ...schedule.daysOff.map((d) => ({ date: d.date, line: `${d.date}\t${d.name.vi}\t${d.kind}\t${state}` })),
        ...schedule.workingWeekendDays.map((d) => ({
          date: d.date,
          line: `${d.date}\tLàm bù${d.replaces ? ` cho ${d.replaces}` : ''}\tworking_day\t${state}`,
        })),
      ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      for (const { line } of lines) support.out(line);
    });

  calendar
    .command('set-year')
    .description("enter or replace a year's official days off from a JSON file (see docs/OPERATIONS.md)")
    .requiredOption('--year <year>', 'the year', yearArg)
    .requiredOption('--file <path>', 'JSON: {"sources": [...], "daysOff": [...], "workingWeekendDays": [...]}')
    .option('--actor <name>', 'who makes the change (recorded in the audit log)', process.env.USER ?? 'cli')
    .action(async (opts: { year: number; file: string; actor: string }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(opts.file, 'utf8'));
      } catch (error) {
        support.fail(`cannot read ${opts.file}: ${(error as Error).message}`);
      }
      const input = parseWith(YearScheduleInput, raw, 'invalid schedule');
      await support.withDatabase(async (database, cfg) => {
        const saved = await createCalendarService(database.db, cfg).setYear(opts.year, input, { system: systemActor(`cli:${opts.actor}`) });
        support.out(`${saved.year}: ${saved.daysOff.length} days off saved (official)`);
      });
    });

  calendar
    .command('reset-year')
    .description("remove an administrator's schedule of a year (back to bundled data or estimate)")
    .requiredOption('--year <year>', 'the year', yearArg)
    .option('--actor <name>', 'who makes the change', process.env.USER ?? 'cli')
    .action(async (opts: { year: number; actor: string }) => {
      await support.withDatabase(async (database, cfg) => {
        const now = await createCalendarService(database.db, cfg).resetYear(opts.year, { system: systemActor(`cli:${opts.actor}`) });
        support.out(`${now.year}: now ${now.origin} (${now.status})`);
      });
    });
}
