// The warehouse API end to end over a real database: the owner's documents (upload, list,
// download, remove) and their privacy; an issued result recorded through recordIssuedResult; reuse
// in a later online submission without any upload, with population data replacing a component;
// digitization at the counter (refused without it, exemptions chosen from the list), for a
// supplement handed in at the counter too, and an online supplement uploaded or reused; the portal
// flags in the sync record; the national warehouse through its emulator over HTTP; the figures.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { mountNationalWarehouseEmulator } from '../../emulators/national-warehouse/server.ts';
import { createDossierTestApp, publishProcedure, SAMPLE_FORM_DATA, TEST_CITIZEN_ID, TEST_PROCEDURE_CODE, type DossierTestApp } from '../dossiers/testing.ts';
import { EXE_SAMPLE, pdfSample } from '../files/testing.ts';
import { ALL_CHECKS, multipartBody, reuseContent } from './testing.ts';

let t: DossierTestApp;
let citizen: TestLogin;
let other: TestLogin;
let receiver: TestLogin;
let leader: TestLogin;
let specialist: TestLogin;
let foreignOfficer: TestLogin;
let emulator: ReturnType<typeof Fastify>;

beforeAll(async () => {
  // The national warehouse's emulator as its own HTTP server, as the real one would be.
  emulator = Fastify();
  await mountNationalWarehouseEmulator(emulator);
  const url = await emulator.listen({ port: 0, host: '127.0.0.1' });
  t = await createDossierTestApp({ content: reuseContent(), env: { NATIONAL_WAREHOUSE_URL: `${url}/emulators/kho-dvcqg/` } });
  citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
  other = await loginAs(t.db, { kind: 'citizen', personalId: '001099054321', acr: 'LoA2' });
  receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
  leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
  specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien1', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
  foreignOfficer = await loginAs(t.db, { kind: 'officer', username: 'phapche', roles: [{ role: 'receiver', unitId: 'vu-phap-che' }, { role: 'unit_leader', unitId: 'vu-phap-che' }] });
}, 60_000);

afterAll(async () => {
  await t?.close();
  await emulator?.close();
});

async function uploadFile(login: TestLogin, extra = 0): Promise<string> {
  const body = await multipartBody({}, { bytes: pdfSample(extra), name: 'Tờ khai.pdf' });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...login.headers, 'content-type': body.contentType }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function uploadDocument(login: TestLogin, fields: Record<string, string>, bytes = pdfSample(7)) {
  const body = await multipartBody(fields, { bytes, name: 'van-bang.pdf' });
  return t.app.inject({ method: 'POST', url: '/api/v1/me/warehouse', headers: { ...login.headers, 'content-type': body.contentType, 'accept-language': 'en' }, payload: body.payload });
}

const list = async (login: TestLogin) => (await t.app.inject({ url: '/api/v1/me/warehouse', headers: login.headers })).json().items as Array<Record<string, any>>;

async function drain() {
  for (let i = 0; i < 10 && (await t.app.jobs.runDue()) > 0; i++);
}

const syncOf = async (id: string) => (await t.app.inject({ url: `/api/v1/dossiers/${id}/sync-record`, headers: receiver.headers })).json();

