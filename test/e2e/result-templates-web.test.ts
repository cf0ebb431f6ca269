// Browser test of the result template editor (/quan-tri/mau-ket-qua) against the real server: an
// administrator chooses the test procedure and its published version, sees the default template
// and the fields, inserts a field, is told at the field (in Vietnamese) when the JSON is broken
// and when the server refuses the template, previews the PDF, saves the version's own template
// (which the next issued result of that version uses), and goes back to the default. axe-core
// finds no violation at 360 px and at 1280 px. Needs Debian's Chromium at /usr/bin/chromium;
// skipped (with a warning) without it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { createDossierTestApp, TEST_PROCEDURE_CODE, type DossierTestApp } from '../../src/modules/dossiers/testing.ts';
import { loginAs, type TestLogin } from '../support/auth.ts';
import { checkBothWidths, chromiumAvailable, closeBrowserAndServer, openBrowser, type BrowserSession } from '../support/chromium.ts';

const hasChromium = chromiumAvailable('test/e2e/result-templates-web.test.ts');
const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)('the result template editor in Chromium', () => {
  let t: DossierTestApp;
  let url: string;
  let pages: BrowserSession;
  let admin: TestLogin;

  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    t = await createDossierTestApp();
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await loginAs(t.db, { kind: 'officer', username: 'quantrimau', roles: [{ role: 'admin', unitId: 'bkhcn' }] });
    pages = await openBrowser(url);
  }, 240_000);

  afterAll(async () => {
    await closeBrowserAndServer(pages, t);
  });

  it('edits, previews, saves and resets a version’s template', { timeout: 180_000 }, async () => {
    const page: Page = await pages.open(admin, 1280);
    await page.goto(`${url}/quan-tri/mau-ket-qua`);
    await page.getByRole('heading', { level: 1, name: 'Mẫu văn bản kết quả' }).waitFor(WAIT);
    await page.getByLabel('Tìm thủ tục').fill(TEST_PROCEDURE_CODE);
    await expect.poll(() => page.getByLabel('Thủ tục', { exact: true }).inputValue(), WAIT).toBe(TEST_PROCEDURE_CODE);
    await page.locator('#template-source[data-source="default"]').waitFor(WAIT);
    await page.getByText('Đang dùng mẫu mặc định của hệ thống.').waitFor(WAIT);
    await page.getByRole('button', { name: 'Chèn trường Tên người nộp / tổ chức' }).waitFor(WAIT);
    await checkBothWidths(page, 'the template editor');

    const version = page.getByLabel('Phiên bản áp dụng mẫu');
    const values = await version.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(values[0]).toBe('all');
    // The version's template is loaded after the choice: edit only once it is in (the source was
    // "default" for all versions already, so that alone does not show the load is over).
    const loaded = page.waitForResponse((r) => r.url().includes(`/api/v1/results/templates/${TEST_PROCEDURE_CODE}/versions/`) && r.request().method() === 'GET', WAIT);
    await version.selectOption(values[1]!);
    await loaded;
    await page.locator('#template-source[data-source="default"]').waitFor(WAIT);

    const area = page.getByLabel('Mẫu văn bản (JSON định nghĩa văn bản pdfmake)');
    await area.fill('{ "content": [');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByText(/Mẫu không phải JSON hợp lệ/).first().waitFor(WAIT);

    await area.fill('{ "content": [{ "text": "{{khong.co}}" }] }');
    await page.getByRole('button', { name: 'Lưu mẫu' }).click();
    await page.getByText('Trường {{khong.co}} không có trong danh sách trường được dùng. (vị trí: content/0/text)').first().waitFor(WAIT);
    await page.getByText(/Mẫu phải đặt mã QR xác thực/).first().waitFor(WAIT);
    expect(await area.getAttribute('aria-invalid')).toBe('true');
    await checkBothWidths(page, 'the template editor with errors');

    await area.fill('{ "content": [{ "text": "GIẤY PHÉP THEO PHIÊN BẢN cấp cho " }, { "resultQr": true }] }');
    // The field goes where the cursor is: after "cấp cho ".
    await area.evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf('cấp cho ') + 'cấp cho '.length;
      el.focus();
      el.setSelectionRange(at, at);
    });
    await page.getByRole('button', { name: 'Chèn trường Tên người nộp / tổ chức' }).click();
    expect(await area.inputValue()).toContain('cấp cho {{applicant.name}}"');

    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/preview') && r.request().method() === 'POST', WAIT),
      page.getByRole('button', { name: 'Xem trước' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    await page.getByText('Đã tạo bản xem trước (chưa ký số, có dòng chữ "BẢN XEM TRƯỚC").').first().waitFor(WAIT);
    expect(await page.locator('#template-preview-link').getAttribute('href')).toMatch(/^blob:/);

    await page.getByRole('button', { name: 'Lưu mẫu' }).click();
    await page.getByText('Đã lưu mẫu văn bản kết quả.').first().waitFor(WAIT);
    await page.locator('#template-source[data-source="version"]').waitFor(WAIT);
    const stored = await t.db.selectFrom('result_template').select(['version_number', 'template']).where('procedure_code', '=', TEST_PROCEDURE_CODE).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.version_number).toBe(Number(values[1]));
    expect(JSON.stringify(stored[0]!.template)).toContain('{{applicant.name}}');
    await checkBothWidths(page, 'the template editor after saving');

    await page.getByRole('button', { name: 'Bỏ mẫu riêng của phiên bản' }).click();
    await page.locator('#template-source[data-source="default"]').waitFor(WAIT);
    expect(await t.db.selectFrom('result_template').selectAll().where('procedure_code', '=', TEST_PROCEDURE_CODE).execute()).toEqual([]);
    await page.context().close();
  });
});
