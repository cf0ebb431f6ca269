// Client of the IP database API (src/modules/ip/routes.ts), through the app's one request
// function. Shapes are the server's schemas (type-only imports).
import type { z } from 'zod';
import type { ApplicationList, ApplicationView, PersonView, PublicApplicationList, PublicApplication } from '@server/modules/ip/schema.ts';
import type { ApplicationStatus, IpKind } from '@server/core/ip/index.ts';
import type { Language } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';

export type { ApplicationStatus, ApplicationView, IpKind, PersonView, PublicApplication };
export type PublicList = z.infer<typeof PublicApplicationList>;
export type OfficerList = z.infer<typeof ApplicationList>;

export const IP_KIND_LIST: readonly IpKind[] = ['patent', 'utility_solution', 'trademark', 'industrial_design'];
export const STATUS_LIST: readonly ApplicationStatus[] = ['filed', 'formality_examined', 'published', 'substantive_examination', 'granted', 'refused', 'withdrawn'];

const API = '/api/v1/registries/ip';
const enc = encodeURIComponent;

export interface Query {
  q?: string;
  kind?: string;
  status?: string;
  offset?: number;
}

const params = (q: Query, limit: number) => {
  const p = new URLSearchParams({ limit: String(limit) });
  if (q.q?.trim()) p.set('q', q.q.trim());
  if (q.kind) p.set('kind', q.kind);
  if (q.status) p.set('status', q.status);
  if (q.offset) p.set('offset', String(q.offset));
  return p.toString();
};

export const ipApi = {
  search: (q: Query, lang: Language): Promise<ApiResult<PublicList>> => requestJson(`${API}/public/applications?${params(q, 20)}`, lang),
  list: (q: Query, lang: Language): Promise<ApiResult<OfficerList>> => requestJson(`${API}/applications?${params(q, 50)}`, lang),
  get: (id: string, lang: Language): Promise<ApiResult<ApplicationView>> => requestJson(`${API}/applications/${enc(id)}`, lang),
};
