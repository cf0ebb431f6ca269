// Browser test of the delivery to the national portal (Cổng DVCQG) against the real server: the
// dossiers test app with the portal emulator in the same server, dossiers taken in at the counter
// through the API and delivered by the outbox jobs (run by the test: the backoff is zero, and one
// delivery job makes two attempts). Three are delivered, two are refused by the portal until their
// jobs give up (the emulator's failNext), one waits, and one was never queued. An administrator
// finds the monitor in the workspace, reads the counts, filters to the errors (kept in the
// address), pages through with "Trang sau", opens a failing dossier, reads its panel with the last
// error and its calls, sends it again and sees it delivered. A receiver reads the panel of a
// dossier in error without the retry button, is told in words of a dossier never queued, and has
// no monitor. axe-core finds no violation at 360 px and at 1280 px. Needs Debian's Chromium at
// /usr/bin/chromium; skipped without it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { dvcqgEmulatorOf, type DvcqgEmulatorControl } from '../../src/emulators/dvcqg/server.ts';
import { createDossierTestApp, TEST_PROCEDURE_CODE, type DossierTestApp } from '../../src/modules/dossiers/testing.ts';
import { pdfSample } from '../../src/modules/files/testing.ts';
import { loginAs, type TestLogin } from '../support/auth.ts';
import { checkBothWidths, chromiumAvailable, closeBrowserAndServer, openBrowser, type BrowserSession } from '../support/chromium.ts';

const hasChromium = chromiumAvailable('test/e2e/portal-sync-web.test.ts');
const WAIT = { timeout: 30_000 };
const REFUSAL = { error_code: '500', message: 'Máy chủ Cổng đang bận, đề nghị gửi lại sau' };
const NAV_LINK = 'Đồng bộ lên Cổng DVCQG';
const PANEL = 'Đồng bộ lên Cổng Dịch vụ công quốc gia';

interface Dossier {
  id: string;
  code: string;
}

