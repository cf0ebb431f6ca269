// The technology supply and demand database over HTTP, against a real population emulator: the
// demo data, public searches and the technology map without personal data, officers' views with
// each person's link status (a mismatch, a legacy number), audited creation and correction, bad
// input refused with nothing written, and gateway calls allowed and refused by the ACL.
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
const P = '/api/v1/registries/techmarket';
const UNIT = 'cuc-phat-trien-thi-truong';

let sector: SectorTest;

beforeAll(async () => {
  sector = await startSectorTest({ registry: 'techmarket', people: 500, username: 'ptdn-chuyenvien', unitId: UNIT });
  ({ emu, t, officer, seeded } = sector);
}, 240_000);
afterAll(async () => {
  await sector?.close();
});

const count = async (table: 'techmarket_offer' | 'techmarket_demand' | 'techmarket_provider') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('the demo data', () => {
  it('fills empty tables once, with checked, mismatched, legacy and unverified people', async () => {
    expect(seeded).toBe(60 + 200 + 90);
    const module = t.app.sectors.find((s) => s.registry === 'techmarket')!;
    expect(await module.seedDemo({ actor: { kind: 'officer', accountId: officer.accountId, name: 'x', officerCode: 'x', unitId: UNIT }, citizen: () => ({ personalId: '', oldIdNumber: null, fullName: '', birthDate: '' }) })).toBe(0);
    const statuses = await t.db.selectFrom('registry_person').select(['link_status']).where('registry', '=', 'techmarket').execute();
    const n = (s: string) => statuses.filter((r) => r.link_status === s).length;
    expect(n('verified')).toBeGreaterThan(30);
    expect(n('mismatch')).toBeGreaterThanOrEqual(4);
    expect(n('legacy_id')).toBeGreaterThanOrEqual(1);
    expect(n('unverified')).toBeGreaterThan(50);
    const checks = await t.db.selectFrom('population_query_log').select((eb) => eb.fn.countAll<string>().as('n')).where('purpose_code', '=', 'registry_link').executeTakeFirstOrThrow();
    expect(Number(checks.n)).toBeLessThanOrEqual(60);
  });
});

describe('public searches and the technology map', () => {
  it('finds published offers by field and keyword, never a person’s ID number or birth date', async () => {
    const r = await t.app.inject({ method: 'GET', url: `${P}/public/offers?field=405&limit=100` });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.total).toBeGreaterThan(5);
    expect(body.items.every((o: { field: { code: string }; status: string }) => o.field.code === '405' && o.status === 'published')).toBe(true);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/personalId|birthDate|"person"/);
    for (const c of [300, 335, 340]) expect(text).not.toContain(emu.person(c).personalId);
    const kw = await t.app.inject({ method: 'GET', url: `${P}/public/offers?q=${encodeURIComponent('thủy canh')}` });
    expect(kw.json().items[0].name).toMatch(/thủy canh/);
    const demands = await t.app.inject({ method: 'GET', url: `${P}/public/demands?province=ha-noi&limit=100` });
    expect(demands.statusCode).toBe(200);
    expect(JSON.stringify(demands.json())).not.toMatch(/personalId|birthDate|representative/);
    expect((await t.app.inject({ method: 'GET', url: `${P}/public/offers?trlMin=10` })).statusCode).toBe(422);
  });

  it('hides drafts, withdrawn and lapsed listings', async () => {
    const draft = await t.db.selectFrom('techmarket_offer').select('id').where('status', '=', 'draft').executeTakeFirstOrThrow();
    expect((await t.app.inject({ method: 'GET', url: `${P}/public/offers/${draft.id}` })).statusCode).toBe(404);
    const lapsed = await t.db.selectFrom('techmarket_offer').select('id').where('status', '=', 'published').where('valid_until', '<', new Date().toISOString().slice(0, 10)).executeTakeFirstOrThrow();
    expect((await t.app.inject({ method: 'GET', url: `${P}/public/offers/${lapsed.id}` })).statusCode).toBe(404);
    const off = await t.app.inject({ method: 'GET', url: `${P}/offers/${lapsed.id}`, headers: officer.headers });
    expect(off.json()).toMatchObject({ storedStatus: 'published', status: 'expired' });
  });

  it('counts what the public sees by field and by province', async () => {
    const map = (await t.app.inject({ method: 'GET', url: `${P}/public/map` })).json();
    const offers = (await t.app.inject({ method: 'GET', url: `${P}/public/offers?limit=1` })).json().total;
    const demands = (await t.app.inject({ method: 'GET', url: `${P}/public/demands?limit=1` })).json().total;
    expect(map.totals).toEqual({ offers, demands });
    const sum = (xs: Array<{ offers: number; demands: number }>) => xs.reduce((a, x) => ({ offers: a.offers + x.offers, demands: a.demands + x.demands }), { offers: 0, demands: 0 });
    expect(sum(map.cells)).toEqual(map.totals);
    expect(sum(map.byField)).toEqual(map.totals);
    expect(sum(map.byProvince)).toEqual(map.totals);
    expect(map.byProvince).toHaveLength(34);
    const cell = map.cells.find((c: { fieldCode: string; provinceCode: string }) => c.fieldCode === '405' && c.provinceCode === 'ho-chi-minh');
    const direct = (await t.app.inject({ method: 'GET', url: `${P}/public/offers?field=405&province=ho-chi-minh&limit=1` })).json().total;
    expect(cell?.offers ?? 0).toBe(direct);
  });
});

