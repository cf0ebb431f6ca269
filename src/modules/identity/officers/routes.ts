// Administration API for officers, and the audit trail reading. Thin: parse, declare access,
// call a use case with the caller as actor, present. Rules: core/access and policy.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorFrom, ADMIN_ERRORS } from '../units/routes.ts';
import { createOfficer } from './create-officer.ts';
import { getOfficer, listOfficers } from './list-officers.ts';
import { readAudit } from './read-audit.ts';
import { resetOfficerPassword, resetOfficerTotp } from './reset-credentials.ts';
import { grantOfficerRole, revokeOfficerRole } from './role-grants.ts';
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
} from './schema.ts';
import type { OfficerDeps } from './support.ts';
import { setOfficerDisabled, updateOfficer } from './update-officer.ts';

export function registerOfficerRoutes(api: FastifyInstance, deps: OfficerDeps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['identity'];
  const errors = ADMIN_ERRORS;
  const read = { access: 'officer.read' as const };
  const manage = { access: 'officer.manage' as const };

  app.get(
    '/admin/officers',
    { config: read, schema: { tags, summary: 'Search the officers of the units the caller covers', querystring: OfficerQuery, response: { 200: OfficerList, ...errors } } },
    async (request) => listOfficers(deps, actorFrom(request), request.query),
  );
  app.get(
    '/admin/officers/:id',
    { config: read, schema: { tags, summary: 'One officer', params: OfficerParams, response: { 200: Officer, ...errors } } },
    async (request) => getOfficer(deps, actorFrom(request), request.params.id),
  );
  app.post(
    '/admin/officers',
    {
      config: manage,
      schema: { tags, summary: 'Create an officer with an initial password, or an invitation (shown once)', body: OfficerCreate, response: { 201: OfficerCreated, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createOfficer(deps, actorFrom(request), request.body)),
  );
  app.patch(
    '/admin/officers/:id',
    {
      config: manage,
      schema: { tags, summary: 'Update an officer (name, contact, home unit)', params: OfficerParams, body: OfficerPatch, response: { 200: Officer, ...errors } },
    },
    async (request) => updateOfficer(deps, actorFrom(request), request.params.id, request.body),
  );
  app.post(
    '/admin/officers/:id/disable',
    { config: manage, schema: { tags, summary: 'Disable an officer (their sessions end)', params: OfficerParams, response: { 200: Officer, ...errors } } },
    async (request) => setOfficerDisabled(deps, actorFrom(request), request.params.id, true),
  );
  app.post(
    '/admin/officers/:id/enable',
    { config: manage, schema: { tags, summary: 'Enable a disabled officer', params: OfficerParams, response: { 200: Officer, ...errors } } },
    async (request) => setOfficerDisabled(deps, actorFrom(request), request.params.id, false),
  );
  app.post(
    '/admin/officers/:id/password',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Reset an officer’s password (and lockout); their sessions end',
        params: OfficerParams,
        body: PasswordReset,
        response: { 200: PasswordResetResult, ...errors },
      },
    },
    async (request) => resetOfficerPassword(deps, actorFrom(request), request.params.id, request.body ?? {}),
  );
  app.delete(
    '/admin/officers/:id/totp',
    { config: manage, schema: { tags, summary: 'Remove an officer’s TOTP (lost device)', params: OfficerParams, response: { 200: Officer, ...errors } } },
    async (request) => resetOfficerTotp(deps, actorFrom(request), request.params.id),
  );
  app.post(
    '/admin/officers/:id/roles',
    { config: manage, schema: { tags, summary: 'Grant a role in a unit', params: OfficerParams, body: RoleGrantView, response: { 200: Officer, ...errors } } },
    async (request) => grantOfficerRole(deps, actorFrom(request), request.params.id, request.body),
  );
  app.delete(
    '/admin/officers/:id/roles/:unitId/:role',
    { config: manage, schema: { tags, summary: 'Revoke a role in a unit', params: RoleParams, response: { 200: Officer, ...errors } } },
    async (request) => revokeOfficerRole(deps, actorFrom(request), request.params.id, request.params),
  );

  app.get(
    '/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'Audit trail of one record (who, when, before, after)',
        description: 'entity: unit, officer, account, calendar_year, ... Units and officers: whoever covers their unit; other records: the ministry level.',
        querystring: AuditQuery,
        response: { 200: AuditList, ...errors },
      },
    },
    async (request) => ({ items: await readAudit(deps, actorFrom(request), request.query.entity, request.query.entityId) }),
  );
}
