// Client of the warehouse API (src/modules/warehouse/routes.ts), through the app's one request
// function. Shapes are the server's schemas (type-only imports).
import type { z } from 'zod';
import type { ComponentRecordSchema, StatsResponse, WarehouseDocument, WarehouseOffers } from '@server/modules/warehouse/schema.ts';
import type { Language } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';

export type { WarehouseDocument };
export type Offers = z.infer<typeof WarehouseOffers>['items'];
export type ComponentRecord = z.infer<typeof ComponentRecordSchema>;
export type Stats = z.infer<typeof StatsResponse>;

const API = '/api/v1';
const enc = encodeURIComponent;

export const warehouseApi = {
  list: (lang: Language): Promise<ApiResult<{ items: WarehouseDocument[] }>> => requestJson(`${API}/me/warehouse`, lang),
  upload: (fields: Record<string, string>, file: File, lang: Language): Promise<ApiResult<WarehouseDocument>> => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) if (v) form.append(k, v);
    form.append('file', file, file.name);
    return requestJson(`${API}/me/warehouse`, lang, { method: 'POST', form });
  },
  remove: (id: string, lang: Language): Promise<ApiResult<undefined>> => requestJson(`${API}/me/warehouse/${enc(id)}`, lang, { method: 'DELETE' }),
  importNational: (lang: Language): Promise<ApiResult<{ imported: number; items: WarehouseDocument[] }>> =>
    requestJson(`${API}/me/warehouse/national`, lang, { method: 'POST', body: {} }),
  offers: (procedure: string, lang: Language): Promise<ApiResult<{ items: Offers }>> => requestJson(`${API}/me/warehouse/offers?procedure=${enc(procedure)}`, lang),
  components: (dossierId: string, lang: Language): Promise<ApiResult<{ items: ComponentRecord[] }>> => requestJson(`${API}/dossiers/${enc(dossierId)}/components`, lang),
  stats: (q: { from: string; to: string; unit?: string; procedure?: string }, lang: Language): Promise<ApiResult<Stats>> => {
    const p = new URLSearchParams({ from: q.from, to: q.to });
    if (q.unit) p.set('unit', q.unit);
    if (q.procedure) p.set('procedure', q.procedure);
    return requestJson(`${API}/digitization/stats?${p.toString()}`, lang);
  },
};

export const fileUrl = (doc: { id: string }, file: { id: string }) => `${API}/me/warehouse/${enc(doc.id)}/files/${enc(file.id)}`;
