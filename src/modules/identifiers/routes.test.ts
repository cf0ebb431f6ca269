import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/identifiers/personal-id/{number}', () => {
  it('decodes a valid number exactly as the CLI prints it', async () => {
    const res = await t.app.inject('/api/v1/identifiers/personal-id/001099012345');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(
      '{"valid":true,"kind":"personal_id","province":"001","provinceName":"Hà Nội","gender":"male","birthYear":1999}',
    );
  });

  it('recognises a legacy 9-digit CMND', async () => {
    const res = await t.app.inject('/api/v1/identifiers/personal-id/012345678');
    expect(res.json()).toEqual({ valid: true, kind: 'cmnd' });
  });

  it.each([
    ['00109901234', 'wrong_length'],
    ['003099012345', 'unknown_province'],
    ['00109901234a', 'not_digits'],
    ['001399012345', 'future_birth_year'],
  ])('%s is a 422 problem (%s)', async (number, reasonCode) => {
    const res = await t.app.inject({ url: `/api/v1/identifiers/personal-id/${number}`, headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'invalid_identifier', valid: false, reasonCode, title: 'Invalid identifier' });
  });
});

describe('GET /api/v1/identifiers/agency-id/{id}', () => {
  it('accepts both orders of the level-1 group', async () => {
    expect((await t.app.inject('/api/v1/identifiers/agency-id/G22.01.05')).json()).toMatchObject({
      valid: true,
      order: 'level1_first',
      level1: 'G22',
    });
    expect((await t.app.inject('/api/v1/identifiers/agency-id/05.01.G22')).json()).toMatchObject({
      valid: true,
      order: 'level1_last',
    });
  });

  it('rejects lower case and over-long IDs', async () => {
    expect((await t.app.inject('/api/v1/identifiers/agency-id/g22.01')).statusCode).toBe(422);
    expect((await t.app.inject(`/api/v1/identifiers/agency-id/G22.${'1'.repeat(40)}`)).statusCode).toBe(422);
  });
});
