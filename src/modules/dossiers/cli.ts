// Command-line dossiers (`./bin/motcua dossiers ...`): replay a log file against the rules, verify
// every stored log against its projection, export the national portal's sync records, and
// generate synthetic dossiers for benchmarks. Output formats are a scripted interface: keep them
// stable. Exit codes: 0 done, 1 a broken rule or a problem found, 2 bad input.
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import pg from 'pg';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { createWorkingCalendar, parseSessions, scheduleForYear, type WorkingCalendar } from '../../core/calendar/index.ts';
import { CHANNEL, replay, replaySummary, type DossierAction, type DossierFacts } from '../../core/dossiers/index.ts';
import { DataDirInUseError, type Database } from '../../db/database.ts';
import type { CalendarModule } from '../calendar/module.ts';
import type { CatalogModule } from '../catalog/module.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import type { PaymentsModule } from '../payments/module.ts';
import type { DossiersModule } from './module.ts';
import { generateDossiers } from './generate.ts';
import { componentFlagsReader } from '../warehouse/module.ts';
import { loadSyncRecord } from './sync-record.ts';
import { dossierIdsReceivedBetween } from './sync-store.ts';

/** The modules the commands use, built over an open database (cli.ts builds them as server.ts does). */
export interface DossierCliModules {
  units: UnitDirectory;
  catalog: CatalogModule;
  calendar: CalendarModule;
  payments: PaymentsModule;
  dossiers: DossiersModule;
}

export interface DossierCliSupport {
  withDatabase<T>(fn: (database: Database, cfg: Config) => Promise<T>): Promise<T>;
  config(): Config;
  modules(database: Database, cfg: Config): DossierCliModules;
  /** Makes sure there are published procedures to generate dossiers for (units and the seed catalog). */
  prepareCatalog(database: Database, cfg: Config, modules: DossierCliModules): Promise<void>;
  fail(message: string): never;
  out(line: string): void;
  warn(line: string): void;
  setExitCode(code: number): void;
}

const TimeLimit = z.strictObject({ value: z.number().positive(), unit: z.enum(['working_days', 'working_hours', 'calendar_days', 'months']) });

/** The replay file: the facts the rules read and the log. */
export const ReplayFile = z.strictObject({
  processingTime: TimeLimit.extend({ skipDaysOff: z.boolean().optional(), online: TimeLimit.optional() }).optional(),
  channel: z.union([z.enum(['direct', 'online', 'postal']).transform((c) => CHANNEL[c]), z.literal(1), z.literal(2), z.literal(3)]),
  settings: z
    .strictObject({
      paymentPausesClock: z.boolean(),
      apologyMarginWorkingDays: z.number().min(0),
      maxApologies: z.number().int().min(0),
      maxSupplementsOnTime: z.number().int().min(0),
    })
    .partial()
    .optional(),
  steps: z
    .array(z.strictObject({ kind: z.enum(['receive', 'transfer', 'assign', 'examine', 'approve', 'sign_issue', 'return']), role: z.string().optional(), unitId: z.string().optional(), budget: TimeLimit }))
    .optional(),
  actions: z.array(
    z.object({
      // Any string: an unknown action is a broken rule of the log (exit 1), not a bad file.
      type: z.string().min(1),
      at: z.string().min(1),
      actor: z.string().nullable().optional(),
      newDueAt: z.string().optional(),
      outcome: z.enum(['granted', 'refused']).optional(),
      assignee: z.string().optional(),
      unitId: z.string().optional(),
    }),
  ),
});

/** Writes a line, waiting when the stream is full (an export of millions streams, it never buffers). */
async function writeLine(stream: Writable, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await once(stream, 'drain');
}