describe('officer views', () => {
  it('show each person’s link status, a mismatch and a legacy number among them', async () => {
    expect((await t.app.inject({ method: 'GET', url: `${P}/providers` })).statusCode).toBe(401);
    const r = await t.app.inject({ method: 'GET', url: `${P}/providers?limit=100`, headers: officer.headers });
    expect(r.statusCode).toBe(200);
    const statuses = r.json().items.map((p: { person: { link: { status: string } } }) => p.person.link.status);
    expect(statuses).toContain('mismatch');
    expect(statuses).toContain('legacy_id');
    expect(statuses).toContain('verified');
    const legacy = r.json().items.find((p: { person: { link: { status: string } } }) => p.person.link.status === 'legacy_id');
    expect(legacy.person.personalId).toMatch(/^[0-9]{9}$/);
    const demands = await t.app.inject({ method: 'GET', url: `${P}/demands?status=draft`, headers: officer.headers });
    expect(demands.json().items[0].representative.link.status).toBeTruthy();
    const citizen = await loginAs(t.db, { kind: 'citizen', personalId: emu.person(1).personalId });
    expect((await t.app.inject({ method: 'GET', url: `${P}/offers`, headers: citizen.headers })).statusCode).toBe(403);
  });
});

describe('recording providers, offers and demands', () => {
  let providerId = '';
  const offer = (over: Record<string, unknown> = {}) => ({
    providerId,
    name: 'Công nghệ sản xuất phân bón nhả chậm',
    fieldCode: '204',
    trl: 7,
    transferForms: ['standalone', 'ip-rights'],
    transferRight: 'use',
    provinceCode: 'thai-nguyen',
    priceVnd: 800_000_000,
    status: 'published',
    validUntil: '2027-06-30',
    ...over,
  });

  it('records a provider with its representative checked, audited', async () => {
    const p = emu.person(12);
    const r = await t.app.inject({
      method: 'POST',
      url: `${P}/providers`,
      headers: officer.headers,
      payload: { kind: 'organization', orgName: 'Viện Thổ nhưỡng Nông hóa', taxCode: '0109999991', representative: { personalId: p.personalId, fullName: p.fullName, birthDate: p.birthDate }, provinceCode: 'ha-noi' },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().person.link.status).toBe('verified');
    providerId = r.json().id;
    expect((await listAudit(t.db, 'techmarket_provider', providerId)).map((a) => a.action)).toEqual(['techmarket.provider.create']);
  });

  it('refuses an offer with neither price nor negotiation, and a bad field, writing nothing', async () => {
    const before = await count('techmarket_offer');
    const r = await t.app.inject({ method: 'POST', url: `${P}/offers`, headers: { ...officer.headers, 'accept-language': 'en' }, payload: offer({ priceVnd: null }) });
    expect(r.statusCode).toBe(422);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.json().errors[0].code).toBe('price_or_negotiable');
    const f = await t.app.inject({ method: 'POST', url: `${P}/offers`, headers: officer.headers, payload: offer({ fieldCode: '999' }) });
    expect(f.statusCode).toBe(422);
    const expired = await t.app.inject({ method: 'POST', url: `${P}/offers`, headers: officer.headers, payload: offer({ status: 'expired' }) });
    expect(expired.json().errors[0].code).toBe('bad_transition');
    const trl = await t.app.inject({ method: 'POST', url: `${P}/offers`, headers: officer.headers, payload: offer({ trl: 10 }) });
    expect(trl.statusCode).toBe(422);
    expect(await count('techmarket_offer')).toBe(before);
  });

  it('creates a published offer, withdraws it, and refuses taking it back to a draft', async () => {
    const r = await t.app.inject({ method: 'POST', url: `${P}/offers`, headers: officer.headers, payload: offer() });
    expect(r.statusCode).toBe(201);
    const o = r.json();
    expect(o.code).toMatch(/^CCN-[0-9]{4}-[0-9]{5}$/);
    expect(o.status).toBe('published');
    expect(o.publishedOn).toBeTruthy();
    const pub = await t.app.inject({ method: 'GET', url: `${P}/public/offers/${o.id}` });
    expect(pub.json().provider.name).toBe('Viện Thổ nhưỡng Nông hóa');
    const w = await t.app.inject({ method: 'PUT', url: `${P}/offers/${o.id}`, headers: officer.headers, payload: offer({ status: 'withdrawn' }) });
    expect(w.statusCode).toBe(200);
    expect(w.json().status).toBe('withdrawn');
    expect((await t.app.inject({ method: 'GET', url: `${P}/public/offers/${o.id}` })).statusCode).toBe(404);
    const back = await t.app.inject({ method: 'PUT', url: `${P}/offers/${o.id}`, headers: officer.headers, payload: offer({ status: 'draft' }) });
    expect(back.statusCode).toBe(200);
    const p2 = await t.app.inject({ method: 'PUT', url: `${P}/offers/${o.id}`, headers: officer.headers, payload: offer({ status: 'published' }) });
    expect(p2.statusCode).toBe(200);
    const bad = await t.app.inject({ method: 'PUT', url: `${P}/offers/${o.id}`, headers: officer.headers, payload: offer({ status: 'draft' }) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].code).toBe('bad_transition');
    expect((await listAudit(t.db, 'techmarket_offer', o.id)).map((a) => a.action)).toEqual(['techmarket.offer.create', 'techmarket.offer.update', 'techmarket.offer.update', 'techmarket.offer.update']);
  });

  it('creates a demand with its representative checked; a deadline too far is refused', async () => {
    const p = emu.person(13);
    const demand = (over: Record<string, unknown> = {}) => ({
      orgName: 'Hợp tác xã Nông nghiệp Tân Lập',
      representative: { personalId: p.personalId, fullName: p.fullName, birthDate: p.birthDate },
      name: 'Cần công nghệ sấy lạnh chuối',
      fieldCode: '211',
      minTrl: 7,
      transferForms: ['equipment-sale'],
      transferRight: 'ownership',
      provinceCode: 'phu-tho',
      negotiable: true,
      status: 'published',
      deadline: '2027-03-31',
      ...over,
    });
    const before = await count('techmarket_demand');
    const far = await t.app.inject({ method: 'POST', url: `${P}/demands`, headers: officer.headers, payload: demand({ deadline: '2035-01-01' }) });
    expect(far.statusCode).toBe(422);
    expect(far.json().errors[0]).toMatchObject({ pointer: '/body/deadline', code: 'last_day_too_far' });
    expect(await count('techmarket_demand')).toBe(before);
    const r = await t.app.inject({ method: 'POST', url: `${P}/demands`, headers: officer.headers, payload: demand() });
    expect(r.statusCode).toBe(201);
    expect(r.json().code).toMatch(/^NCCN-/);
    expect(r.json().representative.link.status).toBe('verified');
    expect((await listAudit(t.db, 'techmarket_demand', r.json().id)).map((a) => a.action)).toEqual(['techmarket.demand.create']);
  });
});

