// Test support of the feedback module: the dossiers test app with its officers, and a citizen's
// dossier taken through every step to "result returned" (status 10) over the real API.
import { expect } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { pdfSample } from '../files/testing.ts';
import { createDossierTestApp, SAMPLE_FORM_DATA, TEST_CITIZEN_ID, TEST_PROCEDURE_CODE, type DossierTestApp } from '../dossiers/testing.ts';

export { TEST_CITIZEN_ID, TEST_PROCEDURE_CODE };

export interface FeedbackTestApp extends DossierTestApp {
  citizen: TestLogin;
  receiver: TestLogin;
  leader: TestLogin;
  specialist: TestLogin;
}

export async function createFeedbackTestApp(options: { env?: Record<string, string> } = {}): Promise<FeedbackTestApp> {
  const t = await createDossierTestApp(options);
  const citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
  const receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', fullName: 'Trần Văn Nhận', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
  const leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', fullName: 'Lê Thị Đạo', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
  const specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien', fullName: 'Phạm Văn Viên', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
  return { ...t, citizen, receiver, leader, specialist };
}

/** Submits the citizen's dossier online and takes it to "result returned"; returns its code and id. */
export async function returnedDossier(t: FeedbackTestApp, options: { stopAt?: 'processed' } = {}): Promise<{ id: string; code: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(pdfSample(Math.floor(Math.random() * 1000)))], { type: 'application/pdf' }), 'Tờ khai.pdf');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const up = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...t.citizen.headers, 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
  expect(up.statusCode, up.body).toBe(201);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: t.citizen.headers,
    payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [up.json().id] }] },
  });
  expect(res.statusCode, res.body).toBe(201);
  let d = res.json() as { id: string; code: string; version: number };
  const step = async (login: TestLogin, body: Record<string, unknown>) => {
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/actions`, headers: { ...login.headers, 'if-match': `"${d.version}"` }, payload: body });
    expect(r.statusCode, r.body).toBe(200);
    d = r.json();
  };
  await step(t.receiver, { type: 'receive' });
  await step(t.receiver, { type: 'transfer' });
  await step(t.leader, { type: 'assign', assignee: t.specialist.accountId });
  await step(t.specialist, { type: 'examine', opinion: 'Đủ điều kiện.' });
  await step(t.leader, { type: 'approve' });
  await step(t.leader, { type: 'issue_result', outcome: 'granted', summary: 'Cấp văn bằng' });
  if (options.stopAt !== 'processed') await step(t.receiver, { type: 'return_result', method: 'online' });
  return { id: d.id, code: d.code };
}
