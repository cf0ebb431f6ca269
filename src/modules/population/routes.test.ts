import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, startTestServer, type TestApp } from '../../../test/support/app.ts';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { generatePopulation } from '../../emulators/population/generate.ts';
import { syntheticCitizen } from '../../emulators/population/generator.ts';
import { startTestEmulator, TEST_API_KEY, TEST_INTEGRATION_CODE, type TestEmulator } from '../../emulators/population/testing.ts';
import type { SyntheticCitizen } from '../../emulators/population/types.ts';
import { listAudit } from '../audit/service.ts';
import { POPULATION_ATTRIBUTE_NAMES } from './prefill.ts';

let emu: TestEmulator;
let t: TestApp;
const env = (extra: Record<string, string> = {}) => ({
  POPULATION_API_URL: emu.url,
  POPULATION_API_KEY: TEST_API_KEY,
  POPULATION_INTEGRATION_CODE: TEST_INTEGRATION_CODE,
  POPULATION_RETRIES: '0',
  // Generous: a loaded CI machine must not turn a normal answer into a timeout.
  POPULATION_TIMEOUT_MS: '3000',
  POPULATION_BREAKER_FAILURES: '100',
  POPULATION_CACHE_TTL_SECONDS: '0',
  ...extra,
});

beforeAll(async () => {
  emu = await startTestEmulator({ people: 300 });
  t = await createTestApp(env());
});
afterAll(async () => {
  await t?.close();
  await emu?.close();
});
afterEach(async () => {
  await emu.control.reset();
});

const citizenLogins = new Map<string, Promise<TestLogin>>();
/** One account per personal ID (the account table keeps the number unique). */
const citizen = (p: SyntheticCitizen, fullName = p.fullName) => {
  if (!citizenLogins.has(p.personalId)) citizenLogins.set(p.personalId, loginAs(t.db, { kind: 'citizen', personalId: p.personalId, fullName }));
  return citizenLogins.get(p.personalId)!;
};
const officer = (roles: Array<{ role: 'receiver' | 'specialist' | 'unit_leader' | 'admin' | 'auditor' | 'ministry_leader'; unitId: string }>, username?: string) =>
  loginAs(t.db, { kind: 'officer', roles, ...(username ? { username } : {}) });
