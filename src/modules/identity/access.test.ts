// Every identity route declares what it needs (src/http/access.ts); this is the table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const EXPECTED: Record<string, string> = {
  'GET /api/v1/me': 'login',
  'GET /auth/login': 'public',
  'GET /auth/callback': 'public',
  'POST /auth/logout': 'login',
  'POST /auth/officer/login': 'public',
  'GET /auth/officer/oidc/login': 'public',
  'GET /auth/officer/callback': 'public',
  'POST /auth/officer/invitation': 'public',
  'POST /api/v1/account/totp/setup': 'login',
  'POST /api/v1/account/totp/confirm': 'login',
  'POST /api/v1/account/password': 'login',
  'GET /api/v1/admin/units': 'unit.read',
  'POST /api/v1/admin/units': 'unit.manage',
  'PATCH /api/v1/admin/units/:id': 'unit.manage',
  'POST /api/v1/admin/units/:id/deactivate': 'unit.manage',
  'POST /api/v1/admin/units/:id/activate': 'unit.manage',
  'GET /api/v1/admin/officers': 'officer.read',
  'GET /api/v1/admin/officers/:id': 'officer.read',
  'POST /api/v1/admin/officers': 'officer.manage',
  'PATCH /api/v1/admin/officers/:id': 'officer.manage',
  'POST /api/v1/admin/officers/:id/disable': 'officer.manage',
  'POST /api/v1/admin/officers/:id/enable': 'officer.manage',
  'POST /api/v1/admin/officers/:id/password': 'officer.manage',
  'DELETE /api/v1/admin/officers/:id/totp': 'officer.manage',
  'POST /api/v1/admin/officers/:id/roles': 'officer.manage',
  'DELETE /api/v1/admin/officers/:id/roles/:unitId/:role': 'officer.manage',
  'GET /api/v1/audit': 'audit.read',
};

const isIdentity = (url: string) =>
  url.startsWith('/auth') || ['/api/v1/me', '/api/v1/account', '/api/v1/admin/units', '/api/v1/admin/officers', '/api/v1/audit'].some((p) => url.startsWith(p));

describe('identity routes', () => {
  it('each declares the expected access, and none is undeclared', () => {
    const declared = Object.fromEntries(
      t.app.declaredRoutes.filter((r) => isIdentity(r.url)).map((r) => [`${r.method} ${r.url}`, r.access]),
    );
    expect(declared).toEqual(EXPECTED);
    expect(t.app.undeclaredRoutes.filter((r) => isIdentity(r.url))).toEqual([]);
  });
});
