import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { loginAs } from '../../../test/support/auth.ts';
import { loadConfig } from '../../config.ts';
import { SessionCache } from './sessions/cache.ts';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_OFFICERS, DEMO_PASSWORD, demoAccountsWanted, seedDemoOfficers } from './seed/demo-officers.ts';
import { closeSession, openSession, resolveSession, sessionSettings, type SessionSettings } from './sessions/service.ts';
import { seedUnits } from './seed/units.ts';
import { currentTotp } from './login/totp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedUnits(t.db);
});
afterAll(async () => {
  await t?.close();
});


/** Production needs the real national systems configured (no emulators). */
const PRODUCTION = { OIDC_ISSUER: 'https://sso.example.gov.vn', OIDC_CLIENT_ID: 'motcua', OIDC_CLIENT_SECRET: 'secret-secret-secret', POPULATION_API_URL: 'https://dancu.example.gov.vn', PAYGOV_URL: 'https://paygov.example.gov.vn', PAYGOV_SECRET: 'partner-secret-0123456789' };

describe('demo officers', () => {
  it('are created once, with working logins (the administrator with the documented TOTP secret)', async () => {
    const first = await seedDemoOfficers(t.db);
    expect(first.created).toEqual(DEMO_OFFICERS.map((o) => o.username));
    expect(first.adminOtpauthUrl).toContain(`secret=${DEMO_ADMIN_TOTP_SECRET}`);
    expect((await seedDemoOfficers(t.db)).created).toEqual([]);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_id', 'actor_kind', 'actor_label']).where('action', '=', 'officer.create').execute();
    expect(audit).toHaveLength(DEMO_OFFICERS.length);
    for (const row of audit) expect(row).toEqual({ action: 'officer.create', actor_id: null, actor_kind: 'system', actor_label: 'seed:demo' });
    const receiver = await t.app.inject({ method: 'POST', url: '/auth/officer/login', payload: { username: 'tiepnhan.mc', password: DEMO_PASSWORD } });
    expect(receiver.json()).toMatchObject({ fullName: 'Nguyễn Thị Hồng Nhung', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
    const admin = await t.app.inject({
      method: 'POST',
      url: '/auth/officer/login',
      payload: { username: 'quantri', password: DEMO_PASSWORD, totp: currentTotp(DEMO_ADMIN_TOTP_SECRET) },
    });
    expect(admin.json()).toMatchObject({ method: 'password+totp', roles: [{ role: 'admin', unitId: 'bkhcn' }] });
  });

  it('are never wanted in production', () => {
    expect(demoAccountsWanted(loadConfig({ NODE_ENV: 'development' }))).toBe(true);
    expect(demoAccountsWanted(loadConfig({ NODE_ENV: 'development', DEMO_ACCOUNTS: 'false' }))).toBe(false);
    expect(demoAccountsWanted(loadConfig({ ...PRODUCTION, NODE_ENV: 'production', DEMO_ACCOUNTS: 'true' }))).toBe(false);
  });
});

describe('session cache', () => {
  it('is on by default outside tests, off in tests', () => {
    expect(sessionSettings(loadConfig({ ...PRODUCTION, NODE_ENV: 'production' })).cache?.ttlMs).toBe(5000);
    expect(sessionSettings(loadConfig({ NODE_ENV: 'test' })).cache).toBeUndefined();
    expect(sessionSettings(loadConfig({ ...PRODUCTION, NODE_ENV: 'production', SESSION_CACHE_MS: '0' })).cache).toBeUndefined();
  });

  it('a logout through this instance is immediate; through another instance it takes at most the TTL', async () => {
    const settings: SessionSettings = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000, secure: false, cache: new SessionCache(5000) };
    const { accountId } = await loginAs(t.db, { kind: 'citizen', personalId: '001085012345' });
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms);

    const a = await openSession(t.db, settings, { accountId, method: 'vneid' }, at(0));
    expect(await resolveSession(t.db, settings, a.token, at(0))).toBeDefined();
    await closeSession(t.db, a.token, settings);
    expect(await resolveSession(t.db, settings, a.token, at(1))).toBeUndefined();

    const b = await openSession(t.db, settings, { accountId, method: 'vneid' }, at(0));
    expect(await resolveSession(t.db, settings, b.token, at(0))).toBeDefined();
    // Another instance deletes the session: this one keeps answering from its cache until the TTL.
    await t.db.deleteFrom('session').where('account_id', '=', accountId).execute();
    expect(await resolveSession(t.db, settings, b.token, at(4000))).toBeDefined();
    expect(await resolveSession(t.db, settings, b.token, at(5001))).toBeUndefined();
  });
});
