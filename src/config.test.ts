import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

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
});
