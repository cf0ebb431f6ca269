// Browser test of the officers' live 766 page (/can-bo/chat-luong) against the real server: a month
// of dossiers handled by three officers (built with the reducer at past instants, some late), their
// facts applied to the counters; the specialist reads their own scores and the steps they finished
// late, asks why (the dossiers behind each figure, opened by keyboard) and follows a late dossier
// to the worklist search; the leader of the department reads the department and the specialist.
// axe-core finds no violation at 360 px and at 1280 px. Needs Debian's Chromium at
// /usr/bin/chromium; skipped without it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { createDossierTestApp, generateTestDossiers, type DossierTestApp } from '../../src/modules/dossiers/testing.ts';
import { checkBothWidths, chromiumAvailable, closeBrowserAndServer, openBrowser, type BrowserSession } from '../support/chromium.ts';
import { loginAs, type TestLogin } from '../support/auth.ts';
import { previousMonth } from '../support/months.ts';

const hasChromium = chromiumAvailable('test/e2e/quality-live-web.test.ts');
const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)('the officers’ live 766 page in Chromium', () => {
  let t: DossierTestApp;
  let url: string;
  let pages: BrowserSession;
  let leader: TestLogin;
  let specialist: TestLogin;
  let lateCode: string;
  const { month, middle, label } = previousMonth();

  const open = (who: TestLogin, width: number): Promise<Page> => pages.open(who, width);

  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    t = await createDossierTestApp({ env: { JOB_BACKOFF_MS: '0', JOB_BACKOFF_MAX_MS: '0' } });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', fullName: 'Nguyễn Thị Lan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
    leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', fullName: 'Trần Quốc Hùng', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
    specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien', fullName: 'Lê Minh Tuấn', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
    await generateTestDossiers(t, { count: 80, seed: 7, spanDays: 28, now: middle, everyStatus: true, formData: true }, { receiver: receiver.accountId, leader: leader.accountId, specialist: specialist.accountId });
    expect(await t.app.quality.facts!.applyMissing()).toBe(80);
    // What the page must show: the API's own answer for the specialist has late steps.
    const own = await t.app.inject({ url: `/api/v1/me/quality?period=${month}`, headers: specialist.headers });
    expect(own.statusCode, own.body).toBe(200);
    const late = own.json().officer.lateSteps as Array<{ dossierCode: string }>;
    expect(late.length).toBeGreaterThan(0);
    lateCode = late[0]!.dossierCode;
    pages = await openBrowser(url);
  }, 240_000);

  afterAll(async () => {
    await closeBrowserAndServer(pages, t);
  });

  it('shows the specialist their scores and late steps, explains the figures, and leads to a late dossier', { timeout: 240_000 }, async () => {
    const page = await open(specialist, 360);
    await page.goto(`${url}/can-bo/chat-luong`);
    await page.getByRole('heading', { level: 1, name: 'Chất lượng phục vụ — số liệu trực tiếp' }).waitFor(WAIT);
    // A specialist reads only their own scores: the scope offers nothing else (the form shows once the scopes are read).
    await page.getByLabel('Phạm vi').waitFor(WAIT);
    expect(await page.getByLabel('Phạm vi').locator('option').allTextContents()).toEqual(['Của tôi']);
    await page.getByLabel('Kỳ đánh giá').selectOption(month);
    await page.getByRole('status').filter({ hasText: `Đang hiển thị: Của tôi, ${label}.` }).waitFor(WAIT);
    await page.getByRole('heading', { level: 2, name: 'Các bước xử lý do cán bộ thực hiện' }).waitFor(WAIT);
    await page.getByText(/bước xử lý trễ hạn trong kỳ/).waitFor(WAIT);
    await page.getByRole('link', { name: lateCode }).first().waitFor(WAIT);
    await page.getByText('2.1 — Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn').first().waitFor(WAIT);
    await checkBothWidths(page, 'an officer’s own live scores');

    // Why: the dossiers behind each figure; the 2.1 explanation opened by keyboard.
    await page.getByLabel('Giải thích số liệu').check();
    await page.getByRole('heading', { level: 2, name: 'Vì sao có các số liệu này' }).waitFor(WAIT);
    const summary = page.locator('details.quality-why > summary').filter({ hasText: /^2\.1 — / });
    await summary.focus();
    await page.keyboard.press('Enter');
    await page.locator('details.quality-why[open]').filter({ hasText: /^2\.1 — / }).waitFor(WAIT);
    // The engine's reasons are said in Vietnamese.
    const reasons = await page.locator('details.quality-why[open] .quality-why__reason').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    for (const r of reasons) expect(r).not.toMatch(/working minutes|ended|still open|NgayHenTra/);
    expect(reasons.join(' ')).toMatch(/kết thúc|ngày hẹn trả|đồng bộ/);
    await checkBothWidths(page, 'an officer’s live scores explained');

    // The late dossier opens in the worklists' search, found by its code.
    await page.getByRole('link', { name: lateCode }).first().click();
    await page.waitForURL((u) => u.pathname === '/can-bo/ho-so' && u.searchParams.get('ma') === lateCode, WAIT);
    await page.getByRole('heading', { level: 2, name: 'Kết quả tìm kiếm' }).waitFor(WAIT);
    await page.getByRole('link', { name: lateCode }).first().waitFor(WAIT);
    expect(await page.getByLabel('Mã hồ sơ').inputValue()).toBe(lateCode);
    await page.close();
  });

  it('lets the department’s leader read the department, its divisions and the specialist', { timeout: 240_000 }, async () => {
    const page = await open(leader, 1280);
    await page.goto(`${url}/can-bo/chat-luong?ky=${month}`);
    await page.getByRole('heading', { level: 1, name: 'Chất lượng phục vụ — số liệu trực tiếp' }).waitFor(WAIT);
    const scope = page.getByLabel('Phạm vi');
    await scope.locator('option', { hasText: 'Lê Minh Tuấn' }).waitFor({ state: 'attached', ...WAIT });
    expect(await scope.locator('option', { hasText: 'Toàn Bộ' }).count()).toBe(0);
    await scope.selectOption('unit:cuc-shtt');
    await page.getByRole('status').filter({ hasText: /Đang hiển thị: Cục Sở hữu trí tuệ/ }).waitFor(WAIT);
    const unitDossiers = await page.locator('#ql-total').textContent();
    expect(unitDossiers).toMatch(/\d+ hồ sơ được tính/);
    await checkBothWidths(page, 'a unit’s live scores');
    await scope.selectOption(`officer:${specialist.accountId}`);
    await page.getByRole('status').filter({ hasText: 'Đang hiển thị: Lê Minh Tuấn' }).waitFor(WAIT);
    await page.getByRole('heading', { level: 2, name: 'Các bước xử lý do cán bộ thực hiện' }).waitFor(WAIT);
    await page.getByRole('link', { name: lateCode }).first().waitFor(WAIT);
    expect(new URL(page.url()).searchParams.get('pham-vi')).toBe(`officer:${specialist.accountId}`);
    await page.close();
  });
});
