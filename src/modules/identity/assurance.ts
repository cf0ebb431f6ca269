// Procedures that require a level-2 e-ID (Decree 69/2024/NĐ-CP Art. 7; acr_values of the national
// SSO): `preHandler: requireAcr('LoA2')`.
import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../../http/problem.ts';
import type { Acr } from './principal.ts';
import { getPrincipal } from './sessions.ts';

const RANK: Record<Acr, number> = { LoA1: 1, LoA2: 2 };
const LABEL: Record<Acr, { vi: string; en: string }> = {
  LoA1: { vi: 'mức độ 1', en: 'level 1' },
  LoA2: { vi: 'mức độ 2', en: 'level 2' },
};

/** A citizen or organization logged in at `level` or higher; else 403 insufficient_assurance. */
export function requireAcr(level: Acr) {
  return async (request: FastifyRequest): Promise<void> => {
    const principal = getPrincipal(request);
    if (principal.kind === 'officer') {
      throw new ProblemError('forbidden', {
        detail: { vi: 'Chức năng dành cho công dân, tổ chức.', en: 'For citizens and organizations.' },
      });
    }
    if (principal.acr === null || RANK[principal.acr] < RANK[level]) {
      throw new ProblemError('insufficient_assurance', {
        detail: {
          vi: `Thủ tục này yêu cầu tài khoản định danh điện tử ${LABEL[level].vi}. Vui lòng đăng nhập lại và chọn ${LABEL[level].vi}.`,
          en: `This procedure requires an e-ID at ${LABEL[level].en}. Please log in again at ${LABEL[level].en}.`,
        },
        extensions: { requiredAcr: level, acr: principal.acr, loginUrl: `/auth/login?acr=${level}` },
      });
    }
  };
}
