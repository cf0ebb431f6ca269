// The intellectual property database over HTTP, against a real population emulator: the demo
// data, public views without personal identifiers, officers' views with the link status (a
// mismatch and a legacy number among them), an audited application taken through examination to
// a title, bad input refused with nothing written, and a gateway call allowed and one outside the
// ACL refused.
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
const P = '/api/v1/registries/ip';

let sector: SectorTest;

beforeAll(async () => {
  sector = await startSectorTest({ registry: 'ip', people: 700, username: 'shtt-chuyenvien', unitId: 'cuc-shtt' });
  ({ emu, t, officer, seeded } = sector);
}, 240_000);
afterAll(async () => {
  await sector?.close();
});

const count = async (table: 'ip_application' | 'ip_title' | 'registry_person') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('the demo data', () => {
  it('fills empty tables once, with checked, mismatched, legacy and unverified people', async () => {
    const titles = await count('ip_title');
    expect(await count('ip_application')).toBe(220);
    expect(seeded).toBe(220 + titles);
    expect(titles).toBeGreaterThan(40);
    const module = t.app.sectors.find((s) => s.registry === 'ip')!;
    expect(await module.seedDemo({ actor: { kind: 'officer', accountId: officer.accountId, name: 'x', officerCode: 'x', unitId: 'cuc-shtt' }, citizen: () => ({ personalId: '', oldIdNumber: null, fullName: '', birthDate: '' }) })).toBe(0);
    const statuses = await t.db.selectFrom('registry_person').select(['link_status']).where('registry', '=', 'ip').execute();
    const n = (s: string) => statuses.filter((r) => r.link_status === s).length;
    expect(n('verified')).toBeGreaterThan(30);
    expect(n('mismatch')).toBeGreaterThanOrEqual(4);
    expect(n('legacy_id')).toBeGreaterThanOrEqual(2);
    expect(n('unverified')).toBeGreaterThan(50);
    const checks = await t.db.selectFrom('population_query_log').select((eb) => eb.fn.countAll<string>().as('n')).where('purpose_code', '=', 'registry_link').executeTakeFirstOrThrow();
    expect(Number(checks.n)).toBeLessThanOrEqual(60);
    // Every kind and every stage of examination is there.
    const kinds = await t.db.selectFrom('ip_application').select(['kind', 'status']).distinct().execute();
    expect(new Set(kinds.map((k) => k.kind)).size).toBe(4);
    expect(new Set(kinds.map((k) => k.status))).toEqual(new Set(['filed', 'formality_examined', 'published', 'substantive_examination', 'granted', 'refused', 'withdrawn']));
  });
});

