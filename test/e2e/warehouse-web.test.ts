// Browser test of the data warehouse against the real server: a citizen whose earlier result is in
// their warehouse (recorded through recordIssuedResult) sees and adds documents at /kho-du-lieu,
// then submits a new dossier whose TP02 the wizard offers already attached from the warehouse —
// no upload — and the dossier carries the reused copy. axe-core finds no violation at 360 px and
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
  let resultDocId: string;

  const open = (who: TestLogin | undefined, width: number): Promise<Page> => pages.open(who, width);


  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    t = await createDossierTestApp({ content: reuseContent() });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
    leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
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
});
