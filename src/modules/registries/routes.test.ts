// The reconciliation and correction routes over HTTP, against a real population emulator and the
// standards database's demo people (some deliberately mismatched, three legacy CMND): a run started
// in the background and followed to its end, its counts and items by outcome paged, a second start
// refused while one runs (on another instance too), a run whose instance stopped shown as
// interrupted, callers without the permission refused, a correction audited with the old values
// kept and the person re-checked, and a bad correction refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { listAudit } from '../audit/service.ts';
import { startSectorTest, type SectorTest } from './testing.ts';

const P = '/api/v1/registries';
let sector: SectorTest;
let auditor: TestLogin;

beforeAll(async () => {
  sector = await startSectorTest({ registry: 'stameq', people: 900, username: 'tdc-chuyenvien', unitId: 'tcdlcl' });
  auditor = await loginAs(sector.t.db, { kind: 'officer', username: 'kiemtoan', roles: [{ role: 'auditor', unitId: 'bkhcn' }] });
}, 240_000);
afterAll(async () => {
  await sector?.close();
});

async function waitFinished(id: string) {
  for (let i = 0; i < 600; i++) {
    const res = await sector.t.app.inject({ method: 'GET', url: `${P}/reconciliations/${id}`, headers: auditor.headers });
    expect(res.statusCode).toBe(200);
    if (res.json().state !== 'running') return res.json();
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the run did not finish');
}

let runId = '';

describe('a reconciliation run', () => {
  it('starts in the background, refuses a second start meanwhile, and finishes with its counts', async () => {
    const { t } = sector;
    const start = await t.app.inject({ method: 'POST', url: `${P}/stameq/reconciliations`, headers: auditor.headers });
    expect(start.statusCode).toBe(202);
    runId = start.json().id;
    expect(start.headers.location).toBe(`${P}/reconciliations/${runId}`);
    const again = await t.app.inject({ method: 'POST', url: `${P}/stameq/reconciliations`, headers: auditor.headers });
    expect([202, 409]).toContain(again.statusCode);
    if (again.statusCode === 202) await waitFinished(again.json().id);
    const run = await waitFinished(runId);
    expect(run.state).toBe('finished');
    const people = await t.db.selectFrom('registry_person').select((eb) => eb.fn.countAll<string>().as('n')).where('registry', '=', 'stameq').executeTakeFirstOrThrow();
    expect(run.counts.total).toBe(Number(people.n));
    expect(run.counts.done).toBe(run.counts.total);
    expect(run.counts.mismatch).toBeGreaterThanOrEqual(4);
    expect(run.counts.legacy_number).toBe(3);
    expect(run.counts.match + run.counts.mismatch + run.counts.unknown_number + run.counts.legacy_number + run.counts.unavailable).toBe(run.counts.total);

    const list = await t.app.inject({ method: 'GET', url: `${P}/stameq/reconciliations`, headers: auditor.headers });
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(runId);
    expect((await t.app.inject({ method: 'GET', url: `${P}/ip/reconciliations`, headers: auditor.headers })).json().items).toEqual([]);
  }, 120_000);

  it('pages its items by outcome', async () => {
    const { t } = sector;
    const run = (await t.app.inject({ method: 'GET', url: `${P}/reconciliations/${runId}`, headers: auditor.headers })).json();
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res = await t.app.inject({ method: 'GET', url: `${P}/reconciliations/${runId}/items?outcome=match&limit=25${after ? `&after=${after}` : ''}`, headers: auditor.headers });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { personId: string; outcome: string }[]; next: string | null };
      expect(body.items.length).toBeLessThanOrEqual(25);
      for (const item of body.items) expect(item.outcome).toBe('match');
      seen.push(...body.items.map((i) => i.personId));
      after = body.next;
    } while (after);
    expect(seen.length).toBe(run.counts.match);
    expect(new Set(seen).size).toBe(seen.length);
    const legacy = (await t.app.inject({ method: 'GET', url: `${P}/reconciliations/${runId}/items?outcome=legacy_number`, headers: auditor.headers })).json();
    expect(legacy.items).toHaveLength(3);
    for (const item of legacy.items) expect(item.suggestedId).toMatch(/^[0-9]{12}$/);
    expect((await t.app.inject({ method: 'GET', url: `${P}/reconciliations/${runId}/items?outcome=nope`, headers: auditor.headers })).statusCode).toBe(422);
    expect((await t.app.inject({ method: 'GET', url: `${P}/reconciliations/00000000-0000-4000-8000-000000000000`, headers: auditor.headers })).statusCode).toBe(404);
  });

  it('refuses a start while another instance runs the registry (409), and shows a silent run as interrupted', async () => {
    const { t } = sector;
    const other = await t.db
      .insertInto('registry_reconciliation_run')
      .values({ registry: 'stameq', started_by: 'other instance', total: 10, done: 2 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const refused = await t.app.inject({ method: 'POST', url: `${P}/stameq/reconciliations`, headers: auditor.headers });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json().detail).toContain('Đang có một lượt đối soát');
    expect((await t.app.inject({ method: 'GET', url: `${P}/reconciliations/${other.id}`, headers: auditor.headers })).json()).toMatchObject({ state: 'running', interrupted: false });
    // Its instance stops: no more heartbeat.
    await t.db.updateTable('registry_reconciliation_run').set({ heartbeat_at: new Date(Date.now() - 3_600_000) }).where('id', '=', other.id).execute();
    expect((await t.app.inject({ method: 'GET', url: `${P}/reconciliations/${other.id}`, headers: auditor.headers })).json()).toMatchObject({ state: 'failed', interrupted: true, finishedAt: null });
    const start = await t.app.inject({ method: 'POST', url: `${P}/stameq/reconciliations`, headers: auditor.headers });
    expect(start.statusCode).toBe(202);
    expect((await waitFinished(start.json().id)).state).toBe('finished');
    expect((await t.app.inject({ method: 'GET', url: `${P}/reconciliations/${other.id}`, headers: auditor.headers })).json()).toMatchObject({ state: 'failed', interrupted: true });
    expect((await t.app.inject({ method: 'GET', url: `${P}/reconciliations/${runId}`, headers: auditor.headers })).json()).toMatchObject({ state: 'finished', interrupted: false });
  }, 120_000);

  it('is refused to those without the permission', async () => {
    const { t, officer } = sector;
    expect((await t.app.inject({ method: 'POST', url: `${P}/stameq/reconciliations` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `${P}/stameq/reconciliations`, headers: officer.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `${P}/reconciliations/${runId}/items`, headers: officer.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `${P}/nope/reconciliations`, headers: auditor.headers })).statusCode).toBe(422);
  });
});

