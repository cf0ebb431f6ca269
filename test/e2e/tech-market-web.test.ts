// Browser test of the technology supply and demand pages against the real server and a real
// population emulator (the demo data seeded through it): the public page finds an offer by
// keyword and shows the technology map as tables; the officer page lists offers with their
// person's link status and opens one. axe-core finds no violation at 360 px and at 1280 px on
// each page visited. Needs Debian's Chromium at /usr/bin/chromium; skipped without it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../../src/emulators/population/testing.ts';
import type { TestApp } from '../support/app.ts';
import type { TestLogin } from '../support/auth.ts';
import { checkBothWidths, chromiumAvailable, type BrowserPages } from '../support/chromium.ts';
import { startSectorWebTest, type SectorWebTest } from '../support/sector-web.ts';

const hasChromium = chromiumAvailable('test/e2e/tech-market-web.test.ts');
const WAIT = { timeout: 30_000 };
const UNIT = 'cuc-phat-trien-thi-truong';

describe.skipIf(!hasChromium)('the technology supply and demand pages in Chromium', () => {
  let emu: TestEmulator;
  let t: TestApp & { url: string };
  let pages: BrowserPages;
  let officer: TestLogin;

  const open = (who: TestLogin | undefined, width: number): Promise<Page> => pages.open(who, width);

  let sector: SectorWebTest;

  beforeAll(async () => {
    sector = await startSectorWebTest({ registry: 'techmarket', people: 500, username: 'ptdn-chuyenvien', unitId: UNIT });
    ({ emu, t, officer, pages } = sector);
  }, 240_000);

  afterAll(async () => {
    await sector?.close();
    expect(pages.pageErrors).toEqual([]);
  });

  it('the public page finds an offer and shows the technology map', { timeout: 180_000 }, async () => {
    const page = await open(undefined, 360);
    await page.goto(`${t.url}/co-so-du-lieu/cung-cau-cong-nghe`);
    await page.getByRole('heading', { level: 1, name: 'Cơ sở dữ liệu cung – cầu công nghệ' }).waitFor(WAIT);
    await page.getByRole('heading', { level: 2, name: 'Bản đồ công nghệ' }).waitFor(WAIT);
    await page.getByLabel('Từ khóa').fill('thủy canh');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByText('Quy trình trồng rau thủy canh hồi lưu').first().waitFor(WAIT);
    await checkBothWidths(page, 'the public technology market page');
    await page.getByLabel('Tìm trong').selectOption('demands');
    await page.getByLabel('Từ khóa').fill('');
    await page.getByLabel('Lĩnh vực', { exact: true }).selectOption('211');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.locator('#techmarket-demands').waitFor(WAIT);
    expect(await page.content()).not.toContain(emu.person(360).personalId);
  });

  it('the officer page shows each person’s link status and opens an offer', { timeout: 180_000 }, async () => {
    const page = await open(officer, 1280);
    await page.goto(`${t.url}/can-bo/co-so-du-lieu/cung-cau-cong-nghe`);
    await page.getByRole('heading', { level: 1, name: 'Quản lý cung – cầu công nghệ' }).waitFor(WAIT);
    await page.locator('#techmarket-officer-offers').waitFor(WAIT);
    await page.getByText(/Khớp CSDL dân cư|Chưa đối chiếu|Sai lệch thông tin/).first().waitFor(WAIT);
    await checkBothWidths(page, 'the officer technology market list');
    await page.locator('#techmarket-officer-offers a').first().click();
    await page.getByRole('heading', { level: 2, name: /Người đại diện theo pháp luật|Cá nhân cung ứng/ }).waitFor(WAIT);
    await page.getByText('Liên kết CSDL dân cư').first().waitFor(WAIT);
    await checkBothWidths(page, 'the officer technology offer detail');
  });
});
