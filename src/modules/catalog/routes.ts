// HTTP routes of the catalog: the public catalog, versions and diffs, e-form validation and
// submissions, and the administration (create, edit drafts, check, publish, withdraw, import,
// export). Thin: parse, call a use case, present.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { FIELD_TYPES } from '../../core/eforms/builder.ts';
import { prefillCatalog } from '../../core/eforms/definition.ts';
import { CATALOG_PREFILL } from '../../core/eforms/prefill.ts';
import { ProblemError, problemSchema, zodFieldErrors } from '../../http/problem.ts';
import { CATALOG_XLSX_TYPE, readCatalogWorkbook, templateWorkbook, writeCatalogWorkbook } from './excel.ts';
import type { CatalogModule } from './module.ts';
import {
  AdminList,
  AdminListQuery,
  CatalogExchange,
  CodeParams,
  CreateProcedure,
  DiffQuery,
  ExportQuery,
  FieldList,
  ImportQuery,
  ImportResult,
  NewVersion,
  PrefillAttributeList,
  ProcedureList,
  ProcedureVersionView,
  SearchQuery,
  SubmissionParams,
  SubmissionView,
  SubmitBody,
  UpdateDraft,
  ValidateBody,
  ValidationResult,
  VersionCheckView,
  VersionDiff,
  VersionList,
  VersionParams,
  WithdrawBody,
} from './schema.ts';
import { exportCatalog, importCatalog, jsonLocator } from './transfer.ts';

const problems = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

export function registerCatalogRoutes(api: FastifyInstance, deps: { catalog: CatalogModule; importMaxBytes: number }): void {
  // Own scope: the spreadsheet content-type parser applies to these routes only.
  api.register(async (scope) => {
    scope.addContentTypeParser(CATALOG_XLSX_TYPE, { parseAs: 'buffer', bodyLimit: deps.importMaxBytes }, (_req, body, done) => done(null, body));
    routes(scope, deps);
  });
}

