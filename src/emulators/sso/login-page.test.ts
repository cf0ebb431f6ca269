// Browser test of the SSO emulator's login page: a phone-sized Chromium logs in through motcua's
// /auth/login, with axe-core checking accessibility on the way. Needs /usr/bin/chromium; skipped
// (with a warning) without it.
import { existsSync } from 'node:fs';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestApp } from '../../../test/support/app.ts';
import { syntheticCitizen } from '../population/generator.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`src/emulators/sso/login-page.test.ts: skipped — ${CHROMIUM} does not exist (apt-get install -y chromium).`);

let t: TestApp & { url: string };
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  t = await startTestServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function axeViolations(page: Page) {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

describe.skipIf(!hasChromium)('the emulator’s login page in a browser', () => {
  it('is accessible, fits a 360 px phone screen, and logs a citizen in at level 2', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const citizen = syntheticCitizen(5);
    await page.goto(`${t.url}/auth/login?acr=LoA2&returnTo=/api/v1/me`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByLabel('Tìm theo số định danh cá nhân hoặc họ tên').fill(citizen.personalId);
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByLabel(new RegExp(citizen.fullName)).check();
    expect(await page.getByLabel(/Mức độ 1/).isDisabled()).toBe(true);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('sai');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Mật khẩu không đúng');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel(new RegExp(citizen.fullName)).check();
    await page.getByLabel('Mật khẩu', { exact: true }).fill('Demo@123');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${t.url}/api/v1/me`);
    const me = JSON.parse((await page.textContent('body')) ?? '{}');
    expect(me).toMatchObject({ kind: 'citizen', personalId: citizen.personalId, acr: 'LoA2' });
    await context.close();
  });
});
