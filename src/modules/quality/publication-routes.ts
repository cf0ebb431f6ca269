// The public side of the monthly 766 publication ("Đánh giá chất lượng phục vụ"): the frozen
// months, a month's ministry result with the units ranked, a unit's month (drill-down to a
// procedure), the trend of the last 12 frozen months, the plan's targets live, and a month's
// XLSX and PDF. Open to anyone: aggregate figures only.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { toLocalDate } from '../../core/calendar/index.ts';
import { ProblemError, problemSchema } from '../../http/problem.ts';
import { PublicationError, type Publication } from './publication.ts';
import { monthPdf, monthXlsx } from './publication-export.ts';
import {
  MonthParam,
  PlanTargetsSchema,
  ProcedureQuery,
  PublishedMonthSchema,
  PublishedMonthsSchema,
  PublishedTrendSchema,
  PublishedUnitMonthSchema,
  TargetsQuery,
  UnitQuery,
} from './schema.ts';
import { z } from 'zod';

function problemOf(error: unknown): never {
  if (error instanceof PublicationError) {
    if (error.code === 'not_frozen') throw new ProblemError('not_found', { detail: { vi: 'Tháng này chưa được công bố.', en: error.message } });
    if (error.code === 'unknown_unit') throw new ProblemError('not_found', { detail: { vi: 'Không có đơn vị này.', en: error.message } });
    throw new ProblemError('validation', { detail: { vi: 'Tháng không hợp lệ.', en: error.message }, errors: [{ pointer: '/params/month', code: error.code, message: error.message }] });
  }
  throw error;
}

const iso = <T extends { frozenAt: Date }>(x: T) => ({ ...x, frozenAt: x.frozenAt.toISOString() });

function sendDownload(reply: FastifyReply, type: string, filename: string, bytes: Buffer) {
  return reply.type(type).header('content-disposition', `attachment; filename="${filename}"`).header('x-content-type-options', 'nosniff').send(bytes);
}

export function registerPublicationRoutes(app: FastifyInstance, publication: Publication): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['quality'];
  const problems = { 404: problemSchema, 422: problemSchema };

  r.get(
    '/public/quality/months',
    { config: { access: 'public' }, schema: { tags, summary: 'The months of the 766 index frozen for publication, newest first', response: { 200: PublishedMonthsSchema } } },
    async () => ({ items: (await publication.months()).map(iso) }),
  );

  r.get(
    '/public/quality/months/:month',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A published month: the ministry’s total, band and groups, and the units ranked by total',
        description: 'Frozen figures never change; where today’s recompute differs, it is given beside them as `current`.',
        params: MonthParam,
        response: { 200: PublishedMonthSchema, ...problems },
      },
    },
    async (request) => {
      const m = await publication.month(request.params.month).catch(problemOf);
      return iso(m);
    },
  );

  r.get(
    '/public/quality/months/:month/units/:unitId',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A unit’s published month (with its sub-units), its procedures, and a procedure’s figures for the unit',
        params: MonthParam.extend({ unitId: z.string().regex(/^[a-z0-9-]{2,64}$/) }),
        querystring: ProcedureQuery,
        response: { 200: PublishedUnitMonthSchema, ...problems },
      },
    },
    async (request) => iso(await publication.unitMonth(request.params.month, request.params.unitId, request.query.procedure).catch(problemOf)),
  );

  r.get(
    '/public/quality/trend',
    { config: { access: 'public' }, schema: { tags, summary: 'Totals and group scores of the last 12 frozen months (the ministry, or a unit)', querystring: UnitQuery, response: { 200: PublishedTrendSchema } } },
    async (request) => ({ unitId: request.query.unit ?? null, items: await publication.trend(request.query.unit) }),
  );

  r.get(
    '/public/quality/targets',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'The plan’s targets, live: satisfaction ≥ 90%, results digitized 100%, dossiers processed online > 60%', querystring: TargetsQuery, response: { 200: PlanTargetsSchema, ...problems } },
    },
    async (request) => publication.targets(request.query.month ?? toLocalDate(new Date()).slice(0, 7), request.query.unit).catch(problemOf),
  );

  r.get(
    '/public/quality/months/:month/results.xlsx',
    { config: { access: 'public' }, schema: { tags, summary: 'A published month as a spreadsheet', params: MonthParam, response: { 404: problemSchema, 422: problemSchema } } },
    async (request, reply) => sendDownload(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `chi-so-766-${request.params.month}.xlsx`, await monthXlsx(await publication.month(request.params.month, { recompute: false }).catch(problemOf))),
  );

  r.get(
    '/public/quality/months/:month/results.pdf',
    { config: { access: 'public' }, schema: { tags, summary: 'A published month as a PDF', params: MonthParam, response: { 404: problemSchema, 422: problemSchema } } },
    async (request, reply) => sendDownload(reply, 'application/pdf', `chi-so-766-${request.params.month}.pdf`, await monthPdf(await publication.month(request.params.month, { recompute: false }).catch(problemOf))),
  );
}
