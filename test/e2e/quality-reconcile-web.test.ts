// Browser test of the reconciliation page (/can-bo/chat-luong/doi-soat) against the real server: a
// month of dossiers (none reached the national portal in this test app), their facts applied; the
// ministry's leader finds the page in the workspace and imports the portal's published figures of
// that month from a file, by keyboard and at a phone's width: a missing file, a file that is not JSON and one the server refuses are
// told and keep nothing; the accepted import shows the differences per unit and group with the
// dossiers that never reached the portal, is listed, and reopens from its address. A department's
// leader cannot open it. axe-core finds no violation at 360 px and at 1280 px. Needs Debian's
// Chromium at /usr/bin/chromium; skipped without it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { createDossierTestApp, generateTestDossiers, type DossierTestApp } from '../../src/modules/dossiers/testing.ts';
import { checkBothWidths, chromiumAvailable, closeBrowserAndServer, openBrowser, type BrowserSession } from '../support/chromium.ts';
import { loginAs, type TestLogin } from '../support/auth.ts';
import { previousMonth } from '../support/months.ts';

const hasChromium = chromiumAvailable('test/e2e/quality-reconcile-web.test.ts');
const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)('the reconciliation with the national portal’s figures in Chromium', () => {
  let t: DossierTestApp;
  let url: string;
  let pages: BrowserSession;
  let minister: TestLogin;
  let leader: TestLogin;
  let local: { total: number; unitTotal: number };
  const { month, middle, label: monthText } = previousMonth();
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-doi-soat-'));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const imports = async () => (await t.db.selectFrom('quality_reconciliation').select('id').execute()).length;

  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    t = await createDossierTestApp({ env: { JOB_BACKOFF_MS: '0', JOB_BACKOFF_MAX_MS: '0' } });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    minister = await loginAs(t.db, { kind: 'officer', username: 'lanhdaobo', fullName: 'Phạm Văn Minh', roles: [{ role: 'ministry_leader', unitId: 'bkhcn' }] });
    leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', fullName: 'Trần Quốc Hùng', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
    const receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', fullName: 'Nguyễn Thị Lan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
    const specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien', fullName: 'Lê Minh Tuấn', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
    await generateTestDossiers(t, { count: 40, seed: 11, spanDays: 28, now: middle, everyStatus: true, formData: true }, { receiver: receiver.accountId, leader: leader.accountId, specialist: specialist.accountId });
    await t.app.quality.facts!.applyMissing();
    const index = async (unit?: string) => {
      const res = await t.app.inject({ url: `/api/v1/quality/index?period=${month}${unit ? `&unit=${unit}` : ''}`, headers: minister.headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().total as number;
    };
    local = { total: await index(), unitTotal: await index('cuc-shtt') };
    pages = await openBrowser(url);
  }, 240_000);

  afterAll(async () => {
    await closeBrowserAndServer(pages, t);
  });

  it('imports the portal’s figures of a month and shows the differences per unit and group, with the dossiers behind them', { timeout: 240_000 }, async () => {
    const page = await pages.open(minister, 1280);
    await page.goto(`${url}/can-bo/ho-so`);
    await page.getByRole('link', { name: 'Đối soát điểm 766' }).click();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByRole('heading', { level: 1, name: 'Đối soát với số liệu Cổng Dịch vụ công quốc gia' }).waitFor(WAIT);
    await page.getByText('Chưa có lần đối soát nào.').waitFor(WAIT);
    await page.getByLabel('Tháng của số liệu').selectOption(month);
    await checkBothWidths(page, 'the reconciliation page, empty');

    // Nothing chosen, then a file that is not JSON: told, by the field, and nothing kept.
    const submit = page.getByRole('button', { name: 'Nhập và đối soát' });
    await submit.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByRole('link', { name: 'Chưa chọn tệp số liệu.' }).waitFor(WAIT);
    await page.getByLabel('Tệp số liệu').setInputFiles(file('ghi-chu.json', 'đây không phải JSON'));
    await submit.click();
    await page.getByRole('alert').getByRole('link', { name: 'Tệp không phải JSON hợp lệ.' }).waitFor(WAIT);
    // JSON the server refuses (no unit code): its reason comes back by the field.
    await page.getByLabel('Tệp số liệu').setInputFiles(file('thieu-ma.json', JSON.stringify({ data: { overview: { totalScore: 80 } } })));
    await submit.click();
    await page.getByRole('alert').getByRole('link', { name: /^Nội dung tệp: / }).waitFor(WAIT);
    expect(await imports()).toBe(0);

    const evaluation = {
      code: 'OK',
      data: {
        overview: { departmentCode: 'G22', departmentName: 'Bộ Khoa học và Công nghệ', totalScore: local.total - 3.5, totalMaxScore: 100, groupScores: { MDSH: 10 } },
        children: [
          { departmentCode: 'G22.10', departmentName: 'Cục Sở hữu trí tuệ', totalScore: local.unitTotal, groupScores: {} },
          { departmentCode: 'X99', departmentName: 'Đơn vị lạ', totalScore: 50, groupScores: {} },
        ],
      },
    };
    await page.getByLabel('Tệp số liệu').setInputFiles(file('danh-gia-cong.json', JSON.stringify(evaluation)));
    await submit.click();
    await page.getByRole('heading', { level: 2, name: `Kết quả đối soát — ${monthText}` }).waitFor(WAIT);
    expect(await imports()).toBe(1);
    const id = new URL(page.url()).searchParams.get('id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByText('Tháng chưa được chốt').waitFor(WAIT);
    const totals = page.locator('#qr-totals');
    const ministryRow = totals.getByRole('row').filter({ hasText: 'G22 — Bộ Khoa học và Công nghệ' });
    await expect.poll(() => ministryRow.getByRole('cell').allTextContents()).toEqual(['Bộ Khoa học và Công nghệ', expect.any(String), expect.any(String), '+3,5', expect.stringMatching(/^\d+$/)]);
    await totals.getByRole('row').filter({ hasText: 'Không có đơn vị trùng mã' }).waitFor(WAIT);
    // Dossiers received in the month that never reached the portal explain the differences.
    const unsynced = page.locator('details.quality-why > summary').filter({ hasText: /^G22 — .*hồ sơ tiếp nhận trong tháng chưa đồng bộ lên Cổng/ });
    await unsynced.focus();
    await page.keyboard.press('Enter');
    const someCode = (await page.locator('details.quality-why[open] li a').first().textContent())!;
    expect(someCode.length).toBeGreaterThan(5);
    await page.getByRole('table', { name: /Danh sách|lần đối soát gần nhất/ }).getByText('danh-gia-cong.json').waitFor(WAIT);
    await checkBothWidths(page, 'a reconciliation with its differences');

    // The import reopens from its address as it was taken.
    await page.goto(`${url}/can-bo/chat-luong/doi-soat?id=${id}`);
    await page.getByRole('heading', { level: 2, name: `Kết quả đối soát — ${monthText}` }).waitFor(WAIT);
    await page.getByText('Người nhập: Phạm Văn Minh; tệp: danh-gia-cong.json', { exact: false }).waitFor(WAIT);
    await page.close();
  });

  it('is not open to a department’s leader', { timeout: 120_000 }, async () => {
    const page = await pages.open(leader, 1280);
    await page.goto(`${url}/can-bo/chat-luong/doi-soat`);
    await page.getByText(/Trang này cần một trong các vai trò/).waitFor(WAIT);
    expect(await page.getByRole('link', { name: 'Đối soát điểm 766' }).count()).toBe(0);
    await page.close();
  });
});
