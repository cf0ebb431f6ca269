// Browser test of the counter's prefill: a receiver at the One-Stop Unit types the number, name and
// date of birth from the applicant's card, and the form's population fields are filled from the
// national population database (the emulator, over HTTP); a name that does not match fills
// nothing and says so. axe-core finds no violation at 360 px and at desktop width.
// Needs Debian's Chromium at /usr/bin/chromium; skipped (with a warning) without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { syntheticCitizen } from '../../src/emulators/population/generator.ts';
import { startTestEmulator, testEmulatorEnv, type TestEmulator } from '../../src/emulators/population/testing.ts';
import { createDossierTestApp, TEST_PROCEDURE_CODE, type DossierTestApp } from '../../src/modules/dossiers/testing.ts';
import { checkBothWidths, chromiumAvailable, closeBrowserAndServer, openBrowser, type BrowserSession } from '../support/chromium.ts';
import { loginAs, type TestLogin } from '../support/auth.ts';

const hasChromium = chromiumAvailable('test/e2e/counter-prefill-web.test.ts');
const WAIT = { timeout: 30_000 };
/** YYYY-MM-DD → DD/MM/YYYY, as the date field is typed. */
const typed = (iso: string) => iso.split('-').reverse().join('/');

describe.skipIf(!hasChromium)('the counter’s prefill in Chromium', () => {
  let emu: TestEmulator;
  let t: DossierTestApp;
  let url: string;
  let pages: BrowserSession;
  let receiver: TestLogin;

  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    emu = await startTestEmulator({ people: 30 });
    t = await createDossierTestApp({
      env: testEmulatorEnv(emu.url),
    });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
    pages = await openBrowser(url);
  }, 180_000);

  afterAll(async () => {
    await closeBrowserAndServer(pages, t);
    await emu?.close();
  });

  it('fills the form’s population fields for a matching applicant, and nothing for a name that does not match', { timeout: 180_000 }, async () => {
    const person = syntheticCitizen(4);
    const page = await pages.open(receiver, 360);
    await page.goto(`${url}/can-bo/tiep-nhan`);
    await page.getByLabel('Mã hoặc tên thủ tục').fill(TEST_PROCEDURE_CODE);
    await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
    await page.locator('#intake-procedure').waitFor(WAIT);

    // Without the birth date the button says what it needs and queries nothing.
    await page.getByLabel('Số định danh cá nhân hoặc mã số thuế').fill(person.personalId);
    await page.getByLabel('Họ và tên hoặc tên tổ chức').fill('Tên Không Khớp');
    await page.getByRole('button', { name: 'Điền từ CSDL quốc gia về dân cư' }).click();
    await page.locator('#intake-prefill-outcome').getByText('Nhập số định danh (12 chữ số), họ tên và ngày sinh').waitFor(WAIT);
    const queriesBefore = emu.control.requests;

    await page.getByLabel('Ngày sinh', { exact: false }).fill(typed(person.birthDate));
    await page.getByRole('button', { name: 'Điền từ CSDL quốc gia về dân cư' }).click();
    await page.locator('#intake-prefill-outcome').getByText('không khớp với số định danh').waitFor(WAIT);
    expect(await page.locator('#eform_applicant_personalId').inputValue()).toBe('');
    expect(emu.control.requests).toBe(queriesBefore + 1);

    await page.getByLabel('Họ và tên hoặc tên tổ chức').fill(person.fullName);
    await page.getByRole('button', { name: 'Điền từ CSDL quốc gia về dân cư' }).click();
    await page.locator('#intake-prefill-outcome').getByText(/Đã điền 3 trường của tờ khai từ Cơ sở dữ liệu quốc gia về dân cư/).waitFor(WAIT);
    expect(await page.locator('#eform_applicant_fullName').inputValue()).toBe(person.fullName);
    expect(await page.locator('#eform_applicant_personalId').inputValue()).toBe(person.personalId);
    expect(await page.locator('#eform_applicant_address').inputValue()).toContain(person.permanentAddress.detail);
    await checkBothWidths(page, 'the counter intake, filled from the population database');
  });
});
