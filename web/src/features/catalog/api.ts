// Client of the catalog API (src/modules/catalog/routes.ts). Every call goes through requestJson
// (problem details, Accept-Language, the CSRF token on writes). Shapes follow the catalog
// module's response schemas; the procedure content is the core model.
import type { ProcedureContent } from '@server/core/catalog/types.ts';
import type { z } from 'zod';
import type * as schema from '@server/modules/catalog/schema.ts';
import type { UnitTreeNode, UnitTreeResponse } from '@server/modules/identity/schema.ts';
import type { Language } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';

export type { ProcedureContent };
export type OnlineLevel = ProcedureContent['onlineLevel'];
export type ProcessingTimeUnit = 'working_days' | 'working_hours' | 'calendar_days' | 'months';
/** Public views: fees charged, declared free (lines at 0), or no fee line published. */
export type FeeStatus = z.infer<typeof schema.FeeStatus>;
export type VersionStatus = z.infer<typeof schema.VersionStatus>;
export type SubjectFilter = 'citizen' | 'business' | 'organization' | 'vietnamese' | 'overseas_vietnamese' | 'foreigner';

export const API = '/api/v1';

export type ProcedureListItem = z.infer<typeof schema.ProcedureListItem>;

export type ProcedureList = z.infer<typeof schema.ProcedureList>;

export interface SearchParams {
  q?: string;
  field?: string;
  unit?: string;
  subject?: SubjectFilter;
  online?: OnlineLevel;
  fee?: 'free' | 'paid';
  page?: number;
  pageSize?: number;
}

export type VersionMeta = z.infer<typeof schema.VersionMeta>;

export type PublicParts = ProcedureVersionView['publicParts'];

export type ProcedureVersionView = z.infer<typeof schema.ProcedureVersionView>;

export type VersionList = z.infer<typeof schema.VersionList>;

export type VersionDiff = z.infer<typeof schema.VersionDiff>;

export type CatalogIssue = VersionCheck['errors'][number];

export type VersionCheck = z.infer<typeof schema.VersionCheckView>;

export type PrefillReport = ValidationResult['prefill'];

export type ValidationResult = z.infer<typeof schema.ValidationResult>;

export type SubmissionView = z.infer<typeof schema.SubmissionView>;

export type AdminListItem = AdminList['items'][number];

export type AdminList = z.infer<typeof schema.AdminList>;

export type ImportResult = z.infer<typeof schema.ImportResult>;

export type PrefillAttributeList = z.infer<typeof schema.PrefillAttributeList>;

export type PrefillAttribute = PrefillAttributeList['items'][number];

/** The unit tree of GET /api/v1/admin/units (the identity module's schema). */
export type { UnitTreeNode };
export type UnitTree = z.infer<typeof UnitTreeResponse>;

const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

const code = (c: string) => encodeURIComponent(c);

