// The national science and technology database over HTTP, against a real population emulator: the
// demo data, public views without personal data, officers' views with the link status (a
// mismatch and a legacy number among them), an audited creation with its persons checked, bad
// input refused with nothing written, and the gateway: a call allowed, one outside the ACL refused,
// and the researcher service refused for a purpose that does not allow personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/support/app.ts';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import type { TestEmulator } from '../../emulators/population/testing.ts';
import { listAudit } from '../audit/service.ts';
import { startSectorTest, type SectorTest } from '../registries/testing.ts';

let emu: TestEmulator;
let t: TestApp & { url: string };
let officer: TestLogin;
let seeded = 0;
const P = '/api/v1/registries/st';

let sector: SectorTest;

beforeAll(async () => {
  sector = await startSectorTest({ registry: 'st', people: 300, username: 'ctt-chuyenvien', unitId: 'cuc-thong-tin' });
  ({ emu, t, officer, seeded } = sector);
}, 240_000);
afterAll(async () => {
  await sector?.close();
});

const count = async (table: 'st_task' | 'st_researcher' | 'st_task_member' | 'registry_person') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('the demo data', () => {
  it('fills empty tables once, with checked, mismatched, legacy and unverified people', async () => {
    expect(seeded).toBe(5 + 36 + 120 + 150);
    const module = t.app.sectors.find((s) => s.registry === 'st')!;
    expect(await module.seedDemo({ actor: { kind: 'officer', accountId: officer.accountId, name: 'x', officerCode: 'x', unitId: 'cuc-thong-tin' }, citizen: () => ({ personalId: '', oldIdNumber: null, fullName: '', birthDate: '' }) })).toBe(0);
    const statuses = await t.db.selectFrom('registry_person').select(['link_status']).where('registry', '=', 'st').execute();
    const n = (s: string) => statuses.filter((r) => r.link_status === s).length;
    expect(n('verified')).toBeGreaterThan(30);
    expect(n('mismatch')).toBeGreaterThanOrEqual(4);
    expect(n('legacy_id')).toBe(3);
    expect(n('unverified')).toBeGreaterThan(50);
    const checks = await t.db.selectFrom('population_query_log').select((eb) => eb.fn.countAll<string>().as('n')).where('purpose_code', '=', 'registry_link').executeTakeFirstOrThrow();
    expect(Number(checks.n)).toBeLessThanOrEqual(65);
  });
});

describe('public views', () => {
  it('find organizations and tasks without any ID number or birth date', async () => {
    const orgs = await t.app.inject({ method: 'GET', url: `${P}/public/organizations?q=${encodeURIComponent('Viện Vật lý')}` });
    expect(orgs.statusCode).toBe(200);
    expect(orgs.json().items[0]).toMatchObject({ name: 'Viện Vật lý', registrationNo: expect.stringMatching(/^A-[0-9]+$/), inEffect: true });
    const byField = await t.app.inject({ method: 'GET', url: `${P}/public/organizations?field=agricultural&limit=100` });
    expect(byField.json().total).toBeGreaterThan(3);
    const tasks = await t.app.inject({ method: 'GET', url: `${P}/public/tasks?level=national&limit=100` });
    expect(tasks.statusCode).toBe(200);
    expect(tasks.json().total).toBeGreaterThan(20);
    const people = await t.db.selectFrom('registry_person').select(['personal_id', 'birth_date']).where('registry', '=', 'st').execute();
    const idNumbers = new Set(people.map((p) => p.personal_id));
    const birthDates = new Set(people.flatMap((p) => (p.birth_date ? [p.birth_date] : [])));
    // A task's own dates may fall on someone's birthday (generated data): they are the task's, not the person's.
    const TASK_DATES = new Set(['startOn', 'endOn', 'acceptedOn']);
    const values = (node: unknown, key = ''): Array<[string, string]> =>
      Array.isArray(node) ? node.flatMap((v) => values(v, key)) : node && typeof node === 'object' ? Object.entries(node).flatMap(([k, v]) => values(v, k)) : [[key, String(node)]];
    for (const body of [orgs.body, byField.body, tasks.body]) {
      expect(body).not.toMatch(/personalId|birthDate/);
      for (const [key, value] of values(JSON.parse(body))) {
        expect([...idNumbers].filter((id) => value.includes(id)), key).toEqual([]);
        if (!TASK_DATES.has(key)) expect(birthDates.has(value), `${key}: ${value}`).toBe(false);
      }
    }
    const one = await t.app.inject({ method: 'GET', url: `${P}/public/tasks/${tasks.json().items[0].id}` });
    expect(one.json().piName).toBeTruthy();
    expect(one.body).not.toMatch(/personalId/);
  });
});

