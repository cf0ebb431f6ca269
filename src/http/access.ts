// One way to authorize a request. Every route declares, in its options, what it needs:
//   config: { access: 'public' }            anyone, logged in or not
//   config: { access: 'login' }             any logged-in person (their own account, logout)
//   config: { access: 'catalog.publish' }   a permission of src/core/access (role table there)
//   config: { access: 'client' }            a consumer system, authenticated by the route itself
//                                           (the data-exchange gateway's OAuth2 client credentials)
// One hook enforces it before the body is validated, so a caller without the right learns
// nothing about the input. The permission is checked "in some unit" here; the use case checks it
// again for the record's own unit with `can()` (and the module's policy for rules beyond that).
// A route without a declaration cannot be registered: the server fails to start.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decide, type Permission, type Principal, type UnitTree } from '../core/access/index.ts';
import { ProblemError } from './problem.ts';

export type RouteAccess = 'public' | 'login' | 'client' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route requires (see src/http/access.ts). */
    access?: RouteAccess;
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

/**
 * Routes that are other systems sharing the server (emulators of national systems, with their own
 * protocol's authentication) or third-party plugin routes serving static files.
 */
const UNDECLARED_PREFIXES = ['/emulators/', '/api/docs'];
const isUndeclared = (url: string) => url === '/*' || url === '/' || UNDECLARED_PREFIXES.some((p) => url.startsWith(p) || `${url}/` === p);

export function unauthenticated(): ProblemError {
  return new ProblemError('unauthorized', { detail: { vi: 'Vui lòng đăng nhập.', en: 'Please log in.' } });
}

/**
 * 403 for a permission the caller lacks. `unitId`: the record's unit when the use case checked
 * one ('any' for the route-level check, which then says so).
 */
export function forbiddenFor(permission: Permission, unitId: string | null | 'any' = 'any'): ProblemError {
  return new ProblemError('forbidden', {
    detail:
      unitId === 'any'
        ? { vi: `Tài khoản không có quyền này (${permission}).`, en: `The account does not have this permission (${permission}).` }
        : {
            vi: `Tài khoản không có quyền này (${permission}) đối với đơn vị ${unitId ?? 'cấp Bộ'}.`,
            en: `The account does not have this permission (${permission}) for unit ${unitId ?? 'at ministry level'}.`,
          },
    extensions: { permission, unitId },
  });
}

const LEVEL = { LoA1: { vi: 'mức độ 1', en: 'level 1' }, LoA2: { vi: 'mức độ 2', en: 'level 2' } } as const;

export function assuranceRequired(level: 'LoA1' | 'LoA2', principal: Principal): ProblemError {
  return new ProblemError('insufficient_assurance', {
    detail: {
      vi: `Chức năng này yêu cầu tài khoản định danh điện tử ${LEVEL[level].vi}. Vui lòng đăng nhập lại và chọn ${LEVEL[level].vi}.`,
      en: `This requires an e-ID at ${LEVEL[level].en}. Please log in again at ${LEVEL[level].en}.`,
    },
    extensions: {
      requiredAcr: level,
      acr: principal.kind === 'citizen' || principal.kind === 'organization' ? principal.acr : null,
      loginUrl: `/auth/login?acr=${level}`,
    },
  });
}

/** The caller, or 401: for use cases that act for whoever is logged in. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated();
  return request.principal;
}

/**
 * Throws the problem for a denied decision (401, 403 or 403 insufficient_assurance). For use
 * cases: `await assertCan(principal, 'catalog.publish', unitId, tree)`.
 */
export function assertCan(principal: Principal | undefined, permission: Permission, unitId: string | null | 'any', tree: UnitTree): Principal {
  const decision = decide(principal, permission, unitId, tree);
  if (decision.allowed) return principal!;
  if (decision.reason === 'unauthenticated') throw unauthenticated();
  if (decision.reason === 'assurance') throw assuranceRequired(decision.requiredAcr, principal!);
  throw forbiddenFor(permission, unitId);
}

/**
 * Registers the declaration check (at route registration) and the enforcement hook. Returns the
 * list of declared routes, filled as routes are registered (the authorization matrix test reads it).
 */
export function registerAccessControl(app: FastifyInstance, deps: { tree: () => Promise<UnitTree> }): DeclaredRoute[] {
  const declared: DeclaredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (access === undefined) {
      if (isUndeclared(route.url)) return;
      throw new Error(`route ${methods.join(',')} ${route.url} declares no access (config.access, src/http/access.ts)`);
    }
    for (const method of methods) if (method !== 'HEAD') declared.push({ method, url: route.url, access });
  });
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public' || access === 'client') return;
    if (!request.principal) throw unauthenticated();
    if (access === 'login') {
      // A person's own account: a machine credential has none.
      if (request.principal.kind === 'service') throw forbiddenFor('profile.read');
      return;
    }
    assertCan(request.principal, access, 'any', await deps.tree());
  });
  return declared;
}
