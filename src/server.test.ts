import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/support/app.ts';
import { loadConfig } from './config.ts';
import { createTestDatabase } from './db/testing.ts';
import { buildApp } from './server.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
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
    const res = await t.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/route="\/api\/v1\/calendar\/days-off"/);
    expect(res.body).toContain('db_pool_connections{state="total"}');
    expect(res.body).toContain('nodejs_eventloop_lag_seconds');
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

  it('sets security headers', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests and refuses new ones', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database });
    app.get('/slow', async () => {
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
