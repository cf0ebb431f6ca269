import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { loginAs } from '../../../../test/support/auth.ts';
import { loadConfig } from '../../../config.ts';
import { buildApp } from '../../../server.ts';
import { grantRole, insertAccount } from '../officers/store.ts';
import { hashPassword } from './passwords.ts';
import { seedUnits } from '../seed/units.ts';
import { currentTotp, newTotpSecret } from './totp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ OFFICER_LOCKOUT_ATTEMPTS: '3', OFFICER_LOCKOUT_MINUTES: '15' });
  await seedUnits(t.db);
});
afterAll(async () => {
  await t?.close();
});

let n = 0;
async function officer(options: { roles?: Array<['receiver' | 'specialist' | 'admin' | 'auditor', string]>; totpSecret?: string; password?: string } = {}) {
  const username = `cb.login${++n}`;
  const id = await insertAccount(t.db, {
    kind: 'officer',
    username,
    full_name: 'Lê Thị Thu',
    unit_id: 'cuc-shtt',
    password_hash: await hashPassword(options.password ?? 'Dung-MatKhau-2026'),
    totp_secret: options.totpSecret ?? null,
  });
  for (const [role, unitId] of options.roles ?? [['specialist', 'cuc-shtt']]) await grantRole(t.db, id, unitId, role, 'test');
  return { id, username };
}

const login = (payload: Record<string, string>, cookie?: string) =>
  t.app.inject({ method: 'POST', url: '/auth/officer/login', payload, headers: cookie ? { cookie } : {} });
const sidOf = (res: { headers: Record<string, unknown> }) =>
  (res.headers['set-cookie'] as string[]).find((c) => c.startsWith('motcua_sid='))!.split(';')[0]!;
const session = (res: { headers: Record<string, unknown>; json(): { csrfToken: string } }) => ({
  cookie: sidOf(res),
  'x-csrf-token': res.json().csrfToken,
});

describe('password login', () => {
  it('opens a session with the officer’s roles, rotating a previous one', async () => {
    const o = await officer();
    const first = await login({ username: o.username, password: 'Dung-MatKhau-2026' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ username: o.username, method: 'password', roles: [{ role: 'specialist', unitId: 'cuc-shtt' }], totpEnrolmentRequired: false });
    const second = await login({ username: o.username.toUpperCase(), password: 'Dung-MatKhau-2026' }, sidOf(first));
    expect(second.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: sidOf(first) } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: sidOf(second) } })).json()).toMatchObject({ kind: 'officer', username: o.username });
  });

  it('gives one answer for an unknown user, a wrong password and a disabled account', async () => {
    const o = await officer();
    const unknown = await login({ username: 'khong.ton.tai', password: 'Dung-MatKhau-2026' });
    const wrong = await login({ username: o.username, password: 'Sai-MatKhau-2026' });
    await t.db.updateTable('account').set({ disabled_at: new Date() }).where('id', '=', o.id).execute();
    const disabled = await login({ username: o.username, password: 'Dung-MatKhau-2026' });
    for (const res of [unknown, wrong, disabled]) expect(res.statusCode).toBe(401);
    const strip = (r: typeof unknown) => ({ ...r.json(), instance: undefined });
    expect(strip(wrong)).toEqual(strip(unknown));
    expect(strip(disabled)).toEqual(strip(unknown));
    expect(unknown.json().code).toBe('invalid_credentials');
  });

  it('locks the account after the configured number of failures, then lets it in after the lock', async () => {
    const o = await officer();
    for (let i = 0; i < 3; i++) expect((await login({ username: o.username, password: `Sai-${i}-MatKhau` })).statusCode).toBe(401);
    const locked = await login({ username: o.username, password: 'Dung-MatKhau-2026' });
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe('invalid_credentials');
    const row = await t.db.selectFrom('account').select(['locked_until']).where('id', '=', o.id).executeTakeFirstOrThrow();
    const minutes = (row.locked_until!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', o.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['officer.lock']);
    await t.db.updateTable('account').set({ locked_until: new Date(Date.now() - 1000) }).where('id', '=', o.id).execute();
    expect((await login({ username: o.username, password: 'Dung-MatKhau-2026' })).statusCode).toBe(200);
  });
});

