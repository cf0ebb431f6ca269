// Signed results end to end over a real database: a dossier walked to issue_result gets a signed
// PDF that poppler's pdfsig (trusting the development CA through a temporary NSS database) and
// pkijs accept, and a one-byte-flipped copy neither does; the verification API by file and by
// code, revocation, the applicant's download, the listener after commit, the templates, and
// issue_result refused where a document is required and nothing can sign it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { pdfSample } from '../files/testing.ts';
import { createDossierTestApp, SAMPLE_FORM_DATA, TEST_CITIZEN_ID, TEST_PROCEDURE_CODE, type DossierTestApp } from '../dossiers/testing.ts';
import type { ResultIssuedEvent } from './schema.ts';
import { verifyPdfSignatures } from './verify-pdf.ts';

const PDFSIG = '/usr/bin/pdfsig';
const CERTUTIL = '/usr/bin/certutil';
const hasPdfsig = existsSync(PDFSIG) && existsSync(CERTUTIL);
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

let t: DossierTestApp;
let citizen: TestLogin;
let otherCitizen: TestLogin;
let receiver: TestLogin;
let leader: TestLogin;
let specialist: TestLogin;
let work: string;
const heard: ResultIssuedEvent[] = [];

beforeAll(async () => {
  t = await createDossierTestApp();
  t.app.results.onIssued(async (event) => {
    heard.push(event);
  });
  citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
  otherCitizen = await loginAs(t.db, { kind: 'citizen', personalId: '001099054321', acr: 'LoA2' });
  receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
  leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
  specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien1', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
  work = await mkdtemp(path.join(tmpdir(), 'motcua-results-'));
}, 60_000);

