// Browser test of the ratings and PAKN pages against the real server: a citizen rates a returned
// dossier on a 360 px phone, an anonymous visitor files a PAKN, officers handle it to a published
// answer (classify, process, draft, a leader approves, publish), and the public reads the answer
// and likes it. axe-core finds no violation at 360 px and at 1280 px on each page visited.
// Needs Debian's Chromium at /usr/bin/chromium; skipped (with a warning) without it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { createFeedbackTestApp, returnedDossier, TEST_PROCEDURE_CODE, type FeedbackTestApp } from '../../src/modules/feedback/testing.ts';
import { checkBothWidths, chromiumAvailable, closeBrowserAndServer, openBrowser, type BrowserSession } from '../support/chromium.ts';
import { loginAs, type TestLogin } from '../support/auth.ts';

const hasChromium = chromiumAvailable('test/e2e/feedback-web.test.ts');

const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)('ratings and feedback pages in Chromium', () => {
  let t: FeedbackTestApp;
  let url: string;
  let pages: BrowserSession;
  let handler: TestLogin;
  let paknCode: string;

  const open = (who: TestLogin | undefined, width: number): Promise<Page> => pages.open(who, width);


  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    t = await createFeedbackTestApp();
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    handler = await loginAs(t.db, { kind: 'officer', username: 'xulypakn', fullName: 'Ngô Văn Xử', roles: [{ role: 'specialist', unitId: 'cuc-shtt' }] });
    pages = await openBrowser(url);
  }, 180_000);

  afterAll(async () => {
    await closeBrowserAndServer(pages, t);
  });

  it('a citizen rates a returned dossier from its page on a phone', async () => {
    const d = await returnedDossier(t);
    const page = await open(t.citizen, 360);
    await page.goto(`${url}/ho-so/${d.id}`);
    await page.locator('#dossier-rate a').click();
    await page.getByRole('heading', { level: 1, name: 'Đánh giá mức độ hài lòng' }).waitFor(WAIT);
    await page.locator('#rating-like').waitFor(WAIT);
    await checkBothWidths(page, 'the rating page');
    await page.locator('#rating-like').check();
    for (const code of ['update_frequency', 'ease_of_search', 'access_speed', 'convenience', 'attitude']) await page.locator(`#rating-${code}`).selectOption('5');
    await page.locator('#rating-comment').fill('Cán bộ hướng dẫn tận tình.');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Cảm ơn Ông/Bà đã đánh giá.').waitFor(WAIT);
    await checkBothWidths(page, 'the rating page after rating');
    const row = await t.db.selectFrom('rating').selectAll().where('dossier_id', '=', d.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ value: 'like', channel: 'online', comment: 'Cán bộ hướng dẫn tận tình.' });
  }, 120_000);

  it('an anonymous visitor files a PAKN', async () => {
    const page = await open(undefined, 360);
    await page.goto(`${url}/phan-anh-kien-nghi`);
    await page.getByRole('heading', { level: 1, name: 'Gửi phản ánh, kiến nghị' }).waitFor(WAIT);
    await checkBothWidths(page, 'the PAKN form');
    // Sent empty: the errors are listed and nothing is filed.
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await page.locator('#pakn-title[aria-invalid="true"]').waitFor(WAIT);
    await checkBothWidths(page, 'the PAKN form with errors');
    await page.locator('#pakn-procedureCode').fill(TEST_PROCEDURE_CODE);
    await page.locator('#pakn-title').fill('Đề nghị rút ngắn thời gian thẩm định');
    await page.locator('#pakn-content').fill('Thời gian thẩm định theo quy định còn dài, đề nghị xem xét rút ngắn.');
    await page.locator('#pakn-name').fill('Hoàng Văn Phản');
    await page.locator('#pakn-phone').fill('0912345678');
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await page.locator('#pakn-receipt-code').waitFor(WAIT);
    paknCode = (await page.locator('#pakn-receipt-code').textContent())!;
    expect(paknCode).toMatch(/^PAKN-\d{4}-\d{6}$/);
    await checkBothWidths(page, 'the PAKN receipt');
  }, 120_000);

  async function act(page: Page, action: string, text?: string) {
    await page.locator('#pakn-action').selectOption(action);
    if (text !== undefined) await page.locator('#pakn-text').fill(text);
    await page.getByRole('button', { name: 'Thực hiện' }).click();
    await page.getByText('Đã thực hiện:').waitFor(WAIT);
  }

  it('officers handle it to a published answer', async () => {
    const page = await open(handler, 1280);
    await page.goto(`${url}/can-bo/phan-anh-kien-nghi`);
    await page.getByRole('link', { name: paknCode }).waitFor(WAIT);
    await checkBothWidths(page, 'the PAKN worklist');
    await page.getByRole('link', { name: paknCode }).click();
    await page.locator('#pakn-status').waitFor(WAIT);
    await checkBothWidths(page, 'the PAKN handling page');
    await act(page, 'classify');
    await act(page, 'start_processing');
    await act(page, 'draft_answer', 'Cục đã rà soát quy trình và sẽ rút ngắn thời gian thẩm định từ quý tới.');
    expect(await page.locator('#pakn-status').textContent()).toBe('Đang xử lý');

    const leaderPage = await open(t.leader, 1280);
    await leaderPage.goto(page.url());
    await leaderPage.locator('#pakn-action').waitFor(WAIT);
    await act(leaderPage, 'approve', '');
    expect(await leaderPage.locator('#pakn-status').textContent()).toBe('Chờ công khai');

    await page.reload();
    await page.locator('#pakn-action').waitFor(WAIT);
    await act(page, 'publish');
    expect(await page.locator('#pakn-status').textContent()).toBe('Đã công khai');
    await checkBothWidths(page, 'the published PAKN');
  }, 120_000);

  it('the public reads the answer and likes it', async () => {
    const page = await open(undefined, 360);
    await page.goto(`${url}/phan-anh-kien-nghi/tra-loi`);
    await page.getByRole('link', { name: 'Đề nghị rút ngắn thời gian thẩm định' }).waitFor(WAIT);
    await checkBothWidths(page, 'the published answers');
    await page.getByRole('link', { name: 'Đề nghị rút ngắn thời gian thẩm định' }).click();
    await page.locator('#pakn-answer').waitFor(WAIT);
    expect(await page.locator('#pakn-answer').textContent()).toContain('rút ngắn thời gian thẩm định từ quý tới');
    await page.getByRole('button', { name: 'Hài lòng (0)', exact: true }).click();
    await page.getByRole('button', { name: 'Hài lòng (1)', exact: true }).waitFor(WAIT);
    await checkBothWidths(page, 'a published answer');
    const row = await t.db.selectFrom('feedback').select(['likes', 'dislikes']).where('code', '=', paknCode).executeTakeFirstOrThrow();
    expect(row).toEqual({ likes: 1, dislikes: 0 });
  }, 120_000);
});
