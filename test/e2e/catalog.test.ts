// Browser test of the procedure catalog pages against the real server, with the seed catalog and
// a small synthetic population in the in-process population emulator: the public search (with and
// without diacritics, filters), the procedure page (the seven public parts of Decree 63/2010
// Art. 8(2), fee, time limit), the online e-form (login required, prefill marked, dates shown
// and typed as dd/mm/yyyy and sent as yyyy-mm-dd, the browser's errors equal to the server's, a
// valid submission saved), and the administration (edit a
// draft's e-form with the live preview, test submission, publish; an auditor sees no edit action
// and the server refuses one). axe-core on every page state; a 360 px screen for the public pages.
// Needs Debian's Chromium at /usr/bin/chromium; skipped (with a warning) without it.
import axe from 'axe-core';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { seedEmulatorIfEmpty } from '../../src/emulators/population/generate.ts';
import { syntheticCitizen } from '../../src/emulators/population/generator.ts';
import { seedCatalog } from '../../src/modules/catalog/seed/seed.ts';
import { seedUnits } from '../../src/modules/identity/seed/units.ts';
import { startTestServer } from '../support/app.ts';
import { loginAs, type TestLogin } from '../support/auth.ts';

const hasChromium = chromiumAvailable('test/e2e/catalog.test.ts');

const PATENT = '1.009901';
const WAIT = { timeout: 30_000 };

declare global {
  interface Window {
    axe: typeof axe;
  }
}

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // addScriptTag would be refused by the app's CSP; evaluating through the DevTools protocol is not.
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const violations = results.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  }));
  if (violations.length > 0) console.error(`axe violations (${where}):\n${JSON.stringify(violations, null, 2)}`);
  expect(violations, `axe violations on ${where}`).toEqual([]);
}

