// Client of the motcua HTTP API. Errors come back as RFC 9457 problem details, with titles and
// messages in the language asked for by Accept-Language.
import type { Language } from '../i18n/index.ts';

export const TIME_UNITS = ['working_days', 'working_hours', 'calendar_days'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export interface LocalizedText {
  vi: string;
  en: string;
}

export interface DayOff {
  date: string;
  name: LocalizedText;
  kind: string;
  source: string;
  estimated: boolean;
}

export interface Deadline {
  due: string;
  start: string;
  amount: number;
  unit: TimeUnit;
  skippedDaysOff: DayOff[];
}

export interface FieldProblem {
  pointer: string;
  code: string;
  message: string;
}

export interface Problem {
  type?: string;
  code?: string;
  status: number;
  title: string;
  detail?: string;
  errors?: FieldProblem[];
}

export type ApiResult<T> =
  | { kind: 'ok'; data: T }
  | { kind: 'problem'; problem: Problem }
  | { kind: 'network' }
  | { kind: 'unreadable'; status: number };

export interface DeadlineQuery {
  from: string;
  amount: string;
  unit: TimeUnit;
  skipDaysOff?: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function asProblem(body: unknown, status: number): Problem | undefined {
  if (!isObject(body) || typeof body.title !== 'string') return undefined;
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(
        (e): e is FieldProblem =>
          isObject(e) && typeof e.pointer === 'string' && typeof e.message === 'string',
      )
    : undefined;
  return {
    status: typeof body.status === 'number' ? body.status : status,
    title: body.title,
    ...(typeof body.type === 'string' ? { type: body.type } : {}),
    ...(typeof body.code === 'string' ? { code: body.code } : {}),
    ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
    ...(errors ? { errors } : {}),
  };
}

function isDeadline(body: unknown): body is Deadline {
  return (
    isObject(body) &&
    typeof body.due === 'string' &&
    typeof body.start === 'string' &&
    Array.isArray(body.skippedDaysOff)
  );
}

async function getJson<T>(
  url: string,
  language: Language,
  accept: (body: unknown) => body is T,
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json, application/problem+json', 'Accept-Language': language },
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { kind: 'network' };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { kind: 'unreadable', status: response.status };
  }
  if (response.ok) {
    return accept(body) ? { kind: 'ok', data: body } : { kind: 'unreadable', status: response.status };
  }
  const problem = asProblem(body, response.status);
  return problem ? { kind: 'problem', problem } : { kind: 'unreadable', status: response.status };
}

export function fetchDeadline(
  query: DeadlineQuery,
  language: Language,
  signal?: AbortSignal,
): Promise<ApiResult<Deadline>> {
  const params = new URLSearchParams({ from: query.from, amount: query.amount, unit: query.unit });
  if (query.unit === 'calendar_days' && query.skipDaysOff) params.set('skipDaysOff', 'true');
  return getJson(`/api/v1/calendar/deadline?${params.toString()}`, language, isDeadline, signal);
}
