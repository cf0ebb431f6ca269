import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.ts';
import { getPrincipal } from './sessions.ts';

export const Me = z
  .object({
    kind: z.enum(['citizen', 'organization', 'officer']),
    accountId: z.string(),
    personalId: z.string().optional(),
    taxCode: z.string().optional(),
    username: z.string().optional(),
    fullName: z.string(),
    acr: z.string().nullable(),
    method: z.string(),
    roles: z.array(z.object({ role: z.string(), unitId: z.string() })),
    /** An administrator logged in without a second factor: only TOTP enrolment is possible. */
    totpEnrolmentRequired: z.boolean().optional(),
  })
  .meta({ id: 'Me' });

export function registerIdentityRoutes(api: FastifyInstance): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/me',
    {
      schema: {
        tags: ['identity'],
        summary: 'The logged-in user',
        response: { 200: Me, 401: problemSchema },
      },
    },
    async (request) => {
      const p = getPrincipal(request);
      return {
        kind: p.kind,
        accountId: p.accountId,
        fullName: p.fullName,
        method: p.method,
        ...(p.kind === 'citizen' ? { personalId: p.personalId } : {}),
        ...(p.kind === 'organization' ? { taxCode: p.taxCode } : {}),
        ...(p.kind === 'officer' ? { username: p.username } : {}),
        acr: p.kind === 'officer' ? null : p.acr,
        roles: p.kind === 'officer' ? p.roles : [],
        ...(p.kind === 'officer' && p.totpEnrolmentRequired ? { totpEnrolmentRequired: true } : {}),
      };
    },
  );
}
