// Import and export of the catalog: JSON (lossless, CatalogExchange) or the Excel template.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../../../http/access.ts';
import { ProblemError, zodFieldErrors } from '../../../http/problem.ts';
import { CATALOG_XLSX_TYPE, readCatalogWorkbook, writeCatalogWorkbook } from '../excel.ts';
import type { CatalogRouteDeps } from '../routes.ts';
import { CatalogExchange, ExportQuery, ImportQuery, ImportResult } from '../schema.ts';
import { principalActor } from '../service.ts';
import { exportCatalog, importCatalog, jsonLocator } from '../transfer.ts';
import { adminTags, problems } from './common.ts';

export function registerTransferRoutes(api: FastifyInstance, deps: CatalogRouteDeps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { core } = deps.catalog;

  app.get(
    '/catalog/export',
    {
      config: { access: 'catalog.read_drafts' },
      schema: {
        tags: adminTags,
        summary: 'Export the catalog of the caller’s units (catalog.read_drafts): JSON (lossless) or Excel',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const exchange = await exportCatalog(core, requirePrincipal(request), { unit: request.query.unit, which: request.query.which });
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
      config: { access: 'catalog.edit' },
      bodyLimit: deps.importMaxBytes,
      schema: {
        tags: adminTags,
        summary: 'Import procedures from JSON (CatalogExchange) or the Excel template; all or nothing',
        description:
          'Needs catalog.edit in each owning unit (and catalog.publish with `publish=true`). Validates everything first; any ' +
          'error (per sheet/row/column for Excel, in `importErrors`) returns 422 and changes nothing. New codes create a ' +
          'procedure; existing ones get a new draft (or their draft replaced). `publish=true` publishes every imported draft ' +
          '(each must have the seven public parts); `dryRun=true` reports what would happen.',
        querystring: ImportQuery,
        response: { 200: ImportResult, ...problems },
      },
    },
    async (request) => {
      const actor = principalActor(requirePrincipal(request));
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
        return importCatalog(core, actor, exchange, options, locate, request.id);
      }
      const parsed = CatalogExchange.safeParse(request.body);
      if (!parsed.success) {
        throw new ProblemError('validation', {
          detail: { vi: 'Tệp JSON không đúng định dạng trao đổi danh mục; chưa có gì được thay đổi.', en: 'The JSON is not a valid catalog exchange file; nothing was changed.' },
          errors: zodFieldErrors(parsed.error.issues, 'body'),
        });
      }
      return importCatalog(core, actor, parsed.data, options, jsonLocator, request.id);
    },
  );
}
