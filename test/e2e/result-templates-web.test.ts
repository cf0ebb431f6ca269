// Browser test of the result template editor (/quan-tri/mau-ket-qua) against the real server: an
// administrator chooses the test procedure and its published version, sees the default HTML
// template, its quick view in a sandboxed frame and the fields, is told at the field (in
// Vietnamese, with the line) when the server refuses the HTML, inserts a field and the QR code,
// previews the PDF, saves the version's own template (stored as HTML) and goes back to the
// default. A procedure whose template was set as pdfmake through the API loads as JSON, keeps the
// JSON errors (the browser's parse, the server's place in the JSON), switches to HTML and back
// without losing the JSON, and saves as pdfmake. axe-core finds no violation at 360 px and at
// 1280 px. Needs Debian's Chromium at /usr/bin/chromium; skipped (with a warning) without it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { DEFAULT_RESULT_HTML } from '../../src/core/results/template.ts';
import { createDossierTestApp, TEST_PROCEDURE_CODE, type DossierTestApp } from '../../src/modules/dossiers/testing.ts';
import { loginAs, type TestLogin } from '../support/auth.ts';
import { checkBothWidths, chromiumAvailable, closeBrowserAndServer, openBrowser, type BrowserSession } from '../support/chromium.ts';

const hasChromium = chromiumAvailable('test/e2e/result-templates-web.test.ts');
const WAIT = { timeout: 30_000 };
const HTML_LABEL = 'Mẫu văn bản (HTML)';
const JSON_LABEL = 'Mẫu văn bản (JSON định nghĩa văn bản pdfmake)';
const LIVE_TITLE = 'Xem nhanh mẫu văn bản kết quả (HTML)';

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

  const storedTemplates = () =>
    t.db.selectFrom('result_template').select(['version_number', 'format', 'template']).where('procedure_code', '=', TEST_PROCEDURE_CODE).execute();

  /** The editor with the test procedure chosen (every version), once its template is in. */
  async function openEditor(): Promise<Page> {
    const page = await pages.open(admin, 1280);
    await page.goto(`${url}/quan-tri/mau-ket-qua`);
    await page.getByRole('heading', { level: 1, name: 'Mẫu văn bản kết quả' }).waitFor(WAIT);
    await page.getByLabel('Tìm thủ tục').fill(TEST_PROCEDURE_CODE);
    await expect.poll(() => page.getByLabel('Thủ tục', { exact: true }).inputValue(), WAIT).toBe(TEST_PROCEDURE_CODE);
    await page.getByRole('button', { name: 'Chèn trường Tên người nộp / tổ chức' }).waitFor(WAIT);
    return page;
  }

  /** Puts the cursor of the template field right after `after`. */
  const cursorAfter = (page: Page, label: string, after: string) =>
    page.getByLabel(label, { exact: true }).evaluate((el: HTMLTextAreaElement, text) => {
      const at = el.value.indexOf(text) + text.length;
      el.focus();
      el.setSelectionRange(at, at);
    }, after);

  async function previewIsPdf(page: Page) {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/preview') && r.request().method() === 'POST', WAIT),
      page.getByRole('button', { name: 'Xem trước' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    await page.getByText('Đã tạo bản xem trước (chưa ký số, có dòng chữ "BẢN XEM TRƯỚC").').first().waitFor(WAIT);
    expect(await page.locator('#template-preview-link').getAttribute('href')).toMatch(/^blob:/);
  }

  it('edits, previews, saves and resets a version’s HTML template', { timeout: 180_000 }, async () => {
    const page = await openEditor();
    await page.locator('#template-source[data-source="default"]').waitFor(WAIT);
    await page.getByText('Đang dùng mẫu mặc định của hệ thống.').waitFor(WAIT);
    expect(await page.getByLabel('Định dạng mẫu').inputValue()).toBe('html');
    const area = page.getByLabel(HTML_LABEL, { exact: true });
    expect(await area.inputValue()).toBe(DEFAULT_RESULT_HTML);
    // The help says how the QR code is placed in HTML; the quick view is a frame that runs nothing.
    await page.locator('.templates__field-list code', { hasText: '<result-qr size="96"></result-qr>' }).waitFor(WAIT);
    const frame = page.getByTitle(LIVE_TITLE);
    expect(await frame.getAttribute('sandbox')).toBe('');
    await expect.poll(() => frame.getAttribute('srcdoc'), WAIT).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    await checkBothWidths(page, 'the template editor (HTML)');

    const version = page.getByLabel('Phiên bản áp dụng mẫu');
    const values = await version.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(values[0]).toBe('all');
    // The version's template is loaded after the choice: edit only once it is in (the source was
    // "default" for all versions already, so that alone does not show the load is over).
    const loaded = page.waitForResponse((r) => r.url().includes(`/api/v1/results/templates/${TEST_PROCEDURE_CODE}/versions/`) && r.request().method() === 'GET', WAIT);
    await version.selectOption(values[1]!);
    await loaded;
    await page.locator('#template-source[data-source="default"]').waitFor(WAIT);

    await area.fill('  ');
    await page.getByRole('button', { name: 'Lưu mẫu' }).click();
    await page.getByText('Mẫu không được để trống.').first().waitFor(WAIT);

    // The server names the line of what it refuses; the message is at the field and in the summary.
    const answered: string[] = [];
    const blocked: string[] = [];
    page.on('response', (r) => answered.push(r.url()));
    page.on('requestfailed', (r) => blocked.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    await area.fill('<h1>GIẤY PHÉP</h1>\n<p>Cấp cho {{applicant.name}}</p>\n<img src=x>\n<result-qr size="96"></result-qr>\n');
    await page.getByRole('button', { name: 'Lưu mẫu' }).click();
    await page.locator('#result-template-source-error', { hasText: 'Dòng 3: Không được dùng thẻ <img>' }).waitFor(WAIT);
    expect(await area.getAttribute('aria-invalid')).toBe('true');
    await page.locator('.error-summary a[href="#result-template-source"]', { hasText: `${HTML_LABEL} — Dòng 3: Không được dùng thẻ <img>` }).first().waitFor(WAIT);
    await expect.poll(() => frame.getAttribute('srcdoc'), WAIT).toContain('<img src=x>');
    expect(await storedTemplates()).toEqual([]);
    await checkBothWidths(page, 'the template editor with an HTML error');

    // The QR code and a field go where the cursor is.
    await area.fill('<h1>GIẤY PHÉP THEO PHIÊN BẢN</h1>\n<p>Cấp cho </p>\n');
    await cursorAfter(page, HTML_LABEL, '</p>\n');
    await page.getByRole('button', { name: 'Chèn mã QR xác thực văn bản' }).click();
    // As a user does, the caret moves on once the first insertion is in the field (the page puts
    // the caret after what it inserted, when it renders the new text).
    await expect.poll(() => area.inputValue(), WAIT).toContain('<result-qr size="96"></result-qr>');
    await cursorAfter(page, HTML_LABEL, 'Cấp cho ');
    await page.getByRole('button', { name: 'Chèn trường Tên người nộp / tổ chức' }).click();
    const source = '<h1>GIẤY PHÉP THEO PHIÊN BẢN</h1>\n<p>Cấp cho {{applicant.name}}</p>\n<result-qr size="96"></result-qr>';
    await expect.poll(() => area.inputValue(), WAIT).toBe(source);
    // The quick view follows when typing pauses: wait for the text with both insertions.
    await expect.poll(() => frame.getAttribute('srcdoc'), WAIT).toContain('<h1>GIẤY PHÉP THEO PHIÊN BẢN</h1>');
    await expect.poll(() => frame.getAttribute('srcdoc'), WAIT).toContain('<p>Cấp cho {{applicant.name}}</p>\n<span class="qr" style="width:96pt;height:96pt">QR</span>');
    // The refused <img> was in the quick view for a while: the frame's policy stopped its fetch.
    expect(answered.filter((u) => u.endsWith('/x'))).toEqual([]);
    expect(blocked).toContain(`${url}/quan-tri/x csp`);

    await previewIsPdf(page);

    await page.getByRole('button', { name: 'Lưu mẫu' }).click();
    await page.getByText('Đã lưu mẫu văn bản kết quả.').first().waitFor(WAIT);
    await page.locator('#template-source[data-source="version"]').waitFor(WAIT);
    expect(await area.inputValue()).toBe(source);
    expect(await storedTemplates()).toEqual([{ version_number: Number(values[1]), format: 'html', template: source }]);
    const saved = await t.app.inject({ method: 'GET', url: `/api/v1/results/templates/${TEST_PROCEDURE_CODE}/versions/${values[1]}`, headers: admin.headers });
    expect(saved.json()).toMatchObject({ format: 'html', html: source, template: null, source: 'version' });
    await checkBothWidths(page, 'the template editor after saving');

    await page.getByRole('button', { name: 'Bỏ mẫu riêng của phiên bản' }).click();
    await page.locator('#template-source[data-source="default"]').waitFor(WAIT);
    expect(await area.inputValue()).toBe(DEFAULT_RESULT_HTML);
    expect(await storedTemplates()).toEqual([]);
    await page.context().close();
  });

  it('loads a pdfmake template as JSON, switches to HTML and back without losing it, and saves it as pdfmake', { timeout: 180_000 }, async () => {
    const definition = { content: [{ text: 'GIẤY PHÉP PDFMAKE cấp cho {{applicant.name}}' }, { resultQr: true }] };
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/results/templates/${TEST_PROCEDURE_CODE}`, headers: admin.headers, payload: { template: definition } });
    expect(put.statusCode, put.body).toBe(200);

    const page = await openEditor();
    await page.locator('#template-source[data-source="procedure"]').waitFor(WAIT);
    const format = page.getByLabel('Định dạng mẫu');
    expect(await format.inputValue()).toBe('pdfmake');
    const area = page.getByLabel(JSON_LABEL, { exact: true });
    expect(JSON.parse(await area.inputValue())).toEqual(definition);
    await page.locator('.templates__field-list code', { hasText: '{ "resultQr": true }' }).waitFor(WAIT);
    expect(await page.getByTitle(LIVE_TITLE).count()).toBe(0);
    await checkBothWidths(page, 'the template editor (pdfmake)');

    await area.fill('{ "content": [');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByText(/Mẫu không phải JSON hợp lệ/).first().waitFor(WAIT);

    await area.fill('{ "content": [{ "text": "{{khong.co}}" }] }');
    await page.getByRole('button', { name: 'Lưu mẫu' }).click();
    await page.getByText('Trường {{khong.co}} không có trong danh sách trường được dùng. (vị trí: content/0/text)').first().waitFor(WAIT);
    await page.getByText(/Mẫu phải đặt mã QR xác thực/).first().waitFor(WAIT);
    expect(await area.getAttribute('aria-invalid')).toBe('true');
    await checkBothWidths(page, 'the template editor with pdfmake errors');

    // HTML starts from the default; the JSON being written is there again when switched back.
    await format.selectOption('html');
    expect(await page.getByLabel(HTML_LABEL, { exact: true }).inputValue()).toBe(DEFAULT_RESULT_HTML);
    await page.getByTitle(LIVE_TITLE).waitFor(WAIT);
    expect(await page.locator('.field__error').count()).toBe(0);
    await format.selectOption('pdfmake');
    expect(await area.inputValue()).toBe('{ "content": [{ "text": "{{khong.co}}" }] }');

    await area.fill('{ "content": [{ "text": "GIẤY PHÉP PDFMAKE MỚI cấp cho " }, { "resultQr": true }] }');
    await cursorAfter(page, JSON_LABEL, 'cấp cho ');
    await page.getByRole('button', { name: 'Chèn trường Tên người nộp / tổ chức' }).click();
    await expect.poll(() => area.inputValue(), WAIT).toContain('cấp cho {{applicant.name}}"');
    await previewIsPdf(page);

    await page.getByRole('button', { name: 'Lưu mẫu' }).click();
    await page.getByText('Đã lưu mẫu văn bản kết quả.').first().waitFor(WAIT);
    const stored = await storedTemplates();
    expect(stored).toEqual([
      { version_number: null, format: 'pdfmake', template: { content: [{ text: 'GIẤY PHÉP PDFMAKE MỚI cấp cho {{applicant.name}}' }, { resultQr: true }] } },
    ]);
    expect(await format.inputValue()).toBe('pdfmake');

    await page.getByRole('button', { name: 'Về mẫu mặc định' }).click();
    await page.locator('#template-source[data-source="default"]').waitFor(WAIT);
    expect(await format.inputValue()).toBe('html');
    expect(await page.getByLabel(HTML_LABEL, { exact: true }).inputValue()).toBe(DEFAULT_RESULT_HTML);
    expect(await storedTemplates()).toEqual([]);
    await page.context().close();
  });
});