describe('the owner’s warehouse', () => {
  it('uploads, lists, downloads and removes a document; nobody else reads it', async () => {
    const res = await uploadDocument(citizen, { documentType: 'GCN-DKDN', title: 'Giấy chứng nhận đăng ký', issuer: 'Sở Tài chính Hà Nội', number: '0101234567', issuedOn: '2024-05-02' });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ documentType: 'GCN-DKDN', provenance: 'owner_upload', removable: true, valid: true, files: [{ format: 'pdf', scanStatus: 'not_scanned' }] });
    expect((await list(citizen)).map((d) => d.id)).toContain(doc.id);

    const file = `/api/v1/me/warehouse/${doc.id}/files/${doc.files[0].id}`;
    const mine = await t.app.inject({ url: file, headers: citizen.headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.rawPayload.equals(pdfSample(7))).toBe(true);

    // Another citizen: not in their list, not downloadable, not removable (404, nothing learnt).
    expect((await list(other)).map((d) => d.id)).not.toContain(doc.id);
    expect((await t.app.inject({ url: file, headers: other.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/warehouse/${doc.id}`, headers: other.headers })).statusCode).toBe(404);
    // Officers have no warehouse route at all; the generic file route does not serve it either.
    expect((await t.app.inject({ url: '/api/v1/me/warehouse', headers: receiver.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: file, headers: leader.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/files/${doc.files[0].id}`, headers: leader.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/files/${doc.files[0].id}`, headers: citizen.headers })).statusCode).toBe(404);

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/warehouse/${doc.id}`, headers: citizen.headers });
    expect(removed.statusCode).toBe(204);
    expect((await list(citizen)).map((d) => d.id)).not.toContain(doc.id);
    expect((await t.app.inject({ url: file, headers: citizen.headers })).statusCode).toBe(404);
  });

  it('refuses bad details and content that is not a document, keeping nothing', async () => {
    const before = (await list(citizen)).length;
    const bad = await uploadDocument(citizen, { documentType: 'không hợp lệ', title: '' });
    expect(bad.statusCode).toBe(422);
    const exe = await uploadDocument(citizen, { documentType: 'GCN-DKDN', title: 'Tệp lạ' }, EXE_SAMPLE);
    expect(exe.statusCode).toBe(415);
    expect((await list(citizen)).length).toBe(before);
  });
});

describe('an issued result, reused in a later submission without upload', () => {
  let resultDocId: string;
  let firstDossierId: string;

  it('recordIssuedResult puts the result into its owner’s warehouse, once', async () => {
    // A result issued on an earlier dossier of this citizen: the dossier and its result file as
    // the signed-results work leaves them (a real dossier, a real uploaded file).
    const fileId = await uploadFile(citizen, 11);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: citizen.headers, payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [fileId] }, { code: 'TP02', fileIds: [await uploadFile(citizen, 12)] }] } });
    expect(created.statusCode, created.body).toBe(201);
    firstDossierId = created.json().id;
    const resultFile = await uploadFile(leader, 13);
    const issued = { ownerKind: 'citizen' as const, ownerIdentifier: TEST_CITIZEN_ID, documentType: 'VBBH-SHCN', issuer: 'Cục Sở hữu trí tuệ', number: '1-0045678', issuedOn: '2026-01-15', fileId: resultFile, resultCode: 'KQ-1-0045678', dossierId: firstDossierId, recordedBy: leader.accountId };
    const first = await t.app.warehouse.service.recordIssuedResult(t.db, issued);
    const again = await t.db.transaction().execute((trx) => t.app.warehouse.service.recordIssuedResult(trx, issued));
    expect(first.created).toBe(true);
    expect(again).toEqual({ documentId: first.documentId, created: false });
    resultDocId = first.documentId;
    const doc = (await list(citizen)).find((d) => d.id === resultDocId)!;
    expect(doc).toMatchObject({ provenance: 'issued_result', documentType: 'VBBH-SHCN', number: '1-0045678', resultCode: 'KQ-1-0045678', removable: false, valid: true });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/warehouse/${resultDocId}`, headers: citizen.headers })).statusCode).toBe(409);
    // The owner downloads it: the same bytes as the issued file.
    const bytes = await t.app.inject({ url: `/api/v1/me/warehouse/${resultDocId}/files/${doc.files[0].id}`, headers: citizen.headers });
    expect(bytes.rawPayload.equals(pdfSample(13))).toBe(true);
  });

  it('the wizard is offered it for TP02, and TP03 is satisfied by population data', async () => {
    const res = await t.app.inject({ url: `/api/v1/me/warehouse/offers?procedure=${TEST_PROCEDURE_CODE}`, headers: citizen.headers });
    expect(res.statusCode).toBe(200);
    const offers = res.json().items as Array<{ componentCode: string; replacedByPopulationData: boolean; documents: Array<{ id: string }> }>;
    expect(offers.find((o) => o.componentCode === 'TP01')!.documents).toEqual([]);
    expect(offers.find((o) => o.componentCode === 'TP02')!.documents.map((d) => d.id)).toEqual([resultDocId]);
    expect(offers.find((o) => o.componentCode === 'TP03')!.replacedByPopulationData).toBe(true);
    // Another citizen is offered nothing of it.
    const theirs = (await t.app.inject({ url: `/api/v1/me/warehouse/offers?procedure=${TEST_PROCEDURE_CODE}`, headers: other.headers })).json().items;
    expect(theirs.find((o: { componentCode: string }) => o.componentCode === 'TP02').documents).toEqual([]);
  });

  it('a second submission reuses it with no upload; the reuse is recorded and flagged for the portal', async () => {
    const tp01 = await uploadFile(citizen, 21);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: citizen.headers,
      payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [tp01] }, { code: 'TP02', fileIds: [], warehouseDocumentIds: [resultDocId] }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    const tp02 = d.components.find((c: { code: string }) => c.code === 'TP02');
    expect(tp02.files).toHaveLength(1);
    await drain();

    // The owner sees which dossier used it.
    const doc = (await list(citizen)).find((x) => x.id === resultDocId)!;
    expect(doc.usedBy).toEqual([{ dossierId: d.id, dossierCode: d.code, componentCode: 'TP02', at: expect.any(String) }]);

    // The receiver sees the document through the dossier, and fetches the copy from the dossier.
    const comps = await t.app.inject({ url: `/api/v1/dossiers/${d.id}/components`, headers: receiver.headers });
    expect(comps.statusCode).toBe(200);
    const bySource = Object.fromEntries((comps.json().items as Array<{ componentCode: string; source: string; document: unknown }>).map((c) => [c.componentCode, c]));
    expect(bySource.TP01).toMatchObject({ source: 'uploaded' });
    expect(bySource.TP02).toMatchObject({ source: 'warehouse', document: { documentType: 'VBBH-SHCN', number: '1-0045678', provenance: 'issued_result' } });
    expect(bySource.TP03).toMatchObject({ source: 'population_data' });
    const copy = await t.app.inject({ url: `/api/v1/dossiers/${d.id}/files/${tp02.files[0].id}`, headers: receiver.headers });
    expect(copy.rawPayload.equals(pdfSample(13))).toBe(true);
    // An officer of another unit cannot read the dossier's components.
    expect((await t.app.inject({ url: `/api/v1/dossiers/${d.id}/components`, headers: foreignOfficer.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/dossiers/${d.id}/components`, headers: other.headers })).statusCode).toBe(404);

    const sync = await syncOf(d.id);
    const tl = Object.fromEntries((sync.TaiLieuNop as Array<{ MaThanhPhanHoSo: string }>).map((f) => [f.MaThanhPhanHoSo, f]));
    expect(tl.TP01).toMatchObject({ DuocSoHoa: '1', DuocTaiSuDung: '0', DuocLayTuKhoDMQG: '0', MaKetQuaThayThe: '' });
    expect(tl.TP02).toMatchObject({ DuocSoHoa: '1', DuocTaiSuDung: '1', DuocLayTuKhoDMQG: '0', MaKetQuaThayThe: 'KQ-1-0045678' });
    expect(sync.HoSoCoThanhPhanSoHoa).toBe('1');
    // What is delivered to the portal and what the 766 counters read is the same record, flags
    // included (they were built without the component records, so the portal read 0).
    expect((await t.app.dossiers.service.syncRecordForDelivery(d.id))?.record).toEqual(sync);
    expect((await t.app.dossiers.service.qualityFactSource(d.id))?.record).toEqual(sync);
  });

  it('refuses another citizen’s document and a document of the wrong type', async () => {
    // A protection title in the other citizen's warehouse: this citizen cannot reuse it.
    const theirDoc = (await uploadDocument(other, { documentType: 'VBBH-SHCN', title: 'Văn bằng của người khác', issuedOn: '2025-01-02' })).json();
    const tp01 = await uploadFile(citizen, 31);
    const theirs = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: citizen.headers, payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [tp01] }, { code: 'TP02', fileIds: [], warehouseDocumentIds: [theirDoc.id] }] } });
    expect(theirs.statusCode).toBe(422);
    expect(theirs.json().errors[0]).toMatchObject({ code: 'unknown_document' });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: citizen.headers, payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [await uploadFile(citizen, 32)], warehouseDocumentIds: [resultDocId] }, { code: 'TP02', fileIds: [await uploadFile(citizen, 33)] }] } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0]).toMatchObject({ code: 'document_type_mismatch' });
    // Nothing of the refused submissions is kept: the file is still the uploader's, unattached.
    expect((await t.app.inject({ url: `/api/v1/files/${tp01}`, headers: citizen.headers })).statusCode).toBe(200);
    expect((await list(other)).find((d) => d.id === theirDoc.id)!.usedBy).toEqual([]);
  });
});

