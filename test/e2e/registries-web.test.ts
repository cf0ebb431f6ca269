// Browser test of the sector databases' hub and of the reconciliation page against the real server
// and a population emulator (the standards database's demo people): the hub at /co-so-du-lieu is
// the one navigation entry and links to the sectors' public pages; at
// /can-bo/co-so-du-lieu/doi-soat an officer starts a run, sees its counts, lists the mismatches
// and corrects one inline, which is then checked again and found matching. axe-core finds no
// violation at 360 px and at 1280 px. Needs Debian's Chromium at /usr/bin/chromium; skipped without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../support/auth.ts';
import { checkBothWidths, chromiumAvailable } from '../support/chromium.ts';
import { startSectorWebTest, type SectorWebTest } from '../support/sector-web.ts';

const hasChromium = chromiumAvailable('test/e2e/registries-web.test.ts');
const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)('the sector databases’ hub and reconciliation in Chromium', () => {
  let sector: SectorWebTest;
  let reconciler: TestLogin;

  beforeAll(async () => {
    sector = await startSectorWebTest({ registry: 'stameq', people: 900, username: 'tdc-chuyenvien', unitId: 'tcdlcl' });
    reconciler = await loginAs(sector.t.db, {
      kind: 'officer',
      username: 'doisoat',
      roles: [
        { role: 'auditor', unitId: 'bkhcn' },
        { role: 'specialist', unitId: 'tcdlcl' },
      ],
    });
  }, 240_000);

  afterAll(async () => {
    await sector?.close();
    expect(sector.pages.pageErrors).toEqual([]);
  });

  it('the hub is one navigation entry and leads to each public page', { timeout: 180_000 }, async () => {
    const page = await sector.pages.open(undefined, 1280);
    await page.goto(`${sector.t.url}/co-so-du-lieu`);
    await page.getByRole('heading', { level: 1, name: 'Cơ sở dữ liệu chuyên ngành' }).waitFor(WAIT);
    await page.getByRole('link', { name: 'Cơ sở dữ liệu chuyên ngành' }).or(page.getByRole('link', { name: 'Cơ sở dữ liệu', exact: true })).first().waitFor(WAIT);
    for (const href of ['/co-so-du-lieu/khoa-hoc-cong-nghe', '/co-so-du-lieu/cung-cau-cong-nghe', '/co-so-du-lieu/so-huu-tri-tue']) {
      expect(await page.locator(`main a[href="${href}"]`).count()).toBe(1);
      expect(await page.locator(`nav a[href="${href}"]`).count()).toBe(0);
    }
    await checkBothWidths(page, 'the sector databases’ hub');
  });

  it('an officer reconciles a registry and corrects a mismatched person inline', { timeout: 180_000 }, async () => {
    const { t, emu } = sector;
    const page = await sector.pages.open(reconciler, 360);
    await page.goto(`${t.url}/can-bo/co-so-du-lieu/doi-soat`);
    await page.getByRole('heading', { level: 1, name: 'Đối soát với Cơ sở dữ liệu quốc gia về dân cư' }).waitFor(WAIT);
    await page.getByText('Cơ sở dữ liệu này chưa được đối soát.').waitFor(WAIT);
    await checkBothWidths(page, 'the reconciliation page before a run');
    await page.getByRole('button', { name: 'Bắt đầu đối soát' }).click();
    await page.getByRole('heading', { level: 2, name: /đã xong/ }).waitFor({ timeout: 60_000 });
    const fix = page.getByRole('button', { name: 'Đính chính' }).first();
    await fix.waitFor(WAIT);
    await checkBothWidths(page, 'a finished run with its mismatches');
    const personalId = (await page.locator('.registries-items li').first().innerText()).match(/[0-9]{12}/)![0];
    let citizen;
    for (let i = 700; i < 900 && !citizen; i++) if (emu.person(i).personalId === personalId) citizen = emu.person(i);
    expect(citizen).toBeDefined();
    await fix.click();
    await page.getByLabel('Họ và tên').fill(citizen!.fullName);
    await page.getByLabel('Ngày sinh').fill(citizen!.birthDate);
    await checkBothWidths(page, 'the correction form');
    await page.getByRole('button', { name: 'Lưu và đối soát lại' }).click();
    await page.getByText(`Đã đính chính hồ sơ của ${citizen!.fullName}; kết quả đối soát lại: khớp.`).waitFor(WAIT);
    const row = await t.db.selectFrom('registry_person').select(['full_name', 'link_status']).where('registry', '=', 'stameq').where('personal_id', '=', personalId).executeTakeFirstOrThrow();
    expect(row).toEqual({ full_name: citizen!.fullName, link_status: 'verified' });
  });
});
