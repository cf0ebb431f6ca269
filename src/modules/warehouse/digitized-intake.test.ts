// A paper component digitized and verified at the counter lands in the applicant's data warehouse
// (Decree 45/2020 Art. 16), over a real database: at intake and for a counter supplement, with the
// details the receiver entered, provenance `digitized`, kept by the applicant's kind and identifier
// before they have an account; an exempted, unchecked or typeless component is not kept; the owner
// lists and downloads it, nobody else; their next online dossier reuses it with no upload and the
// sync record flags DuocTaiSuDung.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { createDossierTestApp, publishProcedure, TEST_PROCEDURE_CODE, type DossierTestApp } from '../dossiers/testing.ts';
import { pdfSample } from '../files/testing.ts';
import { ALL_CHECKS, multipartBody, reuseContent } from './testing.ts';

let t: DossierTestApp;
let receiver: TestLogin;
let leader: TestLogin;
let specialist: TestLogin;
let other: TestLogin;
let n = 700;

/** A procedure whose TP02 accepts two warehouse document types. */
const TWO_TYPES = '1.009903';

beforeAll(async () => {
  t = await createDossierTestApp({ content: reuseContent() });
  const content = reuseContent();
  content.components[1] = { ...content.components[1]!, warehouseDocumentTypes: ['VBBH-SHCN', 'GCN-DK-CGCN'] };
  await publishProcedure(t, TWO_TYPES, content);
  receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
  leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
  specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien1', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
  other = await loginAs(t.db, { kind: 'citizen', personalId: '001099054321', acr: 'LoA2' });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

async function uploadFile(login: TestLogin, extra = ++n): Promise<string> {
  const body = await multipartBody({}, { bytes: pdfSample(extra), name: 'Bản sao văn bằng.pdf' });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...login.headers, 'content-type': body.contentType }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const list = async (login: TestLogin) => (await t.app.inject({ url: '/api/v1/me/warehouse', headers: login.headers })).json().items as Array<Record<string, any>>;
/** The documents kept for an owner, whether or not they have an account. */
const keptFor = (idNumber: string) => t.db.selectFrom('warehouse_document').selectAll().where('owner_identifier', '=', idNumber).execute();

const applicantOf = (idNumber: string, name = 'Trần Văn Đức') => ({
  applicant: { kind: 'citizen', idNumber, name },
  data: { applicant: { fullName: name, personalId: idNumber, address: 'Số 5 Lý Thường Kiệt, Hà Nội', phone: '0987654321' }, request: { title: 'Máy gặt đập', hasPriority: false } },
});

const counter = (idNumber: string, components: unknown[], procedureCode = TEST_PROCEDURE_CODE) =>
  t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { ...receiver.headers, 'accept-language': 'en' }, payload: { procedureCode, channel: 'direct', ...applicantOf(idNumber), components } });

const syncOf = async (id: string) => (await t.app.inject({ url: `/api/v1/dossiers/${id}/sync-record`, headers: receiver.headers })).json();

