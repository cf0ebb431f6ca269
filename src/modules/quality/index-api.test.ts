// The Decision 766 index from the installation's own data: a dossier taken through its workflow
// shows in the ministry's and the processing unit's figures (2.1 on time, 1.4 synced, 3.3/3.4
// online); the API's answer, read from the counters every action keeps, equals the engine over
// the bundle the installation builds (what `motcua index766 bundle` writes); and only officers
// allowed for the scope read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { toLocalDate } from '../../core/calendar/index.ts';
import { parsePeriod } from '../../core/quality/index.ts';
import { createDossierTestApp, SAMPLE_FORM_DATA, TEST_CITIZEN_ID, TEST_PROCEDURE_CODE, type DossierTestApp } from '../dossiers/testing.ts';
import { pdfSample } from '../files/testing.ts';
import { QualityBundleSchema } from './schema.ts';

let t: DossierTestApp;
let citizen: TestLogin;
let receiver: TestLogin;
let leader: TestLogin;
let specialist: TestLogin;
let minister: TestLogin;
let auditor: TestLogin;
let dossierCode: string;
const month = toLocalDate(new Date()).slice(0, 7);

async function step(login: TestLogin, view: { id: string; version: number }, body: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${view.id}/actions`, headers: { ...login.headers, 'if-match': `"${view.version}"` }, payload: body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createDossierTestApp({ env: { JOB_BACKOFF_MS: '0', JOB_BACKOFF_MAX_MS: '0' } });
  // The portal emulator is called over HTTP at the server's own address.
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
  receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
  leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
  specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
  minister = await loginAs(t.db, { kind: 'officer', username: 'thutruong', roles: [{ role: 'ministry_leader', unitId: 'bkhcn' }] });
  auditor = await loginAs(t.db, { kind: 'officer', username: 'kiemtra', roles: [{ role: 'auditor', unitId: 'vu-phap-che' }] });

  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(pdfSample(7))], { type: 'application/pdf' }), 'To khai.pdf');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const upload = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...citizen.headers, 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: citizen.headers,
    payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [upload.json().id] }] },
  });
  expect(created.statusCode, created.body).toBe(201);
  let d = created.json();
  d = await step(receiver, d, { type: 'receive' });
  d = await step(receiver, d, { type: 'transfer' });
  d = await step(leader, d, { type: 'assign', assignee: specialist.accountId });
  d = await step(specialist, d, { type: 'examine', opinion: 'Đủ điều kiện.' });
  d = await step(leader, d, { type: 'approve' });
  d = await step(leader, d, { type: 'issue_result', outcome: 'granted', summary: 'Cấp văn bằng' });
  d = await step(receiver, d, { type: 'return_result', method: 'online' });
  dossierCode = d.code;
  // The outbox delivers the dossier to the portal (its emulator): the index counts synced dossiers.
  for (let i = 0; i < 20 && (await t.app.jobs.runDue()) > 0; i++);
  expect(await t.app.portalSync.service.isSynced(dossierCode)).toBe(true);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const index = (login: TestLogin, query: string) => t.app.inject({ url: `/api/v1/quality/index?${query}`, headers: login.headers });

describe('GET /api/v1/quality/index', () => {
  it('counts the dossier returned on time in the ministry’s 2.1 and explains it', async () => {
    const res = await index(minister, `period=${month}&explain=true`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.period.from).toBe(`${month}-01`);
    expect(body.scope).toEqual({ unitId: null, procedureCode: null, officerId: null, dossiers: 1 });
    const onTime = body.groups.TDGQ.indicators['2.1'];
    expect(onTime).toMatchObject({ numerator: 1, denominator: 1, ratio: 100, max: 20, score: 20 });
    expect(onTime.explain.numerator).toEqual([dossierCode]);
    // The catalog's procedure is in the procedure indicators (1.3: its seven public parts).
    expect(body.groups.CKMB.indicators['1.3'].explain.denominator).toContain(TEST_PROCEDURE_CODE);
    expect(body.total).toBeGreaterThan(0);
    expect(body.total).toBeLessThanOrEqual(body.totalMax);
  });

  it('equals the engine over the bundle the installation builds, which the bundle schema accepts', async () => {
    const period = parsePeriod(month);
    const quality = t.app.quality;
    const bundle = await quality.bundle(period);
    // The bundle is a file `motcua index766 compute` reads.
    expect(QualityBundleSchema.safeParse(JSON.parse(JSON.stringify(bundle))).success).toBe(true);
    const api = (await index(minister, `period=${month}`)).json();
    const direct = await quality.computeIndex(bundle, period, { now: new Date() });
    expect({ total: api.total, groups: api.groups }).toEqual({ total: direct.total, groups: direct.groups });
  });

  it('reads the figures from the counters the actions keep: without them the dossier is missing until its fact is rebuilt', async () => {
    const before = (await index(minister, `period=${month}`)).json();
    expect(before.scope.dossiers).toBe(1);
    await t.db.deleteFrom('quality_counter').execute();
    await t.db.deleteFrom('quality_dossier_fact').execute();
    const empty = (await index(minister, `period=${month}`)).json();
    expect(empty.scope.dossiers).toBe(0);
    expect(empty.groups.TDGQ.indicators['2.1']).toMatchObject({ denominator: 0, score: null });
    expect(await t.app.quality.facts!.applyMissing()).toBe(1);
    expect(await t.app.quality.facts!.applyMissing()).toBe(0);
    const rebuilt = (await index(minister, `period=${month}`)).json();
    expect({ total: rebuilt.total, groups: rebuilt.groups, scope: rebuilt.scope }).toEqual({ total: before.total, groups: before.groups, scope: before.scope });
  });

  it('narrows to a unit with its sub-units, and to a procedure', async () => {
    const unit = (await index(leader, `period=${month}&unit=cuc-shtt`)).json();
    expect(unit.scope).toEqual({ unitId: 'cuc-shtt', procedureCode: null, officerId: null, dossiers: 1 });
    expect(unit.groups.TDGQ.indicators['2.1'].numerator).toBe(1);
    const other = (await index(minister, `period=${month}&unit=vu-phap-che`)).json();
    expect(other.scope.dossiers).toBe(0);
    expect(other.groups.TDGQ.indicators['2.1']).toMatchObject({ denominator: 0, ratio: null, score: null });
    const none = (await index(minister, `period=${month}&procedure=1.000001`)).json();
    expect(none.scope.dossiers).toBe(0);
  });

  it('scores an officer: the dossiers where they finished a step, and their steps; for themselves (/me/quality) and the leaders of their units', async () => {
    const own = await t.app.inject({ url: `/api/v1/me/quality?period=${month}`, headers: specialist.headers });
    expect(own.statusCode, own.body).toBe(200);
    const body = own.json();
    expect(body.scope).toEqual({ unitId: null, procedureCode: null, officerId: specialist.accountId, dossiers: 1 });
    expect(body.officer.steps.finished).toBeGreaterThanOrEqual(1);
    expect(body.officer.steps.late).toBe(0);
    expect(body.officer.lateSteps).toEqual([]);
    expect(body.groups.TDGQ.indicators['2.1']).toMatchObject({ numerator: 1, denominator: 1 });
    // The leader of the unit above the specialist's reads it; a receiver elsewhere does not.
    expect((await index(leader, `period=${month}&officer=${specialist.accountId}`)).statusCode).toBe(200);
    expect((await index(receiver, `period=${month}&officer=${specialist.accountId}`)).statusCode).toBe(403);
    // An officer who handled nothing this month: no dossiers.
    const idle = (await t.app.inject({ url: `/api/v1/me/quality?period=${month}`, headers: auditor.headers })).json();
    expect(idle.scope.dossiers).toBe(0);
    expect(idle.officer.steps).toEqual({ finished: 0, onTime: 0, late: 0, ratio: null });
    expect((await index(minister, `period=${month}&officer=00000000-0000-4000-8000-000000000099`)).statusCode).toBe(404);
    expect((await index(minister, `period=${month}&officer=${specialist.accountId}&unit=cuc-shtt`)).statusCode).toBe(422);
    expect((await t.app.inject({ url: `/api/v1/me/quality?period=${month}`, headers: citizen.headers })).statusCode).toBe(403);
  });

  it('tells each officer what they may read: the ministry, units with their sub-units, the officers of those units', async () => {
    const scopes = async (login: TestLogin) => {
      const res = await t.app.inject({ url: '/api/v1/me/quality/scopes', headers: login.headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { ministry: boolean; units: Array<{ id: string; depth: number; nameVi: string }>; officers: Array<{ accountId: string; fullName: string }> };
    };
    // A specialist reads only their own scores.
    expect(await scopes(specialist)).toEqual({ ministry: false, units: [], officers: [] });
    // A department leader: the department, then its divisions; the specialist of a division; not themself.
    const lead = await scopes(leader);
    expect(lead.ministry).toBe(false);
    expect(lead.units[0]).toMatchObject({ id: 'cuc-shtt', depth: 1 });
    expect(lead.units.find((u) => u.id === 'cuc-shtt-sang-che')?.depth).toBe(2);
    expect(lead.units.map((u) => u.id)).toContain('cuc-shtt-sang-che');
    expect(lead.units.every((u) => u.id.startsWith('cuc-shtt'))).toBe(true);
    expect(lead.officers.map((o) => o.accountId)).toContain(specialist.accountId);
    expect(lead.officers.map((o) => o.accountId)).not.toContain(leader.accountId);
    expect(lead.officers.map((o) => o.accountId)).not.toContain(receiver.accountId);
    // Every unit it names opens, and so does every officer.
    for (const u of lead.units.slice(0, 3)) expect((await index(leader, `period=${month}&unit=${u.id}`)).statusCode).toBe(200);
    for (const o of lead.officers) expect((await index(leader, `period=${month}&officer=${o.accountId}`)).statusCode).toBe(200);
    const ministry = await scopes(minister);
    expect(ministry.ministry).toBe(true);
    expect(ministry.units[0]).toMatchObject({ id: 'bkhcn', depth: 0 });
    expect(ministry.officers.map((o) => o.accountId)).toEqual(expect.arrayContaining([specialist.accountId, leader.accountId, receiver.accountId]));
    expect((await t.app.inject({ url: '/api/v1/me/quality/scopes', headers: citizen.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/me/quality/scopes' })).statusCode).toBe(401);
  });

  it('answers only officers allowed for the scope, and refuses a bad period or unit', async () => {
    expect((await index(receiver, `period=${month}`)).statusCode).toBe(403);
    expect((await index(citizen, `period=${month}`)).statusCode).toBe(403);
    // A unit leader reads their unit, not the ministry nor another unit.
    expect((await index(leader, `period=${month}`)).statusCode).toBe(403);
    expect((await index(leader, `period=${month}&unit=vu-phap-che`)).statusCode).toBe(403);
    // An auditor of another unit reads only that unit.
    expect((await index(auditor, `period=${month}&unit=vu-phap-che`)).statusCode).toBe(200);
    const bad = await index(minister, 'period=2026-13');
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect((await index(minister, `period=${month}&unit=khong-co`)).statusCode).toBe(404);
  });
});