const get = (url: string, who?: TestLogin, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { ...(who?.headers ?? {}), ...headers } });
/** POST /population/me: it sends a national query, so it is a write (session CSRF check). */
const me = (who?: TestLogin, url = '/api/v1/population/me', headers: Record<string, string> = {}, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: { ...(who?.headers ?? {}), ...headers }, ...(payload ? { payload } : {}) });
const verify = (who: TestLogin | undefined, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/population/verify', headers: who?.headers ?? {}, payload: body });
const logRows = () => t.db.selectFrom('population_query_log').selectAll().orderBy('id').execute();

/** A person with father and spouse in the population (for masking checks). */
const adultWithRelatives = (skip = 0) => {
  for (let i = 0; i < 300; i++) {
    const p = emu.person(i);
    if (p.father?.personalId && p.mother && skip-- === 0) return p;
  }
  throw new Error('no such person in the sample');
};

describe('POST /api/v1/population/me (citizen’s own data)', () => {
  it('refuses anonymous callers (401) and officers and organizations (403)', async () => {
    expect((await me()).statusCode).toBe(401);
    const o = await officer([{ role: 'receiver', unitId: 'bo-phan-mot-cua' }]);
    expect((await me(o)).statusCode).toBe(403);
    const org = await loginAs(t.db, { kind: 'organization', taxCode: '0101234567' });
    expect((await me(org)).statusCode).toBe(403);
    expect(emu.control.requests).toBe(0);
  });

  it('sends no national query from a cross-site link: GET is gone, and a POST without the session’s CSRF token is refused', async () => {
    const who = await citizen(emu.person(20));
    const before = (await logRows()).length;
    expect((await get('/api/v1/population/me', who)).statusCode).toBe(404);
    const forged = await t.app.inject({ method: 'POST', url: '/api/v1/population/me', headers: { cookie: who.headers.cookie } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('csrf');
    expect(emu.control.requests).toBe(0);
    expect((await logRows()).length).toBe(before);
  });

  it('a level-1 e-ID login gets the basic part: parents, spouse and household withheld, and the level that shows them', async () => {
    // Another person than the other tests' (an account per personal ID).
    const p = adultWithRelatives(1);
    const loa1 = await loginAs(t.db, { kind: 'citizen', personalId: p.personalId, fullName: p.fullName, acr: 'LoA1' });
    const res = await me(loa1);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.personal).toMatchObject({ personalId: p.personalId, fullName: p.fullName, birthDate: p.birthDate });
    expect(body.addresses.permanentAddress).toMatchObject({ provinceCode: p.permanentAddress.provinceCode });
    expect(body).toMatchObject({
      withheld: ['relatives', 'household'],
      requiredAcr: 'LoA2',
      relatives: { father: null, mother: null, spouse: null, representative: null },
      household: { head: null, bookNumber: null },
    });
    expect(body.masked.some((n: string) => /^(father|mother|spouse|representative|householdHead)\./.test(n))).toBe(false);
    expect(res.body).not.toContain(p.father!.fullName);
    expect(res.body).not.toContain(p.householdBookNumber);

    const prefill = (await me(loa1, '/api/v1/population/me/prefill')).json();
    expect(prefill).toMatchObject({ withheld: ['relatives', 'household'], requiredAcr: 'LoA2' });
    expect(prefill.values.fullName).toBe(p.fullName);
    expect(Object.keys(prefill.values).some((n) => /^(father|mother|spouse|representative|householdHead)\.|^householdBookNumber$/.test(n))).toBe(false);
  });

  it('gives the citizen their data, grouped, with sensitive fields masked, its source and when it was read', async () => {
    const p = adultWithRelatives();
    const own = await citizen(p);
    const res = await me(own);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ withheld: [] });
    expect(body.requiredAcr).toBeUndefined();
    expect(body.source).toBe('Cơ sở dữ liệu quốc gia về dân cư');
    expect(Date.parse(body.fetchedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(body.personal).toMatchObject({ personalId: p.personalId, fullName: p.fullName, birthDate: p.birthDate, gender: p.gender, nationality: 'Việt Nam' });
    // Sensitive (attributes.ts): ethnicity, religion, marital status... hidden; relatives' IDs keep 3 digits.
    expect(body.personal.ethnicity).toBe('***');
    expect(body.relatives.father.fullName).toBe(p.father!.fullName);
    expect(body.relatives.father.personalId).toBe(`*********${p.father!.personalId!.slice(-3)}`);
    expect(body.household.head.personalId).toMatch(/^\*{9}\d{3}$/);
    expect(body.masked).toEqual(expect.arrayContaining(['ethnicity', 'religion', 'father.personalId', 'householdHead.personalId']));
    expect(JSON.stringify(body)).not.toContain(p.father!.personalId!);
    expect(body.addresses.permanentAddress).toMatchObject({ provinceCode: p.permanentAddress.provinceCode, wardCode: p.permanentAddress.wardCode, detail: p.permanentAddress.detail });
    expect(body.addresses.permanentAddress.text).toContain(body.addresses.permanentAddress.provinceName);
    expect(body.household.bookNumber).toBe(p.householdBookNumber);
  });

  it('has no way to ask for another person: a parameter naming another ID is ignored', async () => {
    const [p, other] = [emu.person(30), emu.person(31)];
    const own = await citizen(p);
    const before = (await logRows()).length;
    const res = await me(own, `/api/v1/population/me?personalId=${other.personalId}&SoDinhDanh=${other.personalId}`, {}, { personalId: other.personalId });
    expect(res.statusCode).toBe(200);
    expect(res.json().personal.personalId).toBe(p.personalId);
    expect(emu.control.recent.map((b) => b.SoDinhDanh)).toEqual([p.personalId]);
    const rows = (await logRows()).slice(before);
    expect(rows.map((r) => [r.subject_personal_id, r.actor_kind, r.purpose_code, r.officer_code])).toEqual([[p.personalId, 'citizen', 'citizen_profile', 'CONGDAN']]);
    // Nor through the officers' routes.
    expect((await verify(own, { personalId: other.personalId, fullName: other.fullName, birthYear: 1990, purpose: 'dossier_verification', dossierRef: 'X' })).statusCode).toBe(403);
  });

  it('404 when the account’s name does not match, or the citizen is not in the population database', async () => {
    const p = emu.person(40);
    const wrongName = await citizen(p, 'Tên Không Khớp');
    const res = await me(wrongName);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('population_not_found');
    const stranger = syntheticCitizen(20_000, emu.seed);
    const absent = await citizen(stranger);
    expect((await me(absent)).json().code).toBe('population_not_found');
  });

  it('503 population_unavailable, saying to verify manually, when the population database is down or too slow', async () => {
    const own = await citizen(emu.person(50));
    await emu.control.set({ down: 'refuse' });
    const down = await me(own);
    expect(down.statusCode).toBe(503);
    expect(down.headers['content-type']).toContain('application/problem+json');
    expect(down.json()).toMatchObject({ code: 'population_unavailable', title: 'Chưa lấy được dữ liệu dân cư' });
    expect(down.json().detail).toContain('xác minh thủ công');
    await emu.control.set({ down: false, latencyMs: 4000 });
    const slow = await me(own, '/api/v1/population/me/prefill', { 'accept-language': 'en' });
    expect(slow.statusCode).toBe(503);
    expect(slow.json().detail).toContain('verify the details manually');
    const rows = (await logRows()).slice(-2);
    expect(rows.map((r) => [r.result, r.failure_reason])).toEqual([
      ['unavailable', 'network'],
      ['unavailable', 'timeout'],
    ]);
  });
});

describe('POST /api/v1/population/me/prefill', () => {
  it('gives exactly the prefill attribute names, unmasked, for e-forms', async () => {
    const p = adultWithRelatives();
    const res = await me(await citizen(p), '/api/v1/population/me/prefill');
    expect(res.statusCode).toBe(200);
    const { values, source, fetchedAt } = res.json();
    expect(source).toBe('Cơ sở dữ liệu quốc gia về dân cư');
    expect(typeof fetchedAt).toBe('string');
    for (const name of Object.keys(values)) expect(POPULATION_ATTRIBUTE_NAMES).toContain(name);
    expect(values).toMatchObject({
      personalId: p.personalId,
      fullName: p.fullName,
      birthDate: p.birthDate,
      'permanentAddress.provinceCode': p.permanentAddress.provinceCode,
      'permanentAddress.wardCode': p.permanentAddress.wardCode,
      'father.fullName': p.father!.fullName,
      'father.personalId': p.father!.personalId,
      'householdHead.relationship': p.householdHead.relationship,
    });
    expect((await logRows()).at(-1)!.purpose_code).toBe('citizen_prefill');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json();
    for (const path of ['/api/v1/population/me', '/api/v1/population/me/prefill', '/api/v1/population/verify', '/api/v1/population/query-log', '/api/v1/population/query-log/report', '/api/v1/population/purposes', '/api/v1/population/purposes/{code}']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.components.schemas.PopulationVerifyRequest).toBeDefined();
    expect(Object.keys(doc.paths).some((p: string) => p.startsWith('/emulators'))).toBe(false);
  });

  it('refuses anonymous (401) and officers (403)', async () => {
    expect((await me(undefined, '/api/v1/population/me/prefill')).statusCode).toBe(401);
    expect((await me(await officer([{ role: 'admin', unitId: 'bkhcn' }]), '/api/v1/population/me/prefill')).statusCode).toBe(403);
    // It sends a national query: a GET (a cross-site link) reaches no route, and a POST needs the CSRF token.
    const who = await citizen(adultWithRelatives());
    expect((await get('/api/v1/population/me/prefill', who)).statusCode).toBe(404);
    expect((await me(who, '/api/v1/population/me/prefill', { 'x-csrf-token': 'wrong' })).json().code).toBe('csrf');
  });
});

describe('POST /api/v1/population/verify (officer)', () => {
  const body = (p: SyntheticCitizen, extra: Record<string, unknown> = {}) => ({
    personalId: p.personalId,
    fullName: p.fullName,
    birthDate: p.birthDate,
    purpose: 'dossier_verification',
    dossierRef: 'G22.01.01-260301-0001',
    ...extra,
  });

  it('a receiver gets per-field matches and never the record; the query is logged with unit, purpose and dossier', async () => {
    const p = emu.person(60);
    const r = await officer([{ role: 'receiver', unitId: 'bo-phan-mot-cua' }], 'nv.tiepnhan');
    const res = await verify(r, body(p));
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({
      status: 'match',
      fields: [
        { field: 'personalId', match: true },
        { field: 'fullName', match: true },
        { field: 'birthDate', match: true },
      ],
      source: 'Cơ sở dữ liệu quốc gia về dân cư',
    });
    expect(Object.keys(result).sort()).toEqual(['checkedAt', 'fields', 'requestId', 'source', 'status']);
    expect(res.body).not.toContain(p.permanentAddress.detail);
    const row = (await logRows()).at(-1)!;
    expect(row).toMatchObject({
      request_id: result.requestId,
      actor_kind: 'officer',
      officer_code: 'nv.tiepnhan',
      unit_id: 'bo-phan-mot-cua',
      purpose_code: 'dossier_verification',
      dossier_ref: 'G22.01.01-260301-0001',
      subject_personal_id: p.personalId,
      result: 'found',
      source: 'network',
    });
    expect(emu.control.recent.at(-1)).toMatchObject({ MaYeuCau: result.requestId, MaCanBo: 'nv.tiepnhan' });
  });

  it('reports which fields do not match, and an unknown number', async () => {
    const p = emu.person(61);
    const s = await officer([{ role: 'specialist', unitId: 'cuc-shtt' }]);
    const wrongName = (await verify(s, body(p, { fullName: 'Nguyễn Văn Khác' }))).json();
    expect(wrongName.status).toBe('mismatch');
    expect(wrongName.fields).toEqual([
      { field: 'personalId', match: true },
      { field: 'fullName', match: false },
      { field: 'birthDate', match: true },
    ]);
    const wrongYear = (await verify(s, body(p, { birthDate: undefined, birthYear: 1901 }))).json();
    expect(wrongYear.fields).toEqual([
      { field: 'personalId', match: true },
      { field: 'fullName', match: true },
      { field: 'birthYear', match: false },
    ]);
    const stranger = syntheticCitizen(30_000, emu.seed);
    const unknown = (await verify(s, body(stranger))).json();
    expect(unknown).toMatchObject({ status: 'not_found', fields: [{ field: 'personalId', match: false }] });
  });

  it('answers status "unavailable" (verify manually) when the population database is down', async () => {
    const r = await officer([{ role: 'receiver', unitId: 'bo-phan-mot-cua' }]);
    await emu.control.set({ down: '503' });
    const res = await verify(r, body(emu.person(62)));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'unavailable', fields: [] });
    expect(res.json().detail).toContain('xác minh thủ công');
    expect((await logRows()).at(-1)).toMatchObject({ result: 'unavailable', failure_reason: 'server_error', error_code: 'UNAVAILABLE' });
  });

  it('refuses anonymous (401), citizens, auditors, unit leaders and admins (403)', async () => {
    const p = emu.person(63);
    expect((await verify(undefined, body(p))).statusCode).toBe(401);
    for (const who of [
      await citizen(p),
      await officer([{ role: 'auditor', unitId: 'bkhcn' }]),
      await officer([{ role: 'unit_leader', unitId: 'cuc-shtt' }]),
      await officer([{ role: 'admin', unitId: 'bkhcn' }]),
      await officer([]),
    ]) {
      expect((await verify(who, body(p))).statusCode).toBe(403);
    }
  });

  it('acts only for a unit where the officer holds the role', async () => {
    const r = await officer([{ role: 'receiver', unitId: 'cuc-shtt' }]);
    expect((await verify(r, body(emu.person(64), { unitId: 'cuc-shtt-nhan-hieu' }))).statusCode).toBe(200); // a sub-unit
    expect((await verify(r, body(emu.person(64), { unitId: 'vu-phap-che' }))).statusCode).toBe(403);
  });

  it('takes purposes from the code table: unknown, citizen-only or dossier-less purposes are refused (422)', async () => {
    const r = await officer([{ role: 'receiver', unitId: 'bo-phan-mot-cua' }]);
    const p = emu.person(65);
    const before = emu.control.requests;
    const unknown = await verify(r, body(p, { purpose: 'curiosity' }));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].pointer).toBe('/body/purpose');
    expect((await verify(r, body(p, { purpose: 'citizen_prefill' }))).statusCode).toBe(422);
    const noDossier = await verify(r, body(p, { dossierRef: undefined }));
    expect(noDossier.statusCode).toBe(422);
    expect(noDossier.json().errors[0].pointer).toBe('/body/dossierRef');
    expect((await verify(r, body(p, { purpose: 'counter_identity_check', dossierRef: undefined }))).statusCode).toBe(200);
    expect((await verify(r, body(p, { personalId: '003099000001' }))).statusCode).toBe(422); // 003: no such province
    expect((await verify(r, body(p, { birthDate: undefined }))).statusCode).toBe(422);
    expect(emu.control.requests).toBe(before + 1);
  });
});

