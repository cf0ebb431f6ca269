// The whole path of Decree 45/2020 Art. 16 through the server: a leader approves and signs a
// dossier's result, the signed PDF lands in the applicant's data warehouse under the document type
// the catalog gives the result (VBBH-SHCN), and the applicant's next dossier, whose TP02 accepts
// that type, is offered it and is submitted with it without uploading anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { createDossierTestApp, SAMPLE_FORM_DATA, TEST_CITIZEN_ID, TEST_PROCEDURE_CODE, type DossierTestApp } from '../dossiers/testing.ts';
import { multipartBody, reuseContent } from './testing.ts';
import { pdfSample } from '../files/testing.ts';

let t: DossierTestApp;
let citizen: TestLogin;
let receiver: TestLogin;
let leader: TestLogin;
let specialist: TestLogin;

beforeAll(async () => {
  const content = reuseContent();
  t = await createDossierTestApp({ content: { ...content, result: { ...content.result, producesDocument: true, name: 'Bằng độc quyền sáng chế', documentType: 'VBBH-SHCN' } } });
  citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
  receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
  leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
  specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien1', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

let n = 500;
async function upload(): Promise<string> {
  const body = await multipartBody({}, { bytes: pdfSample(++n), name: 'to-khai.pdf' });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...citizen.headers, 'content-type': body.contentType }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function act(login: TestLogin, d: { id: string; version: number }, body: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/actions`, headers: { ...login.headers, 'if-match': `"${d.version}"` }, payload: body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('an issued result in the warehouse', () => {
  it('lands in the applicant’s warehouse and is reused by the next dossier without an upload', async () => {
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: citizen.headers,
      payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [await upload()] }, { code: 'TP02', fileIds: [await upload()] }] },
    });
    expect(first.statusCode, first.body).toBe(201);
    let d = await act(receiver, first.json(), { type: 'receive' });
    d = await act(receiver, d, { type: 'transfer' });
    d = await act(leader, d, { type: 'assign', assignee: specialist.accountId });
    d = await act(specialist, d, { type: 'examine', opinion: 'Đủ điều kiện cấp.' });
    d = await act(leader, d, { type: 'approve' });
    d = await act(leader, d, { type: 'issue_result', outcome: 'granted', summary: 'Cấp bằng độc quyền sáng chế.' });
    const resultCode = d.timeline.find((e: { type: string }) => e.type === 'issue_result').payload.resultCode as string;
    expect(resultCode).toMatch(/^KQ-/);
    // The outbox tells the listeners after the commit.
    for (let i = 0; i < 10 && (await t.app.jobs.runDue()) > 0; i++);

    const mine = await t.app.inject({ url: '/api/v1/me/warehouse', headers: citizen.headers });
    expect(mine.statusCode, mine.body).toBe(200);
    const doc = (mine.json().items as Array<{ id: string; number: string; documentType: string; provenance: string; issuer: string }>).find((x) => x.number === resultCode);
    expect(doc).toMatchObject({ documentType: 'VBBH-SHCN', provenance: 'issued_result', issuer: 'Cục Sở hữu trí tuệ' });

    const offers = (await t.app.inject({ url: `/api/v1/me/warehouse/offers?procedure=${TEST_PROCEDURE_CODE}`, headers: citizen.headers })).json().items;
    expect(offers.find((o: { componentCode: string }) => o.componentCode === 'TP02').documents.map((x: { id: string }) => x.id)).toContain(doc!.id);

    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: citizen.headers,
      payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [await upload()] }, { code: 'TP02', fileIds: [], warehouseDocumentIds: [doc!.id] }] },
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().components.find((c: { code: string }) => c.code === 'TP02').files).toHaveLength(1);
  });
});
