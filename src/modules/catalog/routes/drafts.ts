// Administration of procedures: the admin list, creating a procedure, drafts (start, edit,
// check), publishing and withdrawing.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../http/problem.ts';
import type { CatalogRouteDeps } from '../routes.ts';
import { AdminList, AdminListQuery, CodeParams, CreateProcedure, NewVersion, ProcedureVersionView, PublishBody, UpdateDraft, VersionCheckView, VersionParams, WithdrawBody } from '../schema.ts';
import { adminTags, problems, throwIfInvalid } from './common.ts';

export function registerDraftRoutes(api: FastifyInstance, deps: CatalogRouteDeps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { service } = deps.catalog;

  app.get(
    '/admin/procedures',
    {
      config: { access: 'catalog.read_drafts' },
      schema: {
        tags: adminTags,
        summary: 'Procedures of the units where the caller reads drafts, with their latest version',
        querystring: AdminListQuery,
        response: { 200: AdminList, 401: problemSchema, 403: problemSchema, 422: problemSchema },
      },
    },
    async (request) => service.adminList(request.principal, request.query),
  );

  app.post(
    '/procedures',
    {
      config: { access: 'catalog.edit' },
      attachValidation: true,
      schema: {
        tags: adminTags,
        summary: 'Create a procedure with its first version as a draft',
        description: 'The district level (`level: district`) was abolished on 1 July 2025: a new or edited draft may not use it (422).',
        body: CreateProcedure,
        response: { 201: ProcedureVersionView, ...problems },
      },
    },
    async (request, reply) => {
      throwIfInvalid(request);
      return reply.status(201).send(await service.createProcedure(request.principal, request.body, request.id));
    },
  );

  app.post(
    '/procedures/:code/versions',
    {
      config: { access: 'catalog.edit' },
      schema: {
        tags: adminTags,
        summary: 'Start a new version (a draft copied from the latest version, or from `fromVersion`)',
        params: CodeParams,
        body: NewVersion.optional(),
        response: { 201: ProcedureVersionView, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createDraft(request.principal, request.params.code, request.body?.fromVersion, request.id)),
  );

  app.put(
    '/procedures/:code/versions/:n',
    {
      config: { access: 'catalog.edit' },
      attachValidation: true,
      schema: {
        tags: adminTags,
        summary: 'Replace the content of a draft',
        description: 'Refused (422) with an abolished level (district) or an e-form `pattern` that can take exponential time.',
        params: VersionParams,
        body: UpdateDraft,
        response: { 200: ProcedureVersionView, ...problems },
      },
    },
    async (request) => {
      throwIfInvalid(request);
      return service.updateDraft(request.principal, request.params.code, request.params.n, request.body, request.id);
    },
  );

  app.get(
    '/procedures/:code/versions/:n/check',
    {
      config: { access: 'catalog.read_drafts' },
      schema: {
        tags: adminTags,
        summary: 'Check a version: errors that block publishing, warnings, the seven public parts',
        params: VersionParams,
        response: { 200: VersionCheckView, ...problems },
      },
    },
    async (request) => service.checkVersion(request.principal, request.params.code, request.params.n),
  );

  app.post(
    '/procedures/:code/versions/:n/publish',
    {
      config: { access: 'catalog.publish' },
      schema: {
        tags: adminTags,
        summary: 'Publish a draft; the previously published version becomes superseded',
        description:
          'Errors of the check block publishing (422 validation). A draft that lacks one of the seven parts Decree 63/2010 ' +
          'Art. 8(2) requires to be public is refused with 422 `publication_incomplete` and `missingParts: [{ part, label }]`, ' +
          'unless the body gives `overrideReason` (10–500 characters), which the audit row records.',
        params: VersionParams,
        body: PublishBody.nullish(),
        response: { 200: ProcedureVersionView, ...problems },
      },
    },
    async (request) =>
      service.publish(request.principal, request.params.code, request.params.n, { overrideReason: request.body?.overrideReason }, request.id),
  );

  app.post(
    '/procedures/:code/versions/:n/withdraw',
    {
      config: { access: 'catalog.publish' },
      schema: {
        tags: adminTags,
        summary: 'Withdraw a draft, or the published version (the procedure is then no longer public)',
        params: VersionParams,
        body: WithdrawBody,
        response: { 200: ProcedureVersionView, ...problems },
      },
    },
    async (request) => service.withdraw(request.principal, request.params.code, request.params.n, request.body.reason, request.id),
  );
}
