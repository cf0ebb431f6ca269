import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { loginAs, TEST_SESSION_SETTINGS } from '../../../../test/support/auth.ts';
import { openSession, resolveSession } from './service.ts';
import { can } from '../../../core/access/index.ts';
import { createUnitDirectory } from '../units/directory.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/me', () => {
  it('is 401 for an anonymous caller', async () => {
    const res = await t.app.inject('/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthorized');
  });

  it('is 401 for a forged or unknown session cookie', async () => {
    const res = await t.app.inject({ url: '/api/v1/me', headers: { cookie: `motcua_sid=${'A'.repeat(43)}` } });
    expect(res.statusCode).toBe(401);
  });

  it('returns a citizen with the assurance level of the login', async () => {
    const login = await loginAs(t.db, { kind: 'citizen', personalId: '001099012345', fullName: 'Nguyễn Văn An', acr: 'LoA2' });
    const res = await t.app.inject({ url: '/api/v1/me', headers: login.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'citizen', personalId: '001099012345', fullName: 'Nguyễn Văn An', acr: 'LoA2', roles: [] });
  });

  it('returns an officer with role grants per unit', async () => {
    const login = await loginAs(t.db, {
      kind: 'officer',
      username: 'tiepnhan01',
      roles: [
        { role: 'receiver', unitId: 'bo-phan-mot-cua' },
        { role: 'specialist', unitId: 'cuc-shtt' },
      ],
    });
    const body = (await t.app.inject({ url: '/api/v1/me', headers: login.headers })).json();
    expect(body).toMatchObject({ kind: 'officer', username: 'tiepnhan01', acr: null });
    // The unit's names, not its id alone (the unit switcher shows them).
    expect(body.roles).toEqual([
      { role: 'receiver', unitId: 'bo-phan-mot-cua', unitNameVi: 'Bộ phận Một cửa tập trung', unitNameEn: 'Centralized One-Stop Unit' },
      { role: 'specialist', unitId: 'cuc-shtt', unitNameVi: 'Cục Sở hữu trí tuệ', unitNameEn: 'Intellectual Property Office of Viet Nam' },
    ]);
  });

  it('lists the permissions the caller holds, from the one table (src/core/access)', async () => {
    const receiver = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
    const body = (await t.app.inject({ url: '/api/v1/me', headers: receiver.headers })).json();
    expect(body.permissions).toContain('dossier.receive');
    expect(body.permissions).toContain('workspace.use');
    expect(body.permissions).not.toContain('catalog.publish');
    expect(body.permissions).not.toContain('dossier.approve');
    // A grant below the ministry holds nothing ministry-wide.
    expect(body.ministryPermissions).toEqual([]);

    const admin = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'admin', unitId: 'bkhcn' }] });
    const adminMe = (await t.app.inject({ url: '/api/v1/me', headers: admin.headers })).json();
    expect(adminMe.permissions).toContain('catalog.publish');
    expect(adminMe.permissions).not.toContain('dossier.receive');
    expect(adminMe.ministryPermissions).toContain('calendar.edit');

    const citizen = await loginAs(t.db, { kind: 'citizen', personalId: '001099012346', fullName: 'Trần Thị Bình', acr: 'LoA1' });
    const citizenMe = (await t.app.inject({ url: '/api/v1/me', headers: citizen.headers })).json();
    expect(citizenMe.permissions).toContain('dossier.submit');
    expect(citizenMe.permissions).not.toContain('population.read_own_full'); // level 2 needed
    expect(citizenMe.permissions).not.toContain('workspace.use');
  });

  it('leaves out a role held in a deactivated unit (it gives no right)', async () => {
    await t.db.insertInto('unit').values({ id: 'phong-da-dong', parent_id: 'cuc-shtt', agency_code: 'G22.10.99', name_vi: 'Phòng đã đóng', name_en: 'Closed division', kind: 'division', active: false }).execute();
    t.app.units.invalidate();
    const login = await loginAs(t.db, {
      kind: 'officer',
      roles: [
        { role: 'specialist', unitId: 'phong-da-dong' },
        { role: 'receiver', unitId: 'bo-phan-mot-cua' },
      ],
    });
    const body = (await t.app.inject({ url: '/api/v1/me', headers: login.headers })).json();
    expect(body.roles.map((g: { unitId: string }) => g.unitId)).toEqual(['bo-phan-mot-cua']);
    expect(body.permissions).not.toContain('dossier.process');
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the session’s token, before any handler runs', async () => {
    const login = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'admin', unitId: 'bkhcn' }] });
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2030',
      headers: { cookie: login.headers.cookie },
      payload: {},
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf');
    const wrong = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2030',
      headers: { cookie: login.headers.cookie, 'x-csrf-token': 'x'.repeat(32) },
      payload: {},
    });
    expect(wrong.json().code).toBe('csrf');
  });
});

