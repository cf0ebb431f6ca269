// Test support of the results module: a dossier of the dossiers test app walked through the
// whole workflow to a signed, issued result, through the API.
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { SAMPLE_FORM_DATA, TEST_CITIZEN_ID, TEST_PROCEDURE_CODE, type DossierTestApp } from '../dossiers/testing.ts';
import { pdfSample } from '../files/testing.ts';

export interface ResultTestLogins {
  citizen: TestLogin;
  receiver: TestLogin;
  leader: TestLogin;
  specialist: TestLogin;
}

export async function resultTestLogins(t: DossierTestApp): Promise<ResultTestLogins> {
  return {
    citizen: await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' }),
    receiver: await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] }),
    leader: await loginAs(t.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] }),
    specialist: await loginAs(t.db, { kind: 'officer', username: 'chuyenvien1', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] }),
  };
}

async function call(t: DossierTestApp, login: TestLogin, url: string, payload: unknown, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: 'POST', url, headers: { ...login.headers, ...headers }, payload: payload as never });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Submits, processes and issues a dossier; returns its result code and the signed PDF. */
export async function issueTestResult(t: DossierTestApp, l: ResultTestLogins): Promise<{ dossierId: string; code: string; pdf: Buffer }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(pdfSample(Math.floor(Math.random() * 1000)))], { type: 'application/pdf' }), 'Tờ khai.pdf');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const file = await call(t, l.citizen, '/api/v1/files', Buffer.from(await request.arrayBuffer()), { 'content-type': request.headers.get('content-type')! });
  let d = await call(t, l.citizen, '/api/v1/dossiers', { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [file.id] }] });
  const act = async (login: TestLogin, body: Record<string, unknown>) => (d = await call(t, login, `/api/v1/dossiers/${d.id}/actions`, body, { 'if-match': `"${d.version}"` }));
  await act(l.receiver, { type: 'receive' });
  await act(l.receiver, { type: 'transfer' });
  await act(l.leader, { type: 'assign', assignee: l.specialist.accountId });
  await act(l.specialist, { type: 'examine', opinion: 'Đủ điều kiện cấp' });
  await act(l.leader, { type: 'approve' });
  await act(l.leader, { type: 'issue_result', outcome: 'granted', summary: 'Cấp văn bằng bảo hộ theo đề nghị.' });
  const code = d.timeline.find((e: { type: string }) => e.type === 'issue_result').payload.resultCode as string;
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/results/${code}/file`, headers: l.citizen.headers });
  return { dossierId: d.id, code, pdf: res.rawPayload };
}