afterAll(async () => {
  await t?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

async function upload(login: TestLogin, app = t): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(pdfSample(Math.floor(Math.random() * 1000)))], { type: 'application/pdf' }), 'Tờ khai.pdf');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const res = await app.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...login.headers, 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function act(login: TestLogin, d: { id: string; version: number }, body: Record<string, unknown>, app = t) {
  return app.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/actions`, headers: { ...login.headers, 'accept-language': 'en', 'if-match': `"${d.version}"` }, payload: body });
}
async function step(login: TestLogin, d: { id: string; version: number }, body: Record<string, unknown>, app = t) {
  const res = await act(login, d, body, app);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A dossier submitted online and walked to the sign-and-issue step. */
async function toIssue(app = t, logins = { citizen, receiver, leader, specialist }) {
  const fileId = await upload(logins.citizen, app);
  const res = await app.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: logins.citizen.headers, payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [fileId] }] } });
  expect(res.statusCode, res.body).toBe(201);
  let d = res.json();
  d = await step(logins.receiver, d, { type: 'receive' }, app);
  d = await step(logins.receiver, d, { type: 'transfer' }, app);
  d = await step(logins.leader, d, { type: 'assign', assignee: logins.specialist.accountId }, app);
  d = await step(logins.specialist, d, { type: 'examine', opinion: 'Đủ điều kiện cấp' }, app);
  d = await step(logins.leader, d, { type: 'approve' }, app);
  return d as { id: string; version: number; code: string };
}

async function verifyFile(bytes: Uint8Array) {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(bytes)], { type: 'application/pdf' }), 'ket-qua.pdf');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/results/verify', headers: { 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** pdfsig's report of a file, trusting the development CA through a temporary NSS database. */
function pdfsig(file: string, nssDir: string): string {
  const out = spawnSync(PDFSIG, ['-nssdir', `sql:${nssDir}`, file], { encoding: 'utf8' });
  return `${out.stdout}${out.stderr}`;
}

const flipped = (bytes: Uint8Array, at: number) => {
  const copy = bytes.slice();
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

describe('an issued result', () => {
  let d: { id: string; version: number; code: string };
  let code: string;
  let signed: Uint8Array;

  beforeAll(async () => {
    d = await toIssue();
    const issued = await step(leader, d, { type: 'issue_result', outcome: 'granted', summary: 'Cấp Bằng độc quyền sáng chế cho giải pháp "Thiết bị lọc nước bằng năng lượng mặt trời".' });
    const entry = issued.timeline.find((e: { type: string }) => e.type === 'issue_result');
    code = entry.payload.resultCode;
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/results/${code}/file`, headers: citizen.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    signed = new Uint8Array(res.rawPayload);
  }, 60_000);

  it('is numbered per issuing unit and year, and the applicant sees the code', async () => {
    expect(code).toMatch(new RegExp(`^KQ-G22\\.10-${new Date().getUTCFullYear()}-\\d{6}$`));
    const view = (await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${d.id}`, headers: citizen.headers })).json();
    expect(view.timeline.find((e: { type: string }) => e.type === 'issue_result').payload.resultCode).toBe(code);
    expect(view.status).toBe(9);
  });

  it('is shown publicly by its code, and downloadable by the applicant and its officers only', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/results/${code}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code, status: 'issued', issuerUnit: { id: 'cuc-shtt', name: 'Cục Sở hữu trí tuệ' }, signedBy: 'Cục Sở hữu trí tuệ', legallyValid: false, revokedReason: null });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/results/${code}/file`, headers: leader.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/results/${code}/file`, headers: otherCitizen.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/results/${code}/file` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/results/KQ-G22.10-2026-999999' })).statusCode).toBe(404);
  });

  it('carries the Vietnamese text, the code and the verification address', async () => {
    if (!hasPdftotext) return void console.warn('pdftotext not installed: text check skipped');
    const file = path.join(work, 'text.pdf');
    await writeFile(file, signed);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('CỤC SỞ HỮU TRÍ TUỆ');
    expect(text).toContain('Nguyễn Thị Thu Hà');
    expect(text).toContain(code);
    // pdftotext joins a line broken at a hyphen without it: compare without hyphens.
    expect(text.replace(/[\s-]+/g, '')).toContain(`/xacthucketqua/${code.replace(/-/g, '')}`);
  });

  it.skipIf(!hasPdfsig)('passes pdfsig with the development CA trusted, and a one-byte change fails it', async () => {
    const nss = path.join(work, 'nss');
    execFileSync('mkdir', ['-p', nss]);
    execFileSync(CERTUTIL, ['-N', '-d', `sql:${nss}`, '--empty-password']);
    execFileSync(CERTUTIL, ['-A', '-d', `sql:${nss}`, '-n', 'motcua-dev-ca', '-t', 'CT,C,C', '-i', (await t.app.results.devCa!()).paths.caCert]);
    const good = path.join(work, 'good.pdf');
    await writeFile(good, signed);
    const report = pdfsig(good, nss);
    expect(report, report).toContain('Signature is Valid.');
    expect(report, report).toContain('Certificate is Trusted.');
    expect(report).toContain('Signer Certificate Common Name: Cục Sở hữu trí tuệ');
    expect(report).toContain('ETSI.CAdES.detached');
    expect(report).toContain('Total document signed');
    const bad = path.join(work, 'bad.pdf');
    await writeFile(bad, flipped(signed, 1000));
    const badReport = pdfsig(bad, nss);
    expect(badReport).not.toContain('Signature is Valid.');
    expect(badReport).toMatch(/Digest Mismatch|Signature is Invalid/);
  });

  it('passes pkijs with signing-certificate-v2, and a one-byte change fails it', async () => {
    const anchors = await t.app.results.signer!.trustAnchors();
    const good = await verifyPdfSignatures(signed, anchors);
    expect(good.signatures[0]?.problem ?? null).toBe(null);
    expect(good.valid).toBe(true);
    expect(good.signatures).toHaveLength(1);
    expect(good.signatures[0]).toMatchObject({ verified: true, signedBy: 'Cục Sở hữu trí tuệ', signerOrganization: 'Bộ Khoa học và Công nghệ', signingCertificateV2: true, coversWholeFile: true });
    expect((await verifyPdfSignatures(flipped(signed, 1000), anchors)).valid).toBe(false);
    // Trusting nothing: the signature holds, the chain does not.
    expect((await verifyPdfSignatures(signed, [])).valid).toBe(false);
  });

  it('names the unit in the certificate as a UTF8String, with its diacritics', async () => {
    const signer = await t.app.results.signer!.forUnit({ id: 'cuc-shtt', nameVi: 'Cục Sở hữu trí tuệ' });
    const cert = pkijs.Certificate.fromBER(signer!.certificate.slice().buffer);
    const cn = cert.subject.typesAndValues.find((x) => x.type === '2.5.4.3')!;
    expect(cn.value.idBlock.tagNumber).toBe(12); // UTF8String
    expect(cn.value.valueBlock.value).toBe('Cục Sở hữu trí tuệ');
    const ou = cert.subject.typesAndValues.find((x) => x.type === '2.5.4.11')!;
    expect(ou.value.valueBlock.value).toContain('KHÔNG CÓ GIÁ TRỊ PHÁP LÝ');
  });

  it('verifies by file: the issued file matches, a changed one does not', async () => {
    const good = await verifyFile(signed);
    expect(good).toMatchObject({ valid: true, matchesIssued: true, revoked: false, found: true, code, signedBy: 'Cục Sở hữu trí tuệ', issuerUnit: { id: 'cuc-shtt' }, signatureLevel: 'PAdES-B-B', legallyValid: false });
    expect(good.signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const changed = await verifyFile(flipped(signed, 1000));
    expect(changed).toMatchObject({ valid: false, matchesIssued: false, found: true, code });
    const other = await verifyFile(new Uint8Array(pdfSample(7)));
    expect(other).toMatchObject({ valid: false, matchesIssued: false, found: false, code: null });
  });

  it('verifies by code, and refuses what is not a PDF or a code', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/results/verify', payload: { code: code.toLowerCase() } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ valid: true, matchesIssued: true, revoked: false, code });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/results/verify', payload: { code: 'nope' } })).statusCode).toBe(422);
    const form = new FormData();
    form.append('file', new Blob(['not a pdf']), 'x.pdf');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const res2 = await t.app.inject({ method: 'POST', url: '/api/v1/results/verify', headers: { 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
    expect(res2.statusCode).toBe(415);
  });

  it('goes into the sync record with its code and tells the listeners after commit', async () => {
    const sync = (await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${d.id}/sync-record`, headers: leader.headers })).json();
    expect(sync.DanhSachGiayToKetQua).toEqual([expect.objectContaining({ MaGiayToKetQua: code, MaThanhPhanHoSo: 'result' })]);
    expect(sync.DanhSachGiayToKetQua[0].DuongDanTepTinKetQua).toContain(`/api/v1/dossiers/${d.id}/files/`);
    for (let i = 0; i < 10 && (await t.app.jobs.runDue()) > 0; i++);
    const event = heard.find((e) => e.resultCode === code);
    expect(event).toMatchObject({ dossierId: d.id, dossierCode: d.code, procedureCode: TEST_PROCEDURE_CODE, applicant: { idNumber: TEST_CITIZEN_ID, kind: 'citizen' } });
    expect(event!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is revoked by a leader of the issuing unit with a reason, audited, and shown on verification', async () => {
    const reason = 'Thu hồi do phát hiện thông tin kê khai không trung thực';
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/results/${code}/revoke`, headers: specialist.headers, payload: { reason } })).statusCode).toBe(403);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/results/${code}/revoke`, headers: leader.headers, payload: { reason } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', revokedReason: reason });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/results/${code}/revoke`, headers: leader.headers, payload: { reason } })).statusCode).toBe(409);
    expect(await verifyFile(signed)).toMatchObject({ valid: true, matchesIssued: true, revoked: true, revokedReason: reason });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'result.revoke').where('entity_id', '=', code).execute();
    expect(audit).toHaveLength(1);
  });
});

