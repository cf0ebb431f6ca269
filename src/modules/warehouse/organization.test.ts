// An organization's data warehouse end to end over a real database: an organization account
// (logged in with its tax code) uploads, lists, downloads and removes its own document through
// /api/v1/me/warehouse; a citizen and another organization neither see nor read nor remove it
// (404); and the organization's second dossier, of a procedure organizations may apply for,
// reuses a document of its warehouse with no upload, which another organization cannot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { buildEform } from '../../core/eforms/builder.ts';
import { createDossierTestApp, TEST_CITIZEN_ID, TEST_PROCEDURE_CODE, type DossierTestApp } from '../dossiers/testing.ts';
import { pdfSample } from '../files/testing.ts';
import { multipartBody, reuseContent } from './testing.ts';

const ORG_TAX_CODE = '0101234567';
const ORG_NAME = 'Công ty Cổ phần Công nghệ Sao Mai';

/** The e-form of a procedure for organizations: the applicant's name and tax code from its account. */
const organizationEform = () =>
  buildEform({
    sections: [
      { id: 'applicant', title: { vi: 'Tổ chức nộp đơn', en: 'Applicant organization' } },
      { id: 'request', title: { vi: 'Nội dung đề nghị', en: 'Request' } },
    ],
    fields: [
      { path: 'applicant.organizationName', section: 'applicant', type: 'text', label: { vi: 'Tên tổ chức', en: 'Organization name' }, required: true, prefill: 'organization.name' },
      { path: 'applicant.taxCode', section: 'applicant', type: 'tax_code', label: { vi: 'Mã số thuế', en: 'Tax code' }, required: true, prefill: 'organization.taxCode' },
      { path: 'applicant.address', section: 'applicant', type: 'text', label: { vi: 'Địa chỉ trụ sở', en: 'Head office address' }, required: true },
      { path: 'applicant.phone', section: 'applicant', type: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' }, required: true },
      { path: 'request.title', section: 'request', type: 'text', label: { vi: 'Tên sáng chế', en: 'Title of the invention' }, required: true, maxLength: 300 },
    ],
  });

const FORM_DATA = { applicant: { address: 'Số 1 Hoàng Quốc Việt, Cầu Giấy, Hà Nội', phone: '0243123456' }, request: { title: 'Bộ lọc không khí dùng màng nano' } };

let t: DossierTestApp;
let org: TestLogin;
let otherOrg: TestLogin;
let citizen: TestLogin;
let receiver: TestLogin;

beforeAll(async () => {
  // The procedure says who may apply (subjects.kinds): organizations and businesses here.
  t = await createDossierTestApp({ content: reuseContent({ subjects: { kinds: ['organization', 'business'], origins: ['vietnamese'] }, eform: organizationEform() }) });
  org = await loginAs(t.db, { kind: 'organization', taxCode: ORG_TAX_CODE, fullName: ORG_NAME, acr: 'LoA2' });
  otherOrg = await loginAs(t.db, { kind: 'organization', taxCode: '0109876543', fullName: 'Công ty TNHH Thương hiệu Việt', acr: 'LoA2' });
  citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
  receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

async function uploadFile(login: TestLogin, extra: number): Promise<string> {
  const body = await multipartBody({}, { bytes: pdfSample(extra), name: 'Tờ khai.pdf' });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...login.headers, 'content-type': body.contentType }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function uploadDocument(login: TestLogin, fields: Record<string, string>, bytes: Buffer) {
  const body = await multipartBody(fields, { bytes, name: 'van-bang.pdf' });
  return t.app.inject({ method: 'POST', url: '/api/v1/me/warehouse', headers: { ...login.headers, 'content-type': body.contentType, 'accept-language': 'en' }, payload: body.payload });
}

const list = async (login: TestLogin) => {
  const res = await t.app.inject({ url: '/api/v1/me/warehouse', headers: login.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Array<Record<string, any>>;
};

const submit = (login: TestLogin, components: unknown[]) =>
  t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { ...login.headers, 'accept-language': 'en' }, payload: { procedureCode: TEST_PROCEDURE_CODE, data: FORM_DATA, components } });

describe('an organization’s warehouse', () => {
  it('uploads, lists, downloads and removes its document; a citizen and another organization read nothing of it', async () => {
    const bytes = pdfSample(71);
    const res = await uploadDocument(org, { documentType: 'GCN-DKDN', title: 'Giấy chứng nhận đăng ký doanh nghiệp', issuer: 'Sở Tài chính Hà Nội', number: ORG_TAX_CODE, issuedOn: '2023-03-01' }, bytes);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ documentType: 'GCN-DKDN', provenance: 'owner_upload', removable: true, valid: true, files: [{ format: 'pdf' }] });
    expect((await list(org)).map((d) => d.id)).toEqual([doc.id]);

    const file = `/api/v1/me/warehouse/${doc.id}/files/${doc.files[0].id}`;
    const mine = await t.app.inject({ url: file, headers: org.headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.rawPayload.equals(bytes)).toBe(true);

    // A citizen and another organization: not listed, not downloadable, not removable (404).
    for (const stranger of [citizen, otherOrg]) {
      expect((await list(stranger)).map((d) => d.id)).not.toContain(doc.id);
      expect((await t.app.inject({ url: file, headers: stranger.headers })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/warehouse/${doc.id}`, headers: stranger.headers })).statusCode).toBe(404);
    }
    // Their refused removals changed nothing.
    expect((await list(org)).map((d) => d.id)).toEqual([doc.id]);

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/warehouse/${doc.id}`, headers: org.headers });
    expect(removed.statusCode).toBe(204);
    expect((await list(org)).map((d) => d.id)).not.toContain(doc.id);
    expect((await t.app.inject({ url: file, headers: org.headers })).statusCode).toBe(404);
  });

  it('its second dossier reuses a document of its warehouse with no upload; another organization cannot reuse it', async () => {
    const title = pdfSample(81);
    const doc = (await uploadDocument(org, { documentType: 'VBBH-SHCN', title: 'Văn bằng bảo hộ sáng chế', issuer: 'Cục Sở hữu trí tuệ', number: '1-0031337', issuedOn: '2025-02-10' }, title)).json();
    expect(doc.id).toBeDefined();

    // The first dossier: everything uploaded; the organization is the applicant.
    const first = await submit(org, [{ code: 'TP01', fileIds: [await uploadFile(org, 82)] }, { code: 'TP02', fileIds: [await uploadFile(org, 83)] }]);
    expect(first.statusCode, first.body).toBe(201);
    const firstRow = await t.db.selectFrom('dossier').select(['applicant_kind', 'applicant_id_number', 'applicant_account_id']).where('id', '=', first.json().id).executeTakeFirstOrThrow();
    expect(firstRow).toEqual({ applicant_kind: 'organization', applicant_id_number: ORG_TAX_CODE, applicant_account_id: org.accountId });

    // The warehouse offers the document for TP02.
    const offers = (await t.app.inject({ url: `/api/v1/me/warehouse/offers?procedure=${TEST_PROCEDURE_CODE}`, headers: org.headers })).json().items as Array<{ componentCode: string; documents: Array<{ id: string }> }>;
    expect(offers.find((o) => o.componentCode === 'TP02')!.documents.map((d) => d.id)).toEqual([doc.id]);

    // Another organization cannot reuse it: refused, nothing recorded.
    const theirs = await submit(otherOrg, [{ code: 'TP01', fileIds: [await uploadFile(otherOrg, 84)] }, { code: 'TP02', fileIds: [], warehouseDocumentIds: [doc.id] }]);
    expect(theirs.statusCode).toBe(422);
    expect(theirs.json().errors[0]).toMatchObject({ code: 'unknown_document' });

    // The second dossier: TP02 from the warehouse, no file uploaded for it.
    const second = await submit(org, [{ code: 'TP01', fileIds: [await uploadFile(org, 85)] }, { code: 'TP02', fileIds: [], warehouseDocumentIds: [doc.id] }]);
    expect(second.statusCode, second.body).toBe(201);
    const d = second.json();
    const tp02 = d.components.find((c: { code: string }) => c.code === 'TP02');
    expect(tp02.files).toHaveLength(1);

    // The organization sees which dossier used it (its code is filled in after the commit, by
    // the outbox); the receiver reads the document through the dossier.
    for (let i = 0; i < 10 && (await t.app.jobs.runDue()) > 0; i++);
    expect((await list(org)).find((x) => x.id === doc.id)!.usedBy).toEqual([{ dossierId: d.id, dossierCode: d.code, componentCode: 'TP02', at: expect.any(String) }]);
    const comps = await t.app.inject({ url: `/api/v1/dossiers/${d.id}/components`, headers: receiver.headers });
    expect(comps.statusCode).toBe(200);
    const reused = (comps.json().items as Array<{ componentCode: string; source: string; document: unknown }>).find((c) => c.componentCode === 'TP02');
    expect(reused).toMatchObject({ source: 'warehouse', document: { documentType: 'VBBH-SHCN', number: '1-0031337', provenance: 'owner_upload' } });
    const copy = await t.app.inject({ url: `/api/v1/dossiers/${d.id}/files/${tp02.files[0].id}`, headers: receiver.headers });
    expect(copy.statusCode).toBe(200);
    expect(copy.rawPayload.equals(title)).toBe(true);
    // Flagged as reused for the national portal.
    const sync = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}/sync-record`, headers: receiver.headers })).json();
    expect(sync.TaiLieuNop.find((f: { MaThanhPhanHoSo: string }) => f.MaThanhPhanHoSo === 'TP02')).toMatchObject({ DuocTaiSuDung: '1' });
  });
});