describe('digitization at receipt (counter and post)', () => {
  const applicant = { kind: 'citizen', idNumber: '001203000123', name: 'Trần Văn Đức' };
  const data = { applicant: { fullName: 'Trần Văn Đức', personalId: '001203000123', address: 'Số 5 Lý Thường Kiệt, Hà Nội', phone: '0987654321' }, request: { title: 'Máy gặt đập', hasPriority: false } };
  const counter = (components: unknown[], channel = 'direct') =>
    t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { ...receiver.headers, 'accept-language': 'en' }, payload: { procedureCode: TEST_PROCEDURE_CODE, channel, applicant, data, components } });

  it('refuses a paper component neither digitized nor exempted, or with a check not met', async () => {
    const none = await counter([{ code: 'TP01', fileIds: [await uploadFile(receiver, 41)] }, { code: 'TP02', fileIds: [], digitization: { exemption: 'shown_only' } }]);
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: 'not_digitized', errors: [{ pointer: '/body/components/0/digitization', code: 'not_digitized' }] });
    const failed = await counter([{ code: 'TP01', fileIds: [await uploadFile(receiver, 42)], digitization: { pageCount: 3, checks: { ...ALL_CHECKS, pageOrder: false } } }, { code: 'TP02', fileIds: [], digitization: { exemption: 'shown_only' } }]);
    expect(failed.statusCode).toBe(422);
    expect(failed.json().errors[0]).toMatchObject({ code: 'checks_failed' });
    // A required component missing altogether is not digitized either.
    const missing = await counter([{ code: 'TP01', fileIds: [await uploadFile(receiver, 43)], digitization: { pageCount: 3, checks: ALL_CHECKS } }]);
    expect(missing.statusCode).toBe(422);
    // An exemption must be one of the list.
    const unknown = await counter([{ code: 'TP01', fileIds: [await uploadFile(receiver, 44)], digitization: { exemption: 'too_busy' } }]);
    expect(unknown.statusCode).toBe(422);
  });

  it('receives a dossier digitized and exempted per component, recording who, when, pages and checks', async () => {
    const res = await counter(
      [
        { code: 'TP01', fileIds: [await uploadFile(receiver, 45)], digitization: { pageCount: 4, checks: ALL_CHECKS } },
        { code: 'TP02', fileIds: [], digitization: { exemption: 'shown_only', note: 'Xuất trình bản gốc văn bằng' } },
      ],
      'postal',
    );
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    const items = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}/components`, headers: specialist.headers })).json().items as Array<Record<string, any>>;
    expect(items.find((c) => c.componentCode === 'TP01')).toMatchObject({ source: 'digitized', pageCount: 4, checks: ALL_CHECKS, recordedBy: expect.stringContaining('tiepnhan'), flags: { digitized: true } });
    expect(items.find((c) => c.componentCode === 'TP02')).toMatchObject({ source: 'exempt', exemption: 'shown_only', note: 'Xuất trình bản gốc văn bằng', flags: { digitized: false } });
    const sync = await syncOf(d.id);
    expect(sync.TaiLieuNop).toEqual([expect.objectContaining({ MaThanhPhanHoSo: 'TP01', DuocSoHoa: '1', DuocTaiSuDung: '0' })]);
    expect(sync.HoSoCoThanhPhanSoHoa).toBe('1');
    // The files show their scan state to officers.
    expect(d.components.find((c: { code: string }) => c.code === 'TP01').files[0].scanStatus).toBe('not_scanned');
  });
});

describe('the components a supplement brings', () => {
  const applicant = { kind: 'citizen', idNumber: '001203000123', name: 'Trần Văn Đức' };
  const data = { applicant: { fullName: 'Trần Văn Đức', personalId: '001203000123', address: 'Số 5 Lý Thường Kiệt, Hà Nội', phone: '0987654321' }, request: { title: 'Máy gặt đập', hasPriority: false } };
  const act = async (login: TestLogin, d: { id: string; version: number }, body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/actions`, headers: { ...login.headers, 'accept-language': 'en', 'if-match': `"${d.version}"` }, payload: body });
  const step = async (login: TestLogin, d: { id: string; version: number }, body: Record<string, unknown>) => {
    const res = await act(login, d, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** A dossier waiting for a supplement (status 5): received, transferred, assigned, asked. */
  async function askedForSupplement(created: { id: string; version: number; status: number }) {
    let d = created;
    if (d.status === 1) d = await step(receiver, d, { type: 'receive' });
    d = await step(receiver, d, { type: 'transfer' });
    d = await step(leader, d, { type: 'assign', assignee: specialist.accountId });
    return step(specialist, d, { type: 'request_supplement', reason: 'Thiếu bản sao văn bằng', items: ['Bản sao văn bằng bảo hộ'] });
  }
  const components = async (id: string) => (await t.app.inject({ url: `/api/v1/dossiers/${id}/components`, headers: specialist.headers })).json().items as Array<Record<string, any>>;

  it('a receiver records papers handed in at the counter, digitized with the checks; a bad record changes nothing', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: receiver.headers,
      payload: { procedureCode: TEST_PROCEDURE_CODE, channel: 'direct', applicant, data, components: [{ code: 'TP01', fileIds: [], digitization: { exemption: 'agency_verification' } }, { code: 'TP02', fileIds: [], digitization: { exemption: 'shown_only' } }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const hasDigitized = async (id: string) => (await t.db.selectFrom('dossier_digitization').select('has_digitized').where('dossier_id', '=', id).executeTakeFirstOrThrow()).has_digitized;
    expect(await hasDigitized(created.json().id)).toBe(false);
    let d = await askedForSupplement(created.json());
    expect(d.status).toBe(5);
    expect((await t.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: receiver.headers })).json().allowedActions).toContain('submit_supplement');
    // The handling unit's specialist cannot record it; an officer of another unit cannot either.
    expect((await act(specialist, d, { type: 'submit_supplement', components: [] })).statusCode).toBe(403);

    // Not digitized, or a check not met: refused, nothing written.
    const scan = await uploadFile(receiver, 52);
    const before = await components(d.id);
    const bare = await act(receiver, d, { type: 'submit_supplement', components: [{ code: 'TP02', fileIds: [scan] }] });
    expect(bare.statusCode).toBe(422);
    expect(bare.json()).toMatchObject({ code: 'not_digitized', errors: [{ pointer: '/body/components/0/digitization', code: 'not_digitized' }] });
    const failed = await act(receiver, d, { type: 'submit_supplement', components: [{ code: 'TP02', fileIds: [scan], digitization: { pageCount: 1, checks: { ...ALL_CHECKS, integrity: false } } }] });
    expect(failed.json().errors[0]).toMatchObject({ code: 'checks_failed' });
    expect((await t.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: receiver.headers })).json()).toMatchObject({ status: 5, version: d.version });
    expect(await components(d.id)).toEqual(before);

    d = await step(receiver, d, { type: 'submit_supplement', note: 'Công dân nộp bổ sung tại quầy', components: [{ code: 'TP02', fileIds: [scan], digitization: { pageCount: 3, checks: ALL_CHECKS, note: 'Bản sao có chứng thực' } }] });
    expect(d.status).toBe(4);
    const seq = d.timeline.at(-1).seq ?? d.version;
    const items = await components(d.id);
    const tp02 = items.filter((c) => c.componentCode === 'TP02');
    expect(tp02).toEqual([
      expect.objectContaining({ addedSeq: 1, source: 'exempt', exemption: 'shown_only' }),
      expect.objectContaining({ addedSeq: seq, source: 'digitized', pageCount: 3, checks: ALL_CHECKS, note: 'Bản sao có chứng thực', recordedBy: expect.stringContaining('tiepnhan'), flags: expect.objectContaining({ digitized: true }) }),
    ]);
    expect(d.components.find((c: { code: string }) => c.code === 'TP02').files.map((f: { id: string }) => f.id)).toContain(scan);

    // The portal reads the supplement, received by the receiver, with its file.
    const sync = await syncOf(d.id);
    expect(sync.DanhSachHoSoBoSung).toEqual([
      expect.objectContaining({ NguoiTiepNhanBoSung: expect.stringContaining('tiepnhan'), ThongTinTiepNhan: 'Công dân nộp bổ sung tại quầy', DanhSachGiayToBoSung: [expect.objectContaining({ TepDinhKemId: scan, MaThanhPhanHoSo: 'TP02' })] }),
    ]);
    // TaiLieuNop lists the supplement's scan too, flagged digitized by its own record.
    const filed = Object.fromEntries((sync.TaiLieuNop as Array<{ TepDinhKemId: string; DuocSoHoa: string }>).map((f) => [f.TepDinhKemId, f.DuocSoHoa]));
    expect(filed).toEqual({ [scan]: '1' });
    expect(sync.HoSoCoThanhPhanSoHoa).toBe('1');
    // The ministry's figures count the dossier as digitized now.
    expect(await hasDigitized(d.id)).toBe(true);
  });

  it('an online applicant uploads a supplement (recorded as uploaded) or reuses a warehouse document; paper checks are refused online', async () => {
    const doc = (await uploadDocument(citizen, { documentType: 'VBBH-SHCN', title: 'Văn bằng bảo hộ giải pháp hữu ích', issuer: 'Cục Sở hữu trí tuệ', number: '2-0001234', issuedOn: '2025-06-01' }, pdfSample(61))).json();
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: citizen.headers, payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [await uploadFile(citizen, 62)] }, { code: 'TP02', fileIds: [await uploadFile(citizen, 63)] }] } });
    expect(created.statusCode, created.body).toBe(201);
    let d = await askedForSupplement(created.json());
    const online = await act(citizen, d, { type: 'submit_supplement', components: [{ code: 'TP02', fileIds: [await uploadFile(citizen, 64)], digitization: { pageCount: 1, checks: ALL_CHECKS } }] });
    expect(online.statusCode).toBe(422);
    expect(online.json().errors[0]).toMatchObject({ code: 'not_paper' });
    const tp01 = await uploadFile(citizen, 65);
    d = await step(citizen, d, { type: 'submit_supplement', components: [{ code: 'TP01', fileIds: [tp01] }, { code: 'TP02', fileIds: [], warehouseDocumentIds: [doc.id] }] });
    expect(d.status).toBe(4);
    const later = (await components(d.id)).filter((c) => c.addedSeq > 1);
    expect(later.map((c) => [c.componentCode, c.source])).toEqual([
      ['TP01', 'uploaded'],
      ['TP02', 'warehouse'],
    ]);
    // The reuse is recorded, and the owner sees which dossier used the document.
    expect((await list(citizen)).find((x) => x.id === doc.id)!.usedBy).toEqual([expect.objectContaining({ dossierId: d.id, componentCode: 'TP02' })]);
    const copy = d.components.find((c: { code: string }) => c.code === 'TP02').files.at(-1);
    expect((await t.app.inject({ url: `/api/v1/dossiers/${d.id}/files/${copy.id}`, headers: specialist.headers })).rawPayload.equals(pdfSample(61))).toBe(true);
  });
});

