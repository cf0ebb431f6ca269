// Administration API for units and officers (roles: admin; auditor reads), and the audit trail.
// Thin: parse, call a use case with the caller as actor, present. Policies: policy.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.ts';
import {
  createOfficer,
  createUnit,
  getOfficer,
  grantOfficerRole,
  listOfficers,
  listUnitTree,
  readAudit,
  resetOfficerPassword,
  resetOfficerTotp,
  revokeOfficerRole,
  setOfficerDisabled,
  setUnitActive,
  updateOfficer,
  updateUnit,
  type Actor,
} from './admin-service.ts';
import type { IdentityContext } from './context.ts';
import {
  AuditList,
  AuditQuery,
  Officer,
  OfficerCreate,
  OfficerCreated,
  OfficerList,
  OfficerParams,
  OfficerPatch,
  OfficerQuery,
  PasswordReset,
  PasswordResetResult,
  RoleGrantView,
  RoleParams,
  Unit,
  UnitCreate,
  UnitParams,
  UnitPatch,
  UnitTreeResponse,
} from './schema.ts';
import { getPrincipal, requireRole } from './sessions.ts';

const errors = {
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

function actorOf(request: FastifyRequest): Actor {
  const principal = getPrincipal(request);
  const label = principal.kind === 'officer' ? `officer:${principal.username}` : `${principal.kind}:${principal.accountId}`;
  return { principal, label, requestId: request.id };
}

export function registerIdentityAdminRoutes(api: FastifyInstance, ctx: IdentityContext): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const readers = requireRole('admin', 'auditor');
  const admins = requireRole('admin');
  const tags = ['identity'];

  // ---- units
  app.get(
    '/admin/units',
    { preHandler: readers, schema: { tags, summary: 'Units the caller administers or audits, as a tree', response: { 200: UnitTreeResponse, ...errors } } },
    async (request) => ({ roots: await listUnitTree(ctx, actorOf(request)) }),
  );
  app.post(
    '/admin/units',
    { preHandler: admins, schema: { tags, summary: 'Create a unit (agency e-ID validated)', body: UnitCreate, response: { 201: Unit, ...errors } } },
    async (request, reply) => reply.status(201).send(await createUnit(ctx, actorOf(request), request.body)),
  );
  app.patch(
    '/admin/units/:id',
    { preHandler: admins, schema: { tags, summary: 'Update (rename, re-code, move) a unit', params: UnitParams, body: UnitPatch, response: { 200: Unit, ...errors } } },
    async (request) => updateUnit(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/admin/units/:id/deactivate',
    { preHandler: admins, schema: { tags, summary: 'Deactivate a unit (no active sub-units)', params: UnitParams, response: { 200: Unit, ...errors } } },
    async (request) => setUnitActive(ctx, actorOf(request), request.params.id, false),
  );
  app.post(
    '/admin/units/:id/activate',
    { preHandler: admins, schema: { tags, summary: 'Reactivate a unit', params: UnitParams, response: { 200: Unit, ...errors } } },
    async (request) => setUnitActive(ctx, actorOf(request), request.params.id, true),
  );

  // ---- officers
  app.get(
    '/admin/officers',
    { preHandler: readers, schema: { tags, summary: 'Search the officers of the units the caller covers', querystring: OfficerQuery, response: { 200: OfficerList, ...errors } } },
    async (request) => listOfficers(ctx, actorOf(request), request.query),
  );
  app.get(
    '/admin/officers/:id',
    { preHandler: readers, schema: { tags, summary: 'One officer', params: OfficerParams, response: { 200: Officer, ...errors } } },
    async (request) => getOfficer(ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/admin/officers',
    {
      preHandler: admins,
      schema: {
        tags,
        summary: 'Create an officer with an initial password, or an invitation (shown once)',
        body: OfficerCreate,
        response: { 201: OfficerCreated, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createOfficer(ctx, actorOf(request), request.body)),
  );
  app.patch(
    '/admin/officers/:id',
    { preHandler: admins, schema: { tags, summary: 'Update an officer (name, contact, home unit)', params: OfficerParams, body: OfficerPatch, response: { 200: Officer, ...errors } } },
    async (request) => updateOfficer(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/admin/officers/:id/disable',
    { preHandler: admins, schema: { tags, summary: 'Disable an officer (their sessions end)', params: OfficerParams, response: { 200: Officer, ...errors } } },
    async (request) => setOfficerDisabled(ctx, actorOf(request), request.params.id, true),
  );
  app.post(
    '/admin/officers/:id/enable',
    { preHandler: admins, schema: { tags, summary: 'Enable a disabled officer', params: OfficerParams, response: { 200: Officer, ...errors } } },
    async (request) => setOfficerDisabled(ctx, actorOf(request), request.params.id, false),
  );
  app.post(
    '/admin/officers/:id/password',
    {
      preHandler: admins,
      schema: { tags, summary: 'Reset an officer’s password (and lockout); their sessions end', params: OfficerParams, body: PasswordReset, response: { 200: PasswordResetResult, ...errors } },
    },
    async (request) => resetOfficerPassword(ctx, actorOf(request), request.params.id, request.body ?? {}),
  );
  app.delete(
    '/admin/officers/:id/totp',
    { preHandler: admins, schema: { tags, summary: 'Remove an officer’s TOTP (lost device)', params: OfficerParams, response: { 200: Officer, ...errors } } },
    async (request) => resetOfficerTotp(ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/admin/officers/:id/roles',
    { preHandler: admins, schema: { tags, summary: 'Grant a role in a unit', params: OfficerParams, body: RoleGrantView, response: { 200: Officer, ...errors } } },
    async (request) => grantOfficerRole(ctx, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/admin/officers/:id/roles/:unitId/:role',
    { preHandler: admins, schema: { tags, summary: 'Revoke a role in a unit', params: RoleParams, response: { 200: Officer, ...errors } } },
    async (request) => revokeOfficerRole(ctx, actorOf(request), request.params.id, request.params),
  );

  // ---- audit
  app.get(
    '/audit',
    {
      preHandler: readers,
      schema: {
        tags,
        summary: 'Audit trail of one record (who, when, before, after)',
        description: 'entity: unit, officer, account, calendar_year, ... Units and officers: whoever covers their unit; other records: the ministry level.',
        querystring: AuditQuery,
        response: { 200: AuditList, ...errors },
      },
    },
    async (request) => ({ items: await readAudit(ctx, actorOf(request), request.query.entity, request.query.entityId) }),
  );
}
