// Browser test of the national science and technology database against the real server and a
// population emulator: the public search at /co-so-du-lieu/khoa-hoc-cong-nghe finds an organization
// and a task; the officers' page lists researchers with their link status (a mismatch), and a
// task's detail shows its investigator's. axe-core finds no violation at 360 px and at 1280 px on
// each page. Needs Debian's Chromium at /usr/bin/chromium; skipped without it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBothWidths, chromiumAvailable, type BrowserPages } from '../support/chromium.ts';
import { startSectorWebTest, type SectorWebTest } from '../support/sector-web.ts';
import type { TestApp } from '../support/app.ts';
import type { TestLogin } from '../support/auth.ts';

const hasChromium = chromiumAvailable('test/e2e/science-tech-web.test.ts');
const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)('the S&T database in Chromium', () => {
  let t: TestApp & { url: string };
  let pages: BrowserPages;
  let officer: TestLogin;

  const open = (who: TestLogin | undefined, width: number): Promise<Page> => pages.open(who, width);

  let sector: SectorWebTest;

  beforeAll(async () => {
    sector = await startSectorWebTest({ registry: 'st', people: 300, username: 'ctt-chuyenvien', unitId: 'cuc-thong-tin' });
    ({ t, officer, pages } = sector);
  }, 240_000);

  afterAll(async () => {
    await sector?.close();
    expect(pages.pageErrors).toEqual([]);
  });

  it('the public search finds an organization and a task, with no personal data', { timeout: 180_000 }, async () => {
    const page = await open(undefined, 360);
    await page.goto(`${t.url}/co-so-du-lieu/khoa-hoc-cong-nghe`);
    await page.getByRole('heading', { level: 1, name: 'Tra cứu cơ sở dữ liệu quốc gia về khoa học và công nghệ' }).waitFor(WAIT);
    await page.getByLabel('Từ khóa', { exact: false }).fill('Viện Vật lý');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.locator('#st-organizations').getByText('Viện Vật lý', { exact: true }).waitFor(WAIT);
    await checkBothWidths(page, 'the public S&T search (organizations)');

    const code = (await t.db.selectFrom('st_task').select('code').where('level', '=', 'national').orderBy('code').executeTakeFirstOrThrow()).code;
    await page.getByLabel('Tìm trong').selectOption('tasks');
    await page.getByLabel('Từ khóa', { exact: false }).fill(code);
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.locator('#st-tasks').getByText(code, { exact: true }).waitFor(WAIT);
    await page.locator('#st-tasks').getByText('Cấp quốc gia').first().waitFor(WAIT);
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\b[0-9]{12}\b/);
    await checkBothWidths(page, 'the public S&T search (tasks)');
  });

  it('the officers’ page shows each person’s link status', { timeout: 180_000 }, async () => {
    const page = await open(officer, 360);
    await page.goto(`${t.url}/can-bo/co-so-du-lieu/khoa-hoc-cong-nghe`);
    await page.getByRole('heading', { level: 1, name: /nhiệm vụ và nhà khoa học/ }).waitFor(WAIT);
    await page.locator('#st-officer-tasks').waitFor(WAIT);
    await checkBothWidths(page, 'the officers’ S&T task list');

    await page.getByLabel('Xem').selectOption('researchers');
    await page.getByLabel('Đối chiếu CSDL dân cư').selectOption('mismatch');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.locator('#st-officer-researchers').getByText('Sai lệch').first().waitFor(WAIT);
    await checkBothWidths(page, 'the officers’ researcher list (mismatches)');

    await page.locator('#st-officer-researchers').getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: 'Nhiệm vụ đã và đang tham gia' }).waitFor(WAIT);
    await page.getByText('Sai lệch').first().waitFor(WAIT);
    await checkBothWidths(page, 'a researcher');

    await page.getByRole('heading', { level: 2, name: 'Nhiệm vụ đã và đang tham gia' }).waitFor(WAIT);
    await page.locator('#st-researcher-tasks').getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: 'Chủ nhiệm nhiệm vụ' }).waitFor(WAIT);
    await page.getByText(/Đã xác thực|Sai lệch|Chưa đối chiếu|Số CMND cũ/).first().waitFor(WAIT);
    await checkBothWidths(page, 'a task');
  });
});
