// Browser test of the data warehouse against the real server: a citizen whose earlier result is in
// their warehouse (recorded through recordIssuedResult) sees and adds documents at /kho-du-lieu,
// then submits a new dossier whose TP02 the wizard offers already attached from the warehouse —
// no upload — and the dossier carries the reused copy; a receiver on a 360 px screen takes a
// counter dossier whose checked TP02 scan, with the paper's details entered, lands in the
// applicant's warehouse, seen there at their first login. axe-core finds no violation at 360 px and
// at 1280 px on each page visited. Needs Debian's Chromium at /usr/bin/chromium; skipped without it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { pdfSample } from '../../src/modules/files/testing.ts';
import { createDossierTestApp, SAMPLE_FORM_DATA, TEST_CITIZEN_ID, TEST_PROCEDURE_CODE, type DossierTestApp } from '../../src/modules/dossiers/testing.ts';
import { multipartBody, reuseContent } from '../../src/modules/warehouse/testing.ts';
import { checkBothWidths, chromiumAvailable, closeBrowserAndServer, openBrowser, type BrowserSession } from '../support/chromium.ts';
import { loginAs, type TestLogin } from '../support/auth.ts';

const hasChromium = chromiumAvailable('test/e2e/warehouse-web.test.ts');

const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)('the data warehouse in Chromium', () => {
  let t: DossierTestApp;
  let url: string;
  let pages: BrowserSession;
  let citizen: TestLogin;
  let leader: TestLogin;
  let receiver: TestLogin;
  let resultDocId: string;

  const open = (who: TestLogin | undefined, width: number): Promise<Page> => pages.open(who, width);


  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    t = await createDossierTestApp({ content: reuseContent() });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
    leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
    receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
    // An earlier dossier of the citizen and its issued result, recorded into the warehouse.
    const upload = async (who: TestLogin, extra: number) => {
      const body = await multipartBody({}, { bytes: pdfSample(extra), name: 'tep.pdf' });
      return (await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...who.headers, 'content-type': body.contentType }, payload: body.payload })).json().id as string;
    };
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: citizen.headers,
      payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [await upload(citizen, 1)] }, { code: 'TP02', fileIds: [await upload(citizen, 2)] }] },
    });
    const recorded = await t.app.warehouse.service.recordIssuedResult(t.db, {
      ownerKind: 'citizen',
      ownerIdentifier: TEST_CITIZEN_ID,
      documentType: 'VBBH-SHCN',
      title: 'Bằng độc quyền sáng chế',
      issuer: 'Cục Sở hữu trí tuệ',
      number: '1-0045678',
      issuedOn: '2026-01-15',
      fileId: await upload(leader, 3),
      resultCode: 'KQ-1-0045678',
      dossierId: first.json().id,
      recordedBy: leader.accountId,
    });
    resultDocId = recorded.documentId;
    pages = await openBrowser(url);
  }, 180_000);

  afterAll(async () => {
    await closeBrowserAndServer(pages, t);
  });

  it('the citizen sees their documents and adds one at /kho-du-lieu', { timeout: 180_000 }, async () => {
    const page = await open(citizen, 360);
    await page.goto(`${url}/kho-du-lieu`);
    await page.getByRole('heading', { level: 1, name: 'Kho dữ liệu điện tử của tôi' }).waitFor(WAIT);
    await page.getByText('Bằng độc quyền sáng chế').first().waitFor(WAIT);
    await page.getByText('Kết quả do hệ thống cấp').first().waitFor(WAIT);
    await checkBothWidths(page, 'the warehouse page');

    await page.getByLabel('Loại giấy tờ').selectOption('GCN-DKDN');
    await page.getByLabel('Số, ký hiệu', { exact: false }).fill('0101234567');
    await page.getByLabel('Tệp giấy tờ', { exact: false }).setInputFiles({ name: 'dkdn.pdf', mimeType: 'application/pdf', buffer: pdfSample(9) });
    await page.getByRole('button', { name: 'Thêm vào kho' }).click();
    await page.getByText('Bạn tự tải lên').first().waitFor(WAIT);
    await page.getByRole('button', { name: /^Xóa Giấy chứng nhận đăng ký doanh nghiệp/ }).waitFor(WAIT);
    await checkBothWidths(page, 'the warehouse page, a document added');
    const list = (await t.app.inject({ url: '/api/v1/me/warehouse', headers: citizen.headers })).json().items as Array<{ documentType: string; number: string }>;
    expect(list.find((d) => d.documentType === 'GCN-DKDN')).toMatchObject({ number: '0101234567' });
  });

  it('the wizard offers the warehouse document already attached; the dossier is submitted without uploading it', { timeout: 180_000 }, async () => {
    const page = await open(citizen, 360);
    await page.goto(`${url}/thu-tuc/${TEST_PROCEDURE_CODE}/nop-ho-so`);
    const next = page.getByRole('button', { name: 'Tiếp tục' });
    await next.waitFor(WAIT);
    await page.getByLabel('Số điện thoại').fill('0912345678');
    await page.getByLabel('Tên sáng chế').fill('Thiết bị lọc nước');
    await next.click();

    await page.getByRole('heading', { level: 2, name: 'Giấy tờ đã có trong kho dữ liệu của bạn' }).waitFor(WAIT);
    const offer = page.getByLabel(/Dùng “Bằng độc quyền sáng chế” số 1-0045678/);
    expect(await offer.isChecked()).toBe(true);
    await page.getByText(/TP03\. Bản sao thẻ Căn cước: không phải nộp/).waitFor(WAIT);
    await page.getByLabel('TP01. Tờ khai đăng ký').setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: pdfSample(21) });
    await page.getByRole('button', { name: /^Bỏ tệp/ }).waitFor(WAIT);
    await checkBothWidths(page, 'the wizard with the reuse offer');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { level: 2, name: 'Phí, lệ phí' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kiểm tra lại' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByLabel(/Tôi cam đoan/).check();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.locator('#submitted-code').waitFor(WAIT);

    const mine = (await t.app.inject({ url: '/api/v1/me/dossiers', headers: citizen.headers })).json().items as Array<{ id: string }>;
    const d = (await t.app.inject({ url: `/api/v1/dossiers/${mine[0]!.id}`, headers: citizen.headers })).json();
    expect(d.components.find((c: { code: string }) => c.code === 'TP02').files).toHaveLength(1);
    const records = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}/components`, headers: citizen.headers })).json().items as Array<{ componentCode: string; source: string }>;
    expect(records.find((r) => r.componentCode === 'TP02')).toMatchObject({ source: 'warehouse' });
    const doc = (await t.app.inject({ url: '/api/v1/me/warehouse', headers: citizen.headers })).json().items.find((x: { id: string }) => x.id === resultDocId);
    expect(doc.usedBy.map((u: { dossierId: string }) => u.dossierId)).toContain(d.id);
  });

  it('a receiver at 360 px enters the details of a checked scan; it is in the applicant’s warehouse at their first login', { timeout: 180_000 }, async () => {
    const page = await open(receiver, 360);
    await page.goto(`${url}/can-bo/tiep-nhan`);
    await page.getByLabel('Mã hoặc tên thủ tục').fill(TEST_PROCEDURE_CODE);
    await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
    await page.locator('#intake-procedure').waitFor(WAIT);
    await page.getByLabel('Số định danh cá nhân hoặc mã số thuế').fill('001203000888');
    await page.getByLabel('Họ và tên hoặc tên tổ chức').fill('Lê Thị Mai');
    await page.getByLabel('Địa chỉ', { exact: false }).first().fill('Số 12 Hàng Bài, Hà Nội');
    await page.getByLabel('TP01. Tờ khai đăng ký').setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: pdfSample(31) });
    await page.locator('#digitize-TP01-pages').fill('1');
    for (const check of ['count', 'complete', 'pageOrder', 'integrity']) await page.locator(`#digitize-TP01-${check}`).check();
    // TP01 accepts no warehouse document type: no details are asked for it.
    expect(await page.locator('#digitize-TP01-document').count()).toBe(0);
    await page.getByLabel('TP02. Bản sao văn bằng bảo hộ').setInputFiles({ name: 'van-bang.pdf', mimeType: 'application/pdf', buffer: pdfSample(32) });
    await page.locator('#digitize-TP02-pages').fill('2');
    for (const check of ['count', 'complete', 'pageOrder', 'integrity']) await page.locator(`#digitize-TP02-${check}`).check();
    // TP02 accepts one type (a protection title): the optional details of the paper, no type to choose.
    const details = page.getByRole('group', { name: 'Thông tin giấy tờ lưu vào kho dữ liệu của người nộp' });
    await details.waitFor(WAIT);
    expect(await page.locator('#digitize-TP02-type').count()).toBe(0);
    await details.getByLabel('Cơ quan cấp', { exact: false }).fill('Cục Sở hữu trí tuệ');
    await details.getByLabel('Số, ký hiệu', { exact: false }).fill('1-0048888');
    await details.getByLabel('Ngày cấp', { exact: false }).fill('01/03/2024');
    await details.getByLabel('Có hiệu lực đến', { exact: false }).fill('01/03/2044');
    await page.getByRole('button', { name: /^Bỏ tệp/ }).nth(1).waitFor(WAIT);
    await page.getByRole('button', { name: 'Điền tờ khai từ thông tin người nộp' }).click();
    await page.getByLabel('Số điện thoại').last().fill('0987654321');
    await page.getByLabel('Tên sáng chế').fill('Máy sấy nông sản');
    await checkBothWidths(page, 'the counter intake with the warehouse details');
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.locator('#intake-code').waitFor(WAIT);

    // The applicant had no account: their first login finds the document, digitized and verified.
    const applicant = await loginAs(t.db, { kind: 'citizen', personalId: '001203000888', fullName: 'Lê Thị Mai', acr: 'LoA2' });
    const items = (await t.app.inject({ url: '/api/v1/me/warehouse', headers: applicant.headers })).json().items as Array<Record<string, unknown>>;
    expect(items).toEqual([expect.objectContaining({ documentType: 'VBBH-SHCN', provenance: 'digitized', issuer: 'Cục Sở hữu trí tuệ', number: '1-0048888', issuedOn: '2024-03-01', validUntil: '2044-03-01' })]);
    const mine = await open(applicant, 360);
    await mine.goto(`${url}/kho-du-lieu`);
    await mine.getByText('Số hóa, xác thực tại Bộ phận Một cửa').first().waitFor(WAIT);
    await mine.getByText('1-0048888').first().waitFor(WAIT);
    await checkBothWidths(mine, 'the warehouse page with a digitized document');
  });
});
