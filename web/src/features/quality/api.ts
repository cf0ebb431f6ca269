// Client of the public 766 publication (src/modules/quality/publication-routes.ts), through the
// app's one request function. Shapes are the server's schemas (type-only imports).
import type { z } from 'zod';
import type { PlanTargetsSchema, PublishedIndexSchema, PublishedMonthSchema, PublishedMonthsSchema, PublishedTrendSchema, PublishedUnitMonthSchema } from '@server/modules/quality/schema.ts';
import type { Language } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';

export type PublishedIndex = z.infer<typeof PublishedIndexSchema>;
export type PublishedMonth = z.infer<typeof PublishedMonthSchema>;
export type PublishedUnitMonth = z.infer<typeof PublishedUnitMonthSchema>;
export type Trend = z.infer<typeof PublishedTrendSchema>;
export type Targets = z.infer<typeof PlanTargetsSchema>;
export type Months = z.infer<typeof PublishedMonthsSchema>;

export const GROUPS = ['CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'MDSH', 'MDHL'] as const;
export type Group = (typeof GROUPS)[number];

const API = '/api/v1/public/quality';
const enc = encodeURIComponent;

export const qualityApi = {
  months: (lang: Language): Promise<ApiResult<Months>> => requestJson(`${API}/months`, lang),
  month: (month: string, lang: Language): Promise<ApiResult<PublishedMonth>> => requestJson(`${API}/months/${enc(month)}`, lang),
  unitMonth: (month: string, unitId: string, procedure: string | undefined, lang: Language): Promise<ApiResult<PublishedUnitMonth>> =>
    requestJson(`${API}/months/${enc(month)}/units/${enc(unitId)}${procedure ? `?procedure=${enc(procedure)}` : ''}`, lang),
  trend: (unitId: string | undefined, lang: Language): Promise<ApiResult<Trend>> => requestJson(`${API}/trend${unitId ? `?unit=${enc(unitId)}` : ''}`, lang),
  targets: (month: string, lang: Language): Promise<ApiResult<Targets>> => requestJson(`${API}/targets?month=${enc(month)}`, lang),
};

export const downloadUrl = (month: string, kind: 'xlsx' | 'pdf') => `${API}/months/${enc(month)}/results.${kind}`;
