// Machine credentials: a client that is no person (a script entering next year's days off,
// Prometheus) sends `Authorization: Bearer <token>`. Each configured token is resolved to a
// service principal carrying its permissions in every unit: ADMIN_API_TOKEN with
// ADMIN_API_TOKEN_PERMISSIONS (default calendar.edit), METRICS_TOKEN with metrics.read. Routes
// then authorize it like anyone else (src/http/access.ts). A bearer header that is none of the
// tokens is refused with 401 whatever else the request carries, so a mistyped token is never
// mistaken for an anonymous call. Browsers use sessions, never this header.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission, ServicePrincipal } from '../../../core/access/index.ts';
import { ProblemError } from '../../../http/problem.ts';

/**
 * Paths with bearer tokens of their own: the emulators of national systems (the population
 * database's keys) and the data-exchange gateway (its OAuth2 access tokens).
 */
const OWN_BEARER_PREFIXES = ['/emulators/', '/lgsp/'];

/** What the audit trail names when the administrative token acts. */
export const MACHINE_TOKEN_LABEL = 'ADMIN_API_TOKEN';

export interface MachineCredential {
  /** The setting it comes from, named in the audit trail. */
  name: string;
  token: string;
  /** Validated against the vocabulary by the configuration. */
  permissions: readonly Permission[];
}

export interface MachineTokenSettings {
  /** ADMIN_API_TOKEN; unset: no administrative machine client is accepted. */
  token: string | undefined;
  /** ADMIN_API_TOKEN_PERMISSIONS. */
  permissions: readonly Permission[];
  /** METRICS_TOKEN: Prometheus reads /metrics with it. */
  metricsToken?: string | undefined;
}

/** The configured credentials. */
export function machineCredentials(settings: MachineTokenSettings): MachineCredential[] {
  const out: MachineCredential[] = [];
  if (settings.token) out.push({ name: MACHINE_TOKEN_LABEL, token: settings.token, permissions: settings.permissions });
  if (settings.metricsToken) out.push({ name: 'METRICS_TOKEN', token: settings.metricsToken, permissions: ['metrics.read'] });
  return out;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function machineTokenPrincipal(permissions: readonly Permission[], name = MACHINE_TOKEN_LABEL): ServicePrincipal {
  return {
    kind: 'service',
    accountId: `service:${name.toLowerCase().replace(/_/g, '-')}`,
    fullName: name,
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
  const sent = digest(match[1]!);
  // Compare with every credential (constant time each), so the answer takes as long for all.
  let found: MachineCredential | undefined;
  for (const credential of machineCredentials(settings)) {
    if (timingSafeEqual(sent, digest(credential.token))) found ??= credential;
  }
  if (!found) throw invalidToken();
  return machineTokenPrincipal(found.permissions, found.name);
}

/** Registers the resolution as an onRequest hook; register it after the session hook. */
export function registerMachineToken(app: FastifyInstance, settings: MachineTokenSettings): void {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (OWN_BEARER_PREFIXES.some((prefix) => request.url.startsWith(prefix))) return;
    const principal = resolveMachineToken(request.headers.authorization, settings);
    if (principal) request.principal = principal;
  });
}
