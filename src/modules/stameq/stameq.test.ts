// The standards, metrology and quality database over HTTP, against a real population emulator:
// the demo data, public views without the owner, officers' views with the link status, an
// audited creation with the owner checked, a bad input refused with nothing written, and a
// gateway call allowed and one outside the ACL refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/support/app.ts';
import type { TestLogin } from '../../../test/support/auth.ts';
import type { TestEmulator } from '../../emulators/population/testing.ts';
import { listAudit } from '../audit/service.ts';
import { startSectorTest, type SectorTest } from '../registries/testing.ts';

let emu: TestEmulator;
let t: TestApp & { url: string };
let officer: TestLogin;
let seeded = 0;
const P = '/api/v1/registries/stameq';

let sector: SectorTest;

beforeAll(async () => {
  sector = await startSectorTest({ registry: 'stameq', people: 900, username: 'tdc-chuyenvien', unitId: 'tcdlcl' });
  ({ emu, t, officer, seeded } = sector);
}, 240_000);
afterAll(async () => {
  await sector?.close();
});

describe('the demo data', () => {
  it('fills empty tables once, with checked, mismatched and unverified people', async () => {
    expect(seeded).toBe(20 + 240 + 24 + 60);
    const module = t.app.sectors.find((s) => s.registry === 'stameq')!;
    expect(await module.seedDemo({ actor: { kind: 'officer', accountId: officer.accountId, name: 'x', officerCode: 'x', unitId: 'tcdlcl' }, citizen: () => ({ personalId: '', oldIdNumber: null, fullName: '', birthDate: '' }) })).toBe(0);
    const statuses = await t.db.selectFrom('registry_person').select(['link_status']).where('registry', '=', 'stameq').execute();
    const count = (s: string) => statuses.filter((r) => r.link_status === s).length;
    expect(count('verified')).toBeGreaterThan(30);
    expect(count('mismatch')).toBeGreaterThanOrEqual(4);
    expect(count('unverified')).toBeGreaterThan(50);
    const checks = await t.db.selectFrom('population_query_log').select((eb) => eb.fn.countAll<string>().as('n')).where('purpose_code', '=', 'registry_link').executeTakeFirstOrThrow();
    expect(Number(checks.n)).toBeLessThanOrEqual(60);
  });
});

describe('public and officer views', () => {
  it('the public checks a stamp without learning its owner; an officer sees the owner and the link', async () => {
    const row = await t.db.selectFrom('stameq_verification').select(['id', 'stamp_no']).where('owner_kind', '=', 'person').orderBy('stamp_no').executeTakeFirstOrThrow();
    const pub = await t.app.inject({ method: 'GET', url: `${P}/public/verifications/${encodeURIComponent(row.stamp_no)}` });
    expect(pub.statusCode).toBe(200);
    expect(JSON.stringify(pub.json())).not.toMatch(/owner|personalId/);
    expect(pub.json().stampNo).toBe(row.stamp_no);
    const off = await t.app.inject({ method: 'GET', url: `${P}/verifications/${row.id}`, headers: officer.headers });
    expect(off.statusCode).toBe(200);
    expect(off.json().owner.person.personalId).toMatch(/^[0-9]{9,12}$/);
    expect(off.json().owner.person.link.status).toBeTruthy();
    expect((await t.app.inject({ method: 'GET', url: `${P}/verifications/${row.id}` })).statusCode).toBe(401);
    const bodies = await t.app.inject({ method: 'GET', url: `${P}/public/bodies?field=metrology` });
    expect(bodies.json().total).toBeGreaterThan(5);
    expect(JSON.stringify(bodies.json())).not.toMatch(/personalId/);
  });
});

