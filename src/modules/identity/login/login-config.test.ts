import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { ConfigError, loadConfig } from '../../../config.ts';
import { createTestDatabase } from '../../../db/testing.ts';
import { buildApp } from '../../../server.ts';

describe('login configuration', () => {
  it.each([
    [{ OIDC_ISSUER: 'https://sso.example.gov.vn' }, 'OIDC_CLIENT_ID'],
    [{ OFFICER_OIDC_ISSUER: 'https://id.most.example.gov.vn', OFFICER_OIDC_CLIENT_ID: 'x' }, 'OFFICER_OIDC_CLIENT_ID'],
    [{ OIDC_CLAIM_MAP: '{"hoTen":"name"}' }, 'OIDC_CLAIM_MAP'],
    [{ OIDC_ACR_MAP: '{"LoA3":"x"}' }, 'OIDC_ACR_MAP'],
    [{ SSO_EMULATOR: 'false' }, 'OIDC_ISSUER'],
  ])('%j stops the start naming %s', async (env, variable) => {
    const database = await createTestDatabase({ migrate: false });
    try {
      const build = buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env }), database });
      await expect(build).rejects.toBeInstanceOf(ConfigError);
      await expect(build).rejects.toMatchObject({ variable });
    } finally {
      await database.close();
    }
  });

  it('rejects a claim map that is not a JSON object of strings when loading the environment', () => {
    expect(() => loadConfig({ OIDC_CLAIM_MAP: '["name"]' })).toThrow(/OIDC_CLAIM_MAP expects a JSON object of strings/);
  });

  it('answers 503 when the provider cannot be reached, without leaving a login cookie', async () => {
    const t = await createTestApp({ OIDC_ISSUER: 'http://127.0.0.1:9/unreachable', OIDC_CLIENT_ID: 'motcua', OIDC_CLIENT_SECRET: 'secret-123' });
    try {
      const res = await t.app.inject('/auth/login?acr=LoA2');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'unavailable' });
      expect(res.headers['set-cookie']).toBeUndefined();
      const officer = await t.app.inject('/auth/officer/oidc/login');
      expect(officer.statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