describe('officer views', () => {
  it('show each person’s link status, a mismatch and a legacy number among them', async () => {
    const mismatched = await t.app.inject({ method: 'GET', url: `${P}/researchers?linkStatus=mismatch`, headers: officer.headers });
    expect(mismatched.statusCode).toBe(200);
    expect(mismatched.json().total).toBeGreaterThanOrEqual(2);
    expect(mismatched.json().items[0].person.link.mismatched.length).toBeGreaterThan(0);
    const legacy = await t.app.inject({ method: 'GET', url: `${P}/researchers?linkStatus=legacy_id`, headers: officer.headers });
    const r = legacy.json().items[0];
    expect(r.person.personalId).toMatch(/^[0-9]{9}$/);
    expect(r.person.link.suggestedId).toMatch(/^[0-9]{12}$/);
    const detail = await t.app.inject({ method: 'GET', url: `${P}/researchers/${r.id}`, headers: officer.headers });
    expect(detail.json().tasks.length).toBeGreaterThan(0);
    const tasks = await t.app.inject({ method: 'GET', url: `${P}/tasks?limit=5`, headers: officer.headers });
    expect(tasks.json().items[0].pi.link.status).toMatch(/^(verified|mismatch|legacy_id|unverified|not_found)$/);
    expect(tasks.json().items[0].members.length).toBeGreaterThanOrEqual(2);
    expect((await t.app.inject({ method: 'GET', url: `${P}/tasks` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `${P}/researchers/${r.id}` })).statusCode).toBe(401);
  });
});

describe('recording a task', () => {
  const body = async (over: Record<string, unknown> = {}) => {
    const host = await t.db.selectFrom('st_organization').select('id').orderBy('registration_no').executeTakeFirstOrThrow();
    const pi = emu.person(12);
    const member = emu.person(13);
    return {
      code: 'đtđl.cn-99/26',
      title: 'Nghiên cứu phát triển cảm biến sinh học chẩn đoán sớm ung thư',
      level: 'national',
      field: 'medical',
      hostOrgId: host.id,
      pi: { personalId: pi.personalId, fullName: pi.fullName, birthDate: pi.birthDate },
      members: [{ role: 'secretary', person: { personalId: member.personalId, fullName: member.fullName, birthDate: member.birthDate } }],
      budgetVnd: 4_500_000_000,
      startOn: '2026-01-01',
      endOn: '2028-12-31',
      status: 'approved',
      ...over,
    };
  };

  it('refuses bad input with 422 and writes nothing', async () => {
    const before = await Promise.all([count('st_task'), count('st_task_member'), count('registry_person')]);
    const headers = { ...officer.headers, 'accept-language': 'en' };
    const wrongDates = await t.app.inject({ method: 'POST', url: `${P}/tasks`, headers, payload: await body({ endOn: '2025-12-31' }) });
    expect(wrongDates.statusCode).toBe(422);
    expect(wrongDates.headers['content-type']).toMatch(/problem\+json/);
    expect(wrongDates.json().errors[0].code).toBe('end_not_after_start');
    const piAsMember = await t.app.inject({ method: 'POST', url: `${P}/tasks`, headers, payload: await body({ members: [{ person: (await body()).pi }] }) });
    expect(piAsMember.json().errors[0].code).toBe('pi_is_member');
    const badLevel = await t.app.inject({ method: 'POST', url: `${P}/tasks`, headers, payload: await body({ level: 'galactic', budgetVnd: 1.5 }) });
    expect(badLevel.statusCode).toBe(422);
    const researcher = await t.app.inject({ method: 'POST', url: `${P}/researchers`, headers, payload: { person: (await body()).pi, degree: 'master', title: 'professor', field: 'medical' } });
    expect(researcher.statusCode).toBe(422);
    expect(researcher.json().errors[0].code).toBe('title_needs_doctorate');
    expect(await Promise.all([count('st_task'), count('st_task_member'), count('registry_person')])).toEqual(before);
    expect(await count('st_researcher')).toBe(120);
  });

  it('creates one with its persons checked and an audit row, then moves it along its life', async () => {
    const r = await t.app.inject({ method: 'POST', url: `${P}/tasks`, headers: officer.headers, payload: await body() });
    expect(r.statusCode).toBe(201);
    const v = r.json();
    expect(v.code).toBe('ĐTĐL.CN-99/26');
    expect(v.pi.link.status).toBe('verified');
    expect(v.members[0]).toMatchObject({ role: 'secretary', person: { link: { status: 'verified' } } });
    expect((await listAudit(t.db, 'st_task', v.id)).map((a) => a.action)).toEqual(['st.task.create']);
    const skip = await t.app.inject({ method: 'PUT', url: `${P}/tasks/${v.id}`, headers: officer.headers, payload: await body({ status: 'accepted', acceptedOn: '2026-06-01', acceptanceResult: 'pass' }) });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().errors[0].code).toBe('transition');
    const go = await t.app.inject({ method: 'PUT', url: `${P}/tasks/${v.id}`, headers: officer.headers, payload: await body({ status: 'in_progress', members: [] }) });
    expect(go.statusCode).toBe(200);
    expect(go.json()).toMatchObject({ status: 'in_progress', members: [] });
    expect((await listAudit(t.db, 'st_task', v.id)).map((a) => a.action)).toEqual(['st.task.create', 'st.task.update']);
    const again = await t.app.inject({ method: 'POST', url: `${P}/tasks`, headers: officer.headers, payload: await body() });
    expect(again.statusCode).toBe(409);
    const viewer = await loginAs(t.db, { kind: 'officer', username: 'ctt-lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-thong-tin' }] });
    expect((await t.app.inject({ method: 'POST', url: `${P}/tasks`, headers: viewer.headers, payload: await body({ code: 'CS-01/26' }) })).statusCode).toBe(403);
  });

  it('records a researcher once, checked with the population database', async () => {
    const p = emu.person(14);
    const payload = { person: { personalId: p.personalId, fullName: p.fullName, birthDate: p.birthDate }, degree: 'doctor', title: 'associate-professor', field: 'engineering', specialization: 'Trí tuệ nhân tạo' };
    const r = await t.app.inject({ method: 'POST', url: `${P}/researchers`, headers: officer.headers, payload });
    expect(r.statusCode).toBe(201);
    expect(r.json().person.link.status).toBe('verified');
    expect((await listAudit(t.db, 'st_researcher', r.json().id)).map((a) => a.action)).toEqual(['st.researcher.create']);
    expect((await t.app.inject({ method: 'POST', url: `${P}/researchers`, headers: officer.headers, payload })).statusCode).toBe(409);
  });
});

