// Command-line quality index (`./bin/motcua index766 compute ...`): the Decision 766 index of a
// bundle file for a period, as one JSON object on stdout. The output is a scripted interface: keep
// its shape stable. Exit codes: 0 done, 2 bad input (nothing on stdout, the reason on stderr).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import { CalendarRangeError, createWorkingCalendar, parseSessions, scheduleForYear, type WorkingCalendar } from '../../core/calendar/index.ts';
import { computeIndex, parsePeriod, PeriodError, resolveSettings, type Period, type QualityBundle } from '../../core/quality/index.ts';
import { DataDirInUseError, type Database } from '../../db/database.ts';
import { createCalendarModule } from '../calendar/module.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import { systemActor } from '../audit/service.ts';
import type { QualityModule } from './module.ts';
import { PublicationError } from './publication.ts';
import { QualityBundleSchema, QualitySettingsSchema } from './schema.ts';

export interface QualityCliSupport {
  withDatabase<T>(fn: (database: Database, cfg: Config) => Promise<T>): Promise<T>;
  config(): Config;
  units(database: Database, cfg: Config): UnitDirectory;
  /** The quality module over the installation's modules (bundle sources and real-time counters). */
  quality(database: Database, cfg: Config): QualityModule;
  fail(message: string): never;
  out(line: string): void;
  warn(line: string): void;
}

interface ComputeOpts {
  input: string;
  period?: string;
  from?: string;
  to?: string;
  explain?: boolean;
  settings?: string;
  asOf?: string;
}