describe.skipIf(!hasChromium)('procedure catalog in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  let citizen: TestLogin;
  let citizenName: string;
  let citizenBirthDate: string;
  let admin: TestLogin;
  let auditor: TestLogin;

  /** A page as `who` (the session and CSRF cookies a login would set), or anonymous. */
  async function open(who?: TestLogin, width = 1280): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width, height: 900 } });
    contexts.push(context);
    if (who) {
      const sid = /motcua_sid=([^;]+)/.exec(who.headers.cookie)![1]!;
      await context.addCookies([
        { name: 'motcua_sid', value: sid, url: server.url },
        { name: 'motcua_csrf', value: who.headers['x-csrf-token'], url: server.url },
      ]);
    }
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
    });
    return page;
  }

  const api = (path: string, who: TestLogin, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...who.headers, 'accept-language': 'vi', ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });

  /** The procedure page, reached as a citizen would: search, then the result. */
  async function openProcedure(page: Page, name: string, query: string): Promise<void> {
    await page.goto(`${server.url}/thu-tuc?q=${encodeURIComponent(query)}`);
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor(WAIT);
  }

  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    server = await startTestServer();
    await seedUnits(server.db);
    expect(await seedCatalog(server.db, server.app.catalog)).toBeGreaterThanOrEqual(25);
    // A few synthetic people in the in-process population emulator: the citizen's prefill source.
    await seedEmulatorIfEmpty({ db: server.db, kind: server.database.kind }, 10, 1);
    const person = syntheticCitizen(0, 1);
    citizenName = person.fullName;
    citizenBirthDate = person.birthDate;
    citizen = await loginAs(server.db, { kind: 'citizen', personalId: person.personalId, fullName: person.fullName });
    admin = await loginAs(server.db, { kind: 'officer', roles: [{ role: 'admin', unitId: 'cuc-shtt' }] });
    auditor = await loginAs(server.db, { kind: 'officer', roles: [{ role: 'auditor', unitId: 'cuc-shtt' }] });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it('finds "Đăng ký sáng chế" typed without diacritics, ranks it first, and filters narrow the list', { timeout: 120_000 }, async () => {
    const page = await open();
    await page.goto(`${server.url}/thu-tuc`);
    const results = page.getByRole('heading', { level: 2, name: /^Tìm thấy \d+ thủ tục$/ });
    await results.waitFor(WAIT);
    const total = Number(/\d+/.exec((await results.textContent()) ?? '')![0]);
    expect(total).toBeGreaterThanOrEqual(25);

    await page.getByLabel('Tên hoặc mã thủ tục').fill('dang ky sang che');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect.poll(() => page.locator('.cat-procedure-card__title').first().textContent(), WAIT).toBe('Đăng ký sáng chế');
    expect(await page.locator('.cat-procedure-card').count()).toBeLessThan(total);
    expect(new URL(page.url()).searchParams.get('q')).toBe('dang ky sang che');
    // Upper case and diacritics give the same first result.
    await page.getByLabel('Tên hoặc mã thủ tục').fill('ĐĂNG KÝ SÁNG CHẾ');
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/procedures?') && r.url().includes('q=%C4%90%C4%82NG'));
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await answered;
    await expect.poll(() => page.locator('section.catalog-results').getAttribute('aria-busy'), WAIT).toBe('false');
    await expect.poll(() => page.locator('.cat-procedure-card__title').first().textContent(), WAIT).toBe('Đăng ký sáng chế');
    await expectNoAxeViolations(page, 'the search with results');

    // Filters: the field, then the fee, each narrow the whole catalog.
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await page.getByRole('heading', { level: 2, name: `Tìm thấy ${total} thủ tục` }).waitFor(WAIT);
    const field = page.getByLabel('Lĩnh vực', { exact: true });
    const metrology = (await field.locator('option').allTextContents()).find((o) => o.startsWith('Đo lường'))!;
    const metrologyCount = Number(/\((\d+)\)/.exec(metrology)![1]);
    await field.selectOption({ label: metrology });
    await page.getByRole('heading', { level: 2, name: `Tìm thấy ${metrologyCount} thủ tục` }).waitFor(WAIT);
    expect(metrologyCount).toBeLessThan(total);
    const cards = page.locator('.cat-procedure-card');
    expect(await cards.count()).toBe(metrologyCount);
    for (const text of await cards.allTextContents()) expect(text).toContain('Đo lường');
    await field.selectOption('');
    await page.getByRole('heading', { level: 2, name: `Tìm thấy ${total} thủ tục` }).waitFor(WAIT);
    const found = async () => Number(/\d+/.exec((await page.locator('#catalog-results-title').textContent()) ?? '')?.[0] ?? NaN);
    await page.getByLabel('Phí, lệ phí').selectOption({ label: 'Không mất phí' });
    await expect.poll(found, WAIT).toBeLessThan(total);
    const free = await found();
    expect(free).toBeGreaterThan(0);
    // Free, or no fee line published at all (said so, never shown as free).
    for (const text of await cards.allTextContents()) expect(text).toMatch(/Không mất phí|Chưa công bố thông tin phí, lệ phí/);
    await page.getByLabel('Phí, lệ phí').selectOption({ label: 'Có phí, lệ phí' });
    await expect.poll(found, WAIT).toBe(total - free);
    for (const text of await cards.allTextContents()) expect(text).toContain('đồng');
    expect(await page.getByRole('status').last().textContent()).toMatch(/Tìm thấy \d+ thủ tục/);

    // A phone: nothing wider than the screen.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it('shows the seven public parts, the fee, the time limit and "Nộp hồ sơ trực tuyến"', { timeout: 120_000 }, async () => {
    const page = await open();
    await openProcedure(page, 'Đăng ký sáng chế', 'dang ky sang che');
    const parts = [
      'a) Tên thủ tục hành chính',
      'b) Trình tự thực hiện',
      'c) Cách thức thực hiện',
      'd) Thành phần, số lượng hồ sơ',
      'đ) Thời hạn giải quyết',
      'e) Đối tượng thực hiện',
      'g) Cơ quan thực hiện',
    ];
    for (const name of parts) expect(await page.getByRole('heading', { level: 2, name }).count(), name).toBe(1);
    expect(await page.locator('#procedure-time-limit').textContent()).toBe('21 tháng');
    expect(await page.locator('#procedure-fee').textContent()).toBe('1.770.000 đồng');
    const components = page.getByRole('table', { name: 'Bảng thành phần hồ sơ' });
    expect(await components.getByRole('row').count()).toBe(6); // header + 5 components
    expect(await page.getByRole('region', { name: 'Bảng thành phần hồ sơ' }).count()).toBe(1);
    expect(await page.getByText('Lệ phí nộp đơn (lệ phí)').count()).toBe(1);
    expect(await page.getByText('Cục Sở hữu trí tuệ').count()).toBeGreaterThan(0);
    const apply = page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' });
    // The button starts the dossier wizard (features/dossiers); the form alone stays at nop-truc-tuyen.
    expect(await apply.getAttribute('href')).toBe(`/thu-tuc/${PATENT}/nop-ho-so`);
    await expectNoAxeViolations(page, 'the procedure page');

    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it('asks an anonymous visitor to log in, and comes back to the form', { timeout: 60_000 }, async () => {
    const page = await open();
    await page.goto(`${server.url}/thu-tuc/${PATENT}/nop-truc-tuyen`);
    const link = page.getByRole('link', { name: 'Đăng nhập để nộp hồ sơ' });
    await link.waitFor(WAIT);
    expect(await link.getAttribute('href')).toBe(`/auth/login?returnTo=${encodeURIComponent(`/thu-tuc/${PATENT}/nop-truc-tuyen`)}`);
    expect(await page.getByRole('button', { name: 'Nộp tờ khai' }).count()).toBe(0);
  });

  it('prefills the citizen’s data (marked, locked), shows the server’s errors in the browser, and saves a valid form', { timeout: 180_000 }, async () => {
    const page = await open(citizen);
    await openProcedure(page, 'Đăng ký sáng chế', 'sang che');
    await page.goto(`${server.url}/thu-tuc/${PATENT}/nop-truc-tuyen`);
    const submit = page.getByRole('button', { name: 'Nộp tờ khai' });
    await submit.waitFor(WAIT);
    await page.getByRole('radio', { name: 'Cá nhân' }).check();

    // Prefilled from the population data: the value, a mark tied to the field, and locked.
    const fullName = page.getByLabel('Họ và tên');
    expect(await fullName.inputValue()).toBe(citizenName);
    expect(await fullName.getAttribute('readonly')).not.toBeNull();
    const describedBy = (await fullName.getAttribute('aria-describedby')) ?? '';
    const marks = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(marks.join(' ')).toContain('Điền tự động từ Cơ sở dữ liệu quốc gia về dân cư; không sửa được.');
    // The address is prefilled too, but the applicant may change it.
    const address = page.getByLabel('Địa chỉ (bắt buộc)', { exact: true });
    expect(await address.inputValue()).not.toBe('');
    expect(await address.getAttribute('readonly')).toBeNull();
    expect(await page.locator('.eform__field--prefilled').count()).toBeGreaterThanOrEqual(5);
    // A date reads as the page writes dates (dd/mm/yyyy), whatever the browser's locale.
    const birthDate = page.getByLabel('Ngày sinh');
    const [by, bm, bd] = citizenBirthDate.split('-');
    expect(await birthDate.inputValue()).toBe(`${bd}/${bm}/${by}`);
    expect(await birthDate.getAttribute('readonly')).not.toBeNull();
    expect(await birthDate.getAttribute('aria-describedby')).toContain('eform_applicant_birthDate__prefill');

    // Invalid: a wrong phone, the rest of the request empty.
    await page.getByLabel('Số điện thoại').fill('12345');
    await submit.click();
    const summary = page.locator('.error-summary');
    await summary.waitFor(WAIT);
    const shown = await summary.locator('li').allTextContents();
    // The server, asked with the same data, says exactly the same, in the same order.
    const res = await api(`/api/v1/procedures/${PATENT}/versions/1/validate`, citizen, {
      method: 'POST',
      body: { data: { applicant: { type: 'individual', phone: '12345' } } },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: Array<{ pointer: string; message: string }> };
    expect(shown).toEqual(problem.errors.map((e) => e.message));
    expect(shown).toContain('«Số điện thoại» phải là số điện thoại hợp lệ (bắt đầu bằng 0 hoặc +84).');
    // Each error sits under its field, tied to it, and the summary links to the field.
    const phone = page.getByLabel('Số điện thoại');
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#eform_applicant_phone__error').textContent()).toContain('phải là số điện thoại hợp lệ');
    expect(await phone.getAttribute('aria-describedby')).toContain('eform_applicant_phone__error');
    await summary.getByRole('link', { name: /Số điện thoại/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('eform_applicant_phone');
    await expectNoAxeViolations(page, 'the online form with errors');
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Valid: the server accepts and saves it.
    await phone.fill('0912345678');
    await page.getByLabel('Tên sáng chế').fill('Thiết bị lọc nước dùng năng lượng mặt trời');
    await page.getByLabel('Tác giả sáng chế (họ tên, quốc tịch)').fill('Trần Văn Hào, Việt Nam');
    await page.getByLabel('Số điểm độc lập của yêu cầu bảo hộ').fill('2');
    await page.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
    // A date typed dd/mm/yyyy: while incomplete it is "not a date" under its field; whole, it is sent as yyyy-mm-dd.
    await page.getByRole('checkbox', { name: 'Yêu cầu hưởng quyền ưu tiên' }).check();
    await page.getByLabel('Số đơn là cơ sở hưởng quyền ưu tiên').fill('PCT/US2025/012345');
    await page.getByLabel('Nước nộp đơn ưu tiên').fill('Hoa Kỳ');
    const priorityDate = page.getByLabel('Ngày nộp đơn ưu tiên');
    expect(await priorityDate.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    const formatHint = (await priorityDate.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('__hint'));
    expect(await page.locator(`[id="${formatHint}"]`).textContent()).toContain('ngày/tháng/năm');
    await priorityDate.fill('05/11/20');
    await submit.click();
    await expect.poll(() => page.locator('#eform_request_priorityDate__error').textContent(), WAIT).toContain('«Ngày nộp đơn ưu tiên» phải là ngày hợp lệ');
    expect(await priorityDate.getAttribute('aria-invalid')).toBe('true');
    expect(await priorityDate.inputValue()).toBe('05/11/20');
    await priorityDate.fill('05/11/2025');
    const sent = page.waitForResponse((r) => r.url().endsWith(`/procedures/${PATENT}/versions/1/submissions`));
    await submit.click();
    expect((await sent).status()).toBe(201);
    expect((await sent).request().postData()).toContain('"priorityDate":"2025-11-05"');
    const saved = page.locator('#submission-saved');
    await saved.waitFor(WAIT);
    expect(await saved.textContent()).toContain('Đã nhận tờ khai');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('submission-saved');
  });

  it('lets the owning unit’s admin edit a draft’s e-form with a live preview, test it, publish it, and the new version is public', { timeout: 240_000 }, async () => {
    const page = await open(admin);
    await page.goto(`${server.url}/quan-tri/thu-tuc`);
    await page.getByRole('link', { name: 'Đăng ký sáng chế', exact: true }).click();
    await page.getByRole('button', { name: 'Tạo phiên bản mới' }).click();
    // The procedure page has the same heading: wait for the editor's address, not the heading.
    await page.waitForURL((url) => url.pathname === `/quan-tri/thu-tuc/${PATENT}/phien-ban/2`, WAIT);
    await page.getByRole('heading', { level: 1, name: /Đăng ký sáng chế/ }).waitFor(WAIT);

    await page.getByRole('tab', { name: 'Biểu mẫu điện tử' }).click();
    const preview = page.getByRole('region', { name: 'Xem trước' });
    await preview.getByLabel('Tên sáng chế (bắt buộc)', { exact: true }).waitFor(WAIT);
    // Edit the label of a field: the preview follows at once, before saving.
    const row = page.locator('.cat-rows-editor__field', { has: page.locator('code', { hasText: /^request\.inventionTitle$/ }) });
    await row.locator('summary').click();
    await row.getByLabel('Nhãn (tiếng Việt)').fill('Tên sáng chế (đầy đủ)');
    await preview.getByLabel('Tên sáng chế (đầy đủ)').waitFor(WAIT);
    expect(await preview.getByLabel('Tên sáng chế (bắt buộc)', { exact: true }).count()).toBe(0);
    expect(await page.getByText('Có thay đổi chưa lưu.').count()).toBe(1);
    await expectNoAxeViolations(page, 'the editor with the e-form preview');

    // Test submission: invalid first (browser errors), then valid (saved, then accepted by the server).
    await preview.getByRole('button', { name: 'Thử nộp' }).click();
    await preview.locator('.error-summary').waitFor(WAIT);
    expect(await preview.locator('.error-summary').textContent()).toContain('Chưa nhập «Tên sáng chế (đầy đủ)».');
    await preview.getByRole('radio', { name: 'Cá nhân' }).check();
    expect(await preview.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Thu Hà'); // sample prefill values
    // The phone number is the applicant's to give (the login account may hold none).
    await preview.getByLabel(/^Số điện thoại/).fill('0912345678');
    await preview.getByLabel('Tên sáng chế (đầy đủ)').fill('Máy thử');
    await preview.getByLabel('Tác giả sáng chế (họ tên, quốc tịch)').fill('Nguyễn Thị Thu Hà, Việt Nam');
    await preview.getByLabel('Số điểm độc lập của yêu cầu bảo hộ').fill('1');
    await preview.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/procedures/${PATENT}/versions/2`));
    const validated = page.waitForResponse((r) => r.url().endsWith(`/procedures/${PATENT}/versions/2/validate`));
    await preview.getByRole('button', { name: 'Thử nộp' }).click();
    expect((await saved).status()).toBe(200);
    expect((await validated).status()).toBe(200);
    await page.locator('#test-accepted').waitFor(WAIT);
    expect(await page.locator('#test-accepted').textContent()).toContain('Máy chủ chấp nhận tờ khai');

    // Publish.
    await page.getByRole('tab', { name: 'Kiểm tra và công bố' }).click();
    await page.getByText('Phiên bản này đủ điều kiện công bố.').waitFor(WAIT);
    await page.getByRole('button', { name: 'Công bố phiên bản 2' }).click();
    // Publishing asks first; focus is on the confirming button.
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByText('Đã công bố phiên bản 2.').waitFor(WAIT);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Đang công bố');

    // The public sees version 2, its changes and its form.
    const visitor = await open(citizen);
    await openProcedure(visitor, 'Đăng ký sáng chế', 'dang ky sang che');
    await visitor.getByText(/^Phiên bản 2/).waitFor(WAIT);
    await visitor.getByRole('link', { name: 'Xem nội dung thay đổi so với phiên bản trước' }).click();
    await visitor.getByText(/Từ phiên bản 1 đến phiên bản 2: \d+ thay đổi\./).waitFor(WAIT);
    expect(await visitor.getByRole('heading', { level: 2, name: 'Biểu mẫu điện tử' }).count()).toBe(1);
    expect(await visitor.locator('main').textContent()).toContain('Tên sáng chế (đầy đủ)');
    await visitor.goto(`${server.url}/thu-tuc/${PATENT}/nop-truc-tuyen`);
    await visitor.getByRole('heading', { level: 2, name: 'Tờ khai (phiên bản 2)' }).waitFor(WAIT);
    expect(await visitor.getByLabel('Tên sáng chế (đầy đủ)').count()).toBe(1);
  });

  it('shows an auditor no edit action, and the server refuses their edit', { timeout: 120_000 }, async () => {
    // A new draft to look at (created by the admin through the API).
    const created = await api(`/api/v1/procedures/1.009903/versions`, admin, { method: 'POST', body: {} });
    expect(created.status).toBe(201);
    const draft = (await created.json()) as { version: { number: number; revision: number }; content: Record<string, unknown> };

    const page = await open(auditor);
    await page.goto(`${server.url}/quan-tri/thu-tuc`);
    await page.getByRole('link', { name: 'Đăng ký nhãn hiệu', exact: true }).click();
    await page.getByRole('link', { name: `Xem bản nháp (phiên bản ${draft.version.number})` }).waitFor(WAIT);
    expect(await page.getByRole('button', { name: 'Tạo phiên bản mới' }).count()).toBe(0);
    await page.getByRole('link', { name: `Xem bản nháp (phiên bản ${draft.version.number})` }).click();
    await page.locator('#editor-read-only').waitFor(WAIT);
    expect(await page.getByRole('button', { name: 'Lưu bản nháp' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Kiểm tra và công bố' }).click();
    expect(await page.getByRole('button', { name: /Công bố phiên bản/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Rút phiên bản' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Biểu mẫu điện tử' }).click();
    expect(await page.getByRole('button', { name: 'Thêm trường' }).count()).toBe(0);
    await page.getByRole('region', { name: 'Xem trước' }).waitFor(WAIT);

    const put = await api(`/api/v1/procedures/1.009903/versions/${draft.version.number}`, auditor, {
      method: 'PUT',
      body: { content: draft.content, revision: draft.version.revision },
    });
    expect(put.status).toBe(403);
    const publish = await api(`/api/v1/procedures/1.009903/versions/${draft.version.number}/publish`, auditor, { method: 'POST' });
    expect(publish.status).toBe(403);

    // An officer with no catalog role gets a clear refusal.
    const clerk = await loginAs(server.db, { kind: 'officer', roles: [{ role: 'receiver', unitId: 'cuc-shtt' }] });
    const other = await open(clerk);
    await other.goto(`${server.url}/quan-tri/thu-tuc`);
    await other.locator('#admin-forbidden').waitFor(WAIT);
  });

  it('shows the administration’s lists as the kit’s tables: named, axe clean, stacked on a phone; import results and errors too', { timeout: 180_000 }, async () => {
    const page = await open(admin);
    await page.goto(`${server.url}/quan-tri/thu-tuc`);
    const procedures = page.getByRole('table', { name: 'Danh sách thủ tục được quản trị' });
    await procedures.getByRole('rowheader', { name: 'Đăng ký sáng chế', exact: true }).waitFor(WAIT);
    await expectNoAxeViolations(page, 'the administration’s list of procedures');

    await procedures.getByRole('link', { name: 'Đăng ký sáng chế', exact: true }).click();
    const versions = page.getByRole('table', { name: 'Danh sách phiên bản' });
    await versions.getByRole('rowheader', { name: '1', exact: true }).waitFor(WAIT);
    expect(await versions.getByRole('columnheader').allTextContents()).toEqual(['Phiên bản', 'Trạng thái', 'Cập nhật', 'Công bố', 'Thao tác']);
    await expectNoAxeViolations(page, 'a procedure’s versions');

    // Import: a clean file is checked (nothing kept), a broken one is refused with its errors listed.
    const exported = await api('/api/v1/catalog/export?format=json&which=published', admin);
    expect(exported.status).toBe(200);
    const file = (await exported.json()) as { procedures: Array<{ content: Record<string, unknown> }> };
    await page.goto(`${server.url}/quan-tri/thu-tuc/nhap-xuat`);
    const upload = async (name: string, body: unknown) => {
      await page.getByLabel('Tệp nhập').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) });
      await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    };
    await upload('danh-muc.json', file);
    const results = page.getByRole('table', { name: 'Kết quả nhập' });
    await results.waitFor(WAIT);
    expect(await results.getByRole('rowheader').count()).toBe(file.procedures.length);
    await expectNoAxeViolations(page, 'the import’s results');
    await upload('danh-muc-loi.json', { ...file, procedures: [{ ...file.procedures[0], content: { ...file.procedures[0]!.content, name: '' } }] });
    const errors = page.getByRole('alert').getByRole('table', { name: 'Các lỗi của tệp nhập' });
    await errors.waitFor(WAIT);
    expect(await errors.textContent()).toContain('Tên thủ tục');
    expect(await errors.textContent()).not.toContain('/content/name');
    await expectNoAxeViolations(page, 'the import’s errors');

    // On a 360 px phone the list stacks: every column is still there, as "header: value" lines.
    const phone = await open(admin, 360);
    await phone.goto(`${server.url}/quan-tri/thu-tuc`);
    const stacked = phone.getByRole('table', { name: 'Danh sách thủ tục được quản trị' });
    // (A stacked cell's name starts with its column's header, shown before the value.)
    await stacked.getByRole('link', { name: 'Đăng ký sáng chế', exact: true }).waitFor(WAIT);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await stacked.locator('tbody tr').first().evaluate((row) => getComputedStyle(row).display)).toBe('block');
    await expectNoAxeViolations(phone, 'the list of procedures on a phone');
  });

  it('raised no page error and no CSP violation', () => {
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
