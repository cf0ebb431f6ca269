// Throttling of the login and password routes (officer login, invitation acceptance, TOTP
// enrolment, password change), on top of the account lockout: per client address and per
// account (the username tried, the session's account, the invitation). Over the limit: 429
// problem+json `too_many_requests` with Retry-After.
//
// The counters are @fastify/rate-limit's in-memory store, so they are PER INSTANCE: behind a load
// balancer with N instances a client can make up to N times the limit. The lockout (counted in
// the database, login/store.ts) is what bounds password guessing across instances; this limit
// bounds the load and the speed of guessing on each.
import { createHash } from 'node:crypto';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from '../../../http/problem.ts';

export interface RateLimitSettings {
  perIp: number;
  perAccount: number;
  windowMs: number;
}

type Limiter = (request: FastifyRequest) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttlInSeconds?: number }>;

/** What a route's requests are counted by besides the address; undefined: the address only. */
export type AccountKey = (request: FastifyRequest) => string | undefined;

const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

export function tooManyRequests(retryAfterSeconds: number): ProblemError {
  return new ProblemError('too_many_requests', {
    detail: {
      vi: `Có quá nhiều lần thử. Vui lòng thử lại sau ${retryAfterSeconds} giây.`,
      en: `Too many attempts. Please try again in ${retryAfterSeconds} seconds.`,
    },
    extensions: { retryAfter: retryAfterSeconds },
  });
}

/**
 * Registers the store and returns `guard(group, accountKey)`: a preHandler (it runs after the
 * body is parsed, so a username can be a key) counting the request by address and by account,
 * per group of routes.
 */
export async function createAuthRateLimit(app: FastifyInstance, settings: RateLimitSettings) {
  await app.register(fastifyRateLimit, { global: false });
  const limiter = (app as unknown as { createRateLimit(options: object): Limiter }).createRateLimit.bind(app);
  const byIp = (group: string) =>
    limiter({ max: settings.perIp, timeWindow: settings.windowMs, keyGenerator: (r: FastifyRequest) => `ip:${group}:${r.ip}` });
  const byAccount = (group: string, key: AccountKey) =>
    limiter({
      max: settings.perAccount,
      timeWindow: settings.windowMs,
      keyGenerator: (r: FastifyRequest) => `account:${group}:${digest(key(r) ?? '')}`,
    });

  return function guard(group: string, accountKey?: AccountKey) {
    const ip = byIp(group);
    const account = accountKey ? byAccount(group, accountKey) : undefined;
    return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      const results = [await ip(request)];
      if (account && accountKey!(request) !== undefined) results.push(await account(request));
      const exceeded = results.filter((r) => !r.isAllowed && r.isExceeded);
      if (exceeded.length === 0) return;
      const retryAfter = Math.max(1, ...exceeded.map((r) => r.ttlInSeconds ?? 1));
      reply.header('retry-after', String(retryAfter));
      throw tooManyRequests(retryAfter);
    };
  };
}
