// The digitization figures against hand-counted dossiers: two received (one at the counter,
// digitized and exempted; one online, received later), one submitted online and never received;
// both received ones reach a result, one with its file (electronic), one without.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { toLocalDate } from '../../core/calendar/index.ts';
import { createDossierTestApp, SAMPLE_FORM_DATA, TEST_CITIZEN_ID, TEST_PROCEDURE_CODE, type DossierTestApp } from '../dossiers/testing.ts';
import { pdfSample } from '../files/testing.ts';
import { ALL_CHECKS, multipartBody, reuseContent } from './testing.ts';

let t: DossierTestApp;
let citizen: TestLogin;
let receiver: TestLogin;
let leader: TestLogin;
let specialist: TestLogin;
let foreign: TestLogin;
let n = 0;

beforeAll(async () => {
  t = await createDossierTestApp({ content: reuseContent() });
  citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
  receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
  leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
  specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien1', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
  foreign = await loginAs(t.db, { kind: 'officer', username: 'phapche', roles: [{ role: 'unit_leader', unitId: 'vu-phap-che' }] });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

async function file(login: TestLogin): Promise<string> {
  const body = await multipartBody({}, { bytes: pdfSample(++n), name: 'tep.pdf' });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...login.headers, 'content-type': body.contentType }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function act(login: TestLogin, d: { id: string; version: number }, body: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/actions`, headers: { ...login.headers, 'if-match': `"${d.version}"` }, payload: body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function toResult(d: { id: string; version: number }, resultFiles: string[]) {
  d = await act(receiver, d, { type: 'transfer' });
  d = await act(leader, d, { type: 'assign', assignee: specialist.accountId });
  d = await act(specialist, d, { type: 'examine', opinion: 'Đủ điều kiện' });
  d = await act(leader, d, { type: 'approve' });
  return act(leader, d, { type: 'issue_result', outcome: 'granted', fileIds: resultFiles });
}

const today = () => toLocalDate(new Date());

describe('GET /api/v1/digitization/stats', () => {
  it('counts per unit and procedure what was hand-counted', async () => {
    const counter = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: receiver.headers,
      payload: {
        procedureCode: TEST_PROCEDURE_CODE,
        channel: 'direct',
        applicant: { kind: 'citizen', idNumber: '001203000123', name: 'Trần Văn Đức' },
        data: { applicant: { fullName: 'Trần Văn Đức', personalId: '001203000123', address: 'Số 5 Lý Thường Kiệt, Hà Nội', phone: '0987654321' }, request: { title: 'Máy gặt', hasPriority: false } },
        components: [
          { code: 'TP01', fileIds: [await file(receiver)], digitization: { pageCount: 2, checks: ALL_CHECKS } },
          { code: 'TP02', fileIds: [], digitization: { exemption: 'shown_only' } },
        ],
      },
    });
    expect(counter.statusCode, counter.body).toBe(201);
    const online = async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: citizen.headers, payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [await file(citizen)] }, { code: 'TP02', fileIds: [await file(citizen)] }] } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const b = await act(receiver, await online(), { type: 'receive' });
    await online(); // submitted, never received: not counted

    await toResult(counter.json(), [await file(leader)]);
    await toResult(b, []);
    for (let i = 0; i < 10 && (await t.app.jobs.runDue()) > 0; i++);

    const q = `from=${today()}&to=${today()}`;
    const res = await t.app.inject({ url: `/api/v1/digitization/stats?${q}`, headers: leader.headers });
    expect(res.statusCode, res.body).toBe(200);
    // Hand count: received 2 (counter + online b); digitized components in both (TP01 scanned; b's
    // uploads count, DIGITIZATION_ONLINE_FILES_FLAGGED=true); no reuse; TP03 replaced by population
    // data in both; results 2 (both granted, the procedure produces a document), both electronic:
    // issue_result signs the result document itself, whether or not the officer adds files.
    const expected = { dossiers: 2, digitized: 2, reused: 0, populationReplaced: 2, results: 2, electronicResults: 2 };
    expect(res.json().items).toEqual([{ unitId: 'cuc-shtt-sang-che', procedureCode: TEST_PROCEDURE_CODE, ...expected }]);
    expect(res.json().total).toEqual(expected);

    // Another procedure, another period, a unit with none: nothing.
    expect((await t.app.inject({ url: `/api/v1/digitization/stats?${q}&procedure=1.000001`, headers: leader.headers })).json().total.dossiers).toBe(0);
    expect((await t.app.inject({ url: '/api/v1/digitization/stats?from=2020-01-01&to=2020-01-31', headers: leader.headers })).json().items).toEqual([]);
    // The leader of another unit sees none of these, and may not ask for a unit they do not cover.
    expect((await t.app.inject({ url: `/api/v1/digitization/stats?${q}`, headers: foreign.headers })).json().items).toEqual([]);
    expect((await t.app.inject({ url: `/api/v1/digitization/stats?${q}&unit=cuc-shtt`, headers: foreign.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/digitization/stats?${q}`, headers: citizen.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/digitization/stats?from=${today()}&to=2020-01-01`, headers: leader.headers })).statusCode).toBe(422);
  }, 60_000);
});