describe('GET /api/v1/population/query-log and /report', () => {
  let admin: TestLogin;
  let auditor: TestLogin;
  let leaderShtt: TestLogin;
  let receiverA: TestLogin;
  let receiverB: TestLogin;
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    await t.db.deleteFrom('population_query_log').execute();
    admin = await officer([{ role: 'admin', unitId: 'bkhcn' }], 'quantri');
    auditor = await officer([{ role: 'auditor', unitId: 'bkhcn' }], 'kiemtra');
    leaderShtt = await officer([{ role: 'unit_leader', unitId: 'cuc-shtt' }], 'lanhdao.shtt');
    receiverA = await officer([{ role: 'receiver', unitId: 'bo-phan-mot-cua' }], 'nv.a');
    receiverB = await officer([{ role: 'specialist', unitId: 'cuc-shtt-nhan-hieu' }], 'nv.b');
    const q = (p: SyntheticCitizen, extra: Record<string, unknown> = {}) => ({ personalId: p.personalId, fullName: p.fullName, birthDate: p.birthDate, purpose: 'counter_identity_check', ...extra });
    for (const i of [70, 71, 72]) expect((await verify(receiverA, q(emu.person(i)))).statusCode).toBe(200);
    expect((await verify(receiverB, q(emu.person(73)))).statusCode).toBe(200);
    expect((await verify(receiverB, q(emu.person(73), { fullName: 'Sai Tên' }))).statusCode).toBe(200);
    expect((await me(await citizen(emu.person(74)))).statusCode).toBe(200);
  });

  it('admin and auditor of the ministry read every query, with full ID numbers', async () => {
    for (const who of [admin, auditor]) {
      const res = await get('/api/v1/population/query-log', who);
      expect(res.statusCode).toBe(200);
      const { items } = res.json();
      expect(items).toHaveLength(6);
      expect(items[0]).toMatchObject({ actorKind: 'citizen', purpose: 'citizen_profile', subjectPersonalId: emu.person(74).personalId });
      expect(items.map((i: { officerCode: string }) => i.officerCode)).toEqual(['CONGDAN', 'nv.b', 'nv.b', 'nv.a', 'nv.a', 'nv.a']);
    }
  });

  it('filters and pages', async () => {
    const page1 = (await get('/api/v1/population/query-log?limit=4', auditor)).json();
    expect(page1.items).toHaveLength(4);
    const page2 = (await get(`/api/v1/population/query-log?limit=4&before=${page1.nextBefore}`, auditor)).json();
    expect(page2.items).toHaveLength(2);
    expect(page2.nextBefore).toBeNull();
    expect((await get('/api/v1/population/query-log?result=mismatch', auditor)).json().items).toHaveLength(1);
    expect((await get(`/api/v1/population/query-log?from=${today}&to=${today}&unitId=bo-phan-mot-cua`, auditor)).json().items).toHaveLength(3);
    expect((await get('/api/v1/population/query-log?from=2020-01-01&to=2020-12-31', auditor)).json().items).toHaveLength(0);
  });

  it('a unit leader reads their units’ queries; a receiver only their own, with masked ID numbers', async () => {
    const leader = (await get('/api/v1/population/query-log', leaderShtt)).json().items;
    expect(leader.map((i: { unitId: string }) => i.unitId)).toEqual(['cuc-shtt-nhan-hieu', 'cuc-shtt-nhan-hieu']);
    const own = (await get('/api/v1/population/query-log', receiverA)).json().items;
    expect(own).toHaveLength(3);
    expect(own.every((i: { officerCode: string; subjectPersonalId: string }) => i.officerCode === 'nv.a' && /^\*{9}\d{3}$/.test(i.subjectPersonalId))).toBe(true);
  });

  it('refuses anonymous (401), citizens and officers without a role (403)', async () => {
    expect((await get('/api/v1/population/query-log')).statusCode).toBe(401);
    expect((await get('/api/v1/population/query-log', await citizen(emu.person(75)))).statusCode).toBe(403);
    expect((await get('/api/v1/population/query-log', await officer([]))).statusCode).toBe(403);
    expect((await get(`/api/v1/population/query-log/report?from=${today}&to=${today}`)).statusCode).toBe(401);
    expect((await get(`/api/v1/population/query-log/report?from=${today}&to=${today}`, await citizen(emu.person(75)))).statusCode).toBe(403);
  });

  it('gives the log as CSV with ?format=csv or Accept: text/csv', async () => {
    const byParam = await get('/api/v1/population/query-log?format=csv', auditor);
    expect(byParam.statusCode).toBe(200);
    expect(byParam.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = byParam.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,at,requestId,actorKind,accountId,actorName,officerCode,unitId,purpose,dossierRef,subjectPersonalId,result,failureReason,errorCode,source,latencyMs');
    expect(lines).toHaveLength(7);
    const byAccept = await get('/api/v1/population/query-log', auditor, { accept: 'text/csv' });
    expect(byAccept.headers['content-type']).toContain('text/csv');
  });

  it('reports per unit and per officer over a period, in JSON and CSV', async () => {
    const byUnit = await get(`/api/v1/population/query-log/report?from=${today}&to=${today}&groupBy=unit`, auditor);
    expect(byUnit.statusCode, byUnit.body).toBe(200);
    const report = byUnit.json();
    const row = (key: string | null) => report.rows.find((r: { key: string | null }) => r.key === key);
    expect(row('bo-phan-mot-cua')).toMatchObject({ label: 'Bộ phận Một cửa tập trung', total: 3, sent: 3, found: 3, distinctSubjects: 3 });
    expect(row('cuc-shtt-nhan-hieu')).toMatchObject({ total: 2, found: 1, mismatch: 1, distinctSubjects: 1 });
    expect(row(null)).toMatchObject({ total: 1, label: 'Công dân tự tra cứu dữ liệu của mình' });
    expect(report.totals).toMatchObject({ total: 6, found: 5, mismatch: 1, label: 'Tổng cộng' });

    const byOfficer = (await get(`/api/v1/population/query-log/report?from=${today}&to=${today}&groupBy=officer`, admin)).json();
    expect(byOfficer.rows.map((r: { code: string | null; total: number }) => [r.code, r.total])).toEqual([
      ['nv.a', 3],
      ['nv.b', 2],
      [null, 1], // citizens querying their own data
    ]);

    const csv = await get(`/api/v1/population/query-log/report?from=${today}&to=${today}&groupBy=unit&format=csv`, auditor);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Đơn vị,Mã định danh đơn vị,Tổng số tra cứu,Gửi đến CSDLQG về dân cư,Từ bộ nhớ đệm,Tìm thấy,Không tìm thấy,Không khớp,Không kết nối được,Số công dân được tra cứu');
    expect(lines).toContain('Bộ phận Một cửa tập trung,G22.01.01,3,3,0,3,0,0,0,3');
    expect(lines.at(-1)).toBe('Tổng cộng,,6,6,0,5,0,1,0,5');
    const en = await get(`/api/v1/population/query-log/report?from=${today}&to=${today}`, auditor, { accept: 'text/csv', 'accept-language': 'en' });
    expect(en.body.replace(/^\ufeff/, '').split('\r\n')[0]).toMatch(/^Unit,Agency code,Queries/);
  });

  it('the report is for admin, auditor and unit leaders (their units only), not for receivers', async () => {
    const url = `/api/v1/population/query-log/report?from=${today}&to=${today}`;
    expect((await get(url, receiverA)).statusCode).toBe(403);
    const leader = (await get(url, leaderShtt)).json();
    expect(leader.totals.total).toBe(2);
    expect((await get(`/api/v1/population/query-log/report?from=${today}&to=2020-01-01`, auditor)).statusCode).toBe(422);
  });
});

