// Machine credentials: a client that is no person (a script entering next year's days off, a
// scheduler) sends `Authorization: Bearer <ADMIN_API_TOKEN>`. The token is resolved to a service
// principal carrying the permissions of ADMIN_API_TOKEN_PERMISSIONS (default calendar.edit) in
// every unit; routes then authorize it like anyone else (src/http/access.ts). A bearer header
// that is not the token is refused with 401 whatever else the request carries, so a mistyped
// token is never mistaken for an anonymous call. Browsers use sessions, never this header.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission, ServicePrincipal } from '../../../core/access/index.ts';
import { ProblemError } from '../../../http/problem.ts';

/** The emulators of national systems have their own bearer keys (the population database's). */
const EMULATORS_PREFIX = '/emulators/';

/** What the audit trail names when the token acts. */
export const MACHINE_TOKEN_LABEL = 'ADMIN_API_TOKEN';

export interface MachineTokenSettings {
  /** ADMIN_API_TOKEN; unset: no machine client is accepted. */
  token: string | undefined;
  /** ADMIN_API_TOKEN_PERMISSIONS (validated against the vocabulary by the configuration). */
  permissions: readonly Permission[];
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function machineTokenPrincipal(permissions: readonly Permission[]): ServicePrincipal {
  return {
    kind: 'service',
    accountId: 'service:admin-api-token',
    fullName: MACHINE_TOKEN_LABEL,
    method: 'token',
    permissions: [...permissions],
  };
}

function invalidToken(): ProblemError {
  return new ProblemError('unauthorized', {
    detail: { vi: 'Mã truy cập (Bearer) không hợp lệ.', en: 'The bearer token is not valid.' },
  });
}

/** The principal of a request's bearer token: undefined without one; throws 401 for a wrong one. */
export function resolveMachineToken(authorization: string | undefined, settings: MachineTokenSettings): ServicePrincipal | undefined {
  if (authorization === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) {
    if (/^Bearer\b/i.test(authorization)) throw invalidToken();
    return undefined;
  }
  if (!settings.token || !timingSafeEqual(digest(match[1]!), digest(settings.token))) throw invalidToken();
  return machineTokenPrincipal(settings.permissions);
}

/** Registers the resolution as an onRequest hook; register it after the session hook. */
export function registerMachineToken(app: FastifyInstance, settings: MachineTokenSettings): void {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.url.startsWith(EMULATORS_PREFIX)) return;
    const principal = resolveMachineToken(request.headers.authorization, settings);
    // The session's principal type does not name machine clients yet; the core one does.
    if (principal) Object.assign(request, { principal });
  });
}
