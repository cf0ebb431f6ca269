// Reconciliation of the stameq demo registry against a real population emulator, through the
// batch endpoint: outcomes per person, fields that differ, legacy numbers with their new number,
// the people's link columns, one logged query per person with the purpose, audited start/finish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestApp } from '../../../test/support/app.ts';
import { loginAs } from '../../../test/support/auth.ts';
import { startTestEmulator, TEST_API_KEY, TEST_INTEGRATION_CODE, type TestEmulator } from '../../emulators/population/testing.ts';
import { listRunItems } from './reconcile.ts';

let emu: TestEmulator;
let t: TestApp & { url: string };
let actor = { kind: 'officer' as const, accountId: '', name: 'Chuyên viên đối soát', officerCode: 'doisoat', unitId: 'tcdlcl' };

beforeAll(async () => {
  emu = await startTestEmulator({ people: 900 });
  t = await startTestServer({
    POPULATION_API_URL: emu.url,
    POPULATION_API_KEY: TEST_API_KEY,
    POPULATION_INTEGRATION_CODE: TEST_INTEGRATION_CODE,
    POPULATION_RETRIES: '0',
    POPULATION_BREAKER_FAILURES: '100',
    POPULATION_CACHE_TTL_SECONDS: '0',
    POPULATION_BATCH_SIZE: '50',
  });
  const officer = await loginAs(t.db, { kind: 'officer', username: 'doisoat', roles: [{ role: 'specialist', unitId: 'tcdlcl' }] });
  actor = { ...actor, accountId: officer.accountId };
  const c = emu.person;
  await t.app.sectors.find((s) => s.registry === 'stameq')!.seedDemo({
    actor,
    citizen: (i) => ({ personalId: c(i).personalId, oldIdNumber: c(i).oldIdNumber, fullName: c(i).fullName, birthDate: c(i).birthDate }),
  });
}, 240_000);
afterAll(async () => {
  await t?.close();
  await emu?.close();
});

describe('reconcile a registry', () => {
  it('compares every person, records outcomes and link columns, logs each query, audits the run', async () => {
    const people = await t.db.selectFrom('registry_person').select(['id', 'personal_id']).where('registry', '=', 'stameq').execute();
    const progress: number[] = [];
    const before = emu.control.requests;
    const run = await t.app.registries.reconcile(actor, 'stameq', { pageSize: 40, onProgress: (c) => progress.push(c.done) });
    expect(run.state).toBe('finished');
    expect(run.total).toBe(people.length);
    expect(run.done).toBe(people.length);
    expect(run.match + run.mismatch + run.unknown_number + run.legacy_number + run.unavailable).toBe(people.length);
    expect(run.unavailable).toBe(0);
    expect(run.mismatch).toBeGreaterThanOrEqual(4);
    expect(run.legacy_number).toBe(3);
    expect(run.match).toBeGreaterThan(people.length / 2);
    // Batches of 50, pages of 40: one request per page.
    expect(emu.control.requests - before).toBe(Math.ceil(people.length / 40));
    expect(progress.at(0)).toBe(0);
    expect(progress.at(-1)).toBe(people.length);

    const mismatches = await listRunItems(t.db, run.id, { outcome: 'mismatch', limit: 100 });
    expect(mismatches).toHaveLength(run.mismatch);
    for (const m of mismatches) expect(m.fields.length).toBeGreaterThan(0);
    const legacy = await listRunItems(t.db, run.id, { outcome: 'legacy_number', limit: 100 });
    for (const l of legacy) {
      expect(l.personalId).toMatch(/^[0-9]{9}$/);
      expect(l.suggestedId).toMatch(/^[0-9]{12}$/);
    }
    // Keyset paging over the items.
    const first = await listRunItems(t.db, run.id, { limit: 10 });
    const second = await listRunItems(t.db, run.id, { limit: 10, after: first.at(-1)!.personId });
    expect(second[0]!.personId > first.at(-1)!.personId).toBe(true);

    const statuses = await t.db.selectFrom('registry_person').select(['link_status', 'link_checked_at']).where('registry', '=', 'stameq').execute();
    expect(statuses.filter((s) => s.link_status === 'verified')).toHaveLength(run.match);
    expect(statuses.filter((s) => s.link_status === 'legacy_id')).toHaveLength(3);
    expect(statuses.every((s) => s.link_checked_at !== null)).toBe(true);

    const logged = await t.db
      .selectFrom('population_query_log')
      .select(['result', 'officer_code'])
      .where('purpose_code', '=', 'reconciliation')
      .execute();
    expect(logged).toHaveLength(people.length);
    expect(logged.every((l) => l.result !== 'pending' && l.officer_code === 'doisoat')).toBe(true);

    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', run.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['registry.reconcile.start', 'registry.reconcile.finish']);
  });

  it('marks the people unavailable, not failed, when the population database is down', async () => {
    await emu.control.set({ down: '503' });
    try {
      const run = await t.app.registries.reconcile(actor, 'stameq', { pageSize: 200 });
      expect(run.state).toBe('finished');
      expect(run.unavailable).toBe(run.total);
    } finally {
      await emu.control.reset();
    }
  });
});