describe('population purposes (a code table)', () => {
  it('anyone logged in lists them; only an admin changes them, audited; the auditor cannot', async () => {
    const r = await officer([{ role: 'receiver', unitId: 'bo-phan-mot-cua' }]);
    expect((await get('/api/v1/population/purposes')).statusCode).toBe(401);
    const list = (await get('/api/v1/population/purposes', r)).json();
    expect(list.map((p: { code: string }) => p.code)).toEqual(['citizen_prefill', 'citizen_profile', 'counter_identity_check', 'counter_intake', 'dossier_verification', 'reconciliation', 'registry_link']);

    const entry = { nameVi: 'Kiểm tra hồ sơ khen thưởng', nameEn: 'Award dossier check', actorKind: 'officer', requiresDossierRef: true, legalBasis: 'Thử nghiệm' };
    const put = (who: TestLogin) => t.app.inject({ method: 'PUT', url: '/api/v1/population/purposes/award_check', headers: who.headers, payload: entry });
    expect((await put(await officer([{ role: 'auditor', unitId: 'bkhcn' }]))).statusCode).toBe(403);
    expect((await put(r)).statusCode).toBe(403);
    // The table is the ministry's: a department's administrator may not change it.
    const departmentAdmin = await put(await officer([{ role: 'admin', unitId: 'cuc-shtt' }]));
    expect(departmentAdmin.statusCode).toBe(403);
    expect(await listAudit(t.db, 'population_purpose', 'award_check')).toHaveLength(0);
    const admin = await officer([{ role: 'admin', unitId: 'bkhcn' }], 'quantri2');
    const created = await put(admin);
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ code: 'award_check', active: true, requiresDossierRef: true });
    const audit = await listAudit(t.db, 'population_purpose', 'award_check');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'population.purpose.create', actor_kind: 'officer', actor_id: admin.accountId });
    expect(audit[0]!.actor_label).toMatch(/^quantri2 /);

    const p = emu.person(80);
    const q = { personalId: p.personalId, fullName: p.fullName, birthYear: Number(p.birthDate.slice(0, 4)), purpose: 'award_check', dossierRef: 'KT-1' };
    expect((await verify(r, q)).statusCode).toBe(200);
    await t.app.inject({ method: 'PUT', url: '/api/v1/population/purposes/award_check', headers: admin.headers, payload: { ...entry, active: false } });
    expect((await verify(r, q)).statusCode).toBe(422);
    expect(await listAudit(t.db, 'population_purpose', 'award_check')).toHaveLength(2);
  });
});