describe('the gateway services', () => {
  it('answers for an allowed consumer, refuses one outside the ACL, and gives persons only for a purpose that allows it', async () => {
    const system = { system: 'test' };
    await t.app.lgsp.admin.createConsumer(system, { id: 'ctt-partner', name: 'Đối tác', secret: 'ctt-partner-secret-01', services: ['st-organization', 'st-task', 'st-researcher'] });
    await t.app.lgsp.admin.createConsumer(system, { id: 'ctt-other', name: 'Khác', secret: 'ctt-other-secret-0001', services: ['st-organization'] });
    const token = async (id: string, secret: string) => {
      const res = await fetch(`${t.url}/lgsp/oauth/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
      });
      return ((await res.json()) as { access_token: string }).access_token;
    };
    const call = (service: string, tok: string, payload: unknown, purpose = 'administrative-procedure') =>
      fetch(`${t.url}/lgsp/v1/${service}`, { method: 'POST', headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json', 'x-purpose': purpose }, body: JSON.stringify(payload) });
    const partner = await token('ctt-partner', 'ctt-partner-secret-01');
    const other = await token('ctt-other', 'ctt-other-secret-0001');

    const code = (await t.db.selectFrom('st_task').select('code').orderBy('code').executeTakeFirstOrThrow()).code;
    const task = await call('st-task', partner, { code });
    expect(task.status).toBe(200);
    expect(((await task.json()) as { code: string }).code).toBe(code);
    expect((await call('st-task', other, { code })).status).toBe(403);

    const org = await call('st-organization', other, { name: 'Viện Vật lý' }, 'statistics');
    expect(org.status).toBe(200);
    expect(((await org.json()) as { items: Array<{ name: string }> }).items[0]!.name).toBe('Viện Vật lý');

    const researcher = await t.db
      .selectFrom('st_researcher as r')
      .innerJoin('registry_person as p', 'p.id', 'r.person_id')
      .select('p.personal_id')
      .where('p.link_status', '=', 'verified')
      .orderBy('p.personal_id')
      .executeTakeFirstOrThrow();
    const ok = await call('st-researcher', partner, { personalId: researcher.personal_id });
    expect(ok.status).toBe(200);
    const answer = (await ok.json()) as { personalId: string; tasks: unknown[]; linkStatus: string };
    expect(answer).toMatchObject({ personalId: researcher.personal_id, linkStatus: 'verified' });
    const research = await call('st-researcher', partner, { personalId: researcher.personal_id }, 'research');
    expect(research.status).toBeGreaterThanOrEqual(400);
    expect(((await research.json()) as { type: string }).type).toMatch(/purpose/);
  });
});
