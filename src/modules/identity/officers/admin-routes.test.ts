import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { loginAs, type TestLogin } from '../../../../test/support/auth.ts';

let t: TestApp;
let ministryAdmin: TestLogin;
let shttAdmin: TestLogin;
let ministryAuditor: TestLogin;
let shttAuditor: TestLogin;
let receiver: TestLogin;
let citizen: TestLogin;

beforeAll(async () => {
  t = await createTestApp();
  ministryAdmin = await loginAs(t.db, { kind: 'officer', username: 'qt.bo', roles: [{ role: 'admin', unitId: 'bkhcn' }] });
  shttAdmin = await loginAs(t.db, { kind: 'officer', username: 'qt.shtt', roles: [{ role: 'admin', unitId: 'cuc-shtt' }] });
  ministryAuditor = await loginAs(t.db, { kind: 'officer', username: 'kt.bo', roles: [{ role: 'auditor', unitId: 'bkhcn' }] });
  shttAuditor = await loginAs(t.db, { kind: 'officer', username: 'kt.shtt', roles: [{ role: 'auditor', unitId: 'cuc-shtt' }] });
  receiver = await loginAs(t.db, { kind: 'officer', username: 'tn.mc', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
  citizen = await loginAs(t.db, { kind: 'citizen', personalId: '001085012345' });
});
afterAll(async () => {
  await t?.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (who: TestLogin | undefined, method: Method, url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

let seq = 0;
async function newOfficer(who: TestLogin, unitId: string, extra: Record<string, unknown> = {}) {
  const res = await call(who, 'POST', '/api/v1/admin/officers', {
    username: `cb.test${++seq}`,
    fullName: 'Hoàng Thị Mai',
    unitId,
    password: 'MatKhau-Moi-2026',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().officer as { id: string; username: string };
}

describe('authorization of every administration route', () => {
  const routes: Array<[Method, string, unknown?]> = [
    ['GET', '/api/v1/admin/units'],
    ['POST', '/api/v1/admin/units', { id: 'x-unit', parentId: 'bkhcn', agencyCode: 'G22.99', nameVi: 'X', nameEn: 'X', kind: 'office' }],
    ['PATCH', '/api/v1/admin/units/tcdlcl', { nameEn: 'x' }],
    ['POST', '/api/v1/admin/units/tcdlcl/deactivate'],
    ['POST', '/api/v1/admin/units/tcdlcl/activate'],
    ['GET', '/api/v1/admin/officers'],
    ['GET', '/api/v1/admin/officers/00000000-0000-4000-8000-000000000000'],
    ['POST', '/api/v1/admin/officers', { username: 'cb.x', fullName: 'X', unitId: 'bkhcn', password: 'MatKhau-Moi-2026' }],
    ['PATCH', '/api/v1/admin/officers/00000000-0000-4000-8000-000000000000', { fullName: 'X' }],
    ['POST', '/api/v1/admin/officers/00000000-0000-4000-8000-000000000000/disable'],
    ['POST', '/api/v1/admin/officers/00000000-0000-4000-8000-000000000000/enable'],
    ['POST', '/api/v1/admin/officers/00000000-0000-4000-8000-000000000000/password', {}],
    ['DELETE', '/api/v1/admin/officers/00000000-0000-4000-8000-000000000000/totp'],
    ['POST', '/api/v1/admin/officers/00000000-0000-4000-8000-000000000000/roles', { role: 'receiver', unitId: 'bkhcn' }],
    ['DELETE', '/api/v1/admin/officers/00000000-0000-4000-8000-000000000000/roles/bkhcn/receiver'],
    ['GET', '/api/v1/audit?entity=unit&entityId=bkhcn'],
  ];

  it.each(routes)('%s %s: 401 anonymous, 403 for a receiver and a citizen', async (method, url, payload) => {
    expect((await call(undefined, method, url, payload)).statusCode).toBe(401);
    expect((await call(receiver, method, url, payload)).statusCode).toBe(403);
    expect((await call(citizen, method, url, payload)).statusCode).toBe(403);
  });

  it.each(routes.filter(([m]) => m !== 'GET'))('%s %s: an auditor may not change anything', async (method, url, payload) => {
    const res = await call(ministryAuditor, method, url, payload);
    expect(res.statusCode).toBe(403);
  });
});

describe('units', () => {
  it('lists the tree the caller covers', async () => {
    const all = (await call(ministryAuditor, 'GET', '/api/v1/admin/units')).json();
    expect(all.roots.map((u: { id: string }) => u.id)).toEqual(['bkhcn']);
    expect(all.roots[0].children.map((u: { id: string }) => u.id)).toContain('cuc-shtt');
    const shtt = (await call(shttAdmin, 'GET', '/api/v1/admin/units')).json();
    expect(shtt.roots.map((u: { id: string }) => u.id)).toEqual(['cuc-shtt']);
    expect(shtt.roots[0].children.map((u: { id: string }) => u.id)).toEqual(['cuc-shtt-sang-che', 'cuc-shtt-nhan-hieu', 'cuc-shtt-kieu-dang']);
  });

  it('creates a unit with a valid agency e-ID, audited; refuses a bad one and outside the subtree', async () => {
    const bad = await call(shttAdmin, 'POST', '/api/v1/admin/units', {
      id: 'cuc-shtt-phap-che',
      parentId: 'cuc-shtt',
      agencyCode: 'g22.10.9',
      nameVi: 'Phòng Pháp chế',
      nameEn: 'Legal Division',
      kind: 'division',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('invalid_identifier');
    const outside = await call(shttAdmin, 'POST', '/api/v1/admin/units', {
      id: 'tcdlcl-moi',
      parentId: 'tcdlcl',
      agencyCode: 'G22.11.09',
      nameVi: 'Phòng mới',
      nameEn: 'New division',
      kind: 'division',
    });
    expect(outside.statusCode).toBe(403);
    const ok = await call(shttAdmin, 'POST', '/api/v1/admin/units', {
      id: 'cuc-shtt-phap-che',
      parentId: 'cuc-shtt',
      agencyCode: 'G22.10.09',
      nameVi: 'Phòng Pháp chế và Chính sách',
      nameEn: 'Legal and Policy Division',
      kind: 'division',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const duplicate = await call(ministryAdmin, 'POST', '/api/v1/admin/units', {
      id: 'vu-moi',
      parentId: 'bkhcn',
      agencyCode: 'G22.10.09',
      nameVi: 'Vụ mới',
      nameEn: 'New department',
      kind: 'department',
    });
    expect(duplicate.statusCode).toBe(409);
    const audit = (await call(shttAuditor, 'GET', '/api/v1/audit?entity=unit&entityId=cuc-shtt-phap-che')).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ actorId: shttAdmin.accountId, actorKind: 'officer', action: 'unit.create', after: { agencyCode: 'G22.10.09' } });
    expect(audit.items[0].actor).toMatch(/^qt\.shtt \(/);
  });

  it('updates within the subtree; moving needs both parents; never below itself', async () => {
    const renamed = await call(shttAdmin, 'PATCH', '/api/v1/admin/units/cuc-shtt-kieu-dang', { nameVi: 'Phòng Kiểu dáng công nghiệp và Chỉ dẫn địa lý' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().nameVi).toBe('Phòng Kiểu dáng công nghiệp và Chỉ dẫn địa lý');
    expect((await call(shttAdmin, 'PATCH', '/api/v1/admin/units/cuc-shtt', { parentId: 'tcdlcl' })).statusCode).toBe(403);
    expect((await call(shttAdmin, 'PATCH', '/api/v1/admin/units/tcdlcl', { nameEn: 'x' })).statusCode).toBe(404);
    const cycle = await call(ministryAdmin, 'PATCH', '/api/v1/admin/units/cuc-shtt', { parentId: 'cuc-shtt-sang-che' });
    expect(cycle.statusCode).toBe(409);
    const audit = (await call(ministryAuditor, 'GET', '/api/v1/audit?entity=unit&entityId=cuc-shtt-kieu-dang')).json();
    expect(audit.items[0].before.nameVi).toBe('Phòng Kiểu dáng công nghiệp');
  });

  it('deactivates a leaf unit, not one with active sub-units nor one’s own unit', async () => {
    expect((await call(ministryAdmin, 'POST', '/api/v1/admin/units/cuc-shtt/deactivate')).statusCode).toBe(409);
    expect((await call(shttAdmin, 'POST', '/api/v1/admin/units/cuc-shtt/deactivate')).statusCode).toBe(403);
    const done = await call(shttAdmin, 'POST', '/api/v1/admin/units/cuc-shtt-phap-che/deactivate');
    expect(done.statusCode).toBe(200);
    expect(done.json().active).toBe(false);
    const reactivated = await call(shttAdmin, 'POST', '/api/v1/admin/units/cuc-shtt-phap-che/activate');
    expect(reactivated.json().active).toBe(true);
  });
});

describe('officers', () => {
  it('creates officers with a password (rules enforced) or an invitation; only in the subtree', async () => {
    const weak = await call(shttAdmin, 'POST', '/api/v1/admin/officers', { username: 'cb.yeu', fullName: 'A', unitId: 'cuc-shtt', password: '12345' });
    expect(weak.statusCode).toBe(422);
    const outside = await call(shttAdmin, 'POST', '/api/v1/admin/officers', { username: 'cb.ngoai', fullName: 'A', unitId: 'tcdlcl', password: 'MatKhau-Moi-2026' });
    expect(outside.statusCode).toBe(403);
    const grantOutside = await call(shttAdmin, 'POST', '/api/v1/admin/officers', {
      username: 'cb.ngoai2',
      fullName: 'A',
      unitId: 'cuc-shtt',
      password: 'MatKhau-Moi-2026',
      roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }],
    });
    expect(grantOutside.statusCode).toBe(403);

    const invited = await call(shttAdmin, 'POST', '/api/v1/admin/officers', {
      username: 'Tran.Van.Nam',
      fullName: 'Trần Văn Nam',
      email: 'nam.tv@most.example.gov.vn',
      unitId: 'cuc-shtt-sang-che',
      roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }],
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const { officer, invitation } = invited.json();
    expect(officer).toMatchObject({ username: 'tran.van.nam', hasPassword: false, roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify((await call(shttAdmin, 'GET', `/api/v1/audit?entity=officer&entityId=${officer.id}`)).json())).not.toContain(invitation.token);

    const taken = await call(ministryAdmin, 'POST', '/api/v1/admin/officers', { username: 'TRAN.van.nam', fullName: 'X', unitId: 'bkhcn', password: 'MatKhau-Moi-2026' });
    expect(taken.statusCode).toBe(409);

    // The invitation sets the first password once; then the officer logs in.
    const accept = await t.app.inject({ method: 'POST', url: '/auth/officer/invitation', payload: { token: invitation.token, password: 'Sang-Che-2026-Nam' } });
    expect(accept.statusCode, accept.body).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/auth/officer/invitation', payload: { token: invitation.token, password: 'Sang-Che-2026-Nam' } })).statusCode).toBe(404);
    const login = await t.app.inject({ method: 'POST', url: '/auth/officer/login', payload: { username: 'tran.van.nam', password: 'Sang-Che-2026-Nam' } });
    expect(login.statusCode).toBe(200);
  });

  it('lists and reads only officers of covered units (IDOR: another unit’s officer reads as absent)', async () => {
    const mc = await newOfficer(ministryAdmin, 'bo-phan-mot-cua');
    const shtt = await newOfficer(shttAdmin, 'cuc-shtt-nhan-hieu');
    const list = (await call(shttAuditor, 'GET', '/api/v1/admin/officers?limit=200')).json();
    const names = list.items.map((o: { username: string }) => o.username);
    expect(names).toContain(shtt.username);
    expect(names).not.toContain(mc.username);
    expect(list.total).toBe(list.items.length);
    expect((await call(shttAuditor, 'GET', `/api/v1/admin/officers/${mc.id}`)).statusCode).toBe(404);
    expect((await call(shttAdmin, 'PATCH', `/api/v1/admin/officers/${mc.id}`, { fullName: 'X' })).statusCode).toBe(404);
    expect((await call(shttAuditor, 'GET', `/api/v1/admin/officers/${shtt.id}`)).statusCode).toBe(200);
    const filtered = (await call(ministryAuditor, 'GET', `/api/v1/admin/officers?unitId=cuc-shtt&q=${shtt.username}`)).json();
    expect(filtered.items.map((o: { id: string }) => o.id)).toEqual([shtt.id]);
    expect((await call(shttAuditor, 'GET', `/api/v1/audit?entity=officer&entityId=${mc.id}`)).statusCode).toBe(403);
  });

  it('updates, disables (ending sessions), resets password and TOTP, grants and revokes roles — audited', async () => {
    const o = await newOfficer(shttAdmin, 'cuc-shtt');
    const login = await t.app.inject({ method: 'POST', url: '/auth/officer/login', payload: { username: o.username, password: 'MatKhau-Moi-2026' } });
    const cookie = login.headers['set-cookie'] as string[];
    const sid = cookie.find((c) => c.startsWith('motcua_sid='))!.split(';')[0]!;
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: sid } })).statusCode).toBe(200);

    expect((await call(shttAdmin, 'PATCH', `/api/v1/admin/officers/${o.id}`, { phone: '024 3822 1234', unitId: 'tcdlcl' })).statusCode).toBe(403);
    const moved = await call(shttAdmin, 'PATCH', `/api/v1/admin/officers/${o.id}`, { phone: '024 3822 1234', unitId: 'cuc-shtt-sang-che' });
    expect(moved.json()).toMatchObject({ phone: '024 3822 1234', unitId: 'cuc-shtt-sang-che' });

    const granted = await call(shttAdmin, 'POST', `/api/v1/admin/officers/${o.id}/roles`, { role: 'unit_leader', unitId: 'cuc-shtt-sang-che' });
    expect(granted.json().roles).toEqual([{ role: 'unit_leader', unitId: 'cuc-shtt-sang-che' }]);
    expect((await call(shttAdmin, 'POST', `/api/v1/admin/officers/${o.id}/roles`, { role: 'receiver', unitId: 'bo-phan-mot-cua' })).statusCode).toBe(403);
    const me = (await t.app.inject({ url: '/api/v1/me', headers: { cookie: sid } })).json();
    expect(me.roles).toEqual([{ role: 'unit_leader', unitId: 'cuc-shtt-sang-che', unitNameVi: 'Phòng Sáng chế', unitNameEn: 'Patent Division' }]);
    const revoked = await call(shttAdmin, 'DELETE', `/api/v1/admin/officers/${o.id}/roles/cuc-shtt-sang-che/unit_leader`);
    expect(revoked.json().roles).toEqual([]);

    const reset = await call(shttAdmin, 'POST', `/api/v1/admin/officers/${o.id}/password`, {});
    const temporary = reset.json().temporaryPassword as string;
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: sid } })).statusCode).toBe(401);
    const relogin = await t.app.inject({ method: 'POST', url: '/auth/officer/login', payload: { username: o.username, password: temporary } });
    expect(relogin.statusCode).toBe(200);

    expect((await call(shttAdmin, 'DELETE', `/api/v1/admin/officers/${o.id}/totp`)).json().totpEnabled).toBe(false);
    const disabled = await call(shttAdmin, 'POST', `/api/v1/admin/officers/${o.id}/disable`);
    expect(disabled.json().disabled).toBe(true);
    const refused = await t.app.inject({ method: 'POST', url: '/auth/officer/login', payload: { username: o.username, password: temporary } });
    expect(refused.statusCode).toBe(401);
    expect((await call(shttAdmin, 'POST', `/api/v1/admin/officers/${o.id}/enable`)).json().disabled).toBe(false);

    const audit = (await call(shttAuditor, 'GET', `/api/v1/audit?entity=officer&entityId=${o.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual([
      'officer.create',
      'officer.update',
      'officer.role.grant',
      'officer.role.revoke',
      'officer.password.reset',
      'officer.totp.reset',
      'officer.disable',
      'officer.enable',
    ]);
    expect(audit.items[1]).toMatchObject({ actorId: shttAdmin.accountId, before: { unitId: 'cuc-shtt' }, after: { unitId: 'cuc-shtt-sang-che' } });
    expect(JSON.stringify(audit)).not.toContain(temporary);
  });

  it('an administrator does not change their own account here', async () => {
    expect((await call(shttAdmin, 'POST', `/api/v1/admin/officers/${shttAdmin.accountId}/disable`)).statusCode).toBe(403);
    expect((await call(ministryAdmin, 'DELETE', `/api/v1/admin/officers/${ministryAdmin.accountId}/roles/bkhcn/admin`)).statusCode).toBe(403);
    expect((await call(shttAdmin, 'POST', `/api/v1/admin/officers/${shttAdmin.accountId}/roles`, { role: 'admin', unitId: 'cuc-shtt' })).statusCode).toBe(403);
  });
});

describe('an administrator of a unit does not take over accounts with rights above it', () => {
  it('an officer homed below the caller but holding a ministry role is refused for every change', async () => {
    // Like the demo `quantri`: homed in a centre, administrator of the whole ministry.
    const top = await newOfficer(ministryAdmin, 'cuc-shtt-sang-che', { roles: [{ role: 'admin', unitId: 'bkhcn' }] });
    const id = top.id;
    const attempts: Array<[Method, string, unknown?]> = [
      ['POST', `/api/v1/admin/officers/${id}/password`, { password: 'MatKhau-CuaToi-2026' }],
      ['DELETE', `/api/v1/admin/officers/${id}/totp`],
      ['PATCH', `/api/v1/admin/officers/${id}`, { email: 'toi@example.gov.vn' }],
      ['POST', `/api/v1/admin/officers/${id}/disable`],
      ['POST', `/api/v1/admin/officers/${id}/roles`, { role: 'specialist', unitId: 'cuc-shtt' }],
      ['DELETE', `/api/v1/admin/officers/${id}/roles/bkhcn/admin`],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await call(shttAdmin, method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    // Still readable (it is in the caller's units), unchanged, nothing audited but its creation.
    const read = await call(shttAdmin, 'GET', `/api/v1/admin/officers/${id}`);
    expect(read.json()).toMatchObject({ email: null, disabled: false, roles: [{ role: 'admin', unitId: 'bkhcn' }] });
    const audit = (await call(ministryAdmin, 'GET', `/api/v1/audit?entity=officer&entityId=${id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['officer.create']);
    // The ministry level may.
    expect((await call(ministryAdmin, 'POST', `/api/v1/admin/officers/${id}/password`, {})).statusCode).toBe(200);
  });

  it('a role can be granted only in a unit the caller administers', async () => {
    const o = await newOfficer(shttAdmin, 'cuc-shtt');
    for (const grant of [{ role: 'admin', unitId: 'bkhcn' }, { role: 'auditor', unitId: 'bkhcn' }, { role: 'specialist', unitId: 'tcdlcl' }]) {
      expect((await call(shttAdmin, 'POST', `/api/v1/admin/officers/${o.id}/roles`, grant)).statusCode).toBe(403);
    }
    const created = await call(shttAdmin, 'POST', '/api/v1/admin/officers', {
      username: 'cb.tu-cap-quyen',
      fullName: 'Đinh Văn Hùng',
      unitId: 'cuc-shtt',
      password: 'MatKhau-Moi-2026',
      roles: [{ role: 'admin', unitId: 'bkhcn' }],
    });
    expect(created.statusCode).toBe(403);
  });
});

describe('roles in a deactivated unit', () => {
  it('give no right, neither at the route nor on the record', async () => {
    const unit = await call(ministryAdmin, 'POST', '/api/v1/admin/units', {
      id: 'phong-tam-thoi',
      parentId: 'tcdlcl',
      agencyCode: 'G22.11.07',
      nameVi: 'Phòng tạm thời',
      nameEn: 'Temporary division',
      kind: 'division',
    });
    expect(unit.statusCode, unit.body).toBe(201);
    const closedAdmin = await loginAs(t.db, { kind: 'officer', username: 'qt.tamthoi', roles: [{ role: 'admin', unitId: 'phong-tam-thoi' }] });
    const staff = await newOfficer(ministryAdmin, 'phong-tam-thoi');
    expect((await call(closedAdmin, 'GET', `/api/v1/admin/officers/${staff.id}`)).statusCode).toBe(200);
    expect((await call(ministryAdmin, 'POST', '/api/v1/admin/units/phong-tam-thoi/deactivate')).statusCode).toBe(200);
    expect((await call(closedAdmin, 'GET', '/api/v1/admin/officers')).statusCode).toBe(403);
    expect((await call(closedAdmin, 'POST', `/api/v1/admin/officers/${staff.id}/disable`)).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/me', headers: closedAdmin.headers })).json().roles).toEqual([]);
  });
});

describe('audit read', () => {
  it('records of no unit (e.g. a calendar year) are for the ministry level only', async () => {
    expect((await call(shttAdmin, 'GET', '/api/v1/audit?entity=calendar_year&entityId=2026')).statusCode).toBe(403);
    expect((await call(ministryAuditor, 'GET', '/api/v1/audit?entity=calendar_year&entityId=2026')).statusCode).toBe(200);
  });
});

describe('OpenAPI', () => {
  it('documents the identity routes, the recursive unit tree included', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    for (const path of ['/api/v1/admin/units', '/api/v1/admin/officers/{id}/roles', '/api/v1/audit', '/auth/officer/login', '/api/v1/account/totp/setup', '/auth/login']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(JSON.stringify(doc.components.schemas.UnitTreeNode)).toContain('UnitTreeNode');
  });
});
