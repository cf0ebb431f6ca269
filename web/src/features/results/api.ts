// Client of the results API (src/modules/results/routes.ts), through the app's one request
// function. Shapes are the server's schemas (type-only imports).
import type { ResultStatus, Verification } from '@server/modules/results/schema.ts';
import type { Language } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';

export type { ResultStatus, Verification };

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
};