export function registerDossierCommands(program: Command, support: DossierCliSupport): void {
  // Bad option values exit 2 with a message, like every other bad input of these commands.
  const localDate = (name: string) => (value: string): string => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !Number.isFinite(Date.parse(`${value}T00:00:00+07:00`))) support.fail(`invalid input: ${name} expects a date YYYY-MM-DD, got ${value}`);
    return value;
  };
  const positiveInt = (name: string) => (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 100_000_000) support.fail(`invalid input: ${name} expects a whole number from 1, got ${value}`);
    return n;
  };

  const dossiers = program.command('dossiers').description('dossiers: replay a log, verify the stored logs, export, generate');

  /**
   * The working calendar: the bundled official schedules and the rules, plus administrators'
   * entries when there is a database to read them from. A replay creates no database: with the
   * embedded default and no data folder yet, there are no administrators' entries to read.
   */
  async function withCalendar<T>(fn: (calendar: WorkingCalendar) => T | Promise<T>): Promise<T> {
    const cfg = support.config();
    const bundled = () =>
      createWorkingCalendar(
        // The settings the calendar service uses (calendar/service.ts), without its database.
        { sessions: parseSessions(cfg.WORK_SESSIONS), hoursPerDay: cfg.WORKING_DAY_HOURS, weeklyDaysOff: [0, 6] },
        (year) => scheduleForYear(year, new Map(), { vietnameseCultureDayFrom: cfg.HOLIDAY_CULTURE_DAY_FROM_YEAR }),
      );
    if (!cfg.DATABASE_URL && !existsSync(path.join(cfg.DATA_DIR, 'pgdata', 'PG_VERSION'))) return fn(bundled());
    try {
      return await support.withDatabase(async (database, c) => fn(await support.modules(database, c).calendar.service.calendar()));
    } catch (error) {
      if (!(error instanceof DataDirInUseError)) throw error;
      support.warn('warning: the embedded database is in use by the running server; administrators’ schedule changes are not read (bundled schedules and rules only)');
      return fn(bundled());
    }
  }

  dossiers
    .command('replay')
    .description('replay a dossier log against the rules; print the summary (or the broken rule) as one JSON line')
    .argument('<file>', 'JSON {processingTime, channel, settings?, steps?, actions[]}; - for stdin')
    .action(async (file: string) => {
      let text: string;
      try {
        text = readFileSync(file === '-' ? 0 : file, 'utf8');
      } catch (error) {
        support.fail(`cannot read ${file}: ${(error as Error).message}`);
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (error) {
        support.fail(`${file === '-' ? 'stdin' : file} is not JSON: ${(error as Error).message}`);
      }
      const parsed = ReplayFile.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        support.fail(`not a replay file${issue.path.length ? ` (${issue.path.join('.')})` : ''}: ${issue.message}`);
      }
      const { actions, ...rest } = parsed.data;
      const facts = rest as DossierFacts;
      const log = actions.map((a) => ({ ...a, type: a.type as DossierAction['type'] })) as DossierAction[];
      const result = await withCalendar((calendar) => replay(facts, log, calendar));
      if (result.ok) {
        support.out(JSON.stringify(replaySummary(result.state)));
        return;
      }
      const { error, index, status, action } = result.error;
      support.out(JSON.stringify({ error, index, status, action }));
      support.setExitCode(1);
    });

  dossiers
    .command('verify')
    .description('check every stored dossier: its log’s hash chain, its replay, its projection')
    .action(async () => {
      await support.withDatabase(async (database, cfg) => {
        const { dossiers: module } = support.modules(database, cfg);
        const { checked, problems } = await module.service.verify((p) => support.out(`${p.code ?? p.dossierId}\t${p.kind}\t${p.detail}`));
        support.out(`checked ${checked} dossiers: ${problems.length === 0 ? 'no problems' : `${problems.length} with problems`}`);
        if (problems.length > 0) support.setExitCode(1);
      });
    });

  dossiers
    .command('export')
    .description('the national portal’s sync records (HoSoDongBoDVC) of the dossiers received in a date range, as JSON lines')
    .addOption(new Option('--format <format>', 'record format').choices(['dvcqg']).default('dvcqg'))
    .requiredOption('--from <date>', 'first day received (YYYY-MM-DD, Asia/Ho_Chi_Minh)', localDate('--from'))
    .requiredOption('--to <date>', 'last day received, included', localDate('--to'))
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: { format: 'dvcqg'; from: string; to: string; out?: string }) => {
      const from = new Date(`${opts.from}T00:00:00+07:00`);
      const to = new Date(Date.parse(`${opts.to}T00:00:00+07:00`) + 86_400_000);
      if (to <= from) support.fail('invalid input: --to is before --from');
      await support.withDatabase(async (database, cfg) => {
        const m = support.modules(database, cfg);
        const deps = { catalog: m.catalog, units: m.units, payments: m.payments, calendar: () => m.calendar.service.calendar(), componentFlags: componentFlagsReader(database.db, cfg), ...(cfg.PUBLIC_URL ? { baseUrl: cfg.PUBLIC_URL } : {}) };
        const stream: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
        // A reader that stops early (`| head`) ends the export, quietly.
        if (!opts.out) process.stdout.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? process.exit(0) : undefined));
        let after: { receivedAt: Date; id: string } | null = null;
        let count = 0;
        try {
          for (;;) {
            const page = await dossierIdsReceivedBetween(database.db, { from, to }, after, 200);
            if (page.length === 0) break;
            for (const { id } of page) {
              const record = await loadSyncRecord(database.db, id, deps);
              if (record) {
                await writeLine(stream, JSON.stringify(record));
                count++;
              }
            }
            const last = page.at(-1)!;
            after = { receivedAt: last.receivedAt, id: last.id };
          }
        } finally {
          if (opts.out) {
            const done = once(stream, 'close');
            stream.end();
            await done;
          }
        }
        if (opts.out) support.out(`${count} records written to ${opts.out}`);
      });
    });

  dossiers
    .command('generate')
    .description('write synthetic dossiers for benchmarks (valid, chained logs; COPY on PostgreSQL)')
    .requiredOption('--count <n>', 'how many dossiers', positiveInt('--count'))
    .option('--seed <n>', 'random seed (the same seed gives the same dossiers)', positiveInt('--seed'), 1)
    .option('--span-days <n>', 'dossiers start within this many days before now', positiveInt('--span-days'), 120)
    .action(async (opts: { count: number; seed: number; spanDays: number }) => {
      await support.withDatabase(async (database, cfg) => {
        const m = support.modules(database, cfg);
        await support.prepareCatalog(database, cfg, m);
        const started = Date.now();
        const client = cfg.DATABASE_URL ? new pg.Client({ connectionString: cfg.DATABASE_URL }) : undefined;
        await client?.connect();
        try {
          const written = await generateDossiers(
            {
              db: database.db,
              catalog: m.catalog,
              units: m.units,
              calendar: await m.calendar.service.calendar(),
              rules: { paymentPausesClock: cfg.DOSSIER_PAYMENT_PAUSES_CLOCK, apologyMarginWorkingDays: cfg.DOSSIER_APOLOGY_MARGIN_DAYS },
              codes: m.dossiers.settings,
              ...(client ? { pg: client } : {}),
            },
            {
              count: opts.count,
              seed: opts.seed,
              spanDays: opts.spanDays,
              batchSize: client ? 5000 : 1000,
              onProgress: (done) => {
                if (opts.count >= 50_000) support.warn(`${done} / ${opts.count}`);
              },
            },
          );
          support.out(`generated ${written} dossiers in ${((Date.now() - started) / 1000).toFixed(1)} s (${client ? 'COPY' : 'INSERT'})`);
          support.warn('written in bulk, without the events that keep the 766 counters: `motcua index766 facts` counts them');
        } finally {
          await client?.end();
        }
      });
    });
}