describe('TOTP', () => {
  it('an administrator without TOTP can only enrol; after enrolment the admin role works', async () => {
    const o = await officer({ roles: [['admin', 'cuc-shtt'], ['specialist', 'cuc-shtt']] });
    const res = await login({ username: o.username, password: 'Dung-MatKhau-2026' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ totpEnrolmentRequired: true, roles: [] });
    const headers = session(res);
    const me = (await t.app.inject({ url: '/api/v1/me', headers })).json();
    expect(me).toMatchObject({ roles: [], totpEnrolmentRequired: true });
    expect((await t.app.inject({ url: '/api/v1/admin/officers', headers })).statusCode).toBe(403);

    const setup = await t.app.inject({ method: 'POST', url: '/api/v1/account/totp/setup', headers });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl, qrDataUrl } = setup.json();
    expect(otpauthUrl).toMatch(new RegExp(`^otpauth://totp/motcua:${o.username}\\?`));
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);

    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/account/totp/confirm', headers, payload: { code: currentTotp(secret, Date.now() - 5 * 60_000) } });
    expect(wrong.statusCode).toBe(422);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/account/totp/confirm', headers, payload: { code: currentTotp(secret) } });
    expect(ok.statusCode).toBe(200);
    const strong = { cookie: sidOf(ok), 'x-csrf-token': ok.json().csrfToken };
    expect((await t.app.inject({ url: '/api/v1/admin/officers', headers: strong })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers })).statusCode).toBe(401); // the password-only session was replaced
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_label', 'actor_id', 'actor_kind']).where('entity_id', '=', o.id).execute();
    expect(audit).toEqual([{ action: 'officer.totp.enable', actor_label: `${o.username} (Lê Thị Thu)`, actor_id: o.id, actor_kind: 'officer' }]);
  });

  it('an enrolled account needs a valid, unused code; without one the answer does not depend on the password', async () => {
    const secret = newTotpSecret();
    const o = await officer({ roles: [['admin', 'cuc-shtt']], totpSecret: secret });
    // No code: totp_required whether the password is right or wrong (it reveals nothing).
    const missing = await login({ username: o.username, password: 'Dung-MatKhau-2026' });
    const missingWrongPassword = await login({ username: o.username, password: 'Sai-MatKhau-2026' });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().code).toBe('totp_required');
    expect({ ...missingWrongPassword.json(), instance: undefined }).toEqual({ ...missing.json(), instance: undefined });
    // With a code: a wrong password and a wrong code give the same answer.
    const wrongPassword = await login({ username: o.username, password: 'Sai-MatKhau-2026', totp: currentTotp(secret) });
    const badCode = await login({ username: o.username, password: 'Dung-MatKhau-2026', totp: currentTotp(secret, Date.now() - 10 * 60_000) });
    expect(wrongPassword.json().code).toBe('invalid_credentials');
    expect({ ...badCode.json(), instance: undefined }).toEqual({ ...wrongPassword.json(), instance: undefined });
    // Those four attempts counted (the limit in this file is 3): the account is locked now.
    const locked = await t.db.selectFrom('account').select('locked_until').where('id', '=', o.id).executeTakeFirstOrThrow();
    expect(locked.locked_until).not.toBeNull();
    await t.db.updateTable('account').set({ locked_until: null, failed_logins: 0 }).where('id', '=', o.id).execute();
    const code = currentTotp(secret);
    const ok = await login({ username: o.username, password: 'Dung-MatKhau-2026', totp: code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ method: 'password+totp', totpEnrolmentRequired: false, roles: [{ role: 'admin', unitId: 'cuc-shtt' }] });
    const replay = await login({ username: o.username, password: 'Dung-MatKhau-2026', totp: code });
    expect(replay.statusCode).toBe(401);
    // Replacing the factor needs a session that proved it.
    const weak = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'specialist', unitId: 'cuc-shtt' }] });
    await t.db.updateTable('account').set({ totp_secret: newTotpSecret() }).where('id', '=', weak.accountId).execute();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/account/totp/setup', headers: weak.headers })).statusCode).toBe(403);
  });

  it('account routes are for logged-in officers only', async () => {
    const citizen = await loginAs(t.db, { kind: 'citizen', personalId: '079192004567' });
    for (const url of ['/api/v1/account/totp/setup', '/api/v1/account/totp/confirm', '/api/v1/account/password']) {
      const payload = url.endsWith('confirm') ? { code: '123456' } : url.endsWith('password') ? { currentPassword: 'a', newPassword: 'b' } : undefined;
      expect((await t.app.inject({ method: 'POST', url, ...(payload ? { payload } : {}) })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'POST', url, headers: citizen.headers, ...(payload ? { payload } : {}) })).statusCode).toBe(403);
    }
  });
});

describe('own password', () => {
  it('changes with the current password; other sessions end', async () => {
    const o = await officer();
    const a = await login({ username: o.username, password: 'Dung-MatKhau-2026' });
    const b = await login({ username: o.username, password: 'Dung-MatKhau-2026' });
    const headers = session(a);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/account/password', headers, payload: { currentPassword: 'x', newPassword: 'Moi-MatKhau-2027' } });
    expect(wrong.statusCode).toBe(422);
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/account/password', headers, payload: { currentPassword: 'Dung-MatKhau-2026', newPassword: 'ngan' } });
    expect(weak.statusCode).toBe(422);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/account/password', headers, payload: { currentPassword: 'Dung-MatKhau-2026', newPassword: 'Moi-MatKhau-2027' } });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: sidOf(b) } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/me', headers })).statusCode).toBe(200);
    expect((await login({ username: o.username, password: 'Moi-MatKhau-2027' })).statusCode).toBe(200);
  });
});

describe('e-ID level on a route (the access hook)', () => {
  it('lets a level-2 citizen through and sends a level-1 one back to log in at level 2', async () => {
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test' }), database: t.database });
    app.get('/api/v1/test/level-2', { config: { access: 'population.read_own_full' } }, async () => ({ ok: true }));
    await app.ready();
    try {
      const l2 = await loginAs(t.db, { kind: 'citizen', personalId: '036060001122', acr: 'LoA2' });
      const l1 = await loginAs(t.db, { kind: 'citizen', personalId: '038178000123', acr: 'LoA1' });
      const clerk = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
      expect((await app.inject({ url: '/api/v1/test/level-2', headers: l2.headers })).statusCode).toBe(200);
      const refused = await app.inject({ url: '/api/v1/test/level-2', headers: l1.headers });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'insufficient_assurance', requiredAcr: 'LoA2', acr: 'LoA1', loginUrl: '/auth/login?acr=LoA2' });
      expect(refused.json().detail).toContain('mức độ 2');
      expect((await app.inject({ url: '/api/v1/test/level-2' })).statusCode).toBe(401);
      expect((await app.inject({ url: '/api/v1/test/level-2', headers: clerk.headers })).statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });
});