describe('the gateway services', () => {
  it('answers techmarket-offer and techmarket-map for allowed consumers and refuses one outside the ACL', async () => {
    const system = { system: 'test' };
    await t.app.lgsp.admin.createConsumer(system, { id: 'ptdn-partner', name: 'Sàn giao dịch công nghệ', secret: 'ptdn-partner-secret-1', services: ['techmarket-offer', 'techmarket-demand', 'techmarket-map'] });
    await t.app.lgsp.admin.createConsumer(system, { id: 'ptdn-other', name: 'Khác', secret: 'ptdn-other-secret-001', services: ['techmarket-map'] });
    const token = async (id: string, secret: string) => {
      const res = await fetch(`${t.url}/lgsp/oauth/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
      });
      return ((await res.json()) as { access_token: string }).access_token;
    };
    const call = (service: string, tok: string, payload: unknown) =>
      fetch(`${t.url}/lgsp/v1/${service}`, { method: 'POST', headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json', 'x-purpose': 'administrative-procedure' }, body: JSON.stringify(payload) });
    const partner = await token('ptdn-partner', 'ptdn-partner-secret-1');
    const ok = await call('techmarket-offer', partner, { field: '405', province: 'ho-chi-minh' });
    expect(ok.status).toBe(200);
    const items = ((await ok.json()) as { items: Array<{ fieldCode: string; provinceCode: string }> }).items;
    expect(items.every((i) => i.fieldCode === '405' && i.provinceCode === 'ho-chi-minh')).toBe(true);
    const d = await call('techmarket-demand', partner, { keyword: 'sấy' });
    expect(d.status).toBe(200);
    const other = await token('ptdn-other', 'ptdn-other-secret-001');
    expect((await call('techmarket-offer', other, { field: '405' })).status).toBe(403);
    const map = await call('techmarket-map', other, { by: 'field' });
    expect(map.status).toBe(200);
    expect(((await map.json()) as { items: unknown[] }).items.length).toBe(14);
  });
});
