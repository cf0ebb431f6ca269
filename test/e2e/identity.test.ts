// Browser tests of identity and population data against the real server: a citizen logs in through
// the SSO emulator at level 2 and sees their own population data (masked where sensitive, with its
// source), and a clear "verify manually" message when the population database is down; a citizen
// cannot open another citizen's profile (403); an officer logs in with a password, an administrator
// with a TOTP code (and one without TOTP is sent to enrol); the workspace shell and the
// administration pages; axe-core on every page. Debian's Chromium at /usr/bin/chromium; skipped
// (with a warning) without it.
import axe from 'axe-core';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { syntheticCitizen } from '../../src/emulators/population/generator.ts';
import { startTestEmulator, TEST_API_KEY, TEST_INTEGRATION_CODE, type TestEmulator } from '../../src/emulators/population/testing.ts';
import type { SyntheticCitizen } from '../../src/emulators/population/types.ts';
import { grantRole, insertAccount } from '../../src/modules/identity/officers/store.ts';
import { hashPassword } from '../../src/modules/identity/login/passwords.ts';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD, seedDemoOfficers } from '../../src/modules/identity/seed/demo-officers.ts';
import { seedUnits } from '../../src/modules/identity/seed/units.ts';
import { currentTotp } from '../../src/modules/identity/login/totp.ts';
import { startTestServer } from '../support/app.ts';
import { loginAs } from '../support/auth.ts';
import { EMULATOR_DEMO_PASSWORD } from '../support/sso.ts';

const hasChromium = chromiumAvailable('test/e2e/identity.test.ts');

const PEOPLE = 40;
const WAIT = 30_000;

/** Runs axe-core in the page; fails with a readable list of the violations. */
async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // The app's CSP refuses addScriptTag; evaluating through the DevTools protocol is not subject to it.
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  }));
  if (violations.length > 0) console.error(`axe violations (${where}):\n${JSON.stringify(violations, null, 2)}`);
  expect(violations, `axe violations on ${where}`).toEqual([]);
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}

/** A generated person with a father and a spouse whose ID numbers are known (masking is visible). */
function personWithRelatives(): SyntheticCitizen {
  for (let i = 0; i < PEOPLE; i++) {
    const p = syntheticCitizen(i);
    if (p.spouse?.personalId && p.father?.fullName) return p;
  }
  for (let i = 0; i < PEOPLE; i++) {
    const p = syntheticCitizen(i);
    if (p.householdHead?.personalId && p.householdHead.personalId !== p.personalId) return p;
  }
  return syntheticCitizen(0);
}