describe.skipIf(!hasChromium)('the delivery to the national portal in Chromium', () => {
  let t: DossierTestApp;
  let url: string;
  let pages: BrowserSession;
  let portal: DvcqgEmulatorControl;
  let receiver: TestLogin;
  let admin: TestLogin;
  let delivered: Dossier[];
  let failing: Dossier[];
  let waiting: Dossier;
  let unqueued: Dossier;

  async function upload(): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdfSample(Math.floor(Math.random() * 1000)))], { type: 'application/pdf' }), 'Tờ khai.pdf');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...receiver.headers, 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  /** A dossier taken in at the counter (received at once): its event job is queued. */
  async function intake(name: string): Promise<Dossier> {
    const fileId = await upload();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: receiver.headers,
      payload: {
        procedureCode: TEST_PROCEDURE_CODE,
        channel: 'direct',
        applicant: { kind: 'citizen', idNumber: '001203000123', name, phone: '0987654321' },
        data: { applicant: { fullName: name, personalId: '001203000123', address: 'Số 5 Lý Thường Kiệt, Hà Nội', phone: '0987654321' }, request: { title: 'Máy gặt đập liên hợp', hasPriority: false } },
        components: [{ code: 'TP01', fileIds: [fileId], digitization: { pageCount: 2, checks: { count: true, complete: true, pageOrder: true, integrity: true } } }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code } = res.json();
    return { id, code };
  }

  /** Runs the due jobs until none is left (each run is one retry round: the backoff is zero). */
  async function drain(): Promise<void> {
    for (let i = 0; i < 100; i++) if ((await t.app.jobs.runDue()) === 0) return;
    throw new Error('the jobs did not settle');
  }

  const status = async (d: Dossier) => (await t.app.inject({ url: `/api/v1/dossiers/${d.id}/portal-sync`, headers: admin.headers })).json();
  const workspaceNav = (page: Page) => page.getByRole('navigation', { name: 'Không gian làm việc của cán bộ' });
  const panel = (page: Page) => page.getByRole('region', { name: PANEL });
  const tableCodes = async (page: Page) => page.locator('#portal-sync-list tbody th').allTextContents();

  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    t = await createDossierTestApp({ env: { JOB_BACKOFF_MS: '0', JOB_BACKOFF_MAX_MS: '0', DVCQG_SYNC_MAX_ATTEMPTS: '2', DVCQG_SYNC_TIMEOUT_MS: '1000' } });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    portal = dvcqgEmulatorOf(t.app)!;
    receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', fullName: 'Nguyễn Thị Lan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
    admin = await loginAs(t.db, { kind: 'officer', username: 'quantri', fullName: 'Đỗ Văn Quản', roles: [{ role: 'admin', unitId: 'bkhcn' }] });

    delivered = [await intake('Trần Văn Đức'), await intake('Phạm Thị Mai'), await intake('Hoàng Văn Nam')];
    await drain();
    // Refused twice each: their jobs give up, the dossiers stay in error until a person retries.
    failing = [await intake('Lê Thị Hoa'), await intake('Vũ Minh Khang')];
    portal.set({ failNext: [REFUSAL, REFUSAL, REFUSAL, REFUSAL] });
    await drain();
    // Never queued (as if stored before delivery was on).
    unqueued = await intake('Bùi Thị Ngọc');
    await drain();
    await t.db.deleteFrom('portal_sync').where('dossier_id', '=', unqueued.id).execute();
    // Waiting: its event ran, its delivery job has not.
    waiting = await intake('Đặng Quốc Bảo');
    await t.app.jobs.runDue();

    for (const d of delivered) expect(await status(d)).toMatchObject({ state: 'synced' });
    for (const d of failing) expect(await status(d)).toMatchObject({ state: 'error', attempts: 2, retrying: false, lastErrorCode: '500' });
    expect(await status(waiting)).toMatchObject({ state: 'pending' });
    expect((await t.app.inject({ url: `/api/v1/dossiers/${unqueued.id}/portal-sync`, headers: admin.headers })).statusCode).toBe(404);
    pages = await openBrowser(url);
  }, 240_000);

  afterAll(async () => {
    await closeBrowserAndServer(pages, t);
  });

  it('an administrator monitors the delivery, filters to the errors, opens one and sends it again', { timeout: 240_000 }, async () => {
    const page = await pages.open(admin, 1280);
    await page.goto(`${url}/can-bo`);
    await workspaceNav(page).getByRole('link', { name: NAV_LINK }).click();
    const h1 = page.getByRole('heading', { level: 1, name: 'Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia' });
    await h1.waitFor(WAIT);
    // Focus is on the page's heading after the navigation.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(new URL(page.url()).pathname).toBe('/can-bo/dong-bo-dvcqg');

    // The counts per state, all the dossiers by code.
    const filter = page.getByRole('navigation', { name: 'Số hồ sơ theo trạng thái' });
    await filter.getByRole('link', { name: 'Tất cả 6' }).waitFor(WAIT);
    await filter.getByRole('link', { name: 'Lỗi 2' }).waitFor(WAIT);
    await filter.getByRole('link', { name: 'Đang chờ gửi 1' }).waitFor(WAIT);
    await filter.getByRole('link', { name: 'Đã đồng bộ 3' }).waitFor(WAIT);
    const everyCode = [...delivered, ...failing, waiting].map((d) => d.code).sort();
    await expect.poll(() => tableCodes(page)).toEqual(everyCode);
    expect(await page.locator('#portal-sync-list').textContent()).not.toContain(unqueued.code);
    await checkBothWidths(page, 'the monitor, all dossiers');

    // Filtered to the errors: the state is in the address and survives a reload.
    await filter.getByRole('link', { name: 'Lỗi 2' }).click();
    await page.getByRole('heading', { level: 2, name: 'Hồ sơ ở trạng thái “Lỗi”' }).waitFor(WAIT);
    expect(new URL(page.url()).searchParams.get('trang-thai')).toBe('error');
    await expect.poll(() => tableCodes(page)).toEqual(failing.map((d) => d.code).sort());
    expect(await filter.getByRole('link', { name: 'Lỗi 2' }).getAttribute('aria-current')).toBe('page');
    const list = page.locator('#portal-sync-list');
    expect(await list.textContent()).toContain(`${REFUSAL.message} (mã lỗi 500)`);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Hồ sơ ở trạng thái “Lỗi”' }).waitFor(WAIT);
    await expect.poll(() => tableCodes(page)).toEqual(failing.map((d) => d.code).sort());
    await checkBothWidths(page, 'the monitor, errors');

    // Opens a failing dossier: its panel tells the error, the attempts and the calls.
    const target = failing[0]!;
    await list.getByRole('link', { name: target.code }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${target.code}` }).waitFor(WAIT);
    const box = panel(page);
    await box.getByRole('heading', { level: 2, name: PANEL }).waitFor(WAIT);
    await box.locator('#portal-sync-state').getByText('Lỗi', { exact: true }).waitFor(WAIT);
    expect(await box.locator('#portal-sync-error').textContent()).toContain(REFUSAL.message);
    expect(await box.locator('#portal-sync-error').textContent()).toContain('(mã lỗi 500)');
    expect(await box.locator('#portal-sync-attempts').textContent()).toBe('2');
    expect(await box.locator('#portal-sync-scheduled').textContent()).toBe('Không có lần gửi nào đang chờ');
    const calls = box.getByRole('table', { name: /lần gọi gần nhất tới Cổng/ });
    await expect.poll(() => calls.locator('tbody tr').count()).toBe(2);
    const firstCall = await calls.locator('tbody tr').first().getByRole('cell').allTextContents();
    expect(firstCall.slice(0, 4)).toEqual(['Thêm mới hồ sơ', 'Lỗi', '200', '500']);
    expect(firstCall[4]).toContain(REFUSAL.message);
    expect(firstCall[5]).toMatch(/^\d+ ms$/);
    await checkBothWidths(page, 'the dossier page with the delivery in error');

    // Sends it again: the portal now answers, the panel follows the new delivery to its end.
    const retry = box.getByRole('button', { name: 'Gửi lại ngay' });
    await retry.click();
    await box.getByText('Đã đưa hồ sơ vào hàng đợi gửi lại.', { exact: false }).waitFor(WAIT);
    await expect.poll(() => box.locator('#portal-sync-scheduled').textContent(), WAIT).toBe('Đã lên lịch (đang chờ gửi hoặc đang gửi)');
    await drain();
    await box.locator('#portal-sync-state').getByText('Đã đồng bộ', { exact: true }).waitFor(WAIT);
    await box.getByText('Đã gửi lại xong. Trạng thái đồng bộ: Đã đồng bộ.').waitFor(WAIT);
    expect(await box.locator('#portal-sync-error').textContent()).toBe('Không có');
    expect(await box.locator('#portal-sync-scheduled').textContent()).toBe('Không có lần gửi nào đang chờ');
    await expect.poll(() => calls.locator('tbody tr').first().getByRole('cell').nth(1).textContent()).toBe('Thành công');
    expect(portal.dossiers.get(target.code)).toBeDefined();
    expect(await status(target)).toMatchObject({ state: 'synced', onPortal: true, attempts: 0 });
    await checkBothWidths(page, 'the dossier page after the retry');
    await page.close();
  });

  it('pages through the list with “Trang sau”', { timeout: 120_000 }, async () => {
    const page = await pages.open(admin, 360);
    // Two dossiers a page, so that a few make several pages (the server's own keyset paging).
    await page.route(/\/api\/v1\/portal-sync\?/, (route) => {
      const next = new URL(route.request().url());
      next.searchParams.set('limit', '2');
      return route.continue({ url: next.href });
    });
    await page.goto(`${url}/can-bo/dong-bo-dvcqg`);
    const seen: string[] = [];
    for (;;) {
      await page.locator('#portal-sync-list').waitFor(WAIT);
      const codes = await tableCodes(page);
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.length).toBeLessThanOrEqual(2);
      seen.push(...codes);
      const more = page.getByRole('link', { name: 'Trang sau' });
      if ((await more.count()) === 0) break;
      await more.click();
      await expect.poll(() => new URL(page.url()).searchParams.get('sau')).toBe(codes.at(-1));
      await expect.poll(() => tableCodes(page)).not.toEqual(codes);
      // The reader starts again at the list's heading.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('portal-sync-results-title');
    }
    expect(seen).toEqual([...delivered, ...failing, waiting].map((d) => d.code).sort());
    await page.getByRole('link', { name: 'Trang đầu' }).click();
    await expect.poll(() => tableCodes(page)).toEqual(seen.slice(0, 2));
    await page.close();
  });

  it('a receiver reads the delivery of a dossier without the retry and has no monitor', { timeout: 120_000 }, async () => {
    const page = await pages.open(receiver, 360);
    await page.goto(`${url}/can-bo`);
    await page.getByRole('heading', { level: 1, name: 'Không gian làm việc' }).waitFor(WAIT);
    // Neither in the workspace navigation (folded on a phone, so counted in the document) nor among the tasks.
    await page.getByRole('heading', { level: 2, name: 'Công việc của bạn' }).waitFor(WAIT);
    expect(await page.locator('a[href="/can-bo/dong-bo-dvcqg"]').count()).toBe(0);

    const d = failing[1]!;
    await page.goto(`${url}/can-bo/ho-so/${d.id}`);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${d.code}` }).waitFor(WAIT);
    const box = panel(page);
    await box.locator('#portal-sync-state').getByText('Lỗi', { exact: true }).waitFor(WAIT);
    expect(await box.locator('#portal-sync-error').textContent()).toContain(REFUSAL.message);
    await box.getByRole('button', { name: 'Xem lại trạng thái' }).waitFor(WAIT);
    expect(await box.getByRole('button', { name: 'Gửi lại ngay' }).count()).toBe(0);
    await checkBothWidths(page, 'the dossier page of a receiver, delivery in error');

    // A dossier never queued: said in words.
    await page.goto(`${url}/can-bo/ho-so/${unqueued.id}`);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${unqueued.code}` }).waitFor(WAIT);
    await panel(page).getByText('Hồ sơ này chưa được đưa vào hàng đợi gửi lên Cổng Dịch vụ công quốc gia', { exact: false }).waitFor(WAIT);
    expect(await panel(page).locator('#portal-sync-state').count()).toBe(0);
    await checkBothWidths(page, 'the dossier page of a dossier never queued');

    // The monitor is not theirs.
    await page.goto(`${url}/can-bo/dong-bo-dvcqg`);
    await page.getByText(/Trang này cần một trong các vai trò/).waitFor(WAIT);
    expect(await page.locator('#portal-sync-list').count()).toBe(0);
    await page.close();
  });
});