describe('query log and cache', () => {
  it('logs a query BEFORE it is sent: the row exists (pending) when the population database receives the query', async () => {
    const p = emu.person(90);
    const seenByEmulator: Array<{ result: string; purpose_code: string } | undefined> = [];
    emu.control.onQuery = async (body) => {
      seenByEmulator.push(
        await t.db.selectFrom('population_query_log').select(['result', 'purpose_code']).where('request_id', '=', body.MaYeuCau).executeTakeFirst(),
      );
    };
    expect((await me(await citizen(p))).statusCode).toBe(200);
    expect(seenByEmulator).toEqual([{ result: 'pending', purpose_code: 'citizen_profile' }]);
    const done = await t.db.selectFrom('population_query_log').selectAll().where('subject_personal_id', '=', p.personalId).executeTakeFirstOrThrow();
    expect(done).toMatchObject({ result: 'found', source: 'network' });
    expect(done.latency_ms).toBeGreaterThanOrEqual(0);
    expect(done.completed_at).not.toBeNull();
  });

  it('logs a query that fails too: before the failing call, and with the failure afterwards', async () => {
    const officerLogin = await officer([{ role: 'receiver', unitId: 'bo-phan-mot-cua' }]);
    const q = emu.person(93);
    const seen: Array<string | undefined> = [];
    emu.control.onQuery = async (body) => {
      seen.push((await t.db.selectFrom('population_query_log').select('result').where('request_id', '=', body.MaYeuCau).executeTakeFirst())?.result);
    };
    await emu.control.set({ failureRate: 1, failureStatus: 500 });
    const res = await verify(officerLogin, { personalId: q.personalId, fullName: q.fullName, birthDate: q.birthDate, purpose: 'counter_identity_check' });
    expect(res.json().status).toBe('unavailable');
    expect(seen).toEqual(['pending']);
    expect(await t.db.selectFrom('population_query_log').selectAll().where('subject_personal_id', '=', q.personalId).executeTakeFirstOrThrow()).toMatchObject({
      result: 'unavailable',
      failure_reason: 'server_error',
      error_code: 'SYSTEM_ERROR',
    });

    // Refused connections: the row is there too.
    await emu.control.set({ failureRate: 0, down: 'refuse' });
    const p = emu.person(91);
    expect((await me(await citizen(p))).statusCode).toBe(503);
    const row = await t.db.selectFrom('population_query_log').selectAll().where('subject_personal_id', '=', p.personalId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ result: 'unavailable', failure_reason: 'network', actor_kind: 'citizen' });
  });

  it('logs cache hits as such, and the report tells them from queries sent', async () => {
    const cached = await createTestApp(env({ POPULATION_CACHE_TTL_SECONDS: '60' }));
    try {
      const p = emu.person(92);
      const own = await loginAs(cached.db, { kind: 'citizen', personalId: p.personalId, fullName: p.fullName });
      for (let i = 0; i < 3; i++) expect((await cached.app.inject({ method: 'POST', url: '/api/v1/population/me', headers: own.headers })).statusCode).toBe(200);
      expect(emu.control.requests).toBe(1);
      const rows = await cached.db.selectFrom('population_query_log').select(['source', 'result']).orderBy('id').execute();
      expect(rows).toEqual([
        { source: 'network', result: 'found' },
        { source: 'cache', result: 'found' },
        { source: 'cache', result: 'found' },
      ]);
    } finally {
      await cached.close();
    }
  });
});

describe('default: the emulator in motcua’s own server', () => {
  let server: (TestApp & { url: string }) | undefined;
  afterAll(async () => {
    await server?.close();
  });

  it('a citizen’s data comes from /emulators/population/ on the same server', async () => {
    server = await startTestServer({ POPULATION_CACHE_TTL_SECONDS: '0' });
    await generatePopulation({ db: server.db, kind: server.database.kind, url: server.database.url }, { count: 40, seed: 1 });
    const p = syntheticCitizen(17, 1);
    const own = await loginAs(server.db, { kind: 'citizen', personalId: p.personalId, fullName: p.fullName });
    const res = await fetch(`${server.url}/api/v1/population/me`, { method: 'POST', headers: own.headers });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { personal: { fullName: string } }).personal.fullName).toBe(p.fullName);
  });
});
