// Reconciliation of the stameq demo registry against a real population emulator, through the
// batch endpoint: outcomes per person, fields that differ, legacy numbers with their new number,
// the people's link columns, one logged query per person with the purpose, audited start/finish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestApp } from '../../../test/support/app.ts';
import { loginAs } from '../../../test/support/auth.ts';
import { startTestEmulator, TEST_API_KEY, TEST_INTEGRATION_CODE, type TestEmulator } from '../../emulators/population/testing.ts';
import { listRunItems, RUN_STALE_AFTER_MS, RunInProgressError, runStateOf } from './reconcile.ts';

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

  it('admits one running run per registry: a second start, here or on another instance, is refused and writes nothing', async () => {
    // Another instance's run, beating its heartbeat.
    const other = await t.db
      .insertInto('registry_reconciliation_run')
      .values({ registry: 'stameq', started_by: 'other instance', total: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      const before = await t.db.selectFrom('registry_reconciliation_run').select('id').execute();
      await expect(t.app.registries.reconcile(actor, 'stameq')).rejects.toBeInstanceOf(RunInProgressError);
      expect(await t.db.selectFrom('registry_reconciliation_run').select('id').execute()).toHaveLength(before.length);
      // Another registry is free.
      const ip = await t.app.registries.reconcile(actor, 'ip');
      expect(ip.state).toBe('finished');
    } finally {
      await t.db.deleteFrom('registry_reconciliation_run').where('id', '=', other.id).execute();
    }
    // Two starts at once: one runs, the other is refused.
    const both = await Promise.allSettled([t.app.registries.reconcile(actor, 'stameq', { pageSize: 200 }), t.app.registries.reconcile(actor, 'stameq', { pageSize: 200 })]);
    expect(both.filter((b) => b.status === 'fulfilled')).toHaveLength(1);
    const refused = both.find((b) => b.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(RunInProgressError);
  });

  it('closes a run whose instance stopped (no heartbeat) as interrupted, and starts anew', async () => {
    const silentSince = new Date(Date.now() - RUN_STALE_AFTER_MS - 60_000);
    const stale = await t.db
      .insertInto('registry_reconciliation_run')
      .values({ registry: 'stameq', started_by: 'stopped instance', total: 10, done: 3, heartbeat_at: silentSince })
      .returning(['state', 'error', 'heartbeat_at', 'id'])
      .executeTakeFirstOrThrow();
    // Before anyone starts again it already reads as failed, interrupted.
    expect(runStateOf(stale)).toEqual({ state: 'failed', interrupted: true });
    const run = await t.app.registries.reconcile(actor, 'stameq', { pageSize: 200 });
    expect(run.state).toBe('finished');
    const closed = await t.db.selectFrom('registry_reconciliation_run').selectAll().where('id', '=', stale.id).executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ state: 'failed', error: 'interrupted', done: 3 });
    expect(closed.finished_at).not.toBeNull();
    expect(runStateOf(closed)).toEqual({ state: 'failed', interrupted: true });
  });

  it('stops writing when another instance closed the run as interrupted', async () => {
    let closedIt = false;
    const run = t.app.registries.reconcile(actor, 'stameq', {
      pageSize: 20,
      onStart: (id) => {
        void t.db
          .updateTable('registry_reconciliation_run')
          .set({ state: 'failed', error: 'interrupted', finished_at: new Date() })
          .where('id', '=', id)
          .execute()
          .then(() => (closedIt = true));
      },
    });
    await expect(run).rejects.toThrow(/closed as interrupted/);
    expect(closedIt).toBe(true);
    const last = await t.db.selectFrom('registry_reconciliation_run').selectAll().where('registry', '=', 'stameq').orderBy('started_at', 'desc').executeTakeFirstOrThrow();
    expect(last).toMatchObject({ state: 'failed', error: 'interrupted' });
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', last.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['registry.reconcile.start']);
  });
});

describe('runStateOf', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  it.each([
    ['running, beating', { state: 'running', error: null, heartbeat_at: ago(1_000) }, { state: 'running', interrupted: false }],
    ['running, just within', { state: 'running', error: null, heartbeat_at: ago(RUN_STALE_AFTER_MS) }, { state: 'running', interrupted: false }],
    ['running, silent', { state: 'running', error: null, heartbeat_at: ago(RUN_STALE_AFTER_MS + 1) }, { state: 'failed', interrupted: true }],
    ['finished long ago', { state: 'finished', error: null, heartbeat_at: ago(86_400_000) }, { state: 'finished', interrupted: false }],
    ['failed on an error', { state: 'failed', error: 'connection lost', heartbeat_at: ago(1_000) }, { state: 'failed', interrupted: false }],
    ['closed as interrupted', { state: 'failed', error: 'interrupted', heartbeat_at: ago(86_400_000) }, { state: 'failed', interrupted: true }],
  ] as const)('%s', (_name, row, expected) => {
    expect(runStateOf(row, now)).toEqual(expected);
  });
});