describe.skipIf(!hasChromium)('identity and population data in Chromium', () => {
  let emu: TestEmulator;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  const citizen = personWithRelatives();
  const other = syntheticCitizen(citizen.index === 1 ? 2 : 1);

  async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
    // A browser far from Vietnam: times on the pages are still Vietnam time.
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Europe/Paris', viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
    });
    return page;
  }

  /** Through /dang-nhap and the SSO emulator, as `person`, at level 2. */
  async function citizenLogin(page: Page, person: SyntheticCitizen): Promise<void> {
    await page.goto(`${server.url}/dang-nhap`);
    const authorize = page.waitForRequest((r) => r.url().includes('/emulators/sso/oauth2/authorize'));
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    expect(new URL((await authorize).url()).searchParams.get('acr_values')).toBe('LoA2');
    await page.getByLabel('Tìm theo số định danh cá nhân hoặc họ tên').fill(person.personalId);
    await page.getByRole('button', { name: 'Tìm' }).click();
    await expect.poll(() => page.locator('input[name="subject"]:checked').count()).toBe(1);
    // The service asked for level 2: level 1 cannot be chosen, level 2 is.
    expect(await page.locator('input[name="level"][value="LoA1"]').isDisabled()).toBe(true);
    expect(await page.locator('input[name="level"][value="LoA2"]').isChecked()).toBe(true);
    await page.getByLabel('Mật khẩu').fill(EMULATOR_DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL(`${server.url}/ho-so-ca-nhan`);
  }

  async function officerLogin(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  }

  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    emu = await startTestEmulator({ people: PEOPLE });
    server = await startTestServer({
      POPULATION_API_URL: emu.url,
      POPULATION_API_KEY: TEST_API_KEY,
      POPULATION_INTEGRATION_CODE: TEST_INTEGRATION_CODE,
      POPULATION_RETRIES: '0',
      POPULATION_TIMEOUT_MS: '3000',
      POPULATION_BREAKER_FAILURES: '100',
      POPULATION_CACHE_TTL_SECONDS: '0',
    });
    await seedUnits(server.db);
    await seedDemoOfficers(server.db);
    browser = await launchChromium();
  }, 240_000);

  afterEach(async () => {
    await emu?.control.reset();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
    await emu?.close();
  });

  describe('a citizen', () => {
    let page: Page;

    it('logs in with VNeID at level 2 through the emulator and sees their own population data, masked, with its source', async () => {
      page = await newPage();
      await citizenLogin(page, citizen);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Hồ sơ cá nhân');
      const data = page.locator('#population-profile');
      await data.waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain(citizen.fullName);
      expect(text).toContain(citizen.personalId);
      const [y, m, d] = citizen.birthDate.split('-');
      expect(text).toContain(`${d}/${m}/${y}`);
      expect(text).toContain('mức độ 2');
      // Where the data comes from, and when it was read.
      expect(await page.locator('.source-note').textContent()).toContain('Nguồn: Cơ sở dữ liệu quốc gia về dân cư');
      expect(await page.locator('.source-note time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      // Sensitive values are masked, labelled so, and read out as masked.
      const ethnicity = page.locator('[data-field="ethnicity"]');
      expect(await ethnicity.locator('.masked').textContent()).toBe('***');
      expect(await ethnicity.textContent()).toContain('đã che');
      const relativeIds = [citizen.spouse?.personalId, citizen.father?.personalId, citizen.mother?.personalId, citizen.householdHead?.personalId]
        .filter((id): id is string => !!id && id !== citizen.personalId);
      expect(relativeIds.length).toBeGreaterThan(0);
      for (const id of relativeIds) {
        expect(text).not.toContain(id);
        expect(text).toContain(`*********${id.slice(-3)}`);
      }
      expect(text).toContain(`chỉ hiện 3 chữ số cuối: ${relativeIds[0]!.slice(-3)}`);

      // The header: the citizen's name and menu; no officer entry in the main navigation.
      const menu = page.getByRole('button', { name: new RegExp(citizen.fullName) });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      expect(await nav.getByRole('link', { name: 'Không gian làm việc' }).count()).toBe(0);
      await expectNoAxeViolations(page, 'the citizen profile');

      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      expect(await page.getByRole('link', { name: 'Hồ sơ cá nhân' }).isVisible()).toBe(true);
      await expectNoAxeViolations(page, 'the open user menu');
      await page.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');
    });

    it('is refused another citizen’s profile (403), and the API has no way to read it', async () => {
      await page.goto(`${server.url}/ho-so-ca-nhan/${other.personalId}`);
      const refusal = page.locator('.forbidden');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('403');
      expect(await refusal.textContent()).toContain('Bạn không thể mở hồ sơ của người khác');
      expect(await page.locator('main').textContent()).not.toContain(other.fullName);
      await expectNoAxeViolations(page, 'the refused profile');

      const answers = await page.evaluate(async (otherId) => {
        const csrf = /(?:^|;\s*)motcua_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
        const me = await fetch(`/api/v1/population/me?personalId=${otherId}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
          body: '{}',
        });
        const verify = await fetch('/api/v1/population/verify', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
          body: JSON.stringify({ personalId: otherId, fullName: 'Nguyễn Văn A', birthYear: 1990, purpose: 'dossier_verification', dossierRef: 'X' }),
        });
        const log = await fetch('/api/v1/population/query-log');
        return { me: (await me.json()) as { personal?: { personalId?: string } }, verify: verify.status, log: log.status };
      }, other.personalId);
      // The profile API only ever answers with the session's own person.
      expect(answers.me.personal?.personalId).toBe(citizen.personalId);
      expect(answers.verify).toBe(403);
      expect(answers.log).toBe(403);

      // Officers' pages refuse a citizen too.
      await page.goto(`${server.url}/quan-tri/can-bo`);
      await expect.poll(() => page.locator('.forbidden').count()).toBe(1);
      expect(await page.locator('#officer-table').count()).toBe(0);
    });

    it('is told clearly, without a crash, that population data is unavailable and will be verified manually', async () => {
      await emu.control.set({ down: 'refuse' });
      await page.goto(`${server.url}/ho-so-ca-nhan`);
      const notice = page.locator('#population-unavailable');
      await notice.waitFor();
      expect(await notice.getAttribute('role')).toBe('alert');
      const said = (await notice.textContent()) ?? '';
      expect(said).toContain('Chưa lấy được dữ liệu dân cư');
      expect(said).toContain('xác minh thủ công');
      expect(await page.locator('#population-profile').count()).toBe(0);
      // The account part of the page is still there.
      expect(await page.locator('main').textContent()).toContain(citizen.personalId);
      await expectNoAxeViolations(page, 'the profile with the population database down');

      await emu.control.set({ down: false });
      await notice.getByRole('button', { name: 'Thử lại' }).click();
      await page.locator('#population-profile').waitFor();
      expect(await page.locator('#population-unavailable').count()).toBe(0);
    });

    it('reads the profile in English, and fits a 360 px screen', async () => {
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('My profile');
      await page.locator('#population-profile').waitFor();
      expect(await page.locator('[data-field="ethnicity"]').textContent()).toContain('hidden');
      await page.getByRole('button', { name: 'Tiếng Việt' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Hồ sơ cá nhân');

      await page.setViewportSize({ width: 360, height: 740 });
      await page.locator('#population-profile').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    it('logs out from the user menu', async () => {
      await page.getByRole('button', { name: new RegExp(citizen.fullName) }).click();
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      // The emulator asks whether to end the SSO session too; either way the local session is gone.
      await page.waitForURL((url) => !url.pathname.startsWith('/ho-so-ca-nhan'));
      // (The emulator's page has a CSP of its own: ask with the context's cookies instead.)
      expect((await page.context().request.get(`${server.url}/api/v1/me`)).status()).toBe(401);
    });
  });

  describe('an officer', () => {
    let adminPage: Page;
    it('logs in with a username and password and gets the workspace of their unit and role', async () => {
      const page = await newPage();
      await officerLogin(page, 'tiepnhan.mc', DEMO_PASSWORD);
      await page.waitForURL(`${server.url}/can-bo`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Không gian làm việc');
      // Officer-only entry in the main navigation; the workspace navigation shows what the role opens.
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      expect(await nav.getByRole('link', { name: 'Không gian làm việc' }).count()).toBe(1);
      const workspaceNav = page.getByRole('navigation', { name: 'Không gian làm việc của cán bộ' });
      expect(await workspaceNav.getByRole('link', { name: 'Xác minh thông tin công dân' }).count()).toBe(1);
      expect(await workspaceNav.getByRole('link', { name: 'Cán bộ' }).count()).toBe(0);
      const unitBar = page.getByRole('region', { name: 'Đơn vị làm việc' });
      expect(await unitBar.textContent()).toContain('Cán bộ tiếp nhận (Bộ phận Một cửa)');
      await expectNoAxeViolations(page, 'the officer workspace');

      // Verifying an applicant against the population database.
      await workspaceNav.getByRole('link', { name: 'Xác minh thông tin công dân' }).click();
      await page.waitForURL('**/can-bo/xac-minh-dan-cu');
      const applicant = syntheticCitizen(5);
      await page.getByLabel('Số định danh cá nhân').fill(applicant.personalId);
      await page.getByLabel('Họ và tên').fill(applicant.fullName);
      // The date is typed as the page shows it (dd/mm/yyyy), whatever the browser's locale.
      const [by, bm, bd] = applicant.birthDate.split('-');
      await page.getByLabel('Ngày sinh', { exact: true }).fill(`${bd}/${bm}/${by}`);
      await page.getByLabel(/^Mã hồ sơ/).fill('000.00.01.H01-261126-0001');
      await page.getByRole('button', { name: 'Đối chiếu' }).click();
      await expect.poll(() => page.locator('#verify-status').textContent()).toContain('Thông tin khớp');
      await expectNoAxeViolations(page, 'the verification page');

      // Administration is not theirs.
      await page.goto(`${server.url}/quan-tri/don-vi`);
      await page.locator('.forbidden').waitFor();
      expect(await page.locator('.forbidden').textContent()).toContain('403');
    });

    it('an administrator logs in with a TOTP code, then manages units, officers and reads the query log', async () => {
      const page = await newPage();
      adminPage = page;
      await officerLogin(page, 'quantri', DEMO_PASSWORD);
      // The server asks for the code: the field appears and takes the focus.
      const code = page.getByLabel('Mã xác thực hai bước');
      await code.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('officer-totp');
      expect(await page.locator('#totp-prompt').textContent()).toContain('mã xác thực hai bước');
      await expectNoAxeViolations(page, 'the login asking for a TOTP code');
      await code.fill(currentTotp(DEMO_ADMIN_TOTP_SECRET));
      await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      await page.waitForURL(`${server.url}/can-bo`);
      const unitBar = page.getByRole('region', { name: 'Đơn vị làm việc' });
      await expect.poll(() => unitBar.textContent()).toContain('Bộ Khoa học và Công nghệ');
      expect(await unitBar.textContent()).toContain('Quản trị hệ thống');

      // Units
      const workspaceNav = page.getByRole('navigation', { name: 'Không gian làm việc của cán bộ' });
      await workspaceNav.getByRole('link', { name: 'Đơn vị' }).click();
      await page.waitForURL('**/quan-tri/don-vi');
      await page.getByRole('link', { name: 'Cục Sở hữu trí tuệ' }).waitFor();
      await expectNoAxeViolations(page, 'the units page');
      await page.getByRole('link', { name: 'Phòng Sáng chế' }).click();
      await page.waitForURL('**/quan-tri/don-vi/cuc-shtt-sang-che');
      const nameEn = page.getByLabel('Tên tiếng Anh');
      await expect.poll(() => nameEn.inputValue()).toBe('Patent Division');
      await nameEn.fill('Patents Division');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã lưu thay đổi.' }).count()).toBe(1);
      await expect.poll(() => page.locator('.audit-list').textContent()).toContain('Patents Division');
      await expectNoAxeViolations(page, 'a unit page');

      // Officers
      await workspaceNav.getByRole('link', { name: 'Cán bộ' }).click();
      await page.waitForURL('**/quan-tri/can-bo');
      await page.getByLabel('Tên, tên đăng nhập hoặc thư điện tử').fill('tiepnhan');
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      await expect.poll(() => page.locator('#officer-table tbody tr').count()).toBe(2);
      expect(new URL(page.url()).searchParams.get('q')).toBe('tiepnhan');
      await expectNoAxeViolations(page, 'the officers page');
      await page.getByRole('link', { name: 'Nguyễn Thị Hồng Nhung' }).click();
      await page.waitForURL(/\/quan-tri\/can-bo\/[0-9a-f-]{36}$/);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Nguyễn Thị Hồng Nhung');
      const grant = page.getByRole('form', { name: 'Giao thêm vai trò' });
      await grant.getByLabel('Vai trò').selectOption('specialist');
      await grant.getByLabel('Tại đơn vị').selectOption('bo-phan-mot-cua');
      await grant.getByRole('button', { name: 'Giao vai trò' }).click();
      await expect.poll(() => page.locator('#officer-roles').textContent()).toContain('Chuyên viên xử lý');
      await expectNoAxeViolations(page, 'an officer page');

      // The population query log: the citizen's own query is counted, and the CSV downloads.
      await workspaceNav.getByRole('link', { name: 'Nhật ký tra cứu dân cư' }).click();
      await page.waitForURL('**/quan-tri/nhat-ky-tra-cuu-dan-cu');
      const report = page.locator('#report-table');
      await report.waitFor();
      expect(await report.textContent()).toContain('Công dân tự tra cứu dữ liệu của mình');
      await page.locator('#log-table').waitFor();
      expect(await page.locator('#log-table').textContent()).toContain(citizen.fullName);
      await expectNoAxeViolations(page, 'the population query log');
      const csvHref = await page.locator('#report-csv').getAttribute('href');
      expect(csvHref).toMatch(/\/api\/v1\/population\/query-log\/report\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&groupBy=unit&format=csv$/);
      const csv = await page.evaluate(async (href) => {
        const res = await fetch(href!);
        return { type: res.headers.get('content-type'), body: await res.text() };
      }, csvHref);
      expect(csv.type).toContain('text/csv');
      expect(csv.body.split('\r\n').length).toBeGreaterThan(2);
      // Grouped by officer.
      await page.getByLabel('Thống kê theo').selectOption('officer');
      await page.getByRole('button', { name: 'Xem', exact: true }).click();
      await expect.poll(() => page.locator('#report-title').textContent()).toBe('Số lần tra cứu theo cán bộ');
      await expect.poll(() => page.locator('#report-table').textContent()).toContain('tiepnhan.mc');
    });

    it('an administrator invites a new officer, who sets a password from the link and logs in', async () => {
      const page = adminPage;
      await page.goto(`${server.url}/quan-tri/can-bo/them-moi`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Thêm cán bộ');
      // Required fields are checked before asking the server.
      await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
      await expect.poll(() => page.getByLabel('Họ và tên').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByRole('alert').first().textContent()).toContain('Chưa tạo được tài khoản');
      await expectNoAxeViolations(page, 'the new officer form with errors');
      await page.getByLabel('Họ và tên').fill('Đinh Công Trứ');
      await page.getByLabel('Tên đăng nhập').fill('dinh.cong.tru');
      await page.getByLabel('Đơn vị công tác').selectOption('cuc-shtt-kieu-dang');
      await page.getByLabel('Vai trò ban đầu').selectOption('specialist');
      await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
      const link = page.locator('#invitation-url');
      await link.waitFor();
      const invitation = (await link.textContent()) ?? '';
      expect(invitation).toMatch(new RegExp(`^${server.url}/kich-hoat-tai-khoan#token=[A-Za-z0-9_-]{20,}$`));
      await expectNoAxeViolations(page, 'the created officer with the invitation');

      const invited = await newPage();
      await invited.goto(invitation);
      await expect.poll(() => invited.locator('h1').textContent()).toBe('Kích hoạt tài khoản cán bộ');
      await invited.getByLabel(/^Mật khẩu mới/).fill('KieuDang-2026-moi');
      await invited.getByLabel('Nhập lại mật khẩu mới').fill('KieuDang-2026-moi');
      await expectNoAxeViolations(invited, 'the invitation page');
      await invited.getByRole('button', { name: 'Đặt mật khẩu' }).click();
      await expect.poll(() => invited.getByRole('status').filter({ hasText: 'Đã kích hoạt tài khoản' }).count()).toBe(1);
      expect(invited.url()).not.toContain('token=');
      await officerLogin(invited, 'dinh.cong.tru', 'KieuDang-2026-moi');
      await invited.waitForURL(`${server.url}/can-bo`);
      await expect.poll(() => invited.getByRole('region', { name: 'Đơn vị làm việc' }).textContent()).toContain('Chuyên viên xử lý');
    });

    it('an administrator without TOTP can only enrol it, with the QR code or the key, and then works', async () => {
      const username = 'quantri.moi';
      const password = 'MatKhau-QuanTri-2026';
      const id = await insertAccount(server.db, {
        kind: 'officer',
        username,
        full_name: 'Lý Thị Minh Châu',
        unit_id: 'cuc-shtt',
        password_hash: await hashPassword(password),
      });
      await grantRole(server.db, id, 'cuc-shtt', 'admin', 'test');
      const page = await newPage();
      await officerLogin(page, username, password);
      await page.waitForURL(`${server.url}/tai-khoan/xac-thuc-hai-buoc`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Xác thực hai bước');
      // No role is in effect before enrolment.
      expect(await page.locator('main').textContent()).toContain('Tài khoản quản trị chỉ dùng được sau khi bật xác thực hai bước');
      await page.getByRole('button', { name: 'Bắt đầu thiết lập' }).click();
      const qr = page.getByRole('img', { name: /Mã QR/ });
      await qr.waitFor();
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      const secret = await page.locator('#totp-secret').getAttribute('data-secret');
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      expect((await page.locator('#totp-secret').textContent())?.replace(/\s/g, '')).toBe(secret);
      await expectNoAxeViolations(page, 'the TOTP enrolment page');

      // A wrong code is refused by the field; the right one turns it on.
      await page.getByLabel(/^Mã xác thực/).fill('000000');
      await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
      await expect.poll(() => page.getByLabel(/^Mã xác thực/).getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel(/^Mã xác thực/).fill(currentTotp(secret!));
      await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
      await page.locator('#totp-done').waitFor();
      expect(await page.locator('#totp-done').textContent()).toContain('Đã bật xác thực hai bước');
      const unitBar = page.getByRole('region', { name: 'Đơn vị làm việc' });
      await expect.poll(() => unitBar.textContent()).toContain('Quản trị hệ thống');
      await page.goto(`${server.url}/quan-tri/can-bo`);
      await page.locator('#officer-table').waitFor();
    });

    it('an officer with roles in two units switches the unit they work for; the choice is kept', async () => {
      const login = await loginAs(server.db, {
        kind: 'officer',
        username: 'hai.donvi',
        fullName: 'Mai Thị Thu Trang',
        roles: [
          { role: 'receiver', unitId: 'bo-phan-mot-cua' },
          { role: 'specialist', unitId: 'cuc-shtt-sang-che' },
        ],
      });
      const page = await newPage();
      const url = new URL(server.url);
      await page.context().addCookies([
        { name: 'motcua_sid', value: login.headers.cookie.split('=')[1]!, domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Lax' },
        { name: 'motcua_csrf', value: login.headers['x-csrf-token'], domain: url.hostname, path: '/', sameSite: 'Lax' },
      ]);
      await page.goto(`${server.url}/can-bo`);
      const unitBar = page.getByRole('region', { name: 'Đơn vị làm việc' });
      const switcher = unitBar.getByLabel('Đơn vị làm việc');
      await expect.poll(() => switcher.inputValue()).toBe('bo-phan-mot-cua');
      expect(await unitBar.getByRole('list').textContent()).toBe('Cán bộ tiếp nhận (Bộ phận Một cửa)');
      await switcher.selectOption('cuc-shtt-sang-che');
      await expect.poll(() => unitBar.getByRole('list').textContent()).toBe('Chuyên viên xử lý');
      await expectNoAxeViolations(page, 'the workspace with a unit switcher');
      await page.reload();
      await expect.poll(() => page.getByRole('region', { name: 'Đơn vị làm việc' }).getByLabel('Đơn vị làm việc').inputValue()).toBe(
        'cuc-shtt-sang-che',
      );
    });

    it('the workspace fits a 360 px screen', async () => {
      const page = await newPage({ width: 360, height: 740 });
      await officerLogin(page, 'lanhdao.shtt', DEMO_PASSWORD);
      await page.waitForURL(`${server.url}/can-bo`);
      await page.goto(`${server.url}/quan-tri/nhat-ky-tra-cuu-dan-cu`);
      await page.locator('#log-title').waitFor();
      await expect.poll(() => page.locator('#report-title').count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'the query log on a phone');
    });
  });

  it('ran without page errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
