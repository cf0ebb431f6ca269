import { existsSync } from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/support/app.ts';
import { loginAs } from '../test/support/auth.ts';
import { parseForms, TestBrowser, type Page } from '../test/support/browser.ts';
import { loadConfig } from './config.ts';
import { createTestDatabase, type TestDatabase } from './db/testing.ts';
import { buildApp, type App } from './server.ts';

const METRICS_TOKEN = 'prometheus-scrape-token-0123456789';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ METRICS_TOKEN });
});
afterAll(async () => {
  await t?.close();
});

const problem = (res: { headers: Record<string, unknown>; json: () => any }) => {
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  return res.json();
};

describe('health', () => {
  it('/healthz says the process is alive', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz checks the database and its migrations', async () => {
    const res = await t.app.inject('/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: t.database.kind });
  });

  it('/readyz is 503 while migrations are pending', async () => {
    const database = await createTestDatabase({ migrate: false });
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database });
    try {
      const res = await app.inject('/readyz');
      expect(res.statusCode).toBe(503);
      expect(problem(res).detail).toMatch(/0001-foundation/);
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('metrics', () => {
  it('exposes request latency by route, the pool and event-loop lag', async () => {
    await t.app.inject('/api/v1/calendar/days-off?year=2026');
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/route="\/api\/v1\/calendar\/days-off"/);
    expect(res.body).toContain('db_pool_connections{state="total"}');
    expect(res.body).toContain('nodejs_eventloop_lag_seconds');
  });
});

describe('metrics access', () => {
  it('refuses an anonymous scrape and a wrong token with a 401 problem', async () => {
    const anonymous = await t.app.inject('/metrics');
    expect(anonymous.statusCode).toBe(401);
    expect(problem(anonymous).code).toBe('unauthorized');
    expect(anonymous.body).not.toContain('http_request_duration_seconds');
    const wrong = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}x` } });
    expect(wrong.statusCode).toBe(401);
    expect(problem(wrong).code).toBe('unauthorized');
  });

  it('lets an auditor read the metrics, not a receiver', async () => {
    const auditor = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'auditor', unitId: 'bkhcn' }] });
    const receiver = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'receiver', unitId: 'bkhcn' }] });
    // The units were just seeded; the app may hold the tree it read before.
    t.app.units.invalidate();
    expect((await t.app.inject({ url: '/metrics', headers: auditor.headers })).statusCode).toBe(200);
    const refused = await t.app.inject({ url: '/metrics', headers: receiver.headers });
    expect(refused.statusCode).toBe(403);
    expect(problem(refused).code).toBe('forbidden');
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const deadline = doc.paths['/api/v1/calendar/deadline'].get;
    expect(deadline.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['from', 'amount', 'unit']),
    );
    expect(doc.paths['/api/v1/identifiers/personal-id/{number}']).toBeDefined();
    expect(doc.paths['/metrics']).toBeUndefined();
  });

  it('serves a browsable reference at /api/docs', async () => {
    const res = await t.app.inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('problem responses', () => {
  it('an unknown API route is a 404 problem, in Vietnamese by default', async () => {
    const res = await t.app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    const body = problem(res);
    expect(body).toMatchObject({ type: '/problems/not_found', code: 'not_found', status: 404, title: 'Không tìm thấy' });
  });

  it('titles follow Accept-Language', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(problem(res).title).toBe('Not found');
  });

  it('invalid query parameters give 422 with per-field errors in the request language', async () => {
    const res = await t.app.inject({
      url: '/api/v1/calendar/deadline?from=yesterday&amount=-1&unit=weeks',
      headers: { 'accept-language': 'vi' },
    });
    expect(res.statusCode).toBe(422);
    const body = problem(res);
    expect(body.code).toBe('validation');
    const pointers = body.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(['/query/amount', '/query/from', '/query/unit']);
    const en = problem(
      await t.app.inject({ url: '/api/v1/calendar/deadline?from=x&amount=1&unit=working_days', headers: { 'accept-language': 'en' } }),
    );
    expect(en.title).toBe('Invalid input');
    expect(en.errors[0].message).toMatch(/ISO 8601/);
    expect(body.errors.find((e: { pointer: string }) => e.pointer === '/query/unit').message).toMatch(/Giá trị không hợp lệ; chọn một trong: "working_days"/);
  });

  const admin = { authorization: 'Bearer test-admin-token-0123456789abcdef' };

  it('malformed JSON is a 400 problem', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2030',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: '{"sources": [',
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('malformed_body');
  });

  it('a body that is not JSON is a 415 problem', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2030',
      headers: { ...admin, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(res.statusCode).toBe(415);
    expect(problem(res).code).toBe('unsupported_media_type');
  });

  it('an oversized body is a 413 problem', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2030',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: JSON.stringify({ sources: ['x'.repeat(2 * 1024 * 1024)] }),
    });
    expect(res.statusCode).toBe(413);
    expect(problem(res).code).toBe('payload_too_large');
  });

  it('never leaks a stack trace', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2030',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: '{"daysOff": 5}',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('request handling', () => {
  it('echoes a well-formed x-request-id and makes one otherwise', async () => {
    const given = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'gw-123' } });
    expect(given.headers['x-request-id']).toBe('gw-123');
    const made = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers, the same on an answer, a 404 and a refused request', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy']).split(';').sort()).toEqual(
      [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
        "script-src-attr 'none'",
      ].sort(),
    );
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const missing = await t.app.inject('/api/v1/no-such-route');
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', payload: {} });
    for (const other of [missing, refused]) {
      for (const name of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy']) expect(other.headers[name], name).toBe(res.headers[name]);
    }
  });
});

/** One raw HTTP exchange: writes `chunks` (then half-closes unless `keepOpen`), returns all that came back. */
function rawExchange(port: number, chunks: string[], options: { keepOpen?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      for (const chunk of chunks) socket.write(chunk);
      if (!options.keepOpen) socket.end();
    });
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (data += d));
    socket.on('error', reject);
    socket.on('close', () => resolve(data));
  });
}

const rawBody = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));

describe('the edge (router and connection errors, limits, headers)', () => {
  // A second app: served over https (PUBLIC_URL), a short request timeout, no web app (so that
  // no wildcard route hides the router's parameter-length check), and a route echoing request.id.
  let edge: App;
  let edgeDb: TestDatabase;
  let port: number;
  beforeAll(async () => {
    edgeDb = await createTestDatabase();
    edge = await buildApp({
      config: loadConfig({
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        PUBLIC_URL: 'https://motcua.example.gov.vn',
        REQUEST_TIMEOUT_MS: '300',
        WEB_DIST_DIR: 'no-such-dir',
      }),
      database: edgeDb,
    });
    edge.get('/echo-id', { config: { access: 'public' } }, async (request) => ({ id: request.id }));
    await edge.listen({ port: 0, host: '127.0.0.1' });
    port = (edge.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await edge?.close();
    await edgeDb?.close();
  });

  it('a malformed percent-encoding in the address is a 400 problem, vi by default and en on request', async () => {
    for (const app of [t.app, edge]) {
      const vi = await app.inject('/api/v1/identifiers/personal-id/%ff%fe');
      expect(vi.statusCode).toBe(400);
      expect(problem(vi)).toMatchObject({ code: 'bad_url', title: 'Địa chỉ yêu cầu không hợp lệ' });
      const en = await app.inject({ url: '/%ff%fe', headers: { 'accept-language': 'en', 'x-request-id': 'gw-1' } });
      expect(problem(en)).toMatchObject({ code: 'bad_url', status: 400, title: 'Malformed request address' });
      expect(en.headers['x-request-id']).toBe('gw-1');
    }
  });

  it('a path parameter over its length is a problem', async () => {
    const long = `/api/v1/identifiers/personal-id/${'1'.repeat(200)}`;
    const res = await edge.inject({ url: long, headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(414);
    expect(problem(res)).toMatchObject({ code: 'uri_too_long', title: 'Request address too long' });
    // With the web app's catch-all route it is a not-found problem: never Fastify's JSON either.
    problem(await t.app.inject(long));
  });

  it('a body shorter than its Content-Length is a 400 problem', async () => {
    const injected = await t.app.inject({
      method: 'POST',
      url: '/auth/officer/login',
      headers: { 'content-type': 'application/json', 'content-length': '100' },
      payload: '{"a":1}',
    });
    expect(injected.statusCode).toBe(400);
    expect(problem(injected).code).toBe('bad_request');
    const response = await rawExchange(port, [
      'POST /auth/officer/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":1}',
    ]);
    expect(response).toMatch(/^HTTP\/1\.1 400 /);
    expect(response).toMatch(/content-type: application\/problem\+json/i);
    expect(rawBody(response)).toMatchObject({ code: 'bad_request', status: 400, title: 'Yêu cầu không hợp lệ' });
  });

  it('cuts off a slowly sent body (REQUEST_TIMEOUT_MS) with a 408 problem', async () => {
    // Half of the body, then nothing: without a request timeout the connection would stay open.
    const response = await rawExchange(
      port,
      ['POST /auth/officer/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{"username":'],
      { keepOpen: true },
    );
    expect(response).toMatch(/^HTTP\/1\.1 408 /);
    expect(rawBody(response)).toMatchObject({ code: 'request_timeout', status: 408, title: 'Hết thời gian chờ yêu cầu' });
  }, 20_000);

  it('sends Strict-Transport-Security only when PUBLIC_URL is https', async () => {
    expect((await edge.inject('/healthz')).headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect((await t.app.inject('/healthz')).headers['strict-transport-security']).toBeUndefined();
  });

  it('request.id is the caller\'s x-request-id only when well-formed', async () => {
    const id = async (header: string) =>
      (await edge.inject({ url: '/echo-id', headers: { 'x-request-id': header } })).json().id as string;
    expect(await id('gw-123.abc:9')).toBe('gw-123.abc:9');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const bad of ['x'.repeat(129), 'a b', '../../etc/passwd', "1'; drop table audit_log; --", '<script>', 'é']) {
      const got = await id(bad);
      expect(got).toMatch(uuid);
    }
    // The echoed header is the checked id too.
    const res = await edge.inject({ url: '/echo-id', headers: { 'x-request-id': 'x'.repeat(129) } });
    expect(res.headers['x-request-id']).toBe(res.json().id);
  });
});

describe('NUL characters', () => {
  it('are refused with a 422 problem on an anonymous route (officer login)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/officer/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: '{"username":"a\\u0000b","password":"whatever-password"}',
    });
    expect(res.statusCode).toBe(422);
    const body = problem(res);
    expect(body.code).toBe('validation');
    expect(body.errors).toEqual([{ pointer: '/body/username', code: 'nul_character', message: 'Must not contain a NUL character (U+0000).' }]);
  });

  it('are refused in nested bodies, keys, the query string and path parameters of API routes', async () => {
    const nested = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/procedures/1.000001/versions/1/submissions',
      headers: { 'content-type': 'application/json' },
      payload: '{"data":{"ghiChu":["ok","x\\u0000"]}}',
    });
    expect(nested.statusCode).toBe(422);
    expect(problem(nested).errors[0].pointer).toBe('/body/data/ghiChu/1');
    const key = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2030',
      headers: { 'content-type': 'application/json' },
      payload: '{"a\\u0000":1}',
    });
    expect(key.statusCode).toBe(422);
    expect(problem(key).errors[0].pointer).toBe('/body/a\\u0000');
    const query = await t.app.inject('/api/v1/calendar/deadline?from=2026-01-05T08:00:00%2B07:00&amount=1%00&unit=working_days');
    expect(query.statusCode).toBe(422);
    expect(problem(query).errors[0]).toMatchObject({ pointer: '/query/amount', code: 'nul_character' });
    const params = await t.app.inject('/api/v1/identifiers/personal-id/00108%00012345');
    expect(params.statusCode).toBe(422);
    expect(problem(params).errors[0]).toMatchObject({ pointer: '/params/number', code: 'nul_character' });
    // A raw NUL byte is not JSON at all.
    const raw = await t.app.inject({
      method: 'POST',
      url: '/auth/officer/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"a\u0000b","password":"x"}',
    });
    expect(raw.statusCode).toBe(400);
    expect(problem(raw).code).toBe('malformed_body');
  });
});

describe('error pages for people in a browser', () => {
  const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

  it('a problem of a non-API route is an HTML page, Vietnamese first, with a way back', async () => {
    const res = await t.app.inject({ url: '/auth/callback?error=access_denied&state=x', headers: html });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<html lang="vi">');
    expect(res.body).toContain('href="/"');
    expect(res.body).toContain('Về trang chủ');
    expect(res.body).toContain('lang="en"');
    expect(res.body.indexOf('Về trang chủ')).toBeLessThan(res.body.indexOf('Back to the home page'));
    // No script: the page works under the CSP.
    expect(res.body).not.toContain('<script');
    const missing = await t.app.inject({ url: '/emulators/nothing-here', headers: html });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
    expect(missing.body).toContain('Không tìm thấy');
  });

  it('API routes and JSON clients keep problem+json', async () => {
    const api = await t.app.inject({ url: '/api/v1/nothing-here', headers: html });
    expect(api.statusCode).toBe(404);
    problem(api);
    const json = await t.app.inject({ url: '/auth/callback?error=access_denied', headers: { accept: 'application/json, text/html' } });
    problem(json);
  });
});

describe('the emulators\' own addresses (README tour)', () => {
  it('/emulators/sso is a page saying what it is, with links', async () => {
    for (const url of ['/emulators/sso', '/emulators/sso/']) {
      const res = await t.app.inject({ url, headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('Giả lập hệ thống đăng nhập một lần');
      expect(res.body).toContain('href="/emulators/sso/.well-known/openid-configuration"');
      expect(res.body).toMatch(/href="http:\/\/[^"]+\/auth\/login"/);
    }
  });

  it('/emulators/population/ is a page saying what it is, with a way back', async () => {
    for (const url of ['/emulators/population/', '/emulators/population']) {
      const res = await t.app.inject({ url, headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('Giả lập Cơ sở dữ liệu quốc gia về dân cư');
      expect(res.body).toContain('POST /emulators/population/');
      expect(res.body).toContain('href="/"');
    }
  });
});

/** Follows redirects like a browser: every hop asks for text/html. */
async function browse(browser: TestBrowser, url: string, init: Parameters<TestBrowser['request']>[1] = {}): Promise<Page> {
  const accept = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
  let page = await browser.request(url, { ...init, headers: { ...accept, ...init.headers } });
  for (let hops = 0; page.status >= 300 && page.status < 400 && hops < 15; hops++) {
    page = await browser.request(new URL(page.headers.get('location')!, page.url).href, { headers: accept });
  }
  return page;
}

describe('cancelling a login at the SSO emulator', () => {
  it('returns to motcua with error=access_denied, which shows a page with a way back', async () => {
    const server = await createTestApp();
    try {
      const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
      const browser = new TestBrowser();
      const login = await browse(browser, `${url}/auth/login`);
      expect(login.status).toBe(200);
      const form = parseForms(login.body, login.url).find((f) => /\/login$/.test(f.action))!;
      expect(form).toBeDefined();
      const cancelled = await browse(browser, form.action.replace(/\/login$/, '/abort'), { method: 'POST', body: new URLSearchParams({}) });
      expect(cancelled.url).toMatch(/\/auth\/callback\?/);
      expect(new URL(cancelled.url).searchParams.get('error')).toBe('access_denied');
      expect(cancelled.headers.get('content-type')).toMatch(/^text\/html/);
      expect(cancelled.body).toContain('href="/"');
    } finally {
      await server.close();
    }
  }, 30_000);
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests and refuses new ones', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database });
    app.get('/slow', { config: { access: 'public' } }, async () => {
      await new Promise((r) => setTimeout(r, 300));
      return { done: true };
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const inFlight = fetch(`${url}/slow`);
    await new Promise((r) => setTimeout(r, 50));
    const closing = app.close();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await closing;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    await database.close();
  });
});

describe.skipIf(!existsSync('web/dist/index.html'))('the web app', () => {
  it('serves page addresses with index.html and leaves API paths to problems', async () => {
    const page = await t.app.inject('/tinh-han-giai-quyet');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<div id="root">');
    // A procedure code in the address is not a file extension.
    const procedure = await t.app.inject('/thu-tuc/1.009901');
    expect(procedure.statusCode).toBe(200);
    expect(procedure.headers['content-type']).toMatch(/text\/html/);
    const api = await t.app.inject('/api/v1/tinh-han');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/problem\+json/);
    const missingAsset = await t.app.inject('/assets/nothing.js');
    expect(missingAsset.statusCode).toBe(404);
  });

  it('caches hashed assets for a year and revalidates pages', async () => {
    const html = (await t.app.inject('/')).body;
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const res = await t.app.inject(asset!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await t.app.inject('/')).headers['cache-control']).toBe('no-cache');
  });
});