describe('a verified counter scan into the applicant’s warehouse', () => {
  const APPLICANT = '001203000777';
  let applicant: TestLogin;
  let documentId: string;
  let scanBytes: Buffer;

  it('at intake: the checked TP02 (which accepts a warehouse type) is kept with the entered details; TP01 (no type) is not', async () => {
    scanBytes = pdfSample(++n);
    const body = await multipartBody({}, { bytes: scanBytes, name: 'Văn bằng bảo hộ.pdf' });
    const scan = (await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...receiver.headers, 'content-type': body.contentType }, payload: body.payload })).json().id;
    const res = await counter(APPLICANT, [
      { code: 'TP01', fileIds: [await uploadFile(receiver)], digitization: { pageCount: 2, checks: ALL_CHECKS } },
      { code: 'TP02', fileIds: [scan], digitization: { pageCount: 3, checks: ALL_CHECKS, document: { issuer: 'Cục Sở hữu trí tuệ', number: '1-0047777', issuedOn: '2024-03-01', validUntil: '2044-03-01' } } },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();

    // No account yet: kept by the applicant's kind and identifier, one document only.
    const kept = await keptFor(APPLICANT);
    expect(kept).toEqual([
      expect.objectContaining({ owner_kind: 'citizen', document_type: 'VBBH-SHCN', provenance: 'digitized', issuer: 'Cục Sở hữu trí tuệ', number: '1-0047777', issued_on: '2024-03-01', valid_until: '2044-03-01', source_dossier_id: d.id, created_by: receiver.accountId }),
    ]);
    documentId = kept[0]!.id;

    // The officers see it through the dossier, its record naming the document.
    const items = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}/components`, headers: specialist.headers })).json().items as Array<Record<string, any>>;
    expect(items.find((c) => c.componentCode === 'TP02')).toMatchObject({ source: 'digitized', pageCount: 3, flags: { digitized: true, reused: false }, document: { documentType: 'VBBH-SHCN', number: '1-0047777', provenance: 'digitized' } });
    expect(items.find((c) => c.componentCode === 'TP01')).toMatchObject({ source: 'digitized', document: null });
    // The dossier keeps its own file of the scan.
    expect(d.components.find((c: { code: string }) => c.code === 'TP02').files.map((f: { id: string }) => f.id)).toEqual([scan]);
  });

  it('is the applicant’s when they first log in: listed and downloaded by them, by nobody else', async () => {
    applicant = await loginAs(t.db, { kind: 'citizen', personalId: APPLICANT, fullName: 'Trần Văn Đức', acr: 'LoA2' });
    const docs = await list(applicant);
    expect(docs).toEqual([
      expect.objectContaining({
        id: documentId,
        documentType: 'VBBH-SHCN',
        documentTypeName: 'Văn bằng bảo hộ quyền sở hữu công nghiệp',
        title: 'Văn bằng bảo hộ quyền sở hữu công nghiệp',
        issuer: 'Cục Sở hữu trí tuệ',
        number: '1-0047777',
        issuedOn: '2024-03-01',
        validUntil: '2044-03-01',
        valid: true,
        provenance: 'digitized',
        removable: false,
        files: [expect.objectContaining({ name: 'Văn bằng bảo hộ.pdf', format: 'pdf' })],
      }),
    ]);
    const file = `/api/v1/me/warehouse/${documentId}/files/${docs[0]!.files[0].id}`;
    const mine = await t.app.inject({ url: file, headers: applicant.headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.rawPayload.equals(scanBytes)).toBe(true);
    // A verified document stays: the owner cannot remove it.
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/warehouse/${documentId}`, headers: applicant.headers })).statusCode).toBe(409);

    // Another citizen: not listed, not downloadable (404), not removable; officers have no warehouse.
    expect((await list(other)).map((x) => x.id)).not.toContain(documentId);
    expect((await t.app.inject({ url: `/api/v1/me/warehouse/${documentId}`, headers: other.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: file, headers: other.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/warehouse/${documentId}`, headers: other.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: file, headers: receiver.headers })).statusCode).toBe(403);
    // The generic file route does not serve the warehouse's copy.
    expect((await t.app.inject({ url: `/api/v1/files/${docs[0]!.files[0].id}`, headers: applicant.headers })).statusCode).toBe(404);
  });

  it('their next online dossier is offered it and reuses it with no upload; the reuse is recorded and flagged DuocTaiSuDung', async () => {
    const offers = (await t.app.inject({ url: `/api/v1/me/warehouse/offers?procedure=${TEST_PROCEDURE_CODE}`, headers: applicant.headers })).json().items as Array<{ componentCode: string; documents: Array<{ id: string }> }>;
    expect(offers.find((o) => o.componentCode === 'TP02')!.documents.map((x) => x.id)).toEqual([documentId]);
    expect(offers.find((o) => o.componentCode === 'TP01')!.documents).toEqual([]);

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: applicant.headers,
      payload: { procedureCode: TEST_PROCEDURE_CODE, data: applicantOf(APPLICANT).data, components: [{ code: 'TP01', fileIds: [await uploadFile(applicant)] }, { code: 'TP02', fileIds: [], warehouseDocumentIds: [documentId] }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    const tp02 = d.components.find((c: { code: string }) => c.code === 'TP02');
    expect(tp02.files).toHaveLength(1);
    expect((await t.app.inject({ url: `/api/v1/dossiers/${d.id}/files/${tp02.files[0].id}`, headers: applicant.headers })).rawPayload.equals(scanBytes)).toBe(true);
    for (let i = 0; i < 10 && (await t.app.jobs.runDue()) > 0; i++);

    const items = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}/components`, headers: receiver.headers })).json().items as Array<Record<string, any>>;
    expect(items.find((c) => c.componentCode === 'TP02')).toMatchObject({ source: 'warehouse', document: { provenance: 'digitized', number: '1-0047777' } });
    expect((await list(applicant)).find((x) => x.id === documentId)!.usedBy).toEqual([{ dossierId: d.id, dossierCode: d.code, componentCode: 'TP02', at: expect.any(String) }]);
    const sync = await syncOf(d.id);
    const tl = Object.fromEntries((sync.TaiLieuNop as Array<{ MaThanhPhanHoSo: string }>).map((f) => [f.MaThanhPhanHoSo, f]));
    // Not a result of this system: nothing in MaKetQuaThayThe.
    expect(tl.TP02).toMatchObject({ DuocSoHoa: '1', DuocTaiSuDung: '1', DuocLayTuKhoDMQG: '0', MaKetQuaThayThe: '' });
    const figures = await t.db.selectFrom('dossier_digitization').select('has_reused').where('dossier_id', '=', d.id).executeTakeFirstOrThrow();
    expect(figures.has_reused).toBe(true);
  });
});

