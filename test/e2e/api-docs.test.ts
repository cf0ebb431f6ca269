// The API reference at /api/docs in a real browser: it renders /api/openapi.json under the app's
// CSP (no CDN, script-src 'self') and has no axe-core violations. Debian's Chromium at
// /usr/bin/chromium; skipped (with a warning) without it.
import axe from 'axe-core';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { startTestServer, type TestApp } from '../support/app.ts';

const hasChromium = chromiumAvailable('test/e2e/api-docs.test.ts');

declare global {
  interface Window {
    axe: typeof axe;
  }
}

describe.skipIf(!hasChromium)('/api/docs', () => {
  let server: TestApp & { url: string };
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the OpenAPI document under the CSP, with no axe violations', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') cspErrors.push(m.text());
    });
    await page.goto(`${server.url}/api/docs/`);
    // The operations are listed: the page rendered the OpenAPI document (the one of /api/openapi.json).
    await page.getByText('/api/v1/calendar/deadline').first().waitFor({ timeout: 30_000 });
    await expectNoViolations('the list of operations');
    // Open one operation too: its parameters, examples and responses are what a reader uses.
    await page.locator('.opblock-summary-control').first().click();
    await page.locator('.opblock-body .parameters').first().waitFor({ timeout: 10_000 });
    await expectNoViolations('an open operation');
    expect(cspErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await context.close();

    async function expectNoViolations(where: string) {
      await page.evaluate(axe.source);
      const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const violations = results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
        count: v.nodes.length,
      }));
      if (violations.length > 0) console.error(`axe violations (/api/docs, ${where}):\n${JSON.stringify(violations, null, 2)}`);
      expect(violations, `axe violations on /api/docs (${where})`).toEqual([]);
    }
  }, 90_000);
});