describe('public and officer views', () => {
  it('the public finds published applications and titles by keyword, with names and never identifiers', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${P}/public/applications?kind=patent&limit=100` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(5);
    expect(body.items.every((a: { publishedOn: string | null; status: string; kind: string }) => a.kind === 'patent' && (a.publishedOn !== null || a.status === 'granted'))).toBe(true);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/personalId|birthDate/);
    for (const i of [510, 511, 600]) expect(text).not.toContain(emu.person(i).personalId);
    // Applications not yet published are not public (Law on IP Art. 110).
    const unpublished = await t.db.selectFrom('ip_application').select('application_no').where('status', '=', 'filed').executeTakeFirstOrThrow();
    expect((await t.app.inject({ method: 'GET', url: `${P}/public/applications/${unpublished.application_no}` })).statusCode).toBe(404);
    const search = await t.app.inject({ method: 'GET', url: `${P}/public/applications?q=${encodeURIComponent('phúc trạch')}` });
    expect(search.json().total).toBeGreaterThan(0);

    const title = await t.db.selectFrom('ip_title').innerJoin('ip_application as a', 'a.id', 'ip_title.application_id').select(['title_no', 'expires_on', 'a.kind', 'a.filing_date', 'renewals']).where('holder_kind', '=', 'person').where('a.kind', '=', 'patent').executeTakeFirstOrThrow();
    const pub = await t.app.inject({ method: 'GET', url: `${P}/public/titles/${title.title_no}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ titleNo: title.title_no, kind: 'patent', expiresOn: `${Number(title.filing_date.slice(0, 4)) + 20}${title.filing_date.slice(4)}` });
    expect(pub.json().holderName).toBeTruthy();
    expect(JSON.stringify(pub.json())).not.toMatch(/personalId|birthDate/);
  });

  it('an officer sees every person with the link status, a mismatch and a legacy number among them', async () => {
    expect((await t.app.inject({ method: 'GET', url: `${P}/applications` })).statusCode).toBe(401);
    const all: Array<{ applicant: { person: { link: { status: string }; personalId: string } | null }; inventors: Array<{ link: { status: string }; personalId: string }>; representative: { link: { status: string } } | null }> = [];
    for (let offset = 0; offset < 220; offset += 100) {
      const res = await t.app.inject({ method: 'GET', url: `${P}/applications?limit=100&offset=${offset}`, headers: officer.headers });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      all.push(...res.json().items);
    }
    expect(all).toHaveLength(220);
    const persons = all.flatMap((a) => [a.applicant.person, ...a.inventors, a.representative].filter((x) => x !== null)) as Array<{ link: { status: string }; personalId: string }>;
    const statuses = new Set(persons.map((p) => p.link.status));
    expect(statuses).toContain('verified');
    expect(statuses).toContain('mismatch');
    expect(statuses).toContain('legacy_id');
    expect(statuses).toContain('unverified');
    expect(persons.some((p) => /^[0-9]{9}$/.test(p.personalId))).toBe(true);
  });
});

describe('recording an application', () => {
  const input = (over: Record<string, unknown> = {}) => {
    const inv = emu.person(30);
    const agent = emu.person(31);
    return {
      kind: 'patent',
      filingDate: '2026-03-02',
      subject: 'Thiết bị tách nước khỏi dầu thải bằng màng lọc gốm',
      classes: ['c02f1/40'],
      applicant: { kind: 'organization', orgName: 'Công ty TNHH Môi trường Xanh', taxCode: '0109876543' },
      inventors: [{ personalId: inv.personalId, fullName: inv.fullName, birthDate: inv.birthDate }],
      representative: { person: { personalId: agent.personalId, fullName: agent.fullName, birthDate: agent.birthDate }, firm: 'Công ty TNHH Sở hữu trí tuệ Vision & Associates' },
      ...over,
    };
  };

  it('refuses bad input with 422 problem+json, writing nothing', async () => {
    const before = [await count('ip_application'), await count('registry_person')];
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ classes: ['46'] }, 'class'],
      [{ applicationNo: '4-2026-00001' }, 'kind'],
      [{ applicationNo: '1-2025-00001' }, 'year'],
      [{ kind: 'trademark', classes: ['9'] }, 'not_for_kind'],
      [{ filingDate: '2099-01-01' }, 'in_future'],
    ];
    for (const [over, code] of cases) {
      const r = await t.app.inject({ method: 'POST', url: `${P}/applications`, headers: { ...officer.headers, 'accept-language': 'en' }, payload: input(over) });
      expect(r.statusCode, JSON.stringify(over)).toBe(422);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.json().errors[0].code).toBe(code);
    }
    const schema = await t.app.inject({ method: 'POST', url: `${P}/applications`, headers: officer.headers, payload: input({ kind: 'copyright' }) });
    expect(schema.statusCode).toBe(422);
    expect([await count('ip_application'), await count('registry_person')]).toEqual(before);
  });

  it('creates one with its persons checked and numbered in its kind and year, audited, then takes it to a title', async () => {
    const r = await t.app.inject({ method: 'POST', url: `${P}/applications`, headers: officer.headers, payload: input() });
    expect(r.statusCode, r.body).toBe(201);
    const a = r.json();
    expect(a.applicationNo).toMatch(/^1-2026-\d{5}$/);
    expect(a.classes).toEqual(['C02F 1/40']);
    expect(a.status).toBe('filed');
    expect(a.inventors[0].link.status).toBe('verified');
    expect(a.representative.link.status).toBe('verified');
    expect((await listAudit(t.db, 'ip_application', a.id)).map((x) => x.action)).toEqual(['ip.application.create']);

    const move = (status: string, date: string, extra: Record<string, unknown> = {}) =>
      t.app.inject({ method: 'POST', url: `${P}/applications/${a.id}/status`, headers: { ...officer.headers, 'accept-language': 'en' }, payload: { status, date, ...extra } });
    const skip = await move('granted', '2026-04-01', { titleNo: '1-0099999' });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().errors[0].code).toBe('transition');
    expect((await move('formality_examined', '2026-04-01')).statusCode).toBe(200);
    const published = await move('published', '2026-05-04');
    expect(published.json().publishedOn).toBe('2026-05-04');
    expect((await move('substantive_examination', '2026-06-01')).statusCode).toBe(200);
    const granted = await move('granted', '2026-11-20', { titleNo: '1-0099999' });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().title).toMatchObject({ titleNo: '1-0099999', grantedOn: '2026-11-20', expiresOn: '2046-03-02', validity: 'valid', holderName: 'Công ty TNHH Môi trường Xanh' });
    expect((await listAudit(t.db, 'ip_application', a.id)).map((x) => x.action)).toEqual(['ip.application.create', 'ip.application.status', 'ip.application.status', 'ip.application.status', 'ip.application.status']);
    const title = await t.app.inject({ method: 'GET', url: `${P}/public/titles/1-0099999` });
    expect(title.json()).toMatchObject({ validity: 'valid', applicationNo: a.applicationNo });
    const again = await t.app.inject({ method: 'POST', url: `${P}/applications`, headers: officer.headers, payload: input({ applicationNo: a.applicationNo }) });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a citizen and an officer of another unit', async () => {
    const other = await loginAs(t.db, { kind: 'officer', username: 'tdc-khac', roles: [{ role: 'specialist', unitId: 'tcdlcl' }] });
    expect((await t.app.inject({ method: 'POST', url: `${P}/applications`, headers: other.headers, payload: input() })).statusCode).toBe(403);
  });
});