describe('correcting a person', () => {
  it('audits the change, keeps the old values and re-checks the person', async () => {
    const { t, emu, officer } = sector;
    const items = (await t.app.inject({ method: 'GET', url: `${P}/reconciliations/${runId}/items?outcome=mismatch`, headers: auditor.headers })).json().items as {
      personId: string;
      personalId: string;
      fullName: string;
      birthDate: string | null;
      fields: string[];
    }[];
    expect(items.length).toBeGreaterThan(0);
    const item = items[0]!;
    let citizen;
    for (let i = 700; i < 900 && !citizen; i++) if (emu.person(i).personalId === item.personalId) citizen = emu.person(i);
    expect(citizen).toBeDefined();
    const res = await t.app.inject({
      method: 'PUT',
      url: `${P}/people/${item.personId}`,
      headers: officer.headers,
      payload: { personalId: citizen!.personalId, fullName: citizen!.fullName, birthDate: citizen!.birthDate, reason: 'Đối soát với CSDL dân cư', runId },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: item.personId, fullName: citizen!.fullName, birthDate: citizen!.birthDate, link: { status: 'verified', mismatched: [] } });

    const changes = await t.db.selectFrom('registry_person_change').selectAll().where('person_id', '=', item.personId).execute();
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) {
      expect(c.source).toBe('reconciliation');
      expect(c.reason).toBe('Đối soát với CSDL dân cư');
      expect(c.changed_by).toBe('tdc-chuyenvien');
    }
    const oldName = changes.find((c) => c.field === 'fullName');
    if (oldName) expect(oldName.old_value).toBe(item.fullName);
    const oldBirth = changes.find((c) => c.field === 'birthDate');
    if (oldBirth) expect(oldBirth.old_value).toBe(item.birthDate);
    const audit = await listAudit(t.db, 'registry_person', item.personId);
    expect(audit.map((a) => a.action)).toContain('registry.person.correct');
    const logged = await t.db.selectFrom('population_query_log').select('purpose_code').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(logged.purpose_code).toBe('reconciliation');
  });

  it('refuses bad input with a problem and writes nothing', async () => {
    const { t, officer } = sector;
    const person = await t.db.selectFrom('registry_person').selectAll().where('registry', '=', 'stameq').orderBy('id').limit(2).execute();
    const [a, b] = [person[0]!, person[1]!];
    const changesBefore = await t.db.selectFrom('registry_person_change').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const bad = [
      { personalId: '12345', fullName: a.full_name, birthDate: a.birth_date },
      { personalId: a.personal_id, fullName: '', birthDate: a.birth_date },
      { personalId: a.personal_id, fullName: a.full_name, birthDate: '1990-13-40' },
      { personalId: b.personal_id, fullName: a.full_name, birthDate: a.birth_date },
      { personalId: a.personal_id, fullName: a.full_name, birthDate: a.birth_date, extra: 1 },
    ];
    for (const payload of bad) {
      const res = await t.app.inject({ method: 'PUT', url: `${P}/people/${a.id}`, headers: officer.headers, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const after = await t.db.selectFrom('registry_person').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(after).toEqual(a);
    const changesAfter = await t.db.selectFrom('registry_person_change').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(changesAfter.n).toBe(changesBefore.n);
    expect((await t.app.inject({ method: 'PUT', url: `${P}/people/00000000-0000-4000-8000-000000000000`, headers: officer.headers, payload: { personalId: a.personal_id, fullName: 'X' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PUT', url: `${P}/people/${a.id}`, headers: auditor.headers, payload: { personalId: a.personal_id, fullName: 'X' } })).statusCode).toBe(403);
  });
});
