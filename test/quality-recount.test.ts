// The recount of the real-time 766 facts when what they were counted with changes (an upgrade
// that raises COUNTING_VERSION, other settings): a fresh installation only records the
// fingerprint; facts counted otherwise (here: counters lost and facts emptied, as a version that
// counted nothing would leave them) are recounted by background jobs in chunks until the index
// from the counters equals the full recompute again, and the fingerprint is written at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod, resolveSettings } from '../src/core/quality/index.ts';
import { toLocalDate } from '../src/core/calendar/index.ts';
import { createDossierTestApp, generateTestDossiers, type DossierTestApp } from '../src/modules/dossiers/testing.ts';
import { countingFingerprint } from '../src/modules/quality/aggregates.ts';
import { loginAs } from './support/auth.ts';

describe('recounting the 766 facts', () => {
  let t: DossierTestApp;
  const today = toLocalDate(new Date());
  const period = parsePeriod(today.slice(0, 7));
  const drain = async () => {
    for (let i = 0; i < 50 && (await t.app.jobs.runDue()) > 0; i++);
  };
  const fromCounters = async () => {
    const { dossiers: _n, ...index } = await t.app.quality.facts!.index(period, {}, new Date());
    return index.groups;
  };
  /** Every counter that counts something (a counter brought back to zero stays as a row). */
  const counters = async () =>
    (await t.db.selectFrom('quality_counter').selectAll().execute())
      .filter((r) => Number(r.numerator) !== 0 || Number(r.denominator) !== 0 || Number(r.amount) !== 0)
      .map((r) => `${r.grain} ${String(r.day)} ${r.unit_key} ${r.procedure_code} ${r.indicator} ${r.synced} ${Number(r.numerator)} ${Number(r.denominator)} ${Number(r.amount)}`)
      .sort();

  beforeAll(async () => {
    t = await createDossierTestApp({ env: { JOB_BACKOFF_MS: '0', JOB_BACKOFF_MAX_MS: '0' } });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('records the fingerprint on an installation that has counted nothing yet, once', async () => {
    const facts = t.app.quality.facts!;
    expect(await facts.countingState()).toEqual({ current: countingFingerprint(resolveSettings()), recorded: null });
    expect(await facts.recountIfChanged()).toBe('recorded');
    expect(await facts.recountIfChanged()).toBe('current');
    expect((await facts.countingState()).recorded).toBe(countingFingerprint(resolveSettings()));
  });

  it('recounts facts counted otherwise in background chunks until the counters equal the full recompute', { timeout: 240_000 }, async () => {
    const facts = t.app.quality.facts!;
    // More than one chunk of 500, so the recount goes on from job to job.
    await generateTestDossiers(t, { count: 620, seed: 5, spanDays: 20, everyStatus: true });
    expect(await facts.applyMissing()).toBe(620);
    const bundle = await t.app.quality.bundle(period);
    const recomputed = (await t.app.quality.computeIndex(bundle, period)).groups;
    expect(await fromCounters()).toEqual(recomputed);
    const counted = await counters();
    expect(counted.length).toBeGreaterThan(100);

    // Counted otherwise: an older fingerprint, the counters gone and the facts counting nothing.
    await t.db.updateTable('quality_fact_state').set({ fingerprint: 'counted-by-an-older-version' }).execute();
    await t.db.deleteFrom('quality_counter').execute();
    await t.db.updateTable('quality_dossier_fact').set({ parts: '[]' }).execute();
    expect(await counters()).toEqual([]);

    expect(await facts.recountIfChanged()).toBe('queued');
    // A second instance starting meanwhile queues nothing more.
    expect(await facts.recountIfChanged()).toBe('queued');
    const chunks = () => t.db.selectFrom('job').select(['key', 'done_at']).where('topic', '=', 'quality.recount').execute();
    expect((await chunks()).length).toBe(1);
    await drain();
    const done = await chunks();
    expect(done.length).toBe(2);
    expect(done.every((j) => j.done_at !== null)).toBe(true);
    expect(await counters()).toEqual(counted);
    expect(await fromCounters()).toEqual(recomputed);
    expect(await facts.recountIfChanged()).toBe('current');
  });

  it('recounts every dossier when the days off change, once every instance reads them', { timeout: 240_000 }, async () => {
    const facts = t.app.quality.facts!;
    const before = await counters();
    // A working day in the middle of the generated dossiers' span becomes a day off.
    let day = toLocalDate(new Date(Date.now() - 10 * 86_400_000));
    while ([0, 6].includes(new Date(`${day}T12:00:00+07:00`).getUTCDay())) day = toLocalDate(new Date(Date.parse(`${day}T12:00:00+07:00`) + 86_400_000));
    const year = Number(day.slice(0, 4));
    const admin = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'admin', unitId: 'bkhcn' }] });
    const current = (await t.app.inject({ url: `/api/v1/calendar/days-off?year=${year}` })).json() as { daysOff: Array<{ date: string }> };
    const set = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/calendar/years/${year}`,
      headers: admin.headers,
      payload: { sources: ['Thông báo thử nghiệm'], daysOff: [...current.daysOff.filter((d) => d.date !== day), { date: day, name: { vi: 'Nghỉ thử nghiệm', en: 'Test day off' }, kind: 'holiday', source: 'Thông báo thử nghiệm' }] },
    });
    expect(set.statusCode, set.body).toBe(200);
    const queued = await t.db.selectFrom('job').select(['key', 'run_at']).where('topic', '=', 'quality.recount').where('key', 'like', 'calendar:%').execute();
    expect(queued).toHaveLength(1);
    // It waits for the other instances' copies of the calendar (30 s) to expire.
    expect(new Date(queued[0]!.run_at).getTime()).toBeGreaterThan(Date.now() + 20_000);
    await drain();
    expect(await counters()).toEqual(before);
    await t.db.updateTable('job').set({ run_at: new Date() }).where('topic', '=', 'quality.recount').where('done_at', 'is', null).execute();
    await drain();
    const recounted = await counters();
    expect(recounted).not.toEqual(before);
    // The same as counting every dossier from scratch with the new days off.
    await t.db.deleteFrom('quality_counter').execute();
    await t.db.deleteFrom('quality_dossier_fact').execute();
    await facts.applyMissing();
    expect(await counters()).toEqual(recounted);
    expect(await facts.recountIfChanged()).toBe('current');
  });
});
