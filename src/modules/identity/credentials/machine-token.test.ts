import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../config.ts';
import { ProblemError } from '../../../http/problem.ts';
import { resolveMachineToken } from './machine-token.ts';

const TOKEN = 'machine-token-0123456789abcdef';
const settings = { token: TOKEN, permissions: ['calendar.edit'] as const };

describe('ADMIN_API_TOKEN_PERMISSIONS', () => {
  it('defaults to calendar.edit and takes comma-separated names of the vocabulary', () => {
    expect(loadConfig({}).ADMIN_API_TOKEN_PERMISSIONS).toEqual(['calendar.edit']);
    expect(loadConfig({ ADMIN_API_TOKEN_PERMISSIONS: 'calendar.edit, audit.read,calendar.edit' }).ADMIN_API_TOKEN_PERMISSIONS).toEqual([
      'calendar.edit',
      'audit.read',
    ]);
  });

  it('refuses a name outside the vocabulary, naming the variable and the name', () => {
    for (const value of ['calendar.edit,calendar.everything', ' , ']) {
      let caught: unknown;
      try {
        loadConfig({ ADMIN_API_TOKEN_PERMISSIONS: value });
      } catch (error) {
        caught = error;
      }
      expect(caught, value).toBeInstanceOf(ConfigError);
      expect((caught as ConfigError).variable).toBe('ADMIN_API_TOKEN_PERMISSIONS');
    }
    expect(() => loadConfig({ ADMIN_API_TOKEN_PERMISSIONS: 'calendar.everything' })).toThrow(/unknown: calendar\.everything/);
  });
});

describe('resolveMachineToken', () => {
  it('the token is a service principal carrying the configured permissions', () => {
    expect(resolveMachineToken(`Bearer ${TOKEN}`, settings)).toMatchObject({ kind: 'service', permissions: ['calendar.edit'], method: 'token' });
    expect(resolveMachineToken(`bearer ${TOKEN}`, settings)?.kind).toBe('service');
  });

  it('no header, or another scheme: no principal', () => {
    expect(resolveMachineToken(undefined, settings)).toBeUndefined();
    expect(resolveMachineToken('Basic dXNlcjpwYXNz', settings)).toBeUndefined();
  });

  it('a wrong or malformed bearer token, or any token when none is configured: 401', () => {
    for (const [header, s] of [
      [`Bearer ${TOKEN}x`, settings],
      ['Bearer', settings],
      [`Bearer ${TOKEN} extra`, settings],
      [`Bearer ${TOKEN}`, { token: undefined, permissions: ['calendar.edit'] as const }],
    ] as const) {
      let caught: unknown;
      try {
        resolveMachineToken(header, s);
      } catch (error) {
        caught = error;
      }
      expect(caught, header).toBeInstanceOf(ProblemError);
      expect((caught as ProblemError).code).toBe('unauthorized');
    }
  });
});
