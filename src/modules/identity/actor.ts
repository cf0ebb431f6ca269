// Who runs an administration use case (the request's principal, or the command line's service
// principal) and the problems those use cases answer.
import type { Principal } from '../../core/access/index.ts';
import { ProblemError } from '../../http/problem.ts';

export interface Actor {
  principal: Principal;
  requestId?: string;
}

export const forbidden = (vi: string, en: string) => new ProblemError('forbidden', { detail: { vi, en } });
export const notFound = (vi: string, en: string) => new ProblemError('not_found', { detail: { vi, en } });
export const conflict = (vi: string, en: string) => new ProblemError('conflict', { detail: { vi, en } });
export const NO_RIGHT = ['Bạn không có quyền quản trị đối với đơn vị này.', 'You do not administer this unit.'] as const;

export { isUniqueViolation } from '../../db/errors.ts';
