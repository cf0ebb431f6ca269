// Client of the motcua HTTP API. Errors come back as RFC 9457 problem details, with titles and
// messages in the language asked for by Accept-Language. Shapes are the server's schemas
// (type-only imports: nothing of the server reaches the bundle).
import type { z } from 'zod';
import type { problemSchema } from '@server/http/problem.ts';
import type { DeadlineResponse, TimeUnit as TimeUnitSchema } from '@server/modules/calendar/schema.ts';
import type { Language } from '../i18n/index.ts';

export type TimeUnit = z.infer<typeof TimeUnitSchema>;
export const TIME_UNITS = ['working_days', 'working_hours', 'calendar_days'] as const satisfies readonly TimeUnit[];

export interface LocalizedText {
  vi: string;
  en: string;
}

/** GET /api/v1/calendar/deadline (the calendar module's schema). */
export type Deadline = z.infer<typeof DeadlineResponse>;
/** A day off the deadline skipped, `estimated` when the year's schedule is not official yet. */
export type DayOff = Deadline['skippedDaysOff'][number];

type ProblemBody = z.infer<typeof problemSchema>;

/** A per-field error of a problem (src/http/problem.ts). */
export type FieldProblem = NonNullable<ProblemBody['errors']>[number];

/**
 * A problem as the server sends it (src/http/problem.ts problemSchema), its members beyond the
 * standard ones gathered in `extensions`.
 */
export type Problem = Pick<ProblemBody, 'type' | 'code' | 'status' | 'title' | 'detail' | 'instance' | 'errors'> & {
  /** Members beyond the standard ones (RFC 9457 extensions), e.g. `importErrors`, `loginUrl`. */
  extensions?: Record<string, unknown>;
};

const STANDARD_MEMBERS = new Set(['type', 'code', 'status', 'title', 'detail', 'instance', 'errors']);

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
  // The server always sends `type` and `code`. A problem from elsewhere (a proxy) may lack them:
  // `type` is then RFC 9457's default, about:blank, and `code` empty (it names no motcua problem).
  return {
    type: typeof body.type === 'string' ? body.type : 'about:blank',
    code: typeof body.code === 'string' ? body.code : '',
    status: typeof body.status === 'number' ? body.status : status,
    title: body.title,
    ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
    ...(typeof body.instance === 'string' ? { instance: body.instance } : {}),
    ...(errors ? { errors } : {}),
    extensions: Object.fromEntries(Object.entries(body).filter(([key]) => !STANDARD_MEMBERS.has(key))),
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

/** The session's CSRF token, which the server sets in a readable cookie at login. */
export function csrfToken(): string | undefined {
  const match = /(?:^|;\s*)motcua_csrf=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

const anyBody = (body: unknown): body is unknown => body !== undefined;

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON-serialisable body (sent as application/json). */
  body?: unknown;
  /** A file as the raw body (a spreadsheet to import), with its type; instead of `body`. */
  file?: { data: Blob; contentType: string };
  /** A multipart form (an upload), instead of `body`; the browser sets its boundary. */
  form?: FormData;
  /** Extra request headers (If-Match, Idempotency-Key). */
  headers?: Record<string, string>;
  /** Checks the shape of a successful response; default: any JSON. */
  accept?: (body: unknown) => body is T;
  signal?: AbortSignal;
}

/**
 * Any API call (the ONE request function of the app): JSON in (or a file), JSON out. Writes carry the session's CSRF token (x-csrf-token), as the server requires
 * for cookie-authenticated requests. A 204 answers `{ kind: 'ok', data: undefined }`.
 */
export async function requestJson<T = unknown>(
  url: string,
  language: Language,
  options: RequestOptions<T> = {},
): Promise<ApiResult<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json, application/problem+json',
    'Accept-Language': language,
  };
  if (options.form) {
    // No Content-Type: the browser writes multipart/form-data with its boundary.
  } else if (options.file) headers['Content-Type'] = options.file.contentType;
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.form
        ? { body: options.form }
        : options.file
          ? { body: options.file.data }
          : options.body !== undefined
            ? { body: JSON.stringify(options.body) }
            : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { kind: 'network' };
  }
  if (response.status === 204) return { kind: 'ok', data: undefined as T };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { kind: 'unreadable', status: response.status };
  }
  const accept = options.accept ?? (anyBody as (b: unknown) => b is T);
  if (response.ok) {
    return accept(body) ? { kind: 'ok', data: body } : { kind: 'unreadable', status: response.status };
  }
  const problem = asProblem(body, response.status);
  return problem ? { kind: 'problem', problem } : { kind: 'unreadable', status: response.status };
}

/**
 * A call that answers a file (a PDF preview): the same headers as requestJson (language, CSRF
 * token on writes), JSON in; a Blob out, or the problem the server answered.
 */
export async function requestBlob(url: string, language: Language, options: Pick<RequestOptions<Blob>, 'method' | 'body' | 'signal'> = {}): Promise<ApiResult<Blob>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/pdf, application/problem+json', 'Accept-Language': language };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { kind: 'network' };
  }
  if (response.ok) return { kind: 'ok', data: await response.blob() };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { kind: 'unreadable', status: response.status };
  }
  const problem = asProblem(body, response.status);
  return problem ? { kind: 'problem', problem } : { kind: 'unreadable', status: response.status };
}

async function getJson<T>(
  url: string,
  language: Language,
  accept: (body: unknown) => body is T,
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  return requestJson(url, language, { accept, ...(signal ? { signal } : {}) });
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
