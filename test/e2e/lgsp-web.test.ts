// Browser test of the gateway's administration page (/quan-tri/lgsp) against the real server with
// the demo consumer and logged calls: an administrator sees the services, consumers, statistics
// and latest calls, disables the demo consumer and is told so; an auditor reads without the
// buttons. axe-core finds no violation at 360 px and at desktop width, and nothing is wider than
// the phone. Needs Debian's Chromium at /usr/bin/chromium; skipped (with a warning) without it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { seedLgspDemo } from '../../src/modules/lgsp/demo.ts';
import { startTestServer, type TestApp } from '../support/app.ts';
import { checkBothWidths, chromiumAvailable, closeBrowserAndServer, openBrowser, type BrowserSession } from '../support/chromium.ts';
import { loginAs, type TestLogin } from '../support/auth.ts';

const hasChromium = chromiumAvailable('test/e2e/lgsp-web.test.ts');
const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)('the gateway administration page in Chromium', () => {
  let t: TestApp & { url: string };
  let pages: BrowserSession;
  let admin: TestLogin;
  let auditor: TestLogin;

  const open = (who: TestLogin | undefined, width: number): Promise<Page> => pages.open(who, width);

  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    t = await startTestServer();
    await seedLgspDemo(t.db, t.app.lgsp, { calls: 60 });
    admin = await loginAs(t.db, { kind: 'officer', username: 'quantrilgsp', roles: [{ role: 'admin', unitId: 'bkhcn' }] });
    auditor = await loginAs(t.db, { kind: 'officer', username: 'kiemtoanlgsp', roles: [{ role: 'auditor', unitId: 'bkhcn' }] });
    pages = await openBrowser(t.url);
  }, 240_000);

  afterAll(async () => {
    await closeBrowserAndServer(pages, t);
  });

  it('an administrator reads the gateway and disables a consumer', { timeout: 120_000 }, async () => {
    const page = await open(admin, 1280);
    await page.goto(`${t.url}/quan-tri/lgsp`);
    await page.getByRole('heading', { level: 1, name: 'Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)' }).waitFor(WAIT);
    await page.getByRole('table', { name: 'Dịch vụ chia sẻ dữ liệu' }).waitFor(WAIT);
    expect(await page.getByRole('table', { name: 'Dịch vụ chia sẻ dữ liệu' }).textContent()).toContain('dossier-status');
    expect(await page.getByRole('table', { name: 'Các lần gọi gần nhất' }).getByRole('row').count()).toBe(21);
    await page.getByRole('link', { name: 'Chia sẻ dữ liệu (LGSP)' }).waitFor(WAIT);
    await checkBothWidths(page, 'the LGSP page');
    await page.getByRole('button', { name: 'Khóa hệ thống demo' }).click();
    await page.getByRole('status').getByText('Đã khóa hệ thống demo.').waitFor(WAIT);
    await page.getByRole('button', { name: 'Mở khóa hệ thống demo' }).waitFor(WAIT);
    const demo = await t.db.selectFrom('lgsp_consumer').select('enabled').where('id', '=', 'demo').executeTakeFirstOrThrow();
    expect(demo.enabled).toBe(false);
  });

  it('an auditor reads it without the buttons', { timeout: 60_000 }, async () => {
    const page = await open(auditor, 1280);
    await page.goto(`${t.url}/quan-tri/lgsp`);
    await page.getByRole('table', { name: 'Hệ thống khai thác' }).waitFor(WAIT);
    expect(await page.getByRole('button', { name: /hệ thống demo/ }).count()).toBe(0);
  });
});
