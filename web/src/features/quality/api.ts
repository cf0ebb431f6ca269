// Client of the public 766 publication (src/modules/quality/publication-routes.ts) and of the
// officers' live index (src/modules/quality/module.ts), through the
// app's one request function. Shapes are the server's schemas (type-only imports).
import type { z } from 'zod';
import type { PortalEvaluation, ReconciliationImportSchema, ReconciliationImportsSchema } from '@server/modules/quality/reconcile.ts';
import type { IndexResultSchema, PlanTargetsSchema, PublishedIndexSchema, PublishedMonthSchema, PublishedMonthsSchema, PublishedTrendSchema, PublishedUnitMonthSchema, QualityScopesSchema } from '@server/modules/quality/schema.ts';
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

// ---- The officers' live figures (GET /api/v1/quality/index, /me/quality): any scope they may read ----

export type LiveIndex = z.infer<typeof IndexResultSchema>;
export type Scopes = z.infer<typeof QualityScopesSchema>;

/** What the live page asks for: the officer's own scores, the ministry's, a unit's or another officer's. */
export type LiveScope = { kind: 'me' } | { kind: 'ministry' } | { kind: 'unit'; unitId: string } | { kind: 'officer'; accountId: string };

export const liveQualityApi = {
  scopes: (lang: Language): Promise<ApiResult<Scopes>> => requestJson('/api/v1/me/quality/scopes', lang),
  index: (scope: LiveScope, period: string, explain: boolean, lang: Language): Promise<ApiResult<LiveIndex>> => {
    const q = new URLSearchParams({ period, explain: String(explain) });
    if (scope.kind === 'unit') q.set('unit', scope.unitId);
    if (scope.kind === 'officer') q.set('officer', scope.accountId);
    return requestJson(`${scope.kind === 'me' ? '/api/v1/me/quality' : '/api/v1/quality/index'}?${q.toString()}`, lang);
  },
};

// ---- Reconciliation with the national portal's published figures (ministry readers) ----

export type ReconciliationImport = z.infer<typeof ReconciliationImportSchema>;
export type ReconciliationImports = z.infer<typeof ReconciliationImportsSchema>;
export type { PortalEvaluation };

export const reconciliationApi = {
  list: (lang: Language): Promise<ApiResult<ReconciliationImports>> => requestJson('/api/v1/quality/reconciliations', lang),
  one: (id: string, lang: Language): Promise<ApiResult<ReconciliationImport>> => requestJson(`/api/v1/quality/reconciliations/${enc(id)}`, lang),
  /** Imports the portal's evaluation JSON of a month (kept, with the differences found). */
  import: (month: string, evaluation: unknown, fileName: string, lang: Language): Promise<ApiResult<ReconciliationImport>> =>
    requestJson(`/api/v1/quality/reconciliation/${enc(month)}?fileName=${enc(fileName)}`, lang, { method: 'POST', body: evaluation }),
};