describe('the gateway services', () => {
  it('answers ip-title and ip-search for an allowed consumer and refuses one outside the ACL', async () => {
    const system = { system: 'test' };
    await t.app.lgsp.admin.createConsumer(system, { id: 'shtt-partner', name: 'Đối tác', secret: 'shtt-partner-secret-1', services: ['ip-title', 'ip-application', 'ip-search'] });
    await t.app.lgsp.admin.createConsumer(system, { id: 'shtt-other', name: 'Khác', secret: 'shtt-other-secret-001', services: ['ip-search'] });
    const token = async (id: string, secret: string) => {
      const res = await fetch(`${t.url}/lgsp/oauth/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
      });
      return ((await res.json()) as { access_token: string }).access_token;
    };
    const call = (service: string, tok: string, payload: unknown) =>
      fetch(`${t.url}/lgsp/v1/${service}`, { method: 'POST', headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json', 'x-purpose': 'inspection' }, body: JSON.stringify(payload) });
    const titleNo = (await t.db.selectFrom('ip_title').select('title_no').orderBy('title_no').executeTakeFirstOrThrow()).title_no;
    const partner = await token('shtt-partner', 'shtt-partner-secret-1');
    const ok = await call('ip-title', partner, { titleNo });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { title: { titleNo: string; validity: string; expiresOn: string; holder: { name: string } } };
    expect(body.title.titleNo).toBe(titleNo);
    expect(body.title.holder.name).toBeTruthy();
    const appNo = (await t.db.selectFrom('ip_application').select('application_no').orderBy('application_no').executeTakeFirstOrThrow()).application_no;
    expect((await call('ip-application', partner, { applicationNo: appNo })).status).toBe(200);
    const other = await token('shtt-other', 'shtt-other-secret-001');
    expect((await call('ip-title', other, { titleNo })).status).toBe(403);
    const search = await call('ip-search', other, { q: 'nhãn', kind: 'trademark' });
    expect(search.status).toBe(200);
    const found = await call('ip-search', other, { q: 'VIETTEL', kind: 'trademark' });
    expect(((await found.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });
});
