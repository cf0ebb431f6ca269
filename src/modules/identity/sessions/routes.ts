// GET /api/v1/me: the logged-in caller.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../../../http/access.ts';
import { problemSchema } from '../../../http/problem.ts';
import type { UnitDirectory } from '../units/directory.ts';
import { Me } from './schema.ts';
import { describeMe } from './me.ts';

export function registerSessionRoutes(api: FastifyInstance, deps: { units: UnitDirectory }): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/me',
    {
      config: { access: 'login' },
      schema: { tags: ['identity'], summary: 'The logged-in user', response: { 200: Me, 401: problemSchema } },
    },
    async (request) => describeMe(deps.units, requirePrincipal(request)),
  );
}
