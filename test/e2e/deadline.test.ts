// Browser test of the web app against the real server: home page, navigation, the deadline
// calculator (Tết 2026), errors, language switch, accessibility (axe-core) and a 360 px screen.
// The start is typed as a date (dd/mm/yyyy) and a time (HH:mm) in either language, whatever the
// browser's locale; an incomplete one is the field's error, in the language shown.
// Needs Debian's Chromium at /usr/bin/chromium; skipped (with a warning) without it.
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBothWidths, chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { startTestServer } from '../support/app.ts';

const hasChromium = chromiumAvailable('test/e2e/deadline.test.ts');

const CALCULATOR_PATH = '/tinh-han-giai-quyet';

/** Runs axe-core in the page; fails with a readable list of the violations. */
async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // addScriptTag would be refused by the app's CSP (script-src 'self', no inline scripts), and the
  // context deliberately keeps the CSP on; evaluating through the DevTools protocol is not subject to it.
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
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

/** The start of the time limit: one group (its label the legend) of a date input and a time input. */
function startField(page: Page, language: 'vi' | 'en' = 'vi') {
  const [legend, dateLabel, timeLabel] = language === 'vi' ? ['Thời điểm tiếp nhận', 'Ngày', 'Giờ'] : ['Received at', 'Date', 'Time'];
  const group = page.getByRole('group', { name: legend });
  return { group, date: group.getByLabel(dateLabel, { exact: true }), time: group.getByLabel(timeLabel, { exact: true }) };
}

async function typeStart(page: Page, date: string, time: string): Promise<void> {
  const start = startField(page);
  await start.date.fill(date);
  await start.time.fill(time);
}

