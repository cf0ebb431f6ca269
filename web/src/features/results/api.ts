// Client of the results API (src/modules/results/routes.ts), through the app's one request
// function. Shapes are the server's schemas (type-only imports).
import type { z } from 'zod';
import type { AdminList } from '@server/modules/catalog/schema.ts';
import type { ResultStatus, TemplateView, Verification } from '@server/modules/results/schema.ts';
import type { Language } from '../../i18n/index.ts';
import { requestBlob, requestJson, type ApiResult } from '../../lib/api.ts';

export type { ResultStatus, TemplateView, Verification };
/** What a save or a preview sends: an HTML template or a pdfmake definition, exactly one. */
export type TemplateSource = { html: string } | { template: Record<string, unknown> };
export type ProcedureChoice = z.infer<typeof AdminList>['items'][number];

export const TEMPLATES_PATH = '/quan-tri/mau-ket-qua';

/** The templates URL of a procedure (version undefined: every version) or of one version. */
const templateUrl = (procedureCode: string, version: number | undefined) =>
  `${API}/results/templates/${enc(procedureCode)}${version === undefined ? '' : `/versions/${version}`}`;

const API = '/api/v1';
const enc = encodeURIComponent;

export const resultsApi = {
  verifyFile: (file: File, lang: Language): Promise<ApiResult<Verification>> => {
    const form = new FormData();
    form.append('file', file, file.name);
    return requestJson(`${API}/results/verify`, lang, { method: 'POST', form });
  },
  verifyCode: (code: string, lang: Language): Promise<ApiResult<Verification>> => requestJson(`${API}/results/verify`, lang, { method: 'POST', body: { code } }),
  status: (code: string, lang: Language): Promise<ApiResult<ResultStatus>> => requestJson(`${API}/results/${enc(code)}`, lang),
  /** Published procedures to choose a template's procedure from (the catalog's administration list). */
  procedures: (q: string, lang: Language): Promise<ApiResult<{ items: ProcedureChoice[] }>> =>
    requestJson(`${API}/admin/procedures?status=published&pageSize=200${q ? `&q=${enc(q)}` : ''}`, lang),
  template: (procedureCode: string, version: number | undefined, lang: Language): Promise<ApiResult<TemplateView>> => requestJson(templateUrl(procedureCode, version), lang),
  saveTemplate: (procedureCode: string, version: number | undefined, source: TemplateSource, lang: Language): Promise<ApiResult<TemplateView>> =>
    requestJson(templateUrl(procedureCode, version), lang, { method: 'PUT', body: source }),
  resetTemplate: (procedureCode: string, version: number | undefined, lang: Language): Promise<ApiResult<TemplateView>> =>
    requestJson(templateUrl(procedureCode, version), lang, { method: 'DELETE' }),
  preview: (procedureCode: string, version: number | undefined, source: TemplateSource, lang: Language): Promise<ApiResult<Blob>> =>
    requestBlob(`${API}/results/templates/${enc(procedureCode)}/preview`, lang, { method: 'POST', body: { ...source, ...(version === undefined ? {} : { versionNumber: version }) } }),
};
