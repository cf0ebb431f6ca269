// The motcua command line: start, migrate, calendar and identifier checks. Its output formats are
// an interface that others script against: keep them stable.
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { formatLocalIso } from './core/calendar/index.ts';
import { checkPersonalId } from './core/identifiers/index.ts';
import { DataDirInUseError, openDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createCalendarService } from './modules/calendar/service.ts';
import { DeadlineQuery, YearScheduleInput } from './modules/calendar/schema.ts';
import { registerPopulationCommands } from './emulators/population/cli.ts';
import { registerSsoEmulatorCommand } from './emulators/sso/cli.ts';
import { registerOfficerCommands } from './modules/identity/cli.ts';
import { registerCatalogCommands } from './modules/catalog/cli.ts';
import { createCatalogModule } from './modules/catalog/module.ts';
import { createDefaultPrefillSource } from './modules/catalog/prefill-source.ts';
import { createUnitDirectory } from './modules/identity/units/directory.ts';

class CliError extends Error {}

function config(): Config {
  try {
    return loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

async function withDatabase<T>(fn: (database: Database, cfg: Config) => Promise<T>): Promise<T> {
  const cfg = config();
  const database = await openDatabase(cfg);
  try {
    await migrateToLatest(database.db);
    return await fn(database, cfg);
  } finally {
    await database.close();
  }
}

/** Read-only calendar commands still answer while the server holds the embedded database. */
async function withCalendar<T>(fn: (calendar: ReturnType<typeof createCalendarService>) => Promise<T>): Promise<T> {
  const cfg = config();
  try {
    return await withDatabase((database) => fn(createCalendarService(database.db, cfg)));
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    process.stderr.write(
      'warning: the embedded database is in use by the running server; administrators’ schedule ' +
        'changes are not read (bundled schedules and rules only)\n',
    );
    const { openPglite } = await import('./db/database.ts');
    const memory = await openPglite();
    try {
      await migrateToLatest(memory.db);
      return await fn(createCalendarService(memory.db, cfg));
    } finally {
      await memory.close();
    }
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CliError(`${what}${issue.path.length ? ` (${issue.path.join('.')})` : ''}: ${issue.message}`);
  }
  return parsed.data;
}

const yearArg = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1976 || n > 2199) throw new InvalidArgumentError('expects a year 1976–2199');
  return n;
};

const program = new Command('motcua')
  .description('motcua — hệ thống thông tin giải quyết thủ tục hành chính')
  .showHelpAfterError();

program
  .command('start')
  .description('start the server (embedded PGlite unless DATABASE_URL is set)')
  .action(async () => {
    const cfg = config();
    // The web app is built on first start and whenever its sources changed since the last build.
    const { buildWebIfStale } = await import('../scripts/build-web-if-stale.ts');
    try {
      await buildWebIfStale();
    } catch (error) {
      process.stderr.write(`warning: the web app could not be built: ${(error as Error).message}\n`);
    }
    const { start } = await import('./main.ts');
    await start(cfg);
  });

program
  .command('migrate')
  .description('apply database migrations')
  .action(async () => {
    await withDatabase(async (database) => {
      const applied = await migrateToLatest(database.db);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is current\n');
    });
  });

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
    const result = await withCalendar((c) => c.deadline(new Date(q.from), q.amount, q.unit, opts.skipDaysOff));
    process.stdout.write(`${formatLocalIso(result.due)}\n`);
  });

calendar
  .command('days-off')
  .description("print a year's days off for civil servants")
  .requiredOption('--year <year>', 'the year', yearArg)
  .option('--json', 'print JSON')
  .action(async (opts: { year: number; json?: boolean }) => {
    const schedule = await withCalendar((c) => c.yearSchedule(opts.year));
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(schedule, null, 2)}\n`);
      return;
    }
    const state = schedule.status === 'official' ? 'official' : 'estimated';
    for (const d of schedule.daysOff) {
      process.stdout.write(`${d.date}\t${d.name.vi}\t${d.kind}\t${state}\n`);
    }
    for (const d of schedule.workingWeekendDays) {
      process.stdout.write(`${d.date}\tLàm bù${d.replaces ? ` cho ${d.replaces}` : ''}\tworking_day\t${state}\n`);
    }
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
      throw new CliError(`cannot read ${opts.file}: ${(error as Error).message}`);
    }
    const input = parseWith(YearScheduleInput, raw, 'invalid schedule');
    await withDatabase(async (database, cfg) => {
      const saved = await createCalendarService(database.db, cfg).setYear(opts.year, input, `cli:${opts.actor}`);
      process.stdout.write(`${saved.year}: ${saved.daysOff.length} days off saved (official)\n`);
    });
  });

calendar
  .command('reset-year')
  .description("remove an administrator's schedule of a year (back to bundled data or estimate)")
  .requiredOption('--year <year>', 'the year', yearArg)
  .option('--actor <name>', 'who makes the change', process.env.USER ?? 'cli')
  .action(async (opts: { year: number; actor: string }) => {
    await withDatabase(async (database, cfg) => {
      const now = await createCalendarService(database.db, cfg).resetYear(opts.year, `cli:${opts.actor}`);
      process.stdout.write(`${now.year}: now ${now.origin} (${now.status})\n`);
    });
  });

const id = program.command('id').description('identifiers defined by law');
id.command('check')
  .description('check a personal identification number (12 digits) or legacy CMND (9 digits)')
  .argument('<number>')
  .action((value: string) => {
    const result = checkPersonalId(value);
    if (result.valid) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      process.stdout.write(`${JSON.stringify({ valid: false, reason: result.reason, code: result.code })}\n`);
      process.exitCode = 1;
    }
  });

// Officer accounts (identity module).
registerOfficerCommands(program, {
  withDatabase,
  fail: (message) => {
    throw new CliError(message);
  },
  out: (line) => process.stdout.write(`${line}\n`),
});

// Procedure catalog (catalog module): commands build the module over their own database and unit
// directory (no prefill: commands fill in no forms).
registerCatalogCommands(program, {
  withDatabase,
  catalogModule: (database, cfg) =>
    createCatalogModule({ config: cfg, db: database.db, units: createUnitDirectory(database.db, cfg.UNIT_CACHE_MS), prefill: createDefaultPrefillSource() }),
  fail: (message) => {
    throw new CliError(message);
  },
  out: (line) => process.stdout.write(`${line}\n`),
});

// Emulators of national systems: each adds its subcommand to this group.
const emulator = program.command('emulator').description('stand-ins for national systems (real protocols)');
registerSsoEmulatorCommand(emulator, config);
registerPopulationCommands(program, emulator, { config, fail: (message) => new CliError(message) });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CliError || error instanceof DataDirInUseError) {
    process.stderr.write(`motcua: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
