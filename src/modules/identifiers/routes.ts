// HTTP routes of the identifiers module (under /api/v1): public checks of identifiers the law defines.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agencyIdReasonMessages, checkAgencyId, checkPersonalId, reasonMessages } from '../../core/identifiers/index.ts';
import { ProblemError, problemSchema } from '../../http/problem.ts';

const PersonalIdResponse = z
  .object({
    valid: z.literal(true),
    kind: z.enum(['personal_id', 'cmnd']),
    province: z.string().optional(),
    provinceName: z.string().optional(),
    gender: z.enum(['male', 'female']).optional(),
    birthYear: z.number().int().optional(),
  })
  .meta({ id: 'PersonalIdCheck' });

const AgencyIdResponse = z
  .object({
    valid: z.literal(true),
    order: z.enum(['level1_first', 'level1_last']),
    level1: z.string(),
    groups: z.array(z.string()),
  })
  .meta({ id: 'AgencyIdCheck' });

export function registerIdentifierRoutes(api: FastifyInstance): void {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/identifiers/personal-id/:number',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identifiers'],
        summary: 'Check and decode a personal identification number (số định danh cá nhân)',
        description:
          'Law on Identification 2023 Art. 12: 12 digits — birth-registration province or country, ' +
          'century-gender digit, two-digit birth year, 6 random digits. No checksum exists. A 9-digit ' +
          'number is recognised as a legacy identity card (CMND).',
        params: z.object({ number: z.string().max(64) }),
        response: { 200: PersonalIdResponse, 422: problemSchema },
      },
    },
    async (request) => {
      const result = checkPersonalId(request.params.number);
      if (!result.valid) {
        throw new ProblemError('invalid_identifier', {
          detail: reasonMessages[result.code],
          extensions: { valid: false, reason: result.reason, reasonCode: result.code },
        });
      }
      return result;
    },
  );

  app.get(
    '/identifiers/agency-id/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identifiers'],
        summary: 'Check an agency electronic ID (mã định danh điện tử của cơ quan)',
        description: 'Decision 20/2020/QĐ-TTg as amended by Decision 09/2025/QĐ-TTg.',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: AgencyIdResponse, 422: problemSchema },
      },
    },
    async (request) => {
      const result = checkAgencyId(request.params.id);
      if (!result.valid) {
        throw new ProblemError('invalid_identifier', {
          detail: agencyIdReasonMessages[result.code],
          extensions: { valid: false, reason: result.reason, reasonCode: result.code },
        });
      }
      return result;
    },
  );
}