describe('what is not kept', () => {
  it('an exempted component, an unchecked one (refused) and a component with no accepted type', async () => {
    const exempted = await counter('001203000781', [
      { code: 'TP01', fileIds: [await uploadFile(receiver)], digitization: { pageCount: 1, checks: ALL_CHECKS } },
      { code: 'TP02', fileIds: [], digitization: { exemption: 'shown_only' } },
    ]);
    expect(exempted.statusCode, exempted.body).toBe(201);
    expect(await keptFor('001203000781')).toEqual([]);

    const unchecked = await counter('001203000782', [
      { code: 'TP01', fileIds: [], digitization: { exemption: 'agency_verification' } },
      { code: 'TP02', fileIds: [await uploadFile(receiver)], digitization: { pageCount: 1, checks: { ...ALL_CHECKS, complete: false }, document: { number: '1-0000001' } } },
    ]);
    expect(unchecked.statusCode).toBe(422);
    expect(unchecked.json().errors[0]).toMatchObject({ code: 'checks_failed' });
    expect(await keptFor('001203000782')).toEqual([]);

    // Details on an exemption are not taken at all.
    const detailsOnExempt = await counter('001203000783', [
      { code: 'TP01', fileIds: [], digitization: { exemption: 'agency_verification' } },
      { code: 'TP02', fileIds: [], digitization: { exemption: 'shown_only', document: { number: '1-0000002' } } },
    ]);
    expect(detailsOnExempt.statusCode).toBe(422);
    expect(await keptFor('001203000783')).toEqual([]);

    // TP01 accepts no warehouse type: its verified scan stays in the dossier only.
    const typeless = await counter('001203000784', [
      { code: 'TP01', fileIds: [await uploadFile(receiver)], digitization: { pageCount: 1, checks: ALL_CHECKS } },
      { code: 'TP02', fileIds: [], digitization: { exemption: 'shown_only' } },
    ]);
    expect(typeless.statusCode).toBe(201);
    expect(await keptFor('001203000784')).toEqual([]);
  });

  it('refuses a type the component does not accept, or a validity ending before the issue date, keeping nothing', async () => {
    const scan = await uploadFile(receiver);
    const wrongType = await counter('001203000785', [
      { code: 'TP01', fileIds: [], digitization: { exemption: 'agency_verification' } },
      { code: 'TP02', fileIds: [scan], digitization: { pageCount: 1, checks: ALL_CHECKS, document: { documentType: 'GCN-DKDN' } } },
    ]);
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json().errors).toEqual([expect.objectContaining({ pointer: '/body/components/1/digitization/document/documentType', code: 'document_type_mismatch' })]);
    const dates = await counter('001203000785', [
      { code: 'TP01', fileIds: [], digitization: { exemption: 'agency_verification' } },
      { code: 'TP02', fileIds: [scan], digitization: { pageCount: 1, checks: ALL_CHECKS, document: { issuedOn: '2024-03-01', validUntil: '2024-02-28' } } },
    ]);
    expect(dates.statusCode).toBe(422);
    expect(dates.json().errors).toEqual([expect.objectContaining({ pointer: '/body/components/1/digitization/document/validUntil', code: 'document_dates' })]);
    expect(await keptFor('001203000785')).toEqual([]);
    // The scan is still the receiver's, unattached: nothing of the refused intakes was kept.
    expect((await t.app.inject({ url: `/api/v1/files/${scan}`, headers: receiver.headers })).statusCode).toBe(200);
  });
});

