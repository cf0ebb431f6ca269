// Client of the reconciliation and correction API (src/modules/registries/routes.ts), through the
// app's one request function. Shapes are the server's schemas (type-only imports).
import type { z } from 'zod';
import type { PersonViewSchema, RunItemList, RunSchema } from '@server/modules/registries/schema.ts';
import type { Language } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';

export type Run = z.infer<typeof RunSchema>;
export type RunItem = z.infer<typeof RunItemList>['items'][number];
export type PersonView = z.infer<typeof PersonViewSchema>;
export const REGISTRIES = ['st', 'techmarket', 'ip', 'stameq'] as const;
export type Registry = (typeof REGISTRIES)[number];
export const OUTCOMES = ['mismatch', 'unknown_number', 'legacy_number', 'unavailable', 'match'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const API = '/api/v1/registries';
const enc = encodeURIComponent;

export const registriesApi = {
  start: (registry: Registry, lang: Language): Promise<ApiResult<{ id: string }>> => requestJson(`${API}/${registry}/reconciliations`, lang, { method: 'POST', body: {} }),
  runs: (registry: Registry, lang: Language): Promise<ApiResult<{ items: Run[] }>> => requestJson(`${API}/${registry}/reconciliations`, lang),
  run: (id: string, lang: Language): Promise<ApiResult<Run>> => requestJson(`${API}/reconciliations/${enc(id)}`, lang),
  items: (id: string, outcome: Outcome, after: string | null, lang: Language): Promise<ApiResult<{ items: RunItem[]; next: string | null }>> =>
    requestJson(`${API}/reconciliations/${enc(id)}/items?outcome=${outcome}&limit=50${after ? `&after=${enc(after)}` : ''}`, lang),
  correct: (personId: string, body: { personalId: string; fullName: string; birthDate: string | null; runId: string }, lang: Language): Promise<ApiResult<PersonView>> =>
    requestJson(`${API}/people/${enc(personId)}`, lang, { method: 'PUT', body }),
};
