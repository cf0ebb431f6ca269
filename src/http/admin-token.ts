// Administrative API calls are authorised by a bearer token (ADMIN_API_TOKEN) until officer
// accounts with roles exist. Unset: the administrative API is closed.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ProblemError } from './problem.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function requireAdminToken(token: string | undefined) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) {
      throw new ProblemError('unauthorized', {
        detail: { vi: 'Cần mã truy cập quản trị (Bearer).', en: 'An administrative bearer token is required.' },
      });
    }
    if (!token || !timingSafeEqual(digest(header.slice(7)), digest(token))) {
      throw new ProblemError('forbidden', {
        detail: { vi: 'Mã truy cập quản trị không đúng.', en: 'The administrative token is not valid.' },
      });
    }
  };
}
