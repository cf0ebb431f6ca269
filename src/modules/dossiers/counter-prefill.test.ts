import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { syntheticCitizen } from '../../emulators/population/generator.ts';
import { startTestEmulator, testEmulatorEnv, type TestEmulator } from '../../emulators/population/testing.ts';
import { createDossierTestApp, TEST_PROCEDURE_CODE, type DossierTestApp } from './testing.ts';

let emu: TestEmulator;
let t: DossierTestApp;
let receiver: TestLogin;
let foreignReceiver: TestLogin;
let specialist: TestLogin;

beforeAll(async () => {
  emu = await startTestEmulator({ people: 50 });
  t = await createDossierTestApp({
    env: testEmulatorEnv(emu.url),
  });
  receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
  foreignReceiver = await loginAs(t.db, { kind: 'officer', username: 'phapche', roles: [{ role: 'receiver', unitId: 'vu-phap-che' }] });
  specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien1', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
}, 60_000);

afterAll(async () => {
  await t?.close();
  await emu?.close();
});

const prefill = (who: TestLogin | undefined, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/dossiers/counter-prefill', headers: who?.headers ?? {}, payload: body });

const logRows = () => t.db.selectFrom('population_query_log').selectAll().where('purpose_code', '=', 'counter_intake').orderBy('at').execute();

describe('the counter’s prefill from the population database', () => {
  it('gives a receiver of the receiving unit the values the e-form binds, and no others, once the number and the name match', async () => {
    const person = syntheticCitizen(7);
    const res = await prefill(receiver, { procedureCode: TEST_PROCEDURE_CODE, personalId: person.personalId, fullName: person.fullName, birthDate: person.birthDate });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.status, res.body).toBe('match');
    // The sample e-form binds the name, the ID number and the permanent address; the record holds
    // far more (birth date, gender, relatives...), none of which is sent.
    const own = await loginAs(t.db, { kind: 'citizen', personalId: person.personalId, fullName: person.fullName, acr: 'LoA2' });
    const all = (await t.app.inject({ method: 'POST', url: '/api/v1/population/me/prefill', headers: own.headers })).json().values as Record<string, string>;
    expect(Object.keys(all)).toEqual(expect.arrayContaining(['birthDate', 'gender', 'fullName', 'personalId', 'permanentAddress']));
    expect(body.values).toEqual({ fullName: all.fullName, personalId: all.personalId, permanentAddress: all.permanentAddress });
    expect(body.values).toMatchObject({ fullName: person.fullName, personalId: person.personalId, permanentAddress: expect.stringContaining(person.permanentAddress.detail) });
    expect(body.fetchedAt).toEqual(expect.any(String));
    const [row] = (await logRows()).filter((r) => r.request_id === body.requestId);
    expect(row).toMatchObject({ account_id: receiver.accountId, actor_kind: 'officer', unit_id: 'bo-phan-mot-cua', subject_personal_id: person.personalId, result: 'found' });
  });

  it('gives nothing when the name does not match the number, or the number is unknown', async () => {
    const person = syntheticCitizen(8);
    const wrongName = await prefill(receiver, { procedureCode: TEST_PROCEDURE_CODE, personalId: person.personalId, fullName: 'Tên Không Khớp', birthDate: person.birthDate });
    expect(wrongName.statusCode, wrongName.body).toBe(200);
    expect(wrongName.json()).toMatchObject({ status: 'mismatch', values: {} });
    const unknown = await prefill(receiver, { procedureCode: TEST_PROCEDURE_CODE, personalId: '001099000001', fullName: person.fullName, birthDate: person.birthDate });
    expect(unknown.json()).toMatchObject({ status: 'not_found', values: {} });
  });

  it('says the database is unavailable, with what to do, when it cannot be reached', async () => {
    await emu.control.set({ down: '503' });
    try {
      const person = syntheticCitizen(9);
      const res = await prefill(receiver, { procedureCode: TEST_PROCEDURE_CODE, personalId: person.personalId, fullName: person.fullName, birthDate: person.birthDate });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'unavailable', values: {}, detail: { vi: expect.stringContaining('thủ công') } });
    } finally {
      await emu.control.reset();
    }
  });

  it('is refused to anyone but a receiver of the procedure’s receiving unit, and to bad input, with nothing queried', async () => {
    const person = syntheticCitizen(10);
    const before = (await logRows()).length;
    const body = { procedureCode: TEST_PROCEDURE_CODE, personalId: person.personalId, fullName: person.fullName, birthDate: person.birthDate };
    expect((await prefill(undefined, body)).statusCode).toBe(401);
    expect((await prefill(specialist, body)).statusCode).toBe(403);
    expect((await prefill(foreignReceiver, body)).statusCode).toBe(403);
    const citizen = await loginAs(t.db, { kind: 'citizen', personalId: person.personalId, fullName: person.fullName, acr: 'LoA2' });
    expect((await prefill(citizen, body)).statusCode).toBe(403);
    const bad = await prefill(receiver, { ...body, personalId: '12345' });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await prefill(receiver, { ...body, procedureCode: '1.000001' })).statusCode).toBe(404);
    expect((await logRows()).length).toBe(before);
  });
});
