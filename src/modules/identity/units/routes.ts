// Administration API for units. Thin: parse, declare access, call a use case, present.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../../../http/access.ts';
import { problemSchema } from '../../../http/problem.ts';
import type { Actor } from '../actor.ts';
import { Unit, UnitCreate, UnitParams, UnitPatch, UnitTreeResponse } from './schema.ts';
import { createUnit, listUnitTree, setUnitActive, updateUnit, type UnitDeps } from './service.ts';

export const ADMIN_ERRORS = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

export const actorFrom = (request: FastifyRequest): Actor => ({ principal: requirePrincipal(request), requestId: request.id });

export function registerUnitRoutes(api: FastifyInstance, deps: UnitDeps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['identity'];
  const errors = ADMIN_ERRORS;
  app.get(
    '/admin/units',
    { config: { access: 'unit.read' }, schema: { tags, summary: 'Units the caller administers or audits, as a tree', response: { 200: UnitTreeResponse, ...errors } } },
    async (request) => ({ roots: await listUnitTree(deps, actorFrom(request)) }),
  );
  app.post(
    '/admin/units',
    { config: { access: 'unit.manage' }, schema: { tags, summary: 'Create a unit (agency e-ID validated)', body: UnitCreate, response: { 201: Unit, ...errors } } },
    async (request, reply) => reply.status(201).send(await createUnit(deps, actorFrom(request), request.body)),
  );
  app.patch(
    '/admin/units/:id',
    {
      config: { access: 'unit.manage' },
      schema: { tags, summary: 'Update (rename, re-code, move) a unit', params: UnitParams, body: UnitPatch, response: { 200: Unit, ...errors } },
    },
    async (request) => updateUnit(deps, actorFrom(request), request.params.id, request.body),
  );
  app.post(
    '/admin/units/:id/deactivate',
    { config: { access: 'unit.manage' }, schema: { tags, summary: 'Deactivate a unit (no active sub-units)', params: UnitParams, response: { 200: Unit, ...errors } } },
    async (request) => setUnitActive(deps, actorFrom(request), request.params.id, false),
  );
  app.post(
    '/admin/units/:id/activate',
    { config: { access: 'unit.manage' }, schema: { tags, summary: 'Reactivate a unit', params: UnitParams, response: { 200: Unit, ...errors } } },
    async (request) => setUnitActive(deps, actorFrom(request), request.params.id, true),
  );
}
