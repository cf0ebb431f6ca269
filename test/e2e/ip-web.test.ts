// Browser test of the intellectual property database against the real server and a population
// emulator: the public search at /co-so-du-lieu/so-huu-tri-tue finds a trademark and shows its
// title's validity; an officer's list at /can-bo/co-so-du-lieu/so-huu-tri-tue and an
// application's page show each person's link to the population database. axe-core finds no
// violation at 360 px and at 1280 px on each page. Needs Debian's Chromium at /usr/bin/chromium;
// skipped without it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import type { TestLogin } from '../support/auth.ts';
import { checkBothWidths, chromiumAvailable, type BrowserPages } from '../support/chromium.ts';
import { startSectorWebTest, type SectorWebTest } from '../support/sector-web.ts';

const hasChromium = chromiumAvailable('test/e2e/ip-web.test.ts');
const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)('the IP database in Chromium', () => {
  let t: TestApp & { url: string };
  let pages: BrowserPages;
  let officer: TestLogin;

  const open = (who: TestLogin | undefined, width: number): Promise<Page> => pages.open(who, width);

  let sector: SectorWebTest;

  beforeAll(async () => {
    sector = await startSectorWebTest({ registry: 'ip', people: 700, username: 'shtt-chuyenvien', unitId: 'cuc-shtt' });
    ({ t, officer, pages } = sector);
  }, 240_000);

  afterAll(async () => {
    await sector?.close();
    expect(pages.pageErrors).toEqual([]);
  });

  it('the public finds a trademark and its title by keyword', { timeout: 180_000 }, async () => {
    const page = await open(undefined, 360);
    await page.goto(`${t.url}/co-so-du-lieu/so-huu-tri-tue`);
    await page.getByRole('heading', { level: 1, name: 'Tra cứu cơ sở dữ liệu sở hữu trí tuệ' }).waitFor(WAIT);
    await page.locator('#ip-results').waitFor(WAIT);
    await checkBothWidths(page, 'the public IP search');
    await page.getByLabel('Từ khóa').fill('VIETTEL MONEY');
    await page.getByLabel('Loại đối tượng').selectOption('trademark');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByText(/Kết quả 1–\d+ trong \d+/).waitFor(WAIT);
    await page.getByText('VIETTEL MONEY').first().waitFor(WAIT);
    await page.getByText('Nhóm Nice: 36, 38, 42').first().waitFor(WAIT);
    const text = await page.locator('#ip-results').innerText();
    expect(text).not.toMatch(/Sáng chế/);
    await checkBothWidths(page, 'the public IP search, a trademark found');
  });

  it('an officer sees each person’s link to the population database', { timeout: 180_000 }, async () => {
    const mismatch = await t.db
      .selectFrom('ip_application_inventor as i')
      .innerJoin('registry_person as p', 'p.id', 'i.person_id')
      .innerJoin('ip_application as a', 'a.id', 'i.application_id')
      .select(['a.id', 'a.application_no', 'p.full_name'])
      .where('p.link_status', '=', 'mismatch')
      .orderBy('a.application_no')
      .executeTakeFirstOrThrow();
    const page = await open(officer, 360);
    await page.goto(`${t.url}/can-bo/co-so-du-lieu/so-huu-tri-tue`);
    await page.getByRole('heading', { level: 1, name: 'CSDL sở hữu trí tuệ – cán bộ' }).waitFor(WAIT);
    await page.locator('#ip-applications').waitFor(WAIT);
    await checkBothWidths(page, 'the officers’ IP list');
    await page.getByLabel('Số đơn, số văn bằng, tên đối tượng hoặc người nộp đơn').fill(mismatch.application_no);
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByRole('link', { name: mismatch.application_no }).click();
    await page.getByRole('heading', { level: 1, name: `Đơn số ${mismatch.application_no}` }).waitFor(WAIT);
    await page.locator('#ip-persons').getByText('Sai lệch').first().waitFor(WAIT);
    await page.locator('#ip-persons').getByText(mismatch.full_name).first().waitFor(WAIT);
    await checkBothWidths(page, 'an application with its persons');
  });
});
