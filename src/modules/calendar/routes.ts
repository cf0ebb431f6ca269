// HTTP routes of the calendar module (under /api/v1): public reads (deadlines, a year's days off)
// and the ministry-wide administration of the days off (calendar.edit at the ministry: an
// officer's session, or a machine credential carrying it).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CalendarRangeError, SUPPORTED_YEARS, formatLocalIso } from '../../core/calendar/index.ts';
import { requirePrincipal } from '../../http/access.ts';
import { ProblemError, problemSchema } from '../../http/problem.ts';
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

/** A computation that runs past the supported years is bad input, not a server error. */
async function withinRange<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof CalendarRangeError)) throw error;
    const range = `${SUPPORTED_YEARS.min}–${SUPPORTED_YEARS.max}`;
    throw new ProblemError('validation', {
      detail: {
        vi: `Thời hạn vượt ra ngoài các năm lịch tính được (${range}).`,
        en: `The deadline falls outside the years the calendar supports (${range}).`,
      },
      errors: [
        {
          pointer: '/query/from',
          code: 'out_of_range',
          message: {
            vi: `Lịch chỉ tính được cho các năm ${range}; kết quả rơi vào năm ${error.year}.`,
            en: `The calendar supports the years ${range}; the result falls in ${error.year}.`,
          },
        },
      ],
      extensions: { supportedYears: SUPPORTED_YEARS },
    });
  }
}

export function registerCalendarRoutes(api: FastifyInstance, deps: { calendar: CalendarService }): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { calendar } = deps;

  app.get(
    '/calendar/deadline',
    {
      config: { access: 'public' },
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
      const result = await withinRange(() => calendar.deadline(new Date(from), amount, unit, skipDaysOff));
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
      config: { access: 'public' },
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
      config: { access: 'calendar.edit' },
      schema: {
        tags: ['calendar'],
        summary: 'Enter or replace the official days off of a year (calendar.edit at the ministry)',
        security: [{ bearer: [] }],
        params: YearParams,
        body: YearScheduleInput,
        response: { 200: YearScheduleResponse, 401: problemSchema, 403: problemSchema, 422: problemSchema },
      },
    },
    async (request) =>
      present(await calendar.setYear(request.params.year, request.body, { principal: requirePrincipal(request) }, request.id)),
  );

  app.delete(
    '/calendar/years/:year',
    {
      config: { access: 'calendar.edit' },
      schema: {
        tags: ['calendar'],
        summary: 'Remove an administrator’s schedule of a year (back to bundled data or estimate; calendar.edit at the ministry)',
        security: [{ bearer: [] }],
        params: YearParams,
        response: { 200: YearScheduleResponse, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => present(await calendar.resetYear(request.params.year, { principal: requirePrincipal(request) }, request.id)),
  );
}
