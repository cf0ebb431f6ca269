import { z } from 'zod';
import { SUPPORTED_YEARS, isSupportedYear, toLocalDate } from '../../core/calendar/index.ts';

const localDate = z.iso.date().describe('Local date in Asia/Ho_Chi_Minh, YYYY-MM-DD');
const localizedText = z.object({ vi: z.string().min(1).max(200), en: z.string().min(1).max(200) });

export const TimeUnit = z.enum(['working_days', 'working_hours', 'calendar_days']).meta({ id: 'TimeUnit' });

const booleanQuery = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const SUPPORTED_RANGE = `${SUPPORTED_YEARS.min}–${SUPPORTED_YEARS.max}`;

export const DeadlineQuery = z.object({
  from: z.iso
    .datetime({ offset: true, local: false })
    .refine((v) => !Number.isFinite(Date.parse(v)) || isSupportedYear(Number(toLocalDate(new Date(v)).slice(0, 4))), {
      message: `the calendar supports years ${SUPPORTED_RANGE}`,
      params: {
        vi: `Lịch chỉ tính được cho các năm ${SUPPORTED_RANGE}.`,
        en: `The calendar supports the years ${SUPPORTED_RANGE}.`,
      },
    })
    .describe(`Start (receipt) moment, ISO 8601 with offset, e.g. 2026-02-12T17:30:00+07:00; years ${SUPPORTED_RANGE}`),
  amount: z.coerce.number().min(0).max(3650).describe('How many units'),
  unit: TimeUnit,
  skipDaysOff: booleanQuery.optional().describe('calendar_days only: a due day that is off moves to the next working day'),
}).refine((q) => q.unit !== 'calendar_days' || Number.isInteger(q.amount), {
  path: ['amount'],
  message: 'calendar_days takes a whole number of days',
  params: { vi: 'Số ngày theo lịch phải là số nguyên.', en: 'Calendar days must be a whole number.' },
});
export type DeadlineQuery = z.infer<typeof DeadlineQuery>;

export const DayOffKind = z.enum(['holiday', 'compensatory', 'swap_off']);

export const DayOff = z
  .object({
    date: localDate,
    name: localizedText,
    kind: DayOffKind,
    source: z.string().max(300),
  })
  .meta({ id: 'DayOff' });

export const WorkingWeekendDay = z
  .object({ date: localDate, replaces: localDate.optional(), source: z.string().max(300) })
  .meta({ id: 'WorkingWeekendDay' });

export const DeadlineResponse = z
  .object({
    due: z.string().describe('Due moment, ISO 8601 with +07:00'),
    start: z.string().describe('When the clock started: the first working moment at or after `from`'),
    amount: z.number(),
    unit: TimeUnit,
    skippedDaysOff: z.array(DayOff.extend({ estimated: z.boolean() })),
  })
  .meta({ id: 'Deadline' });

export const YearQuery = z.object({ year: z.coerce.number().int().min(1976).max(2199) });
export const YearParams = YearQuery;

export const YearScheduleResponse = z
  .object({
    year: z.number().int(),
    status: z.enum(['official', 'estimated']),
    origin: z.enum(['administrator', 'bundled', 'rules']),
    sources: z.array(z.string()),
    daysOff: z.array(DayOff.extend({ estimated: z.boolean() })),
    workingWeekendDays: z.array(WorkingWeekendDay),
  })
  .meta({ id: 'YearSchedule' });

export const YearScheduleInput = z
  .object({
    sources: z.array(z.string().min(1).max(300)).min(1).max(20).describe('The notices the schedule comes from'),
    daysOff: z.array(DayOff).max(60),
    workingWeekendDays: z.array(WorkingWeekendDay).max(20).optional(),
  })
  .meta({ id: 'YearScheduleEntry' });
export type YearScheduleInput = z.infer<typeof YearScheduleInput>;
