// Sends a file as the raw body of a request (a spreadsheet to import, for example), with the
// session's CSRF token, and reads the JSON answer. The JSON-only requestJson (api.ts) covers
// every other call; this one also keeps the whole problem body, whose extension members (such as
// per-cell import errors) a page may need.
import type { Language } from '../i18n/index.ts';
import { csrfToken, type FieldProblem, type Problem } from './api.ts';

export type UploadResult<T> =
  | { kind: 'ok'; data: T }
  | { kind: 'problem'; problem: Problem; body: Record<string, unknown> }
  | { kind: 'network' }
  | { kind: 'unreadable'; status: number };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function uploadFile<T = unknown>(
  url: string,
  file: Blob,
  contentType: string,
  language: Language,
  method: 'POST' | 'PUT' = 'POST',
): Promise<UploadResult<T>> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': language,
    'Content-Type': contentType,
  };
  const token = csrfToken();
  if (token) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: file, credentials: 'same-origin' });
  } catch {
    return { kind: 'network' };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { kind: 'unreadable', status: response.status };
  }
  if (response.ok) return { kind: 'ok', data: body as T };
  if (!isObject(body) || typeof body.title !== 'string') return { kind: 'unreadable', status: response.status };
  const errors = Array.isArray(body.errors)
    ? body.errors.filter((e): e is FieldProblem => isObject(e) && typeof e.pointer === 'string' && typeof e.message === 'string')
    : undefined;
  return {
    kind: 'problem',
    body,
    problem: {
      status: typeof body.status === 'number' ? body.status : response.status,
      title: body.title,
      ...(typeof body.code === 'string' ? { code: body.code } : {}),
      ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
      ...(errors ? { errors } : {}),
    },
  };
}
