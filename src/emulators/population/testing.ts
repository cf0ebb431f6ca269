// Test support: a standalone population database emulator over a fresh test database (PGlite in
// memory, or a fresh PostgreSQL database when DATABASE_URL is set) holding `people` people.
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { generatePopulation } from './generate.ts';
import { syntheticCitizen } from './generator.ts';
import { startPopulationEmulator, type EmulatorControl } from './server.ts';
import type { SyntheticCitizen } from './types.ts';

export const TEST_INTEGRATION_CODE = 'TEST-MOTCUA';
export const TEST_API_KEY = 'test-population-key-0123456789';

export interface TestEmulator {
  url: string;
  port: number;
  control: EmulatorControl;
  database: TestDatabase;
  seed: number;
  person(index: number): SyntheticCitizen;
  close(): Promise<void>;
}

/**
 * The settings that point motcua's population client at a test emulator: no retries, no cache, a
 * timeout generous enough for a loaded machine (tests that exercise those change them).
 */
export function testEmulatorEnv(url: string): Record<string, string> {
  return {
    POPULATION_API_URL: url,
    POPULATION_API_KEY: TEST_API_KEY,
    POPULATION_INTEGRATION_CODE: TEST_INTEGRATION_CODE,
    POPULATION_RETRIES: '0',
    POPULATION_TIMEOUT_MS: '5000',
    POPULATION_CACHE_TTL_SECONDS: '0',
  };
}

export async function startTestEmulator(options: { people?: number; seed?: number } = {}): Promise<TestEmulator> {
  const seed = options.seed ?? 1;
  const database = await createTestDatabase({ migrate: false });
  try {
    await generatePopulation({ db: database.db, kind: database.kind, url: database.url }, { count: options.people ?? 200, seed });
    const emulator = await startPopulationEmulator({ db: database.db, credentials: { [TEST_INTEGRATION_CODE]: TEST_API_KEY } });
    return {
      url: emulator.url,
      port: emulator.port,
      control: emulator.control,
      database,
      seed,
      person: (index) => syntheticCitizen(index, seed),
      close: async () => {
        await emulator.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** A query body for `person` as motcua sends it (SPEC §4.4). */
export function queryBodyFor(
  person: Pick<SyntheticCitizen, 'personalId' | 'fullName' | 'birthDate'>,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    HoVaTen: person.fullName,
    SoDinhDanh: person.personalId,
    SoCMND: '',
    NgayThangNam: person.birthDate.replaceAll('-', ''),
    Nam: '',
    MaTichHop: TEST_INTEGRATION_CODE,
    MaDVC: 'BKHCN',
    MaCanBo: 'can-bo-thu',
    MaYeuCau: `test-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}