function routes(api: FastifyInstance, deps: { catalog: CatalogModule; importMaxBytes: number }): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { service, forms, core } = deps.catalog;
  const tags = ['catalog'];
  const adminTags = ['catalog-admin'];
  const who = (request: FastifyRequest) => request.principal;

  // ---------- public catalog ----------

  app.get(
    '/procedures',
    {
      schema: {
        tags,
        summary: 'Search the published procedure catalog',
        description:
          'Finds Vietnamese with or without diacritics and in any case ("dang ky sang che" finds "Đăng ký sáng chế"). ' +
          'All words must match (as word prefixes); ranked by name matches first. Filters: field code, unit (with sub-units), ' +
          'subject, online level, fee (free/paid).',
        querystring: SearchQuery,
        response: { 200: ProcedureList, 422: problemSchema },
      },
    },
    async (request) => service.search(request.query),
  );

  app.get(
    '/procedures/:code',
    {
      schema: {
        tags,
        summary: 'The published version of a procedure, with everything the law requires to be public',
        params: CodeParams,
        response: { 200: ProcedureVersionView, 404: problemSchema, 422: problemSchema },
      },
    },
    async (request) => service.getPublished(request.params.code),
  );

  app.get(
    '/procedures/:code/versions',
    {
      schema: {
        tags,
        summary: 'Versions of a procedure (drafts only for the owning unit’s admins and auditors)',
        params: CodeParams,
        response: { 200: VersionList, 404: problemSchema, 422: problemSchema },
      },
    },
    async (request) => service.listVersions(who(request), request.params.code),
  );

  app.get(
    '/procedures/:code/versions/:n',
    {
      schema: {
        tags,
        summary: 'One version of a procedure',
        params: VersionParams,
        response: { 200: ProcedureVersionView, ...problems },
      },
    },
    async (request) => service.getVersion(who(request), request.params.code, request.params.n),
  );

  app.get(
    '/procedures/:code/versions/:n/diff',
    {
      schema: {
        tags,
        summary: 'What changed from one version to another (default: from the previous version)',
        params: VersionParams,
        querystring: DiffQuery,
        response: { 200: VersionDiff, ...problems },
      },
    },
    async (request) => service.diff(who(request), request.params.code, request.params.n, request.query.from),
  );

  app.get(
    '/catalog/fields',
    { schema: { tags, summary: 'Fields (lĩnh vực) of the published catalog, for filters', response: { 200: FieldList } } },
    async () => service.fields(),
  );

  app.get(
    '/catalog/prefill-attributes',
    {
      schema: {
        tags,
        summary: 'Names an e-form field may bind with x-prefill, and the field types of the row model',
        response: { 200: PrefillAttributeList },
      },
    },
    async () => ({
      items: [
        ...prefillCatalog(),
        ...CATALOG_PREFILL.map((c) => ({ name: c.name, source: 'catalog', type: 'string', label: c.label, sensitive: false })),
      ],
      fieldTypes: [...FIELD_TYPES],
    }),
  );

  app.get(
    '/catalog/excel-template',
    { schema: { tags, summary: 'The blank Excel import template (see docs/catalog-excel-template.md)' } },
    async (_request, reply) =>
      reply
        .type(CATALOG_XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="mau-nhap-thu-tuc-hanh-chinh.xlsx"')
        .send(await templateWorkbook()),
  );

  // ---------- e-form data ----------

  app.post(
    '/procedures/:code/versions/:n/validate',
    {
      schema: {
        tags,
        summary: 'Validate form data under a version; prefill-bound fields are filled and marked',
        description:
          'Published versions: anyone (a logged-in citizen or organization gets prefill). Drafts: the owning unit’s admins ' +
          'and auditors (test submission; `testPrefill` supplies sample values). 422 carries per-field errors at ' +
          '/body/data/<field pointer> and the `prefill` report.',
        params: VersionParams,
        body: ValidateBody,
        response: { 200: ValidationResult, ...problems },
      },
    },
    async (request) => forms.validate(who(request), request.params.code, request.params.n, request.body, request.id),
  );

  app.post(
    '/procedures/:code/versions/:n/submissions',
    {
      schema: {
        tags,
        summary: 'Save validated form data for the logged-in citizen or organization, pinned to this version',
        params: VersionParams,
        body: SubmitBody,
        response: { 201: SubmissionView, ...problems },
      },
    },
    async (request, reply) => reply.status(201).send(await forms.submit(who(request), request.params.code, request.params.n, request.body, request.id)),
  );

  app.get(
    '/form-submissions/:id',
    {
      schema: {
        tags,
        summary: 'A saved form, re-validated under the rules of its version',
        params: SubmissionParams,
        response: { 200: SubmissionView, 401: problemSchema, 404: problemSchema, 422: problemSchema },
      },
    },
    async (request) => forms.getSubmission(who(request), request.params.id),
  );

  // ---------- administration ----------

  app.get(
    '/admin/procedures',
    {
      schema: {
        tags: adminTags,
        summary: 'Procedures of the units the caller administers or audits, with their latest version',
        querystring: AdminListQuery,
        response: { 200: AdminList, 401: problemSchema, 403: problemSchema, 422: problemSchema },
      },
    },
    async (request) => service.adminList(who(request), request.query),
  );

  app.post(
    '/procedures',
    {
      schema: {
        tags: adminTags,
        summary: 'Create a procedure with its first version as a draft',
        body: CreateProcedure,
        response: { 201: ProcedureVersionView, ...problems },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createProcedure(who(request), request.body, request.id)),
  );

  app.post(
    '/procedures/:code/versions',
    {
      schema: {
        tags: adminTags,
        summary: 'Start a new version (a draft copied from the latest version, or from `fromVersion`)',
        params: CodeParams,
        body: NewVersion.optional(),
        response: { 201: ProcedureVersionView, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createDraft(who(request), request.params.code, request.body?.fromVersion, request.id)),
  );

  app.put(
    '/procedures/:code/versions/:n',
    {
      schema: {
        tags: adminTags,
        summary: 'Replace the content of a draft',
        params: VersionParams,
        body: UpdateDraft,
        response: { 200: ProcedureVersionView, ...problems },
      },
    },
    async (request) => service.updateDraft(who(request), request.params.code, request.params.n, request.body, request.id),
  );

  app.get(
    '/procedures/:code/versions/:n/check',
    {
      schema: {
        tags: adminTags,
        summary: 'Check a version: errors that block publishing, warnings, the seven public parts',
        params: VersionParams,
        response: { 200: VersionCheckView, ...problems },
      },
    },
    async (request) => service.checkVersion(who(request), request.params.code, request.params.n),
  );

  app.post(
    '/procedures/:code/versions/:n/publish',
    {
      schema: {
        tags: adminTags,
        summary: 'Publish a draft; the previously published version becomes superseded',
        params: VersionParams,
        response: { 200: ProcedureVersionView, ...problems },
      },
    },
    async (request) => service.publish(who(request), request.params.code, request.params.n, request.id),
  );

  app.post(
    '/procedures/:code/versions/:n/withdraw',
    {
      schema: {
        tags: adminTags,
        summary: 'Withdraw a draft, or the published version (the procedure is then no longer public)',
        params: VersionParams,
        body: WithdrawBody,
        response: { 200: ProcedureVersionView, ...problems },
      },
    },
    async (request) => service.withdraw(who(request), request.params.code, request.params.n, request.body.reason, request.id),
  );

  app.get(
    '/catalog/export',
    {
      schema: {
        tags: adminTags,
        summary: 'Export the catalog of the caller’s units: JSON (lossless) or Excel',
        description: 'Requires the admin or auditor role in a unit (401/403 problem otherwise).',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const principal = who(request);
      if (!principal) throw new ProblemError('unauthorized', { detail: { vi: 'Vui lòng đăng nhập.', en: 'Please log in.' } });
      const exchange = await exportCatalog(core, principal, { unit: request.query.unit, which: request.query.which });
      const stamp = exchange.exportedAt!.slice(0, 10);
      if (request.query.format === 'xlsx') {
        return reply
          .type(CATALOG_XLSX_TYPE)
          .header('content-disposition', `attachment; filename="thu-tuc-hanh-chinh-${stamp}.xlsx"`)
          .send(await writeCatalogWorkbook(exchange));
      }
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="thu-tuc-hanh-chinh-${stamp}.json"`)
        .send(JSON.stringify(exchange, null, 2));
    },
  );

  app.post(
    '/catalog/import',
    {
      bodyLimit: deps.importMaxBytes,
      schema: {
        tags: adminTags,
        summary: 'Import procedures from JSON (CatalogExchange) or the Excel template; all or nothing',
        description:
          'Validates everything first; any error (per sheet/row/column for Excel, in `importErrors`) returns 422 and changes ' +
          'nothing. New codes create a procedure; existing ones get a new draft (or their draft replaced). `publish=true` ' +
          'publishes every imported draft; `dryRun=true` reports what would happen.',
        querystring: ImportQuery,
        response: { 200: ImportResult, ...problems },
      },
    },
    async (request) => {
      const principal = who(request);
      if (!principal) throw new ProblemError('unauthorized', { detail: { vi: 'Vui lòng đăng nhập.', en: 'Please log in.' } });
      const contentType = String(request.headers['content-type'] ?? '').split(';')[0]!.trim();
      const format = request.query.format ?? (contentType === CATALOG_XLSX_TYPE ? 'xlsx' : 'json');
      const options = { publish: request.query.publish, dryRun: request.query.dryRun };
      if (format === 'xlsx') {
        if (!Buffer.isBuffer(request.body)) {
          throw new ProblemError('unsupported_media_type', {
            detail: { vi: `Hãy gửi tệp Excel với Content-Type ${CATALOG_XLSX_TYPE}.`, en: `Send the workbook as ${CATALOG_XLSX_TYPE}.` },
          });
        }
        const { exchange, locate } = await readCatalogWorkbook(request.body);
        return importCatalog(core, { principal }, exchange, options, locate, request.id);
      }
      const parsed = CatalogExchange.safeParse(request.body);
      if (!parsed.success) {
        throw new ProblemError('validation', {
          detail: { vi: 'Tệp JSON không đúng định dạng trao đổi danh mục; chưa có gì được thay đổi.', en: 'The JSON is not a valid catalog exchange file; nothing was changed.' },
          errors: zodFieldErrors(parsed.error.issues, 'body'),
        });
      }
      return importCatalog(core, { principal }, parsed.data, options, jsonLocator, request.id);
    },
  );
}
