// The HTML page of an error, for a person in a browser: a request that accepts text/html and is
// not an API call (/api/*) gets this page instead of problem+json — a login cancelled at the
// national SSO, an expired /auth link, an address that does not exist. Vietnamese first, then
// English, a way back to the home page. Inline CSS only (the CSP allows style-src 'unsafe-inline'
// and no script), colours of the web app (WCAG 2.2 AA contrast).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemBody, type ProblemBody, type ProblemCode } from './problem.ts';

const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** Paths whose errors are always problem+json, whatever the client accepts. */
const MACHINE_PATHS = /^\/(api|metrics|healthz|readyz|problems)(\/|$|\?)/;

/**
 * Whether the error answer should be a page: the client accepts text/html (a browser navigating)
 * and not application/json or application/problem+json ahead of it, and this is not an API path.
 */
export function wantsErrorPage(request: FastifyRequest): boolean {
  if (MACHINE_PATHS.test(request.url)) return false;
  const accept = String(request.headers.accept ?? '').toLowerCase();
  const html = accept.indexOf('text/html');
  if (html < 0) return false;
  const json = accept.search(/application\/(problem\+)?json/);
  return json < 0 || html < json;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;background:#f3f5f8;color:#1b1f24;
font:1rem/1.6 'Be Vietnam Pro',system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}
header{background:#a3161a;color:#fff;padding:.75rem 1rem;font-weight:600}
main{flex:1;width:100%;max-width:40rem;margin:0 auto;padding:1.5rem 1rem}
.card{background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:1.25rem 1.5rem;margin-bottom:1rem}
h1{font-size:1.4rem;line-height:1.3;margin:0 0 .5rem;color:#1b1f24}
h2{font-size:1.1rem;line-height:1.3;margin:0 0 .5rem;color:#1b1f24}
.code{color:#4a5360;font-size:.9rem;margin:0 0 .75rem}
p{margin:0 0 .75rem}
a{color:#0b4fb3}a:hover{color:#083a85}
.button{display:inline-block;background:#a3161a;color:#fff;text-decoration:none;padding:.6rem 1.2rem;border-radius:6px;font-weight:600;min-height:44px}
.button:hover{background:#7f1114;color:#fff}
:focus-visible{outline:3px solid #1b1f24;outline-offset:2px}
footer{background:#12233f;color:#e8edf5;padding:.75rem 1rem;font-size:.9rem}`;

/** The page for a problem, in Vietnamese and English. */
export function errorPage(vi: ProblemBody, en: ProblemBody): string {
  const detail = (body: ProblemBody) => (body.detail ? `<p>${escapeHtml(body.detail)}</p>` : '');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(vi.title)} — motcua</title>
<style>${STYLE}</style>
</head>
<body>
<header>Hệ thống thông tin giải quyết thủ tục hành chính</header>
<main>
<section class="card" aria-labelledby="vi-title">
<h1 id="vi-title">${escapeHtml(vi.title)}</h1>
<p class="code">Lỗi ${vi.status}</p>
${detail(vi)}
<p><a class="button" href="/">Về trang chủ</a></p>
</section>
<section class="card" lang="en" aria-labelledby="en-title">
<h2 id="en-title">${escapeHtml(en.title)}</h2>
<p class="code">Error ${en.status}</p>
${detail(en)}
<p><a href="/">Back to the home page</a></p>
</section>
</main>
<footer>motcua</footer>
</body>
</html>`;
}

/** Sends the page of a problem with the problem's status. */
export function sendErrorPage(
  reply: FastifyReply,
  code: ProblemCode,
  options: Parameters<typeof problemBody>[2] = {},
): FastifyReply {
  const vi = problemBody(code, 'vi', options);
  const en = problemBody(code, 'en', options);
  return reply
    .status(vi.status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(errorPage(vi, en));
}