export function registerQualityCommands(program: Command, support: QualityCliSupport): void {
  /** The first issues of a failed parse, each with the path of the bad field. */
  const issues = (error: z.ZodError): string =>
    error.issues
      .slice(0, 5)
      .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
      .join('; ') + (error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : '');

  const readJson = (file: string, what: string): unknown => {
    let text: string;
    try {
      text = readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (error) {
      support.fail(`cannot read the ${what} ${file}: ${(error as Error).message}`);
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      support.fail(`the ${what} ${file === '-' ? 'on stdin' : file} is not JSON: ${(error as Error).message}`);
    }
  };

  /**
   * The working calendar of the calendar module: administrators' schedules when there is a
   * database to read them from, else (no data folder yet, or the server holds it) the bundled
   * official schedules and the rules, with the same settings as the calendar service.
   */
  async function withCalendar<T>(fn: (calendar: WorkingCalendar) => T): Promise<T> {
    const cfg = support.config();
    const bundled = () =>
      createWorkingCalendar(
        { sessions: parseSessions(cfg.WORK_SESSIONS), hoursPerDay: cfg.WORKING_DAY_HOURS, weeklyDaysOff: [0, 6] },
        (year) => scheduleForYear(year, new Map(), { vietnameseCultureDayFrom: cfg.HOLIDAY_CULTURE_DAY_FROM_YEAR }),
      );
    if (!cfg.DATABASE_URL && !existsSync(path.join(cfg.DATA_DIR, 'pgdata', 'PG_VERSION'))) return fn(bundled());
    try {
      return await support.withDatabase(async (database, c) => {
        const calendar = createCalendarModule({ config: c, db: database.db, units: support.units(database, c) });
        return fn(await calendar.service.calendar());
      });
    } catch (error) {
      if (!(error instanceof DataDirInUseError)) throw error;
      support.warn('warning: the embedded database is in use by the running server; administrators’ schedule changes are not read (bundled schedules and rules only)');
      return fn(bundled());
    }
  }

  /** The period of --period or --from/--to (exit 2 when neither or both are given, or one is wrong). */
  function periodOf(opts: { period?: string; from?: string; to?: string }): Period {
    try {
      if (opts.period !== undefined) {
        if (opts.from !== undefined || opts.to !== undefined) support.fail('invalid input: give --period or --from/--to, not both');
        return parsePeriod(opts.period);
      }
      if (opts.from !== undefined && opts.to !== undefined) return parsePeriod({ from: opts.from, to: opts.to });
      support.fail('invalid input: give --period (2026-03, 2026-Q1, 2026) or both --from and --to');
    } catch (error) {
      if (error instanceof PeriodError) support.fail(`invalid input: ${error.message}`);
      throw error;
    }
  }

  const index766 = program.command('index766').description('Decision 766/QĐ-TTg service quality index');

  index766
    .command('bundle')
    .description('print this installation’s bundle of a period (what `index766 compute --input` reads) as one JSON object')
    .option('--period <period>', 'a month 2026-03, a quarter 2026-Q1 or a year 2026')
    .option('--from <date>', 'first day of a custom period, YYYY-MM-DD (with --to)')
    .option('--to <date>', 'last day of a custom period, YYYY-MM-DD (with --from)')
    .option('--unit <id>', 'a unit with its sub-units')
    .option('--procedure <code>', 'one procedure')
    .action(async (opts: { period?: string; from?: string; to?: string; unit?: string; procedure?: string }) => {
      const period = periodOf(opts);
      await support.withDatabase(async (database, cfg) => {
        const quality = support.quality(database, cfg);
        if (opts.unit !== undefined && (await support.units(database, cfg).tree()).isActive(opts.unit) === undefined) support.fail(`invalid input: no unit ${opts.unit}`);
        const bundle = await quality.bundle(period, { ...(opts.unit !== undefined ? { unitId: opts.unit } : {}), ...(opts.procedure !== undefined ? { procedureCode: opts.procedure } : {}) });
        support.out(JSON.stringify(bundle));
      });
    });

  index766
    .command('facts')
    .description('build the real-time counters of the dossiers that have none (written in bulk, or before an upgrade)')
    .action(async () => {
      await support.withDatabase(async (database, cfg) => {
        const applied = (await support.quality(database, cfg).facts?.applyMissing()) ?? 0;
        support.out(`dossiers counted: ${applied}`);
      });
    });

  index766
    .command('freeze')
    .description('freeze a month that is over for publication (the ministry and every active unit); a month frozen already is left as it is')
    .requiredOption('--period <month>', 'the month, 2026-03')
    .action(async (opts: { period: string }) => {
      if (!/^\d{4}-\d{2}$/.test(opts.period)) support.fail(`invalid input: --period "${opts.period}" is not a month (expected 2026-03)`);
      await support.withDatabase(async (database, cfg) => {
        const publication = support.quality(database, cfg).publication;
        if (!publication) support.fail('the quality module was built without its publication');
        try {
          const outcome = await publication.freeze(opts.period, { by: systemActor('motcua index766 freeze') });
          support.out(JSON.stringify(outcome));
        } catch (error) {
          if (error instanceof PublicationError) support.fail(`invalid input: ${error.message}`);
          throw error;
        }
      });
    });

  index766
    .command('compute')
    .description('print the index of a bundle for a period as one JSON object')
    .requiredOption('--input <file>', 'the bundle (JSON: scope, procedures, dossiers, feedback, ratings, reportCounts); - for stdin')
    .option('--period <period>', 'a month 2026-03, a quarter 2026-Q1 or a year 2026')
    .option('--from <date>', 'first day of a custom period, YYYY-MM-DD (with --to)')
    .option('--to <date>', 'last day of a custom period, YYYY-MM-DD (with --from)')
    .option('--explain', 'add to each indicator the dossiers, procedures or feedback behind its figures')
    .option('--settings <file>', 'JSON overriding any of the engine’s settings (targets, points, unconfirmed rules, bands)')
    .option('--as-of <iso>', 'judge a period that is not over as of this moment (default: now)')
    .action(async (opts: ComputeOpts) => {
      const period = periodOf(opts);
      let now = new Date();
      if (opts.asOf !== undefined) {
        now = new Date(opts.asOf);
        if (!/^\d{4}-\d{2}-\d{2}T/.test(opts.asOf) || !Number.isFinite(now.getTime())) support.fail(`invalid input: --as-of "${opts.asOf}" is not an ISO 8601 moment`);
      }

      const parsedSettings = opts.settings === undefined ? undefined : QualitySettingsSchema.safeParse(readJson(opts.settings, 'settings file'));
      if (parsedSettings && !parsedSettings.success) support.fail(`invalid settings (${issues(parsedSettings.error)})`);
      const parsed = QualityBundleSchema.safeParse(readJson(opts.input, 'bundle'));
      if (!parsed.success) support.fail(`invalid bundle (${issues(parsed.error)})`);
      const bundle: QualityBundle = parsed.data;
      const settings = resolveSettings(parsedSettings?.data);

      const result = await withCalendar((workingDays) => {
        try {
          return computeIndex(bundle, period, settings, { workingDays, now, ...(opts.explain ? { explain: true } : {}) });
        } catch (error) {
          if (error instanceof CalendarRangeError) support.fail(`invalid input: ${error.message}`);
          throw error;
        }
      });
      // The contract's explanation is the English reasons; their codes are for the pages.
      support.out(JSON.stringify(result, (key, value: unknown) => (key === 'reasonCodes' || key === 'noteCodes' ? undefined : value)));
    });
}
