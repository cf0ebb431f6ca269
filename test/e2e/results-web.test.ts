// Browser test of the result verification pages against the real server: the applicant's signed
// result uploaded at /xac-thuc-ket-qua is valid; a copy with one byte changed is "không phải văn
// bản đã cấp"; the page the QR code opens shows the code's status, and after revocation both show
// it revoked with the reason. axe-core finds no violation at 360 px and at 1280 px.
// Needs Debian's Chromium at /usr/bin/chromium; skipped (with a warning) without it.
import type { Page } from 'playwright-core';
import { checkBothWidths, chromiumAvailable, closeBrowserAndServer, openBrowser, type BrowserSession } from '../support/chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { createDossierTestApp, type DossierTestApp } from '../../src/modules/dossiers/testing.ts';
import { issueTestResult, resultTestLogins, type ResultTestLogins } from '../../src/modules/results/testing.ts';

const hasChromium = chromiumAvailable('test/e2e/results-web.test.ts');

const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)('result verification pages in Chromium', () => {
  let t: DossierTestApp;
  let url: string;
  let logins: ResultTestLogins;
  let issued: { code: string; pdf: Buffer };
  let pages: BrowserSession;

  const open = (): Promise<Page> => pages.open(undefined, 360);


  async function upload(page: Page, name: string, buffer: Buffer) {
    await page.getByLabel('Tệp PDF văn bản kết quả').setInputFiles({ name, mimeType: 'application/pdf', buffer });
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.locator('#verify-verdict').waitFor(WAIT);
  }

  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    t = await createDossierTestApp();
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    logins = await resultTestLogins(t);
    issued = await issueTestResult(t, logins);
    pages = await openBrowser(url);
  }, 180_000);

  afterAll(async () => {
    await closeBrowserAndServer(pages, t);
  });

  it('says the issued file is valid and a changed one is not the issued document', async () => {
    const page = await open();
    await page.goto(`${url}/xac-thuc-ket-qua`);
    await page.getByRole('heading', { level: 1, name: 'Xác thực văn bản kết quả' }).waitFor(WAIT);
    await checkBothWidths(page, 'verification page');
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await expect.poll(() => page.getByText('Hãy chọn một tệp PDF.').count()).toBeGreaterThan(0);

    await upload(page, `${issued.code}.pdf`, issued.pdf);
    const verdict = page.locator('#verify-verdict');
    expect(await verdict.getAttribute('data-valid')).toBe('true');
    expect(await verdict.getAttribute('data-matches')).toBe('true');
    await page.getByText('Văn bản hợp lệ: chữ ký số đúng và trùng khớp với văn bản đã cấp.').waitFor(WAIT);
    await page.getByText('Cục Sở hữu trí tuệ').first().waitFor(WAIT);
    await page.getByText('Chứng thư số chỉ dùng thử nghiệm, không có giá trị pháp lý.').waitFor(WAIT);
    await checkBothWidths(page, 'verification of the issued file');

    const changed = Buffer.from(issued.pdf);
    changed[1000] = changed[1000]! ^ 1;
    await upload(page, 'sua-doi.pdf', changed);
    await page.getByText(/không phải văn bản đã cấp/).waitFor(WAIT);
    expect(await verdict.getAttribute('data-matches')).toBe('false');
    expect(await verdict.getAttribute('data-valid')).toBe('false');
    await page.context().close();
  }, 120_000);

  it('shows the status of the QR code’s page, and the revocation with its reason', async () => {
    const page = await open();
    await page.goto(`${url}/xac-thuc-ket-qua/${issued.code}`);
    await page.locator('#result-status[data-status="issued"]').waitFor(WAIT);
    await page.getByText('Đang có hiệu lực').waitFor(WAIT);
    await checkBothWidths(page, 'the code’s page');

    const reason = 'Thu hồi do cấp sai đối tượng';
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/results/${issued.code}/revoke`, headers: logins.leader.headers, payload: { reason } });
    expect(res.statusCode, res.body).toBe(200);

    await page.reload();
    await page.locator('#result-status[data-status="revoked"]').waitFor(WAIT);
    await page.getByText(reason).waitFor(WAIT);
    await upload(page, `${issued.code}.pdf`, issued.pdf);
    expect(await page.locator('#verify-verdict').getAttribute('data-revoked')).toBe('true');
    await page.getByText('Văn bản đã bị thu hồi.').first().waitFor(WAIT);
    await checkBothWidths(page, 'a revoked result');

    await page.goto(`${url}/xac-thuc-ket-qua/KQ-G22.10-2026-999999`);
    await page.getByText('Không có văn bản kết quả với mã này.').waitFor(WAIT);
    await page.context().close();
  }, 120_000);
});
