// The public catalog: search, a procedure's published version, its versions and diffs, the
// fields, the prefill attributes form builders may bind, the Excel template.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { FIELD_TYPES } from '../../../core/eforms/builder.ts';
import { prefillCatalog } from '../../../core/eforms/definition.ts';
import { CATALOG_PREFILL } from '../../../core/eforms/prefill.ts';
import { problemSchema } from '../../../http/problem.ts';
import { CATALOG_XLSX_TYPE, templateWorkbook } from '../excel.ts';
import type { CatalogRouteDeps } from '../routes.ts';
import { CodeParams, DiffQuery, FieldList, PrefillAttributeList, ProcedureList, ProcedureVersionView, SearchQuery, VersionDiff, VersionList, VersionParams } from '../schema.ts';
import { problems, tags } from './common.ts';

export function registerPublicRoutes(api: FastifyInstance, deps: CatalogRouteDeps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { service } = deps.catalog;

  app.get(
    '/procedures',
    {
      config: { access: 'public' },
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
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The published version of a procedure, with everything the law requires to be public',
        params: CodeParams,
        response: { 200: ProcedureVersionView, 404: problemSchema, 422: problemSchema },
      },
    },
    // Sent as the cached JSON of ProcedureVersionView (the service encodes it with that schema; a
    // JSON string with its content type is sent as it is).
    async (request, reply) => reply.type('application/json; charset=utf-8').send((await service.getPublishedJson(request.params.code)) as never),
  );

  app.get(
    '/procedures/:code/versions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Versions of a procedure (drafts only with catalog.read_drafts in the owning unit)',
        params: CodeParams,
        response: { 200: VersionList, 404: problemSchema, 422: problemSchema },
      },
    },
    async (request) => service.listVersions(request.principal, request.params.code),
  );

  app.get(
    '/procedures/:code/versions/:n',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One version of a procedure (a draft: catalog.read_drafts in the owning unit)',
        params: VersionParams,
        response: { 200: ProcedureVersionView, ...problems },
      },
    },
    async (request) => service.getVersion(request.principal, request.params.code, request.params.n),
  );

  app.get(
    '/procedures/:code/versions/:n/diff',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What changed from one version to another (default: from the previous version)',
        params: VersionParams,
        querystring: DiffQuery,
        response: { 200: VersionDiff, ...problems },
      },
    },
    async (request) => service.diff(request.principal, request.params.code, request.params.n, request.query.from),
  );

  app.get(
    '/catalog/fields',
    { config: { access: 'public' }, schema: { tags, summary: 'Fields (lĩnh vực) of the published catalog, for filters', response: { 200: FieldList } } },
    async () => service.fields(),
  );

  app.get(
    '/catalog/prefill-attributes',
    {
      config: { access: 'public' },
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
    { config: { access: 'public' }, schema: { tags, summary: 'The blank Excel import template (see docs/catalog-excel-template.md)' } },
    async (_request, reply) =>
      reply
        .type(CATALOG_XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="mau-nhap-thu-tuc-hanh-chinh.xlsx"')
        .send(await templateWorkbook()),
  );
}
