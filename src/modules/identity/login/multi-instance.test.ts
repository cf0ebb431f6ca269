// Two motcua instances on one database, behind a "load balancer" (the test browser sends each
// request to either): the citizen login with the built-in SSO emulator works whichever instance
// takes each step, because the login state, the emulator's artefacts and keys, and the sessions
// all live in the database.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseForms, TestBrowser, type Page } from '../../../../test/support/browser.ts';
import { EMULATOR_DEMO_PASSWORD } from '../../../../test/support/sso.ts';
import { loadConfig } from '../../../config.ts';
import { createTestDatabase, type TestDatabase } from '../../../db/testing.ts';
import { buildApp, type App } from '../../../server.ts';

let database: TestDatabase;
let a: App;
let b: App;
let portA: number;
let portB: number;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  database = await createTestDatabase();
  portA = await freePort();
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', PUBLIC_URL: `http://127.0.0.1:${portA}` });
  a = await buildApp({ config, database });
  b = await buildApp({ config, database });
  await a.listen({ port: portA, host: '127.0.0.1' });
  await b.listen({ port: 0, host: '127.0.0.1' });
  portB = (b.server.address() as { port: number }).port;
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await database?.close();
});

describe('several instances', () => {
  it('a login whose steps alternate between the instances succeeds', async () => {
    const browser = new TestBrowser();
    const on = (port: number, url: string) => {
      const u = new URL(url, `http://127.0.0.1:${portA}`);
      u.port = String(port);
      return u.href;
    };
    const location = (page: Page) => {
      expect(page.status, page.body.slice(0, 300)).toBeGreaterThanOrEqual(300);
      return page.headers.get('location')!;
    };
    const l1 = location(await browser.request(on(portA, '/auth/login?acr=LoA2&returnTo=/ho-so')));
    const l2 = location(await browser.request(on(portB, l1)));
    const loginPage = await browser.request(on(portA, l2));
    expect(loginPage.status).toBe(200);
    const form = parseForms(loginPage.body, loginPage.url).find((f) => /\/login$/.test(f.action))!;
    const subject = form.fields.find((f) => f.name === 'subject' && f.checked)!.value;
    const body = new URLSearchParams({ tab: 'person', subject, level: 'LoA2', password: EMULATOR_DEMO_PASSWORD });
    const l3 = location(await browser.request(on(portB, form.action), { method: 'POST', body }));
    const l4 = location(await browser.request(on(portA, l3)));
    expect(new URL(l4, 'http://x').pathname).toBe('/auth/callback');
    // 6. B takes the callback: it redeems the code (issued through A) and opens the session.
    const callback = await browser.request(on(portB, l4));
    expect(callback.status, callback.body).toBe(303);
    expect(callback.headers.get('location')).toBe('/ho-so');

    for (const port of [portA, portB]) {
      const me = await fetch(on(port, '/api/v1/me'), { headers: { cookie: `motcua_sid=${browser.cookie(on(portA, '/'), 'motcua_sid')}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ kind: 'citizen', acr: 'LoA2' });
    }
  });
});
