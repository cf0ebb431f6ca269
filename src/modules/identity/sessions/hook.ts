// The request hook: resolves the principal of every request from its session cookie and
// enforces the CSRF token on cookie-authenticated writes.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import { ProblemError } from '../../../http/problem.ts';
import { CSRF_HEADER, resolveSession, SESSION_COOKIE, type SessionSettings } from './service.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const EMULATORS_PREFIX = '/emulators/';
// Login forms act with credentials, not with the session they replace (and take JSON only, which a
// cross-site form cannot send): a stale session cookie must not block them.
const CSRF_EXEMPT = new Set(['/auth/officer/login', '/auth/officer/invitation']);

/** Resolves the principal of every request from its session cookie, and enforces CSRF on writes. */
export function registerSessionAuth(app: FastifyInstance, deps: { db: Kysely<DB>; settings: SessionSettings }): void {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('sessionCsrf', undefined);
  app.addHook('onRequest', async (request) => {
    // The emulators of national systems are other systems that happen to share the server.
    if (request.url.startsWith(EMULATORS_PREFIX)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await resolveSession(deps.db, deps.settings, token);
    if (!resolved) return;
    request.principal = resolved.principal;
    request.sessionCsrf = resolved.csrfToken;
    if (!SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(request.routeOptions.url ?? '')) {
      const sent = request.headers[CSRF_HEADER];
      const ok =
        typeof sent === 'string' &&
        sent.length === resolved.csrfToken.length &&
        timingSafeEqual(Buffer.from(sent), Buffer.from(resolved.csrfToken));
      if (!ok) {
        throw new ProblemError('csrf', {
          detail: {
            vi: `Yêu cầu ghi dữ liệu phải kèm tiêu đề ${CSRF_HEADER} khớp với phiên đăng nhập.`,
            en: `A write must carry the ${CSRF_HEADER} header of the session.`,
          },
        });
      }
    }
  });
}
