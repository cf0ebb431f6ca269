// The real application over a command-line harness's database and data folder (the same rows,
// the same file store, the same development CA), to set up what a command then reads. Close it
// before running the command: the embedded database has one user at a time.
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createStaticPrefillSource } from '../../src/modules/catalog/prefill-source.ts';
import { TEST_CITIZEN_ID, TEST_CITIZEN_VALUES } from '../../src/modules/catalog/testing.ts';
import type { DossierTestApp } from '../../src/modules/dossiers/testing.ts';
import { buildApp } from '../../src/server.ts';
import type { CliHarness } from './cli.ts';

export async function openHarnessApp(harness: Pick<CliHarness, 'dir' | 'databaseUrl'>): Promise<DossierTestApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', POPULATION_EMULATOR_PEOPLE: '0', DATA_DIR: path.join(harness.dir, 'data'), DATABASE_URL: harness.databaseUrl });
  const database = await openDatabase(config);
  await migrateToLatest(database.db);
  const app = await buildApp({ config, database, catalogPrefill: createStaticPrefillSource({ [TEST_CITIZEN_ID]: TEST_CITIZEN_VALUES }, 'test-population') });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    config,
    dataDir: config.DATA_DIR,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
