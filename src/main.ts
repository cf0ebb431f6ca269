// Starts motcua: configuration, database, migrations, HTTP server, graceful shutdown.
import { performance } from 'node:perf_hooks';
import { ConfigError, emulatorWarnings, loadConfig, type Config } from './config.ts';
import type { FastifyBaseLogger } from 'fastify';
import { openDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedUnits } from './modules/identity/seed/units.ts';
import { demoAccountsWanted, DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD, seedDemoOfficers } from './modules/identity/seed/demo-officers.ts';
import { buildApp } from './server.ts';
import { seedPopulationInBackground } from './emulators/population/startup.ts';
import type { CatalogModule } from './modules/catalog/module.ts';
import { seedCatalog } from './modules/catalog/seed/seed.ts';
import { createCalendarModule } from './modules/calendar/module.ts';
import { seedDemoDossiers } from './modules/dossiers/demo.ts';
import { seedDemoWarehouse } from './modules/warehouse/demo.ts';
import { emulatedPdf } from './emulators/national-warehouse/server.ts';
import { SYNTHETIC_ORGANIZATIONS } from './emulators/sso/subjects.ts';
import { seedOf, syntheticCitizen } from './emulators/population/generator.ts';
import type { UnitDirectory } from './modules/identity/units/directory.ts';
import type { FeedbackModule } from './modules/feedback/module.ts';
import type { LgspModule } from './modules/lgsp/module.ts';
import { DEMO_CONSUMER_ID, DEMO_CONSUMER_SECRET, seedLgspDemo } from './modules/lgsp/demo.ts';