describe('the document type, when the component accepts several', () => {
  it('is the one the receiver chose, else the first', async () => {
    const tp02 = async (document?: Record<string, string>) => ({ code: 'TP02', fileIds: [await uploadFile(receiver)], digitization: { pageCount: 1, checks: ALL_CHECKS, ...(document ? { document } : {}) } });
    const tp01 = { code: 'TP01', fileIds: [], digitization: { exemption: 'agency_verification' } };
    expect((await counter('001203000791', [tp01, await tp02({ documentType: 'GCN-DK-CGCN', number: 'CG-12/2025' })], TWO_TYPES)).statusCode).toBe(201);
    expect((await counter('001203000792', [tp01, await tp02()], TWO_TYPES)).statusCode).toBe(201);
    expect((await keptFor('001203000791')).map((d) => [d.document_type, d.title, d.number])).toEqual([['GCN-DK-CGCN', 'Giấy chứng nhận đăng ký chuyển giao công nghệ', 'CG-12/2025']]);
    expect((await keptFor('001203000792')).map((d) => [d.document_type, d.issuer, d.number, d.issued_on, d.valid_until])).toEqual([['VBBH-SHCN', '', '', null, null]]);
  });
});

describe('a counter supplement', () => {
  const act = async (login: TestLogin, d: { id: string; version: number }, body: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/actions`, headers: { ...login.headers, 'accept-language': 'en', 'if-match': `"${d.version}"` }, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('a checked paper handed in for a supplement lands in the applicant’s warehouse too; an organization’s by its tax code', async () => {
    const TAX_CODE = '0109876543';
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: receiver.headers,
      payload: {
        procedureCode: TEST_PROCEDURE_CODE,
        channel: 'postal',
        applicant: { kind: 'organization', idNumber: TAX_CODE, name: 'Công ty TNHH Cơ khí Đông Anh' },
        // The form names the person who represents the company.
        data: applicantOf('001203000799', 'Phạm Quốc Huy').data,
        components: [
          { code: 'TP01', fileIds: [], digitization: { exemption: 'agency_verification' } },
          { code: 'TP02', fileIds: [], digitization: { exemption: 'shown_only' } },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await keptFor(TAX_CODE)).toEqual([]);
    let d = await act(receiver, created.json(), { type: 'transfer' });
    d = await act(leader, d, { type: 'assign', assignee: specialist.accountId });
    d = await act(specialist, d, { type: 'request_supplement', reason: 'Thiếu bản sao văn bằng', items: ['Bản sao văn bằng bảo hộ'] });
    d = await act(receiver, d, { type: 'submit_supplement', components: [{ code: 'TP02', fileIds: [await uploadFile(receiver)], digitization: { pageCount: 2, checks: ALL_CHECKS, document: { issuer: 'Cục Sở hữu trí tuệ', number: '2-0002222', issuedOn: '2023-07-01' } } }] });
    expect(d.status).toBe(4);
    const kept = await keptFor(TAX_CODE);
    expect(kept).toEqual([expect.objectContaining({ owner_kind: 'organization', document_type: 'VBBH-SHCN', provenance: 'digitized', number: '2-0002222', issued_on: '2023-07-01', valid_until: null, source_dossier_id: d.id })]);
    const organization = await loginAs(t.db, { kind: 'organization', taxCode: TAX_CODE, acr: 'LoA2' });
    expect((await list(organization)).map((x) => [x.id, x.provenance])).toEqual([[kept[0]!.id, 'digitized']]);
    const items = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}/components`, headers: specialist.headers })).json().items as Array<Record<string, any>>;
    expect(items.filter((c) => c.componentCode === 'TP02').map((c) => [c.addedSeq > 1, c.source, c.document?.provenance ?? null])).toEqual([
      [false, 'exempt', null],
      [true, 'digitized', 'digitized'],
    ]);
  });
});
