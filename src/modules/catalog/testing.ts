// Test support of the catalog module: an app with an injectable prefill source, and a small valid
// procedure version to start from.
import type { PrefillValues } from '../../core/prefill/attributes.ts';
import { loadConfig, type Config } from '../../config.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { buildApp, type App } from '../../server.ts';
import { createStaticPrefillSource, type PrefillSource } from './prefill-source.ts';
import type { ResultSigner } from '../results/module.ts';

export interface CatalogTestApp {
  app: App;
  database: TestDatabase;
  db: TestDatabase['db'];
  config: Config;
  close(): Promise<void>;
}

/** A citizen of the in-memory prefill source used by the tests. */
export const TEST_CITIZEN_ID = '001099012345';
export const TEST_CITIZEN_VALUES: PrefillValues = {
  personalId: TEST_CITIZEN_ID,
  fullName: 'Nguyễn Thị Thu Hà',
  birthDate: '1999-05-12',
  gender: 'female',
  nationality: 'Việt Nam',
  permanentAddress: 'Số 12 phố Trần Duy Hưng, phường Trung Hòa, quận Cầu Giấy, Hà Nội',
  'permanentAddress.provinceCode': '01',
};

export async function createCatalogTestApp(
  options: { prefill?: PrefillSource; env?: Record<string, string>; resultSigner?: ResultSigner } = {},
): Promise<CatalogTestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', POPULATION_EMULATOR_PEOPLE: '0', ...options.env });
  const app = await buildApp({
    config,
    database,
    catalogPrefill: options.prefill ?? createStaticPrefillSource({ [TEST_CITIZEN_ID]: TEST_CITIZEN_VALUES }, 'test-population'),
    ...(options.resultSigner ? { resultSigner: options.resultSigner } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export { sampleContent, sampleEform } from '../../core/catalog/fixtures.ts';