export async function start(config: Config): Promise<void> {
  const startedAt = performance.now();
  const database = await openDatabase(config);
  let demoOfficers: Awaited<ReturnType<typeof seedDemoOfficers>> | undefined;
  try {
    if (config.MIGRATE_ON_START) await migrateToLatest(database.db);
    // Reference data: the ministry's units (missing ones only; administrators' edits are kept).
    await seedUnits(database.db);
    // Demo officers (README "Demo accounts"); never in production.
    if (demoAccountsWanted(config)) {
      demoOfficers = await seedDemoOfficers(database.db, config.TOTP_ISSUER);
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  // Settings that depend on each other (e.g. OIDC_ISSUER without its client) are checked here.
  const app = await buildApp({ config, database }).catch(async (error: unknown) => {
    await database.close();
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  });
  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info(
    { database: database.kind, readyInMs: Math.round(performance.now() - startedAt) },
    `motcua ready on http://localhost:${(app.server.address() as { port: number }).port}`,
  );
  // An emulator of a national system in production was asked for explicitly (SSO_EMULATOR=true,
  // POPULATION_EMULATOR=true): say so loudly, on every start.
  for (const warning of emulatorWarnings(config)) {
    app.log.warn({ emulator: true }, warning);
    process.stderr.write(`WARNING: ${warning}\n`);
  }
  if (demoOfficers?.created.length) {
    app.log.warn(
      { officers: demoOfficers.created, password: DEMO_PASSWORD, adminTotpSecret: DEMO_ADMIN_TOTP_SECRET, adminOtpauthUrl: demoOfficers.adminOtpauthUrl },
      'demo officer accounts created (demo password; the administrator "quantri" also needs a TOTP code from the secret)',
    );
  }

  // The 766 facts counted otherwise than this version counts them (an upgrade that changed the
  // counting, other settings) are recounted by background jobs; checked before any demo dossier
  // is counted, so that a first start only records the fingerprint.
  const counting = (app.quality.facts?.recountIfChanged() ?? Promise.resolve(undefined))
    .then((outcome) => {
      if (outcome === 'queued') app.log.warn('the 766 counters were counted otherwise than this version counts them: every dossier is being recounted in the background');
    })
    .catch((error: unknown) => app.log.error({ err: error }, 'could not check how the 766 counters were counted'));

  // Demo data that takes a second or two is loaded right after the server answers, so that a
  // first start is ready quickly: the seed catalog of the ministry's procedures (into an empty
  // catalog only, CATALOG_SEED), then the population database emulator's synthetic people.
  const catalogSeeding = config.CATALOG_SEED
    ? seedCatalogInBackground(app.log, database, app.catalog)
    : Promise.resolve();
  const populationSeeding = catalogSeeding.then(() => seedPopulationInBackground(app.log, config, database));
  // About 200 demo dossiers in every status on the embedded default, so every worklist and page
  // shows something on the first start (into an empty dossier table only).
  const dossierSeeding =
    config.CATALOG_SEED && database.kind === 'pglite'
      ? catalogSeeding.then(() => seedDossiersInBackground(app.log, config, database, app.catalog, app.units))
      : Promise.resolve(0);
  // Then a few dozen ratings of the returned demo dossiers and about twenty PAKN in every status.
  const feedbackSeeding =
    config.CATALOG_SEED && database.kind === 'pglite' ? dossierSeeding.then(() => seedFeedbackInBackground(app.log, app.feedback)) : Promise.resolve();

  // The development CA of signed results (DATA_DIR/signing) on its first start: not legally valid.
  const devCa = app.results.devCa?.().then(
    (ca) => app.log.warn({ ca: ca.paths.caCert }, 'results are signed with the development CA: test only, not legally valid (SIGNING_DEV_CA)'),
    (error: unknown) => app.log.error({ err: error }, 'could not open the development CA'),
  );

  // The finished and returned demo dossiers of procedures that produce a document get their signed
  // result (the template, the development CA, the code, the warehouse), right after the demo
  // dossiers are generated (into dossiers without a result only).
  const resultSeeding = dossierSeeding.then(async (created) => {
    if (!created) return;
    await devCa;
    const started = performance.now();
    const issued = await app.dossiers.issueDemoResults();
    if (issued > 0) app.log.info({ results: issued, ms: Math.round(performance.now() - started) }, 'signed results issued for the demo dossiers');
  }).catch((error: unknown) => app.log.error({ err: error }, 'could not issue the signed results of the demo dossiers'));

  // The demo dossiers were written in bulk, without the events that keep the 766 counters: their
  // facts (after their results, which the record's DanhSachGiayToKetQua names). Only where demo
  // dossiers are: on PostgreSQL, looking for dossiers without facts at every start read every
  // dossier id (at 1M, a background scan that ran beside the first hours of work); dossiers
  // written in bulk there get theirs from `motcua index766 facts`.
  const qualitySeeding = Promise.all([dossierSeeding, resultSeeding, counting]).then(async ([created]) => {
    if (!created && database.kind !== 'pglite') return;
    const applied = (await app.quality.facts?.applyMissing()) ?? 0;
    if (applied > 0) app.log.info({ dossiers: applied }, 'quality counters built for the demo dossiers');
  }).catch((error: unknown) => app.log.error({ err: error }, 'could not build the quality counters of the demo dossiers'));

  // The gateway's demo consumer (README "Demo accounts"), and on the embedded default a few
  // hundred logged calls through the real log writer (into an empty log only).
  const lgspSeeding = demoAccountsWanted(config)
    ? seedLgspInBackground(app.log, database, app.lgsp, database.kind === 'pglite' ? config.LGSP_DEMO_CALLS : 0)
    : Promise.resolve();

  // A few warehouse documents for the first demo citizens and the demo organizations, which a new
  // dossier can reuse (after the demo officers exist: the demo receiver digitized them).
  const warehouseSeeding = demoAccountsWanted(config) ? seedWarehouseInBackground(app, config, database) : Promise.resolve();

  // The four sector databases' demo records, their people checked with the population emulator's
  // citizens (after the emulator is seeded and the demo officers exist), into empty tables only.
  const sectorSeeding = demoAccountsWanted(config) ? populationSeeding.then(() => seedSectorsInBackground(app, config, database)) : Promise.resolve();

  // Graceful shutdown: stop accepting, let in-flight requests finish (up to SHUTDOWN_TIMEOUT_MS),
  // then close the database. A second signal exits at once.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    try {
      await app.close();
      await catalogSeeding;
      await populationSeeding;
      await dossierSeeding;
      await resultSeeding;
      await qualitySeeding;
      await feedbackSeeding;
      await devCa;
      await lgspSeeding;
      await warehouseSeeding;
      await sectorSeeding;
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function seedCatalogInBackground(log: FastifyBaseLogger, database: Database, catalog: CatalogModule): Promise<void> {
  const started = performance.now();
  return seedCatalog(database.db, catalog).then(
    (created) => {
      if (created > 0) log.info({ procedures: created, ms: Math.round(performance.now() - started) }, 'seed catalog loaded');
    },
    (error: unknown) => log.error({ err: error }, 'could not load the seed catalog'),
  );
}

/** Resolves to how many demo dossiers were created (0 when there were dossiers already, or on error). */
function seedDossiersInBackground(log: FastifyBaseLogger, config: Config, database: Database, catalog: CatalogModule, units: UnitDirectory): Promise<number> {
  const started = performance.now();
  const calendar = createCalendarModule({ config, db: database.db, units }).service;
  return seedDemoDossiers({ db: database.db, config, catalog, units, calendar: () => calendar.calendar() }).then(
    (created) => {
      if (created > 0) log.info({ dossiers: created, ms: Math.round(performance.now() - started) }, 'demo dossiers loaded');
      return created;
    },
    (error: unknown) => {
      log.error({ err: error }, 'could not load the demo dossiers');
      return 0;
    },
  );
}

function seedFeedbackInBackground(log: FastifyBaseLogger, feedback: FeedbackModule): Promise<void> {
  return feedback.seedDemo().then(
    (created) => {
      if (created.ratings + created.feedback > 0) log.info(created, 'demo ratings and feedback loaded');
    },
    (error: unknown) => log.error({ err: error }, 'could not load the demo ratings and feedback'),
  );
}

function seedLgspInBackground(log: FastifyBaseLogger, database: Database, lgsp: LgspModule, calls: number): Promise<void> {
  const started = performance.now();
  return seedLgspDemo(database.db, lgsp, { calls }).then(
    (written) => {
      log.info({ consumer: DEMO_CONSUMER_ID, secret: DEMO_CONSUMER_SECRET, calls: written, ms: Math.round(performance.now() - started) }, 'data-exchange gateway demo consumer ready');
    },
    (error: unknown) => log.error({ err: error }, 'could not load the gateway demo data'),
  );
}

function seedWarehouseInBackground(app: Awaited<ReturnType<typeof buildApp>>, config: Config, database: Database): Promise<void> {
  const seed = seedOf(config.SSO_EMULATOR_SEED ?? String(config.POPULATION_EMULATOR_SEED));
  const owners = [
    ...[0, 1, 2].map((i) => ({ kind: 'citizen' as const, identifier: syntheticCitizen(i, seed).personalId })),
    ...SYNTHETIC_ORGANIZATIONS.map((o) => ({ kind: 'organization' as const, identifier: o.taxCode })),
  ];
  return (async () => {
    const receiver = await database.db.selectFrom('account').select('id').where('username', '=', 'tiepnhan.mc').executeTakeFirst();
    if (!receiver) return;
    const created = await seedDemoWarehouse({ db: database.db, files: app.files, recordedBy: receiver.id, pdf: emulatedPdf }, owners);
    if (created > 0) app.log.info({ documents: created }, 'demo warehouse documents loaded');
  })().catch((error: unknown) => app.log.error({ err: error }, 'could not load the demo warehouse documents'));
}

function seedSectorsInBackground(app: Awaited<ReturnType<typeof buildApp>>, config: Config, database: Database): Promise<void> {
  return (async () => {
    const officer = await database.db.selectFrom('account').select(['id', 'username', 'full_name']).where('username', '=', 'quantri').executeTakeFirst();
    if (!officer?.username) return;
    const actor = { kind: 'officer' as const, accountId: officer.id, name: officer.full_name, officerCode: officer.username, unitId: 'trung-tam-cntt' };
    // The emulator's synthetic citizens by index (the same people the population database answers for).
    const seed = seedOf(config.SSO_EMULATOR_SEED ?? String(config.POPULATION_EMULATOR_SEED));
    const citizen = (index: number) => {
      const c = syntheticCitizen(index, seed);
      return { personalId: c.personalId, oldIdNumber: c.oldIdNumber, fullName: c.fullName, birthDate: c.birthDate };
    };
    for (const sector of app.sectors) {
      const created = await sector.seedDemo({ actor, citizen });
      if (created > 0) app.log.info({ registry: sector.registry, records: created }, 'demo sector records loaded');
    }
  })().catch((error: unknown) => app.log.error({ err: error }, 'could not load the demo sector records'));
}

/** Loads configuration or exits with one line naming the wrong variable. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await start(configOrExit());
}
