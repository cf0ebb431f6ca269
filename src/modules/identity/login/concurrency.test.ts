// Regression tests: parallel requests must not bypass the lockout or reuse a TOTP code.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { grantRole, insertAccount } from '../officers/store.ts';
import { seedUnits } from '../seed/units.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { currentTotp, newTotpSecret } from './totp.ts';

// Counts the real password checks (an unknown or locked account costs a dummy check, not counted).
vi.mock('./passwords.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./passwords.ts')>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

let t: TestApp;
beforeAll(async () => {
  // The throttle is set high here: this file is about the lockout itself.
  t = await createTestApp({ OFFICER_LOCKOUT_ATTEMPTS: '5', AUTH_RATE_LIMIT_PER_IP: '1000', AUTH_RATE_LIMIT_PER_ACCOUNT: '1000' });
  await seedUnits(t.db);
});
afterAll(async () => {
  await t?.close();
});

const PASSWORD = 'Dung-MatKhau-2026';
async function officer(username: string, totpSecret: string | null = null) {
  const id = await insertAccount(t.db, {
    kind: 'officer',
    username,
    full_name: 'Trịnh Văn Sơn',
    unit_id: 'cuc-shtt',
    password_hash: await hashPassword(PASSWORD),
    totp_secret: totpSecret,
  });
  await grantRole(t.db, id, 'cuc-shtt', 'specialist', 'test');
  return id;
}
const login = (payload: Record<string, string>) => t.app.inject({ method: 'POST', url: '/auth/officer/login', payload });

describe('lockout under parallel requests', () => {
  it('40 concurrent wrong passwords check at most 5, lock the account, and the right password is then refused', async () => {
    const id = await officer('cb.songsong');
    vi.mocked(verifyPassword).mockClear();
    const wrong = await Promise.all(Array.from({ length: 40 }, (_, i) => login({ username: 'cb.songsong', password: `Sai-MatKhau-${i}` })));
    expect(wrong.every((r) => r.statusCode === 401 && r.json().code === 'invalid_credentials')).toBe(true);
    expect(vi.mocked(verifyPassword).mock.calls.length).toBeLessThanOrEqual(5);
    const right = await login({ username: 'cb.songsong', password: PASSWORD });
    expect(right.statusCode).toBe(401);
    expect(right.json().code).toBe('invalid_credentials');
    expect(vi.mocked(verifyPassword).mock.calls.length).toBeLessThanOrEqual(5);
    const row = await t.db.selectFrom('account').select('locked_until').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.locked_until!.getTime()).toBeGreaterThan(Date.now());
  });

  it('the right password among concurrent wrong ones is checked only if it gets one of the allowed attempts', async () => {
    await officer('cb.songsong2');
    vi.mocked(verifyPassword).mockClear();
    const attempts = Array.from({ length: 40 }, (_, i) => (i === 20 ? PASSWORD : `Sai-MatKhau-${i}`));
    const results = await Promise.all(attempts.map((password) => login({ username: 'cb.songsong2', password })));
    expect(vi.mocked(verifyPassword).mock.calls.length).toBeLessThanOrEqual(5);
    // At most the allowed number of attempts were weighed, so at most one of them can succeed.
    expect(results.filter((r) => r.statusCode === 200).length).toBeLessThanOrEqual(1);
  });
});

describe('a TOTP code is good once', () => {
  it('the same code sent 6 times at once opens one session', async () => {
    const secret = newTotpSecret();
    await officer('cb.maxacthuc', secret);
    const code = currentTotp(secret);
    const results = await Promise.all(Array.from({ length: 6 }, () => login({ username: 'cb.maxacthuc', password: PASSWORD, totp: code })));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.statusCode !== 200)) expect(r.json().code).toBe('invalid_credentials');
  });
});
