import { describe, expect, it } from 'vitest';
import { ConfigError, emulatorWarnings, loadConfig, paymentEmulatorOn, populationEmulatorOn, ssoEmulatorOn } from './config.ts';

describe('loadConfig', () => {
  it('gives the embedded defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.WORK_SESSIONS).toBe('07:00-11:30,13:30-17:00');
    expect(config.WORKING_DAY_HOURS).toBe(8);
    expect(config.DOSSIER_CODE_FORMAT).toBe('2018');
    expect(config.MIGRATE_ON_START).toBe(true);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });

  it.each([
    ['PORT', 'abc', /PORT .*got "abc"/],
    ['PORT', '70000', /PORT/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL expects a postgres:\/\/ connection URL/],
    ['WORK_SESSIONS', '7-11', /WORK_SESSIONS expects sessions like/],
    ['DOSSIER_CODE_FORMAT', '2020', /DOSSIER_CODE_FORMAT/],
    ['DOSSIER_CODE_SYSTEM_CODE', '1', /DOSSIER_CODE_SYSTEM_CODE expects two digits/],
    ['MIGRATE_ON_START', 'maybe', /MIGRATE_ON_START expects true or false/],
    ['ADMIN_API_TOKEN', 'short', /ADMIN_API_TOKEN expects at least 24 characters/],
  ])('rejects %s=%s naming the variable', (name, value, message) => {
    let caught: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(name);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message.split('\n')).toHaveLength(1);
  });

  it('accepts a PostgreSQL URL and booleans in their usual spellings', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', MIGRATE_ON_START: 'no', TRUST_PROXY: '1' });
    expect(config.DATABASE_URL).toBe('postgres://u@h:5432/db');
    expect(config.MIGRATE_ON_START).toBe(false);
    expect(config.TRUST_PROXY).toBe(true);
  });

  it('has request, connection and keep-alive time limits by default, configurable', () => {
    const config = loadConfig({});
    expect(config.REQUEST_TIMEOUT_MS).toBeGreaterThan(0);
    expect(config.CONNECTION_TIMEOUT_MS).toBeGreaterThan(0);
    expect(config.KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(0);
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '5000' }).REQUEST_TIMEOUT_MS).toBe(5000);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '0' })).toThrow(/REQUEST_TIMEOUT_MS/);
  });

  it('rejects a short METRICS_TOKEN naming the variable', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN expects at least 24 characters/);
  });
});

describe('production and the emulators of national systems', () => {
  const real = {
    OIDC_ISSUER: 'https://sso.example.gov.vn',
    POPULATION_API_URL: 'https://lgsp.example.gov.vn/dan-cu',
    PAYGOV_URL: 'https://paygov.example.gov.vn/api',
    PAYGOV_SECRET: 'partner-secret-0123456789',
  };
  const caught = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      return error as ConfigError;
    }
    return undefined;
  };

  it('refuses to start without the national SSO, naming OIDC_ISSUER in one line', () => {
    const error = caught({ ...real, NODE_ENV: 'production', OIDC_ISSUER: '' });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.variable).toBe('OIDC_ISSUER');
    expect(error!.message).toMatch(/OIDC_ISSUER is required when NODE_ENV=production/);
    expect(error!.message.split('\n')).toHaveLength(1);
  });

  it('refuses to start without the population service, naming POPULATION_API_URL', () => {
    const error = caught({ ...real, NODE_ENV: 'production', POPULATION_API_URL: '' });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.variable).toBe('POPULATION_API_URL');
    expect(error!.message.split('\n')).toHaveLength(1);
    // SSO_EMULATOR=false is not a provider either.
    expect(caught({ ...real, NODE_ENV: 'production', SSO_EMULATOR: 'false', OIDC_ISSUER: '' })?.variable).toBe('OIDC_ISSUER');
  });

  it('refuses to start without the payment platform or its partner secret', () => {
    expect(caught({ ...real, NODE_ENV: 'production', PAYGOV_URL: '' })?.variable).toBe('PAYGOV_URL');
    expect(caught({ ...real, NODE_ENV: 'production', PAYGOV_SECRET: '' })?.variable).toBe('PAYGOV_SECRET');
    // The published demo secret is no secret.
    expect(caught({ ...real, NODE_ENV: 'production', PAYGOV_SECRET: 'motcua-paygov-demo-secret' })?.variable).toBe('PAYGOV_SECRET');
    // With the emulator explicitly on, the secret is still required (it signs what the emulator accepts).
    expect(caught({ ...real, NODE_ENV: 'production', PAYGOV_URL: '', PAYMENT_EMULATOR: 'true', PAYGOV_SECRET: '' })?.variable).toBe('PAYGOV_SECRET');
  });

  it('mounts no emulator in production with the real providers, and warns of none', () => {
    const config = loadConfig({ NODE_ENV: 'production', ...real });
    expect(ssoEmulatorOn(config)).toBe(false);
    expect(populationEmulatorOn(config)).toBe(false);
    expect(paymentEmulatorOn(config)).toBe(false);
    expect(emulatorWarnings(config)).toEqual([]);
  });

  it('mounts an emulator in production only when explicitly enabled, with a loud warning', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      SSO_EMULATOR: 'true',
      POPULATION_EMULATOR: 'true',
      PAYMENT_EMULATOR: 'true',
      PAYGOV_SECRET: real.PAYGOV_SECRET,
    });
    expect(ssoEmulatorOn(config)).toBe(true);
    expect(populationEmulatorOn(config)).toBe(true);
    expect(paymentEmulatorOn(config)).toBe(true);
    const warnings = emulatorWarnings(config);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/SSO_EMULATOR=true in production/);
    expect(warnings[1]).toMatch(/POPULATION_EMULATOR=true in production/);
    expect(warnings[2]).toMatch(/PAYMENT_EMULATOR=true in production/);
    // Enabled next to a real provider: still the emulator, still warned.
    expect(emulatorWarnings(loadConfig({ NODE_ENV: 'production', ...real, SSO_EMULATOR: 'true' }))).toHaveLength(1);
  });

  it('keeps the emulators on by default outside production', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(ssoEmulatorOn(config)).toBe(true);
    expect(populationEmulatorOn(config)).toBe(true);
    expect(emulatorWarnings(config)).toEqual([]);
    expect(ssoEmulatorOn(loadConfig({ OIDC_ISSUER: real.OIDC_ISSUER }))).toBe(false);
    expect(populationEmulatorOn(loadConfig({ POPULATION_API_URL: real.POPULATION_API_URL }))).toBe(false);
    expect(paymentEmulatorOn(config)).toBe(true);
    expect(paymentEmulatorOn(loadConfig({ PAYGOV_URL: real.PAYGOV_URL }))).toBe(false);
  });
});
