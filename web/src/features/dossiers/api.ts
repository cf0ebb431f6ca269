// Client of the dossiers API (src/modules/dossiers/routes.ts), through the app's one request
// function. Shapes are the server's schemas (type-only imports).
import type { z } from 'zod';
import type {
  ActionInput,
  ActionOptions,
  CounterPrefill,
  CounterPrefillBody,
  CreateDossierInput,
  DossierSummary,
  DossierView,
  Draft,
  DraftInput,
  ListResponse,
  PublicDossierSchema,
  WorklistName,
} from '@server/modules/dossiers/schema.ts';
import type { UploadedFile as UploadedFileSchema } from '@server/modules/files/schema.ts';
import type { Language } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';

export type { Draft, DraftInput };
export type { ActionInput, ActionOptions, CounterPrefill, CreateDossierInput, DossierSummary, DossierView, WorklistName };
export type DossierList = z.infer<typeof ListResponse>;
export type PublicDossier = z.infer<typeof PublicDossierSchema>;
export type ActionType = DossierView['allowedActions'][number];

/** A file as the upload answered it (the files module's schema). */
export type UploadedFile = z.infer<typeof UploadedFileSchema>;

/** The worklists of the workspace, in the order of the work (src/modules/dossiers/schema.ts WORKLISTS). */
export const WORKLIST_NAMES: readonly WorklistName[] = [
  'to-receive',
  'to-assign',
  'assigned',
  'to-approve',
  'to-issue',
  'to-return',
  'due-soon',
  'overdue',
  'waiting-applicant',
];

export const isWorklist = (value: string | null): value is WorklistName => !!value && (WORKLIST_NAMES as readonly string[]).includes(value);

const API = '/api/v1';
const enc = encodeURIComponent;

export interface SearchQuery {
  code?: string;
  applicant?: string;
  status?: string;
  procedure?: string;
  cursor?: string;
  limit?: number;
}

const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const dossiersApi = {
  create: (body: CreateDossierInput, idempotencyKey: string | undefined, lang: Language): Promise<ApiResult<DossierView>> =>
    requestJson(`${API}/dossiers`, lang, { method: 'POST', body, ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}) }),
  get: (id: string, lang: Language): Promise<ApiResult<DossierView>> => requestJson(`${API}/dossiers/${enc(id)}`, lang),
  /** The counter's prefill: the e-form's population fields of the applicant at the counter (receiver). */
  counterPrefill: (body: CounterPrefillBody, lang: Language): Promise<ApiResult<CounterPrefill>> =>
    requestJson(`${API}/dossiers/counter-prefill`, lang, { method: 'POST', body }),
  act: (id: string, version: number, body: ActionInput, lang: Language): Promise<ApiResult<DossierView>> =>
    requestJson(`${API}/dossiers/${enc(id)}/actions`, lang, { method: 'POST', body, headers: { 'If-Match': `"${version}"` } }),
  actionOptions: (id: string, lang: Language): Promise<ApiResult<ActionOptions>> => requestJson(`${API}/dossiers/${enc(id)}/action-options`, lang),
  addNote: (id: string, text: string, lang: Language): Promise<ApiResult<{ id: string; author: string; text: string; createdAt: string }>> =>
    requestJson(`${API}/dossiers/${enc(id)}/notes`, lang, { method: 'POST', body: { text } }),
  pay: (id: string, lang: Language): Promise<ApiResult<{ paymentUrl: string }>> =>
    requestJson(`${API}/dossiers/${enc(id)}/payment`, lang, { method: 'POST', body: {} }),
  draft: (code: string, lang: Language): Promise<ApiResult<Draft>> => requestJson(`${API}/me/drafts/${enc(code)}`, lang),
  saveDraft: (code: string, body: DraftInput, lang: Language): Promise<ApiResult<{ updatedAt: string }>> =>
    requestJson(`${API}/me/drafts/${enc(code)}`, lang, { method: 'PUT', body }),
  discardDraft: (code: string, lang: Language): Promise<ApiResult<null>> => requestJson(`${API}/me/drafts/${enc(code)}`, lang, { method: 'DELETE' }),
  mine: (lang: Language): Promise<ApiResult<{ items: DossierSummary[] }>> => requestJson(`${API}/me/dossiers`, lang),
  counts: (lang: Language): Promise<ApiResult<Record<WorklistName, number>>> => requestJson(`${API}/worklists`, lang),
  worklist: (name: WorklistName, cursor: string | undefined, lang: Language): Promise<ApiResult<DossierList>> =>
    requestJson(`${API}/worklists/${enc(name)}${query({ cursor, limit: 20 })}`, lang),
  search: (q: SearchQuery, lang: Language): Promise<ApiResult<DossierList>> => requestJson(`${API}/dossiers${query({ limit: 20, ...q })}`, lang),
  lookup: (code: string, key: string, lang: Language): Promise<ApiResult<PublicDossier>> =>
    requestJson(`${API}/public/dossiers/${enc(code)}${query({ key })}`, lang),
  upload: (file: File, lang: Language): Promise<ApiResult<UploadedFile>> => {
    const form = new FormData();
    form.append('file', file, file.name);
    return requestJson(`${API}/files`, lang, { method: 'POST', form });
  },
};

/** A random key for one submission (Idempotency-Key: 8–200 of [A-Za-z0-9_.:-]). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `nop-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