describe('the national portal’s warehouse (emulator over HTTP)', () => {
  it('takes the owner’s documents once, marked as from the national warehouse, and a reuse is flagged DuocLayTuKhoDMQG', async () => {
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/me/warehouse/national', headers: citizen.headers });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().imported).toBe(1);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/me/warehouse/national', headers: citizen.headers });
    expect(again.json().imported).toBe(0);
    const national = (await list(citizen)).filter((d) => d.provenance === 'national_warehouse');
    expect(national).toHaveLength(1);
    expect(national[0]).toMatchObject({ documentType: 'CC-NVBX', issuedOn: '2024-03-15', validUntil: '2029-03-15', files: [{ format: 'pdf' }] });

    // A procedure whose TP02 a radiation worker certificate satisfies.
    const content = reuseContent();
    content.components[1] = { ...content.components[1]!, name: 'Chứng chỉ nhân viên bức xạ', warehouseDocumentTypes: ['CC-NVBX'] };
    await publishProcedure(t, '1.009902', content);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: citizen.headers,
      payload: { procedureCode: '1.009902', data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [await uploadFile(citizen, 51)] }, { code: 'TP02', fileIds: [], warehouseDocumentIds: [national[0]!.id] }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const sync = await syncOf(res.json().id);
    expect(sync.TaiLieuNop.find((f: { MaThanhPhanHoSo: string }) => f.MaThanhPhanHoSo === 'TP02')).toMatchObject({ DuocSoHoa: '1', DuocTaiSuDung: '1', DuocLayTuKhoDMQG: '1', MaKetQuaThayThe: '' });
  });
});

describe('demo documents', () => {
  it('seeds a citizen’s reusable documents once, deterministically', async () => {
    const { seedDemoWarehouse } = await import('./demo.ts');
    const { emulatedPdf } = await import('../../emulators/national-warehouse/server.ts');
    const owner = { kind: 'citizen' as const, identifier: '001099077777' };
    const demo = await loginAs(t.db, { kind: 'citizen', personalId: owner.identifier, acr: 'LoA2' });
    const deps = { db: t.db, files: t.app.files, recordedBy: receiver.accountId, pdf: emulatedPdf };
    expect(await seedDemoWarehouse(deps, [owner])).toBe(2);
    expect(await seedDemoWarehouse(deps, [owner])).toBe(0);
    const docs = await list(demo);
    expect(docs.map((d) => [d.documentType, d.provenance, d.valid]).sort()).toEqual([['CC-NVBX', 'digitized', true], ['VBBH-SHCN', 'digitized', true]]);
    const offers = (await t.app.inject({ url: `/api/v1/me/warehouse/offers?procedure=${TEST_PROCEDURE_CODE}`, headers: demo.headers })).json().items;
    expect(offers.find((o: { componentCode: string }) => o.componentCode === 'TP02').documents).toHaveLength(1);
  });
});
