import { request as httpRequest } from 'node:http';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { parseCongDanEnvelope } from '../../modules/population/record.ts';
import { syntheticCitizen } from './generator.ts';
import { putCitizen } from './store.ts';
import { queryBodyFor, startTestEmulator, TEST_API_KEY, type TestEmulator } from './testing.ts';
import type { SyntheticCitizen } from './types.ts';
import { escapeXml } from './wire.ts';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ people: 200 });
});
afterAll(async () => {
  await emu?.close();
});
afterEach(async () => {
  await emu.control.reset();
});

const auth = { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' };

async function post(body: unknown, headers: Record<string, string> = auth): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(emu.url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** POSTs on a connection of its own; the HTTP status, or the connection's error code. */
function postOnNewConnection(body: unknown): Promise<number | string | undefined> {
  return new Promise((resolve) => {
    const req = httpRequest(emu.url, { method: 'POST', agent: false, headers: auth }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code));
    req.end(JSON.stringify(body));
  });
}

async function admin(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown, key = TEST_API_KEY) {
  const res = await fetch(new URL(path, emu.url), {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('population emulator: the query protocol (SPEC §4.4)', () => {
  it('answers error_code "0" with a SOAP envelope holding the citizen’s record', async () => {
    const person = emu.person(13);
    const { status, json } = await post(queryBodyFor(person));
    expect(status).toBe(200);
    expect(json.error_code).toBe('0');
    const xml = json.message as string;
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><soap:Envelope /);
    const doc = new XMLParser({ removeNSPrefix: true, parseTagValue: false }).parse(xml);
    const congDan = doc.Envelope.Body.CongdanCollection.CongDan;
    expect(congDan.SoDinhDanh).toBe(person.personalId);
    expect(congDan.HoVaTen).toEqual({ Ho: person.surname, ChuDem: person.middleName, Ten: person.givenName });
    expect(congDan.NgayThangNamSinh.NgayThangNam).toBe(person.birthDate.replaceAll('-', ''));
    expect(congDan.GioiTinh).toBe(person.gender === 'male' ? '1' : '2');
    expect(congDan.ThuongTru.MaTinhThanh).toBe(person.permanentAddress.provinceCode);
    expect(congDan.ChuHo.SoDinhDanh).toBe(person.householdHead.personalId);
    expect(congDan.SoSoHoKhau).toBe(person.householdBookNumber);

    // motcua's parser reads back exactly what was generated.
    const [record] = parseCongDanEnvelope(xml);
    expect(record).toMatchObject({
      personalId: person.personalId,
      oldIdNumber: person.oldIdNumber,
      fullName: person.fullName,
      birthDate: person.birthDate,
      ethnicityCode: person.ethnicityCode,
      householdBookNumber: person.householdBookNumber,
      permanentAddress: { ...person.permanentAddress },
      currentAddress: { ...person.currentAddress },
    });
    expect(record!.father?.personalId ?? null).toBe(person.father?.personalId ?? null);
    expect(record!.spouse?.fullName ?? null).toBe(person.spouse?.fullName ?? null);
  });

  it('matches on the year of birth alone, ignoring case, spacing and Unicode normalization of the name', async () => {
    const person = emu.person(20);
    const sloppy = `  ${person.fullName.toLocaleUpperCase('vi').normalize('NFD').replace(' ', '   ')} `;
    const { json } = await post(queryBodyFor(person, { HoVaTen: sloppy, NgayThangNam: '', Nam: person.birthDate.slice(0, 4) }));
    expect(json.error_code).toBe('0');
  });

  it('finds a citizen by the former CMND number when no ID number is given', async () => {
    const person = Array.from({ length: 200 }, (_, i) => emu.person(i)).find((p) => p.oldIdNumber)!;
    const { json } = await post(queryBodyFor(person, { SoDinhDanh: '', SoCMND: person.oldIdNumber! }));
    expect(json.error_code).toBe('0');
    expect(parseCongDanEnvelope(json.message as string)[0]!.personalId).toBe(person.personalId);
  });

  it('NOT_FOUND: a well-formed ID number nobody has', async () => {
    const outside = syntheticCitizen(5000, emu.seed); // generated, but beyond the 200 stored
    const { status, json } = await post(queryBodyFor(outside));
    expect(status).toBe(200);
    expect(json).toMatchObject({ error_code: 'NOT_FOUND' });
  });

  it('DATA_MISMATCH: the number exists but the name or the birth date differ, naming the fields', async () => {
    const person = emu.person(3);
    const wrongName = await post(queryBodyFor(person, { HoVaTen: `${person.fullName} Xyz` }));
    expect(wrongName.json).toMatchObject({ error_code: 'DATA_MISMATCH', mismatched: ['HoVaTen'] });
    expect(wrongName.json.message).not.toContain(person.birthDate.replaceAll('-', '')); // nothing of the record leaks
    const noDiacritics = await post(queryBodyFor(person, { HoVaTen: person.fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '') }));
    if (noDiacritics.json.error_code !== '0') expect(noDiacritics.json.mismatched).toEqual(['HoVaTen']);
    const wrongDate = await post(queryBodyFor(person, { NgayThangNam: '19000101' }));
    expect(wrongDate.json).toMatchObject({ error_code: 'DATA_MISMATCH', mismatched: ['NgayThangNam'] });
    const wrongYear = await post(queryBodyFor(person, { NgayThangNam: '', Nam: '1901' }));
    expect(wrongYear.json).toMatchObject({ error_code: 'DATA_MISMATCH', mismatched: ['Nam'] });
  });

  it.each([
    ['a missing name', { HoVaTen: '' }, /HoVaTen/],
    ['an ID number of 11 digits', { SoDinhDanh: '00109001234' }, /SoDinhDanh/],
    ['neither ID nor CMND', { SoDinhDanh: '' }, /SoDinhDanh hoặc SoCMND/],
    ['neither date nor year', { NgayThangNam: '' }, /NgayThangNam hoặc Nam/],
    ['a date that does not exist', { NgayThangNam: '20230230' }, /ngày có thật/],
    ['no request id', { MaYeuCau: '' }, /MaYeuCau/],
  ])('BAD_REQUEST (400) for %s', async (_what, overrides, message) => {
    const { status, json } = await post(queryBodyFor(emu.person(1), overrides as Record<string, string>));
    expect(status).toBe(400);
    expect(json.error_code).toBe('BAD_REQUEST');
    expect(json.message).toMatch(message);
  });

  it('BAD_REQUEST (400) for a body that is not JSON', async () => {
    const { status, json } = await post('{"HoVaTen": ', auth);
    expect(status).toBe(400);
    expect(json.error_code).toBe('BAD_REQUEST');
  });

  it('UNAUTHORIZED (401) without the key, with a wrong key, or for an unknown integration code', async () => {
    const body = queryBodyFor(emu.person(1));
    expect((await post(body, { 'content-type': 'application/json' })).json.error_code).toBe('UNAUTHORIZED');
    const wrong = await post(body, { ...auth, authorization: 'Bearer not-the-key' });
    expect(wrong).toMatchObject({ status: 401, json: { error_code: 'UNAUTHORIZED' } });
    expect((await post({ ...body, MaTichHop: 'OTHER' })).status).toBe(401);
  });

  it('escapes XML special characters in every text field', async () => {
    const base = emu.person(2);
    const tricky: SyntheticCitizen = {
      ...base,
      personalId: '001099999001',
      surname: 'Nguyễn <b>&',
      middleName: '"Thị"',
      givenName: "O'Hoa ]]>",
      fullName: `Nguyễn <b>& "Thị" O'Hoa ]]>`,
      permanentAddress: { ...base.permanentAddress, detail: 'Số 1 <phố> & "ngõ" \'A\' ]]> \u0001' },
      index: -1,
    };
    await putCitizen(emu.database.db, tricky);
    const { json } = await post(queryBodyFor(tricky));
    expect(json.error_code).toBe('0');
    const xml = json.message as string;
    expect(xml).toContain('Nguyễn &lt;b&gt;&amp;');
    expect(xml).not.toContain('<b>');
    expect(xml).not.toContain('\u0001');
    const [record] = parseCongDanEnvelope(xml);
    expect(record!.fullName).toBe(tricky.fullName);
    expect(record!.permanentAddress!.detail).toBe('Số 1 <phố> & "ngõ" \'A\' ]]>');
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('population emulator: knobs', () => {
  it('reads and changes knobs over HTTP with the key; refuses bad values and callers without the key', async () => {
    expect((await admin('GET', '_admin/knobs', undefined, 'wrong-key-wrong-key')).status).toBe(401);
    const put = await admin('PUT', '_admin/knobs', { latencyMs: 25, failureRate: 0.5 });
    expect(put.status).toBe(200);
    expect(put.json.knobs).toMatchObject({ latencyMs: 25, failureRate: 0.5, down: false });
    expect(emu.control.knobs.latencyMs).toBe(25);
    expect((await admin('PUT', '_admin/knobs', { failureRate: 2 })).status).toBe(400);
    expect((await admin('PUT', '_admin/knobs', { nonsense: 1 })).status).toBe(400);
    const reset = await admin('POST', '_admin/reset');
    expect(reset.json.knobs).toMatchObject({ latencyMs: 0, failureRate: 0, down: false });
  });

  it('failure rate 1 answers the failure status; 0 answers normally; counters count', async () => {
    const body = queryBodyFor(emu.person(4));
    await emu.control.set({ failureRate: 1, failureStatus: 500 });
    expect(await post(body)).toMatchObject({ status: 500, json: { error_code: 'SYSTEM_ERROR' } });
    await emu.control.set({ failureStatus: 503 });
    expect(await post(body)).toMatchObject({ status: 503, json: { error_code: 'UNAVAILABLE' } });
    await emu.control.set({ failureRate: 0 });
    expect((await post(body)).json.error_code).toBe('0');
    const stats = await admin('GET', '_admin/knobs');
    expect(stats.json).toMatchObject({ requests: 3, answers: { SYSTEM_ERROR: 1, UNAVAILABLE: 1, '0': 1 } });
  });

  it('a failure rate between 0 and 1 fails that share of queries', async () => {
    let n = 0;
    emu.control.random = () => [0.1, 0.9, 0.3, 0.7][n++ % 4]!;
    await emu.control.set({ failureRate: 0.5 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(queryBodyFor(emu.person(4)))).status);
    expect(statuses).toEqual([503, 200, 503, 200]);
    emu.control.random = Math.random;
  });

  it('down "503" answers 503; down "reset" drops the connection; the admin endpoint still works', async () => {
    const body = queryBodyFor(emu.person(5));
    await admin('PUT', '_admin/knobs', { down: '503' });
    expect((await post(body)).status).toBe(503);
    await admin('PUT', '_admin/knobs', { down: 'reset' });
    await expect(post(body)).rejects.toThrow(/fetch failed/);
    expect((await admin('PUT', '_admin/knobs', { down: false })).status).toBe(200);
    expect((await post(body)).json.error_code).toBe('0');
  });

  it('down "refuse" stops listening (connection refused) and comes back on the same port', async () => {
    const body = queryBodyFor(emu.person(6));
    await emu.control.set({ down: 'refuse' });
    // Each attempt on a new connection (fetch's pool may hold one that the server just closed,
    // whose error would depend on timing): with nobody listening, every one is refused.
    expect(await postOnNewConnection(body)).toBe('ECONNREFUSED');
    expect(await postOnNewConnection(body)).toBe('ECONNREFUSED');
    await emu.control.set({ down: false });
    expect((await post(body)).json.error_code).toBe('0');
  });
});

describe('population emulator mounted in motcua', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('answers at /emulators/population/ with the configured integration code and key', async () => {
    t = await createTestApp({ POPULATION_INTEGRATION_CODE: 'BKHCN-TEST', POPULATION_API_KEY: 'in-process-key-0123456789' });
    const { putCitizen: put } = await import('./store.ts');
    const person = syntheticCitizen(0, 1);
    await put(t.db, person);
    const res = await t.app.inject({
      method: 'POST',
      url: '/emulators/population/',
      headers: { authorization: 'Bearer in-process-key-0123456789' },
      payload: queryBodyFor(person, { MaTichHop: 'BKHCN-TEST' }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().error_code).toBe('0');
    const denied = await t.app.inject({ method: 'POST', url: '/emulators/population/', payload: queryBodyFor(person, { MaTichHop: 'BKHCN-TEST' }) });
    expect(denied.statusCode).toBe(401);
  });

  it('is not mounted when a real population service is configured', async () => {
    t = await createTestApp({ POPULATION_API_URL: 'https://lgsp.example.gov.vn/csdldc', POPULATION_API_KEY: 'real-service-key-0123456789' });
    const res = await t.app.inject({ method: 'POST', url: '/emulators/population/', payload: {} });
    expect(res.statusCode).toBe(404);
  });
});