describe('recording a verification', () => {
  const body = async (over: Record<string, unknown> = {}) => {
    const b = await t.db.selectFrom('stameq_body').select('id').where('kind', '=', 'verification').orderBy('registration_no').executeTakeFirstOrThrow();
    const p = emu.person(12);
    return {
      certificateNo: 'GCN-KĐ/2026/TEST1',
      stampNo: 'KDT-2026.000001',
      instrumentType: 'can-ban',
      serialNo: 'CB-0001',
      owner: { kind: 'person', person: { personalId: p.personalId, fullName: p.fullName, birthDate: p.birthDate } },
      bodyId: b.id,
      verifiedOn: '2026-06-01',
      result: 'pass',
      ...over,
    };
  };

  it('refuses a validity beyond the cycle, writing nothing', async () => {
    const before = await t.db.selectFrom('stameq_verification').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const r = await t.app.inject({ method: 'POST', url: `${P}/verifications`, headers: { ...officer.headers, 'accept-language': 'en' }, payload: await body({ validUntil: '2027-06-01' }) });
    expect(r.statusCode).toBe(422);
    expect(r.json().errors[0].code).toBe('beyond_cycle');
    const after = await t.db.selectFrom('stameq_verification').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('creates one with its owner checked and an audit row, then corrects it', async () => {
    const r = await t.app.inject({ method: 'POST', url: `${P}/verifications`, headers: officer.headers, payload: await body() });
    expect(r.statusCode).toBe(201);
    const v = r.json();
    expect(v.validUntil).toBe('2027-05-31');
    expect(v.owner.person.link.status).toBe('verified');
    expect((await listAudit(t.db, 'stameq_verification', v.id)).map((a) => a.action)).toEqual(['stameq.verification.create']);
    const u = await t.app.inject({ method: 'PUT', url: `${P}/verifications/${v.id}`, headers: officer.headers, payload: await body({ result: 'fail' }) });
    expect(u.statusCode).toBe(200);
    expect(u.json().status).toBe('failed');
    expect((await listAudit(t.db, 'stameq_verification', v.id)).map((a) => a.action)).toEqual(['stameq.verification.create', 'stameq.verification.update']);
    const again = await t.app.inject({ method: 'POST', url: `${P}/verifications`, headers: officer.headers, payload: await body({ certificateNo: 'OTHER-1' }) });
    expect(again.statusCode).toBe(409);
  });
});

describe('the gateway services', () => {
  it('answers stameq-verification for an allowed consumer and refuses one outside the ACL', async () => {
    const system = { system: 'test' };
    await t.app.lgsp.admin.createConsumer(system, { id: 'tdc-partner', name: 'Đối tác', secret: 'tdc-partner-secret-01', services: ['stameq-verification', 'stameq-body'] });
    await t.app.lgsp.admin.createConsumer(system, { id: 'tdc-other', name: 'Khác', secret: 'tdc-other-secret-0001', services: ['stameq-body'] });
    const token = async (id: string, secret: string) => {
      const res = await fetch(`${t.url}/lgsp/oauth/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
      });
      return ((await res.json()) as { access_token: string }).access_token;
    };
    const stamp = (await t.db.selectFrom('stameq_verification').select('stamp_no').orderBy('stamp_no').executeTakeFirstOrThrow()).stamp_no;
    const call = (service: string, tok: string, payload: unknown) =>
      fetch(`${t.url}/lgsp/v1/${service}`, { method: 'POST', headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json', 'x-purpose': 'inspection' }, body: JSON.stringify(payload) });
    const ok = await call('stameq-verification', await token('tdc-partner', 'tdc-partner-secret-01'), { stampNo: stamp });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { items: Array<{ stampNo: string }> }).items[0]!.stampNo).toBe(stamp);
    const refused = await call('stameq-verification', await token('tdc-other', 'tdc-other-secret-0001'), { stampNo: stamp });
    expect(refused.status).toBe(403);
    const bodies = await call('stameq-body', await token('tdc-other', 'tdc-other-secret-0001'), { field: 'metrology' });
    expect(bodies.status).toBe(200);
  });
});

