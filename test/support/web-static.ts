// The built web app (web/dist) served as the server serves it (files, and index.html for the
// app's own paths), with the API answered by the test through Playwright's request routing. For
// browser tests of pages against a fixed API contract, independent of the server's state.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import axe from 'axe-core';
import type { Page, Route } from 'playwright-core';
import { expect } from 'vitest';

const dist = path.join(import.meta.dirname, '../../web/dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

export async function serveWebApp(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = path.join(dist, decodeURIComponent(url.pathname));
    if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(dist, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export type ApiHandler = (request: { method: string; path: string; search: URLSearchParams; body: unknown; headers: Record<string, string> }) =>
  | { status?: number; body?: unknown }
  | undefined;

/** Answers /api/ and /auth/ requests with `handler` (404 problem when it returns undefined). */
export async function routeApi(page: Page, handler: ApiHandler): Promise<void> {
  await page.route(/\/(api|auth)\//, async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    let body: unknown;
    try {
      body = request.postDataJSON();
    } catch {
      body = request.postData();
    }
    const answer = handler({ method: request.method(), path: url.pathname, search: url.searchParams, body, headers: request.headers() });
    const status = answer?.status ?? (answer ? 200 : 404);
    const payload = answer?.body ?? (answer ? {} : { type: 'about:blank', title: 'Not found', status: 404 });
    await route.fulfill({
      status,
      contentType: status >= 400 ? 'application/problem+json' : 'application/json',
      body: JSON.stringify(payload),
    });
  });
}

export const problem = (status: number, code: string, title: string, extra: Record<string, unknown> = {}) => ({
  status,
  body: { type: `https://motcua.example/problems/${code}`, code, title, status, ...extra },
});

/** Runs axe-core in the page; fails with a readable list of the violations. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  }));
  if (violations.length > 0) console.error(`axe violations (${where}):\n${JSON.stringify(violations, null, 2)}`);
  expect(violations, `axe violations on ${where}`).toEqual([]);
}

/** Nothing in the page is wider than the viewport (no sideways scrolling of the page itself). */
export async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