describe('session lifetime', () => {
  it('ends after the idle timeout and after the absolute timeout', async () => {
    const { accountId } = await loginAs(t.db, { kind: 'citizen', personalId: '079203000001' });
    const t0 = new Date('2026-03-02T01:00:00Z');
    const s = await openSession(t.db, TEST_SESSION_SETTINGS, { accountId, method: 'vneid', acr: 'LoA1' }, t0);
    await t.db.updateTable('session').set({ last_seen_at: t0 }).execute();
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    expect(await resolveSession(t.db, TEST_SESSION_SETTINGS, s.token, at(29))).toBeDefined();
    // Touched at 29 min, so still alive at 58 min; then idle for 31 minutes.
    expect(await resolveSession(t.db, TEST_SESSION_SETTINGS, s.token, at(58))).toBeDefined();
    expect(await resolveSession(t.db, TEST_SESSION_SETTINGS, s.token, at(90))).toBeUndefined();
    // Gone for good: even a request "in time" again cannot revive it.
    expect(await resolveSession(t.db, TEST_SESSION_SETTINGS, s.token, at(91))).toBeUndefined();

    const s2 = await openSession(t.db, TEST_SESSION_SETTINGS, { accountId, method: 'vneid' }, t0);
    // Active every 20 minutes, but 12 hours after login the session ends.
    for (let m = 20; m < 12 * 60; m += 20) {
      expect(await resolveSession(t.db, TEST_SESSION_SETTINGS, s2.token, at(m))).toBeDefined();
    }
    expect(await resolveSession(t.db, TEST_SESSION_SETTINGS, s2.token, at(12 * 60))).toBeUndefined();
  });

  it('a new login closes the previous session (rotation)', async () => {
    const { accountId } = await loginAs(t.db, { kind: 'citizen', personalId: '001301000002' });
    const first = await openSession(t.db, TEST_SESSION_SETTINGS, { accountId, method: 'vneid' });
    const second = await openSession(t.db, TEST_SESSION_SETTINGS, { accountId, method: 'vneid', previousToken: first.token });
    expect(await resolveSession(t.db, TEST_SESSION_SETTINGS, first.token)).toBeUndefined();
    expect(await resolveSession(t.db, TEST_SESSION_SETTINGS, second.token)).toBeDefined();
  });
});

describe('unit directory', () => {
  it('a role held in a unit covers its sub-units, not its siblings or parent', async () => {
    const units = createUnitDirectory(t.db);
    const login = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
    const principal = (await resolveSession(t.db, TEST_SESSION_SETTINGS, login.headers.cookie.split('=')[1]!))!.principal;
    const tree = await units.tree();
    // dossier.approve is held by unit_leader; dossier.process (specialist) is not.
    expect(can(principal, 'dossier.approve', 'cuc-shtt', tree)).toBe(true);
    expect(can(principal, 'dossier.approve', 'cuc-shtt-sang-che', tree)).toBe(true);
    expect(can(principal, 'dossier.process', 'cuc-shtt-sang-che', tree)).toBe(false);
    expect(can(principal, 'dossier.approve', 'tcdlcl', tree)).toBe(false);
    expect(can(principal, 'dossier.approve', 'bkhcn', tree)).toBe(false);
  });
});