describe.skipIf(!hasChromium)('web app in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];

  const watch = (p: Page) => {
    p.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy|Refused to/i.test(text)) cspViolations.push(text);
    });
    p.on('pageerror', (error) => pageErrors.push(error.message));
  };

  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    server = await startTestServer();
    browser = await launchChromium();
    // A browser far from Vietnam: the page must still read and show Vietnam time.
    context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'America/New_York',
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    watch(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('loads the home page in Vietnamese with landmarks and a skip link', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Hệ thống thông tin giải quyết thủ tục hành chính');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.title()).toContain('Trang chủ');
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Bộ Khoa học và Công nghệ');
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);

    // The skip link is the first stop of the keyboard and leads to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Chuyển đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');

    await expectNoAxeViolations(page, 'the home page');
  });

  it('navigates to the calculator from the main navigation', async () => {
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Tính hạn giải quyết' }).click();
    await page.waitForURL(`**${CALCULATOR_PATH}`);
    expect(await page.locator('h1').textContent()).toBe('Tính hạn giải quyết');
    expect(await nav.getByRole('link', { name: 'Tính hạn giải quyết' }).getAttribute('aria-current')).toBe('page');
    expect(await page.title()).toContain('Tính hạn giải quyết');
    // Focus moves to the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // The start defaults to now, shown as the page writes dates and times (not the browser's locale).
    const start = startField(page);
    expect(await start.date.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await start.time.inputValue()).toMatch(/^\d{2}:\d{2}$/);
    expect(await start.date.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    // The group's hint (Vietnam time, the format) is read with each input.
    const hintId = (await start.date.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('-hint'));
    expect(await page.locator(`#${hintId}`).textContent()).toContain('ngày/tháng/năm');
    expect(await start.time.getAttribute('aria-describedby')).toContain(hintId);
  });

  it('calculates 2 working days from Thu 12/02/2026 17:30: due Mon 23/02/2026 17:00, after Tết', async () => {
    await typeStart(page, '12/02/2026', '17:30');
    await page.getByLabel('Thời hạn giải quyết').fill('2');
    await page.getByLabel('Đơn vị tính').selectOption('working_days');
    const request = page.waitForRequest((r) => r.url().includes('/api/v1/calendar/deadline'));
    await page.getByRole('button', { name: 'Tính hạn' }).click();
    const sent = await request;
    const query = new URL(sent.url()).searchParams;
    expect(query.get('from')).toBe('2026-02-12T17:30:00+07:00');
    expect(query.get('amount')).toBe('2');
    expect(query.get('unit')).toBe('working_days');
    expect(sent.headers()['accept-language']).toBe('vi');

    const due = page.locator('#deadline-due');
    await due.waitFor();
    expect(await due.textContent()).toBe('17:00, thứ Hai, 23/02/2026');
    expect(await due.getAttribute('datetime')).toBe('2026-02-23T17:00:00+07:00');
    expect(await page.locator('#deadline-start').getAttribute('datetime')).toBe('2026-02-13T07:00:00+07:00');

    const daysOff = page.locator('#deadline-days-off');
    const text = await daysOff.textContent();
    expect(text).toContain('thứ Hai, 16/02/2026');
    expect(text).toContain('Tết Nguyên đán');
    expect(await page.locator('#deadline-result').getAttribute('aria-busy')).toBe('false');
    // The result is announced through a status live region.
    expect(await page.getByRole('status').textContent()).toContain('23/02/2026');

    await expectNoAxeViolations(page, 'the calculator with a result');
  });

  it('shows the "skip days off" choice only for calendar days', async () => {
    const checkbox = page.getByLabel('Nếu ngày đến hạn là ngày nghỉ thì lùi sang ngày làm việc tiếp theo');
    expect(await checkbox.count()).toBe(0);
    await page.getByLabel('Đơn vị tính').selectOption('calendar_days');
    expect(await checkbox.isVisible()).toBe(true);
    await page.getByLabel('Đơn vị tính').selectOption('working_days');
    expect(await checkbox.count()).toBe(0);
  });

  it('switches to English: labels, dates, <html lang> and the API language follow; the choice is kept', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('h1').textContent()).toBe('Deadline calculator');
    const start = startField(page, 'en');
    expect(await start.group.count()).toBe(1);
    // Still day/month/year in English (not the American month/day/year).
    expect(await start.date.inputValue()).toBe('12/02/2026');
    expect(await start.time.inputValue()).toBe('17:30');
    expect(await page.getByLabel('Processing time limit').count()).toBe(1);
    expect(await page.getByLabel('Unit').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Calculate' }).count()).toBe(1);
    expect(await page.locator('#deadline-due').textContent()).toBe('17:00, Monday, 23 February 2026');
    expect(await page.locator('#deadline-days-off').textContent()).toContain('Monday, 16 February 2026');
    expect(await page.title()).toContain('Deadline calculator');

    const request = page.waitForRequest((r) => r.url().includes('/api/v1/calendar/deadline'));
    await page.getByRole('button', { name: 'Calculate' }).click();
    expect((await request).headers()['accept-language']).toBe('en');
    await expect.poll(() => page.locator('#deadline-result').getAttribute('aria-busy')).toBe('false');

    await expectNoAxeViolations(page, 'the calculator in English');

    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Deadline calculator');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('in English, keeps dd/mm/yyyy and refuses an incomplete date as the start field’s error, in the language shown', async () => {
    const start = startField(page, 'en');
    expect(await start.date.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await start.date.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    let asked = false;
    const onRequest = (r: { url(): string }) => {
      if (r.url().includes('/api/v1/calendar/deadline')) asked = true;
    };
    page.on('request', onRequest);
    await start.date.fill('12/02/20');
    await page.getByLabel('Processing time limit').fill('2');
    await page.getByRole('button', { name: 'Calculate' }).click();

    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('The deadline could not be calculated');
    const link = alert.getByRole('link');
    expect(await link.count()).toBe(1);
    expect(await link.textContent()).toBe('Received at — Enter a whole date (day/month/year) and time (hours:minutes), e.g. 12/02/2026 and 17:30.');
    // The error is tied to both inputs of the group; the summary leads to the date.
    for (const input of [start.date, start.time]) {
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(await input.getAttribute('aria-describedby')).toContain('deadline-from-error');
    }
    expect(await page.locator('#deadline-from-error').textContent()).toContain('Enter a whole date');
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('deadline-from');
    await checkBothWidths(page, 'the calculator with an incomplete start, in English');

    // The page's own messages follow a language switch (there is nothing to ask the server).
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(
      'Thời điểm tiếp nhận — Nhập đủ ngày (ngày/tháng/năm) và giờ (giờ:phút), ví dụ 12/02/2026 và 17:30.',
    );
    expect(await startField(page).date.inputValue()).toBe('12/02/20');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Received at — Enter a whole date');
    page.off('request', onRequest);
    expect(asked).toBe(false);

    // A whole date again, for the tests below.
    await start.date.fill('12/02/2026');
  });

  it('refuses an empty time limit before asking the server, accessibly', async () => {
    let asked = false;
    const onRequest = (r: { url(): string }) => {
      if (r.url().includes('/api/v1/calendar/deadline')) asked = true;
    };
    page.on('request', onRequest);
    await page.getByLabel('Processing time limit').fill('');
    await page.getByRole('button', { name: 'Calculate' }).click();

    const amount = page.getByLabel('Processing time limit');
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await amount.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    expect(errorId).toBeDefined();
    expect(await page.locator(`#${errorId}`).textContent()).toContain('Enter the processing time limit.');
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('The deadline could not be calculated');
    expect(await alert.getByRole('link').first().textContent()).toContain('Processing time limit');
    page.off('request', onRequest);
    expect(asked).toBe(false);
  });

  it('shows the server’s 422 problem for a negative time limit next to the field, in the UI language', async () => {
    await page.getByLabel('Processing time limit').fill('-1');
    const response = page.waitForResponse((r) => r.url().includes('/api/v1/calendar/deadline'));
    await page.getByRole('button', { name: 'Calculate' }).click();
    const answer = await response;
    expect(answer.status()).toBe(422);
    expect(answer.headers()['content-type']).toContain('application/problem+json');

    const amount = page.getByLabel('Processing time limit');
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    const errorText = await page.locator('#deadline-amount-error').textContent();
    expect(errorText?.replace('Error:', '').trim()).not.toBe('');
    expect(await amount.getAttribute('aria-describedby')).toContain('deadline-amount-error');
    expect(await page.getByRole('alert').textContent()).toContain('The deadline could not be calculated');
    expect(await page.locator('#deadline-due').count()).toBe(0);

    await expectNoAxeViolations(page, 'the calculator with errors');

    // Back to Vietnamese: the server is asked again, so its messages follow the language.
    const again = page.waitForRequest((r) => r.url().includes('/api/v1/calendar/deadline'));
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    expect((await again).headers()['accept-language']).toBe('vi');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Chưa tính được hạn giải quyết');
    expect(await page.getByLabel('Thời hạn giải quyết').getAttribute('aria-invalid')).toBe('true');
  });

  it('fits a 360 px wide screen without horizontal scrolling', async () => {
    const small = await context.newPage();
    watch(small);
    try {
      await small.setViewportSize({ width: 360, height: 740 });
      await small.goto(server.url);
      await small.locator('h1').waitFor();
      expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      await small.goto(`${server.url}${CALCULATOR_PATH}`);
      // The time as it is often written in Vietnamese ("17h30") is read too.
      await typeStart(small, '12/02/2026', '17h30');
      await small.getByLabel('Thời hạn giải quyết').fill('2');
      await small.getByRole('button', { name: 'Tính hạn' }).click();
      await small.locator('#deadline-due').waitFor();
      expect(await small.locator('#deadline-due').textContent()).toBe('17:00, thứ Hai, 23/02/2026');
      expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(small, 'the calculator with a result at 360 px');
    } finally {
      await small.close();
    }
  });

  it('serves unknown page paths with the app (client-side routing) and runs under the CSP', async () => {
    await page.goto(`${server.url}/khong-co-trang-nay`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Không tìm thấy trang');
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
