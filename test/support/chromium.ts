// The browser tests' one way to drive Debian's Chromium: whether it is installed (the tests are
// skipped with a warning when it is not), the launch flags, pages opened as a logged-in person
// (their session and CSRF cookies) collecting the page errors, and the check every page gets:
// axe-core at a phone's width and at a desktop's, and nothing wider than the phone.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestLogin } from './auth.ts';
import { expectNoAxeViolations, pageOverflow } from './web-static.ts';

export const CHROMIUM = '/usr/bin/chromium';

/** Whether Chromium is installed; warns once for the test file when it is not. */
export function chromiumAvailable(testFile: string): boolean {
  const available = existsSync(CHROMIUM);
  if (!available) console.warn(`${testFile}: browser tests skipped — ${CHROMIUM} does not exist (apt-get install -y chromium).`);
  return available;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface BrowserPages {
  /** A page in a fresh context (Vietnamese, Hà Nội time), logged in as `who` when given. */
  open(who: TestLogin | undefined, width: number): Promise<Page>;
  /** Uncaught errors of every page opened (a test expects none). */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

export function browserPages(browser: Browser, baseUrl: string): BrowserPages {
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  return {
    pageErrors,
    async open(who, width) {
      const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width, height: 900 } });
      contexts.push(context);
      if (who) {
        const sid = /motcua_sid=([^;]+)/.exec(who.headers.cookie)![1]!;
        await context.addCookies([
          { name: 'motcua_sid', value: sid, url: baseUrl },
          { name: 'motcua_csrf', value: who.headers['x-csrf-token'], url: baseUrl },
        ]);
      }
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
    },
  };
}

/** axe at a phone's width and at a desktop's, and nothing wider than the phone. */
export async function checkBothWidths(page: Page, where: string): Promise<void> {
  const before = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoAxeViolations(page, `${where} (360 px)`);
  expect(await pageOverflow(page), `${where} is wider than 360 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectNoAxeViolations(page, `${where} (1280 px)`);
  await page.setViewportSize(before);
}

/** The browser of one test file: Debian's Chromium with its pages (`browserPages`); `close` closes both. */
export interface BrowserSession extends BrowserPages {
  readonly browser: Browser;
}

export async function openBrowser(baseUrl: string): Promise<BrowserSession> {
  const browser = await launchChromium();
  const pages = browserPages(browser, baseUrl);
  return {
    browser,
    open: (who, width) => pages.open(who, width),
    pageErrors: pages.pageErrors,
    async close() {
      await pages.close();
      await browser.close();
    },
  };
}

/** After a file's tests: its pages and browser closed, then its server; no page had an uncaught error. */
export async function closeBrowserAndServer(session: BrowserSession | undefined, server: { close(): Promise<unknown> } | undefined): Promise<void> {
  await session?.close();
  await server?.close();
  expect(session?.pageErrors ?? []).toEqual([]);
}