describe('templates', () => {
  const admin = () => loginAs(t.db, { kind: 'officer', username: 'quantri', roles: [{ role: 'admin', unitId: 'bkhcn' }] });

  it('refuses a template that loads files or misses the QR code, and a procedure uses its own', async () => {
    const a = await admin();
    const url = `/api/v1/results/templates/${TEST_PROCEDURE_CODE}`;
    const initial = (await t.app.inject({ method: 'GET', url, headers: a.headers })).json();
    expect(initial.isDefault).toBe(true);
    const bad = await t.app.inject({ method: 'PUT', url, headers: a.headers, payload: { template: { content: [{ image: '/etc/passwd' }] } } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { code: string }) => e.code).sort()).toEqual(['forbidden_key', 'no_qr']);
    const own = { content: [{ text: 'GIẤY CHỨNG NHẬN RIÊNG {{result.code}} cấp cho {{applicant.name}} — {{form.request.title}}' }, { resultQr: true }] };
    const put = await t.app.inject({ method: 'PUT', url, headers: a.headers, payload: { template: own } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().isDefault).toBe(false);
    const d = await toIssue();
    const issued = await step(leader, d, { type: 'issue_result', outcome: 'granted' });
    const code = issued.timeline.find((e: { type: string }) => e.type === 'issue_result').payload.resultCode;
    const pdf = (await t.app.inject({ method: 'GET', url: `/api/v1/results/${code}/file`, headers: citizen.headers })).rawPayload;
    if (hasPdftotext) {
      const file = path.join(work, 'own.pdf');
      await writeFile(file, pdf);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, ' ')).toContain(`GIẤY CHỨNG NHẬN RIÊNG ${code} cấp cho Nguyễn Thị Thu Hà — Thiết bị lọc nước bằng năng lượng mặt trời`);
    }
    expect((await t.app.inject({ method: 'DELETE', url, headers: a.headers })).json().isDefault).toBe(true);
  }, 60_000);
});

describe('without a signer', () => {
  it('refuses issue_result where a document is required, and a refusal needs none', async () => {
    const n = await createDossierTestApp({ env: { SIGNER: 'none' } });
    try {
      const logins = {
        citizen: await loginAs(n.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, acr: 'LoA2' }),
        receiver: await loginAs(n.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] }),
        leader: await loginAs(n.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] }),
        specialist: await loginAs(n.db, { kind: 'officer', username: 'chuyenvien1', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] }),
      };
      const d = await toIssue(n, logins);
      const refused = await act(logins.leader, d, { type: 'issue_result', outcome: 'granted' }, n);
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json().type).toBe('/problems/result_signer_unavailable');
      const after = (await n.app.inject({ method: 'GET', url: `/api/v1/dossiers/${d.id}`, headers: logins.leader.headers })).json();
      expect(after.version).toBe(d.version);
      expect(await n.db.selectFrom('result_document').selectAll().execute()).toEqual([]);
      const denied = await step(logins.leader, d, { type: 'issue_result', outcome: 'refused', summary: 'Không đủ điều kiện' }, n);
      expect(denied.status).toBe(9);
    } finally {
      await n.close();
    }
  }, 90_000);
});

