// Browser test of the digitization figures (/can-bo/so-hoa) against the real server: a leader
// chooses the current month and sees, for the test procedure in the handling unit, the dossier
// received with its signed electronic result (1 / 1) and the totals; a citizen is told the page is
// for officers. axe-core finds no violation at 360 px and at 1280 px. Needs Debian's Chromium at
// /usr/bin/chromium; skipped (with a warning) without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { createDossierTestApp, TEST_PROCEDURE_CODE, type DossierTestApp } from '../../src/modules/dossiers/testing.ts';
import { issueTestResult, resultTestLogins, type ResultTestLogins } from '../../src/modules/results/testing.ts';
import { checkBothWidths, chromiumAvailable, closeBrowserAndServer, openBrowser, type BrowserSession } from '../support/chromium.ts';

const hasChromium = chromiumAvailable('test/e2e/digitization-web.test.ts');
const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)('the digitization figures in Chromium', () => {
  let t: DossierTestApp;
  let url: string;
  let pages: BrowserSession;
  let logins: ResultTestLogins;

  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    t = await createDossierTestApp();
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    logins = await resultTestLogins(t);
    await issueTestResult(t, logins);
    // The figures are kept by the jobs the dossier's actions queue.
    for (let i = 0; i < 20 && (await t.app.jobs.runDue()) > 0; i++);
    pages = await openBrowser(url);
  }, 240_000);

  afterAll(async () => {
    await closeBrowserAndServer(pages, t);
  });

  it('shows a leader the month’s figures with the electronic result', { timeout: 120_000 }, async () => {
    const page = await pages.open(logins.leader, 1280);
    await page.goto(`${url}/can-bo/so-hoa`);
    await page.getByRole('heading', { level: 1, name: 'Số liệu số hóa hồ sơ, kết quả' }).waitFor(WAIT);
    await checkBothWidths(page, 'the digitization form');
    await page.getByLabel('Mã thủ tục (không bắt buộc)').fill(TEST_PROCEDURE_CODE);
    await page.getByRole('button', { name: 'Xem số liệu' }).click();
    const table = page.getByRole('table', { name: /Số liệu số hóa từ/ });
    await table.waitFor(WAIT);
    const row = table.getByRole('row').filter({ hasText: TEST_PROCEDURE_CODE }).first();
    await row.waitFor(WAIT);
    expect((await row.textContent()) ?? '').toContain('1 / 1');
    await table.getByText('Tổng').waitFor(WAIT);
    await checkBothWidths(page, 'the digitization figures');
    await page.context().close();
  });

  it('tells a citizen the page is for officers', { timeout: 60_000 }, async () => {
    const page = await pages.open(logins.citizen, 360);
    await page.goto(`${url}/can-bo/so-hoa`);
    await page.getByText('Trang này dành cho cán bộ.').waitFor(WAIT);
    await checkBothWidths(page, 'the digitization page for a citizen');
    await page.context().close();
  });
});
