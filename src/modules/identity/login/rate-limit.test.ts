// Throttling of the login and password routes: per account and per client address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { loginAs } from '../../../../test/support/auth.ts';
import { seedUnits } from '../seed/units.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ AUTH_RATE_LIMIT_PER_ACCOUNT: '3', AUTH_RATE_LIMIT_PER_IP: '6', AUTH_RATE_LIMIT_WINDOW_SECONDS: '60' });
  await seedUnits(t.db);
});
afterAll(async () => {
  await t?.close();
});

const from = (ip: string) => ({ remoteAddress: ip });

function expectTooMany(res: { statusCode: number; headers: Record<string, unknown>; json(): { code: string } }) {
  expect(res.statusCode).toBe(429);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().code).toBe('too_many_requests');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

describe('officer login', () => {
  it('answers 429 with Retry-After after the per-account limit, from any address', async () => {
    const tries = [];
    for (let i = 0; i < 3; i++) {
      tries.push(await t.app.inject({ method: 'POST', url: '/auth/officer/login', payload: { username: 'cb.gioihan', password: 'x' }, ...from(`10.0.0.${i + 1}`) }));
    }
    for (const r of tries) expect(r.statusCode).toBe(401);
    expectTooMany(await t.app.inject({ method: 'POST', url: '/auth/officer/login', payload: { username: 'CB.GIOIHAN', password: 'x' }, ...from('10.0.0.9') }));
  });

  it('answers 429 after the per-address limit, whatever the username', async () => {
    for (let i = 0; i < 6; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/auth/officer/login', payload: { username: `cb.ip${i}`, password: 'x' }, ...from('10.1.0.1') });
      expect(r.statusCode).toBe(401);
    }
    expectTooMany(await t.app.inject({ method: 'POST', url: '/auth/officer/login', payload: { username: 'cb.ip-khac', password: 'x' }, ...from('10.1.0.1') }));
    // Another address is not affected.
    expect((await t.app.inject({ method: 'POST', url: '/auth/officer/login', payload: { username: 'cb.ip-khac', password: 'x' }, ...from('10.1.0.2') })).statusCode).toBe(401);
  });
});

describe('invitation and own password', () => {
  it('throttles the invitation acceptance by invitation', async () => {
    const payload = { token: 'k'.repeat(43), password: 'Moi-MatKhau-2027' };
    for (let i = 0; i < 3; i++) expect((await t.app.inject({ method: 'POST', url: '/auth/officer/invitation', payload, ...from(`10.2.0.${i + 1}`) })).statusCode).toBe(404);
    expectTooMany(await t.app.inject({ method: 'POST', url: '/auth/officer/invitation', payload, ...from('10.2.0.9') }));
  });

  it('throttles the password change by account', async () => {
    const officer = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'specialist', unitId: 'cuc-shtt' }] });
    const payload = { currentPassword: 'Sai-MatKhau-1', newPassword: 'Moi-MatKhau-2027' };
    for (let i = 0; i < 3; i++) {
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/account/password', headers: officer.headers, payload, ...from(`10.3.0.${i + 1}`) })).statusCode).toBe(422);
    }
    expectTooMany(await t.app.inject({ method: 'POST', url: '/api/v1/account/password', headers: officer.headers, payload, ...from('10.3.0.9') }));
  });
});
