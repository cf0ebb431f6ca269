// The motcua command line: start, migrate, calendar and identifier checks. Its output formats are
// an interface that others script against: keep them stable.
import { can } from './core/access/index.ts';
import { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { DataDirInUseError, openDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { registerCalendarCommands } from './modules/calendar/cli.ts';
import { registerIdentifierCommands } from './modules/identifiers/cli.ts';
import { registerPopulationCommands } from './emulators/population/cli.ts';
import { registerSsoEmulatorCommand } from './emulators/sso/cli.ts';
import { registerOfficerCommands } from './modules/identity/cli.ts';
import { registerCatalogCommands } from './modules/catalog/cli.ts';
import { createCatalogModule } from './modules/catalog/module.ts';
import { createDefaultPrefillSource } from './modules/catalog/prefill-source.ts';
import { createUnitDirectory } from './modules/identity/units/directory.ts';
import { registerJobsCommands } from './modules/jobs/cli.ts';
import { createJobsModule } from './modules/jobs/module.ts';
import { createNotificationsModule } from './modules/notifications/module.ts';
import { createCalendarModule } from './modules/calendar/module.ts';
import { seedCatalog } from './modules/catalog/seed/seed.ts';
import { registerDossierCommands, type DossierCliModules } from './modules/dossiers/cli.ts';
import { createDossiersModule } from './modules/dossiers/module.ts';
import { registerFilesCommands } from './modules/files/cli.ts';
import { createFilesModule } from './modules/files/module.ts';
import { findOfficerPrincipal, seedUnits } from './modules/identity/module.ts';
import { createPaymentsModule } from './modules/payments/module.ts';
import { registerQualityCommands } from './modules/quality/cli.ts';
import { createQualityModule, installationData } from './modules/quality/module.ts';
import { createFeedbackModule } from './modules/feedback/module.ts';
import { registerPortalSyncCommands } from './modules/portal-sync/cli.ts';
import { createPortalSyncModule } from './modules/portal-sync/module.ts';
import { registerResultCommands } from './modules/results/cli.ts';
import { registerLgspCommands } from './modules/lgsp/cli.ts';
import { createLgspModule } from './modules/lgsp/module.ts';
import { createPopulationModule } from './modules/population/module.ts';
import { registerRegistriesCommands } from './modules/registries/cli.ts';
import { createRegistriesModule } from './modules/registries/module.ts';

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

const fail = (message: string): never => {
  throw new CliError(message);
};
const out = (line: string) => process.stdout.write(`${line}\n`);

// Working-time calendar (calendar module) and identifier checks (identifiers module).
registerCalendarCommands(program, { withDatabase, config, fail, out, warn: (line) => process.stderr.write(`${line}\n`) });
registerIdentifierCommands(program, {
  out,
  setExitCode: (code) => {
    process.exitCode = code;
  },
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

// Jobs (jobs module), with the handlers of the modules that queue them.
const stderrLog = {
  info: () => {},
  warn: (_obj: object, msg: string) => process.stderr.write(`warning: ${msg}\n`),
  error: (obj: object, msg: string) => process.stderr.write(`error: ${msg} ${JSON.stringify(obj, (k, v: unknown) => (k === 'err' ? String(v) : v))}\n`),
};
registerJobsCommands(program, {
  withDatabase,
  jobsModule: (database, cfg) => {
    const jobs = createJobsModule({ config: cfg, db: database.db, log: stderrLog });
    createNotificationsModule({ config: cfg, db: database.db, jobs, log: stderrLog });
    return jobs;
  },
  out,
});

// Dossiers (dossiers module): the modules built over the command's database as server.ts builds them.
function dossierModules(database: Database, cfg: Config) {
  const units = createUnitDirectory(database.db, cfg.UNIT_CACHE_MS);
  const deps = { config: cfg, db: database.db, units };
  const calendar = createCalendarModule(deps);
  const catalog = createCatalogModule({ ...deps, prefill: createDefaultPrefillSource() });
  const files = createFilesModule(deps);
  const payments = createPaymentsModule(deps);
  const jobs = createJobsModule({ config: cfg, db: database.db, log: stderrLog });
  const notifications = createNotificationsModule({ config: cfg, db: database.db, jobs, log: stderrLog });
  const dossiers = createDossiersModule({
    ...deps,
    calendar,
    catalog,
    files,
    payments,
    jobs,
    notifications,
    contact: async () => undefined,
    officersCovering: async () => [],
    publicUrl: () => cfg.PUBLIC_URL ?? `http://localhost:${cfg.PORT}`,
    // The counter's prefill is an HTTP use case; commands never query the population database through it.
    population: createPopulationModule(deps).service,
  });
  return { units, calendar, catalog, files, payments, dossiers, jobs, notifications };
}

registerDossierCommands(program, {
  withDatabase,
  config,
  modules: (database, cfg): DossierCliModules => dossierModules(database, cfg),
  prepareCatalog: async (database, _cfg, modules) => {
    await seedUnits(database.db);
    modules.units.invalidate();
    await seedCatalog(database.db, modules.catalog);
  },
  fail,
  out,
  warn: (line) => process.stderr.write(`${line}\n`),
  setExitCode: (code) => {
    process.exitCode = code;
  },
});

// Stored files (files module): the cleanup over the files module the dossier modules are built
// with, so the keepers they register (a draft's uploads) are asked as in the server's nightly run.
registerFilesCommands(program, {
  withDatabase,
  filesModule: (database, cfg) => dossierModules(database, cfg).files,
  out,
  warn: (line) => process.stderr.write(`${line}\n`),
  setExitCode: (code) => {
    process.exitCode = code;
  },
});

// Quality index (quality module): the Decision 766 index of a bundle file, over the calendar module's working calendar.
registerQualityCommands(program, {
  withDatabase,
  config,
  units: (database, cfg) => createUnitDirectory(database.db, cfg.UNIT_CACHE_MS),
  // The index over the installation's data, built as server.ts builds it.
  quality: (database, cfg) => {
    const { units, calendar, catalog, dossiers, jobs, notifications } = dossierModules(database, cfg);
    const portalSync = createPortalSyncModule({ config: cfg, db: database.db, units, dossiers, jobs, log: stderrLog });
    const feedback = createFeedbackModule({ config: cfg, db: database.db, units, calendar, catalog, dossiers, jobs, notifications, officersCovering: async () => [] });
    return createQualityModule({ calendar, units, ...installationData({ scopeLevel: cfg.INDEX766_SCOPE_LEVEL, db: database.db, jobs, catalog, dossiers, portalSync, feedback }) });
  },
  fail,
  out,
  warn: (line) => process.stderr.write(`${line}\n`),
});

// Delivery to the national portal (portal-sync module), over the same modules.
registerPortalSyncCommands(program, {
  withDatabase,
  portalSync: (database, cfg) => {
    const { dossiers, jobs, units } = dossierModules(database, cfg);
    return createPortalSyncModule({ config: cfg, db: database.db, units, dossiers, jobs, log: stderrLog });
  },
  fail,
  out,
});

// Signed results (results module): verification of a PDF against this installation's results.
registerResultCommands(program, {
  withDatabase,
  resultsModule: async (database, cfg) => {
    // Loaded on demand: the PDF and certificate libraries are not needed by the other commands.
    const { createResultsModule } = await import('./modules/results/module.ts');
    const deps = { config: cfg, db: database.db, units: createUnitDirectory(database.db, cfg.UNIT_CACHE_MS) };
    return createResultsModule({
      ...deps,
      files: createFilesModule(deps),
      jobs: createJobsModule({ config: cfg, db: database.db, log: stderrLog }),
      publicUrl: () => cfg.PUBLIC_URL ?? `http://localhost:${cfg.PORT}`,
      readableDossierFile: () => fail('not available from the command line'),
    });
  },
  out,
  fail,
  setExitCode: (code) => {
    process.exitCode = code;
  },
});

// Data-exchange gateway (lgsp module): consumers and the message log (no providers are offered here).
registerLgspCommands(program, {
  withDatabase,
  module: (database, cfg) => createLgspModule({ config: cfg, db: database.db, units: createUnitDirectory(database.db, cfg.UNIT_CACHE_MS) }),
  fail,
  out,
  setExitCode: (code) => {
    process.exitCode = code;
  },
});

// Sector databases (registries module): reconciliation with the population database, over the
// population module built as server.ts builds it (its client reaches POPULATION_API_URL).
registerRegistriesCommands(program, {
  withDatabase,
  config,
  async operator(database, cfg, username) {
    const p = await findOfficerPrincipal(database.db, username);
    if (!p) return { refused: `no enabled officer account ${username}` };
    const tree = await createUnitDirectory(database.db, cfg.UNIT_CACHE_MS).tree();
    if (!can(p, 'registry.reconcile', 'any', tree)) return { refused: `${username} does not hold registry.reconcile (a role that reconciles the sector databases)` };
    // The unit the query log names, as the reconciliation routes name it (the first role's).
    return { accountId: p.accountId, name: p.fullName, username: p.username, unitId: p.roles[0]?.unitId ?? null };
  },
  registries: (database, cfg) => {
    const deps = { config: cfg, db: database.db, units: createUnitDirectory(database.db, cfg.UNIT_CACHE_MS) };
    return createRegistriesModule({ ...deps, population: createPopulationModule(deps) });
  },
  fail,
  out,
  progress: { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY === true },
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
