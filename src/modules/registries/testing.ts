// The set-up every sector module's HTTP test starts from (test-only): a population emulator with
// the demo citizens, a server pointed at it with no retries, no cache and a breaker that does not
// open, an officer of the sector's unit, and the sector's demo data seeded by that officer.
import { startTestServer, type TestApp } from '../../../test/support/app.ts';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { startTestEmulator, TEST_API_KEY, TEST_INTEGRATION_CODE, type TestEmulator } from '../../emulators/population/testing.ts';
import type { RegistryCode, SectorModule } from './module.ts';

/** The server settings that point the population client at a test emulator. */
export function populationTestEnv(emu: Pick<TestEmulator, 'url'>): Record<string, string> {
  return {
    POPULATION_API_URL: emu.url,
    POPULATION_API_KEY: TEST_API_KEY,
    POPULATION_INTEGRATION_CODE: TEST_INTEGRATION_CODE,
    POPULATION_RETRIES: '0',
    POPULATION_TIMEOUT_MS: '3000',
    POPULATION_BREAKER_FAILURES: '100',
    POPULATION_CACHE_TTL_SECONDS: '0',
  };
}

/** The emulator's demo citizen `i` as a sector demo takes it. */
export function emulatorCitizen(emu: Pick<TestEmulator, 'person'>) {
  return (i: number) => {
    const c = emu.person(i);
    return { personalId: c.personalId, oldIdNumber: c.oldIdNumber, fullName: c.fullName, birthDate: c.birthDate };
  };
}

export interface SectorTest {
  emu: TestEmulator;
  t: TestApp & { url: string };
  officer: TestLogin;
  module: SectorModule;
  /** The records the demo wrote. */
  seeded: number;
  close(): Promise<void>;
}

export async function startSectorTest(options: { registry: RegistryCode; people: number; username: string; unitId: string }): Promise<SectorTest> {
  const emu = await startTestEmulator({ people: options.people });
  const t = await startTestServer(populationTestEnv(emu));
  const officer = await loginAs(t.db, { kind: 'officer', username: options.username, roles: [{ role: 'specialist', unitId: options.unitId }] });
  const module = t.app.sectors.find((s) => s.registry === options.registry)!;
  const seeded = await module.seedDemo({
    actor: { kind: 'officer', accountId: officer.accountId, name: 'Chuyên viên', officerCode: options.username, unitId: options.unitId },
    citizen: emulatorCitizen(emu),
  });
  return {
    emu,
    t,
    officer,
    module,
    seeded,
    async close() {
      await t.close();
      await emu.close();
    },
  };
}