export const catalogApi = {
  search: (p: SearchParams, lang: Language, signal?: AbortSignal): Promise<ApiResult<ProcedureList>> =>
    requestJson(`${API}/procedures${query({ ...p })}`, lang, signal ? { signal } : {}),
  fields: (lang: Language): Promise<ApiResult<{ items: Array<{ code: string; name: string; count: number }> }>> =>
    requestJson(`${API}/catalog/fields`, lang),
  published: (c: string, lang: Language): Promise<ApiResult<ProcedureVersionView>> => requestJson(`${API}/procedures/${code(c)}`, lang),
  versions: (c: string, lang: Language): Promise<ApiResult<VersionList>> => requestJson(`${API}/procedures/${code(c)}/versions`, lang),
  version: (c: string, n: number, lang: Language): Promise<ApiResult<ProcedureVersionView>> =>
    requestJson(`${API}/procedures/${code(c)}/versions/${n}`, lang),
  diff: (c: string, n: number, from: number | undefined, lang: Language): Promise<ApiResult<VersionDiff>> =>
    requestJson(`${API}/procedures/${code(c)}/versions/${n}/diff${query({ from })}`, lang),
  validate: (c: string, n: number, body: { data: Record<string, unknown>; testPrefill?: Record<string, string> }, lang: Language): Promise<ApiResult<ValidationResult>> =>
    requestJson(`${API}/procedures/${code(c)}/versions/${n}/validate`, lang, { method: 'POST', body }),
  submit: (c: string, n: number, data: Record<string, unknown>, lang: Language): Promise<ApiResult<SubmissionView>> =>
    requestJson(`${API}/procedures/${code(c)}/versions/${n}/submissions`, lang, { method: 'POST', body: { data } }),
  adminList: (p: { q?: string; status?: string; unit?: string; page?: number; pageSize?: number }, lang: Language): Promise<ApiResult<AdminList>> =>
    requestJson(`${API}/admin/procedures${query(p)}`, lang),
  create: (body: { code: string; codeStatus: 'verified' | 'demo'; ownerUnitId: string; content: ProcedureContent }, lang: Language): Promise<ApiResult<ProcedureVersionView>> =>
    requestJson(`${API}/procedures`, lang, { method: 'POST', body }),
  newDraft: (c: string, lang: Language, fromVersion?: number): Promise<ApiResult<ProcedureVersionView>> =>
    requestJson(`${API}/procedures/${code(c)}/versions`, lang, { method: 'POST', body: fromVersion ? { fromVersion } : {} }),
  updateDraft: (c: string, n: number, body: { content: ProcedureContent; revision?: number }, lang: Language): Promise<ApiResult<ProcedureVersionView>> =>
    requestJson(`${API}/procedures/${code(c)}/versions/${n}`, lang, { method: 'PUT', body }),
  check: (c: string, n: number, lang: Language): Promise<ApiResult<VersionCheck>> => requestJson(`${API}/procedures/${code(c)}/versions/${n}/check`, lang),
  /** Publish; `overrideReason` publishes although required public parts are missing (recorded). */
  publish: (c: string, n: number, lang: Language, body?: { overrideReason: string }): Promise<ApiResult<ProcedureVersionView>> =>
    requestJson(`${API}/procedures/${code(c)}/versions/${n}/publish`, lang, { method: 'POST', ...(body ? { body } : {}) }),
  withdraw: (c: string, n: number, reason: string, lang: Language): Promise<ApiResult<ProcedureVersionView>> =>
    requestJson(`${API}/procedures/${code(c)}/versions/${n}/withdraw`, lang, { method: 'POST', body: { reason } }),
  importJson: (body: unknown, options: { publish: boolean; dryRun: boolean }, lang: Language): Promise<ApiResult<ImportResult>> =>
    requestJson(`${API}/catalog/import${query({ format: 'json', publish: String(options.publish), dryRun: String(options.dryRun) })}`, lang, {
      method: 'POST',
      body,
    }),
  prefillAttributes: (lang: Language): Promise<ApiResult<PrefillAttributeList>> =>
    requestJson(`${API}/catalog/prefill-attributes`, lang),
  myPrefill: (lang: Language): Promise<ApiResult<{ values: Record<string, string>; source: string; fetchedAt: string }>> =>
    requestJson(`${API}/population/me/prefill`, lang, { method: 'POST', body: {} }),
  unitTree: (lang: Language): Promise<ApiResult<UnitTree>> => requestJson(`${API}/admin/units`, lang),
};

export const exportUrl = (format: 'json' | 'xlsx', which: 'latest' | 'published', unit?: string) =>
  `${API}/catalog/export${query({ format, which, unit })}`;
export const templateUrl = `${API}/catalog/excel-template`;
export const importUrl = (format: 'json' | 'xlsx', options: { publish: boolean; dryRun: boolean }) =>
  `${API}/catalog/import${query({ format, publish: String(options.publish), dryRun: String(options.dryRun) })}`;

/** Pointer of a server field error, without the request part (`/body/data`, `/body/content`, `/query`). */
export function stripPointer(pointer: string, prefix: string): string | undefined {
  return pointer === prefix ? '' : pointer.startsWith(`${prefix}/`) ? pointer.slice(prefix.length) : undefined;
}
