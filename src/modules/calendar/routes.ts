import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { formatLocalIso } from '../../core/calendar/index.ts';
import { requireAdminToken } from '../../http/admin-token.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  DeadlineQuery,
  DeadlineResponse,
  YearParams,
  YearQuery,
  YearScheduleInput,
  YearScheduleResponse,
} from './schema.ts';
import type { CalendarService, YearScheduleView } from './service.ts';

const present = (view: YearScheduleView) => ({
  year: view.year,
  status: view.status,
  origin: view.origin,
  sources: view.sources,
  daysOff: view.daysOff.map((d) => ({ ...d, estimated: view.status === 'estimated' })),
  workingWeekendDays: view.workingWeekendDays,
});

export function registerCalendarRoutes(
  api: FastifyInstance,
  deps: { calendar: CalendarService; adminToken: string | undefined },
): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { calendar } = deps;
  const adminOnly = requireAdminToken(deps.adminToken);

  app.get(
    '/calendar/deadline',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Due moment of a processing time limit (hạn giải quyết)',
        description:
          'Counts working days (8 working hours each) or working hours in Asia/Ho_Chi_Minh, skipping ' +
          'weekends and the civil servants’ days off; or calendar days.',
        querystring: DeadlineQuery,
        response: { 200: DeadlineResponse, 422: problemSchema },
      },
    },
    async (request) => {
      const { from, amount, unit, skipDaysOff } = request.query;
      const result = await calendar.deadline(new Date(from), amount, unit, skipDaysOff);
      return {
        due: formatLocalIso(result.due),
        start: formatLocalIso(result.start),
        amount,
        unit,
        skippedDaysOff: result.skippedDaysOff,
      };
    },
  );

  app.get(
    '/calendar/days-off',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Days off of a year for civil servants',
        querystring: YearQuery,
        response: { 200: YearScheduleResponse, 422: problemSchema },
      },
    },
    async (request) => present(await calendar.yearSchedule(request.query.year)),
  );

  app.put(
    '/calendar/years/:year',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['calendar'],
        summary: 'Enter or replace the official days off of a year (administrator)',
        security: [{ bearer: [] }],
        params: YearParams,
        body: YearScheduleInput,
        response: { 200: YearScheduleResponse, 401: problemSchema, 403: problemSchema, 422: problemSchema },
      },
    },
    async (request) =>
      present(await calendar.setYear(request.params.year, request.body, 'admin-token', request.id)),
  );

  app.delete(
    '/calendar/years/:year',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['calendar'],
        summary: 'Remove an administrator’s schedule of a year (back to bundled data or estimate)',
        security: [{ bearer: [] }],
        params: YearParams,
        response: { 200: YearScheduleResponse, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => present(await calendar.resetYear(request.params.year, 'admin-token', request.id)),
  );
}
