// Client of the ratings and PAKN API (src/modules/feedback/routes.ts), through the app's one
// request function. Shapes are the server's schemas (type-only imports).
import type { z } from 'zod';
import type {
  FeedbackActionBody,
  FeedbackListSchema,
  FeedbackReceiptSchema,
  FeedbackView,
  FileFeedbackBody,
  PublicFeedback,
  PublicFeedbackListSchema,
  PublicRatingsSchema,
  RatingBody,
  RatingForm,
  VoteResultSchema,
} from '@server/modules/feedback/schema.ts';
import type { Language } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';

export type { FeedbackActionBody, FeedbackView, FileFeedbackBody, PublicFeedback, RatingBody, RatingForm };
export type FeedbackList = z.infer<typeof FeedbackListSchema>;
export type FeedbackReceipt = z.infer<typeof FeedbackReceiptSchema>;
export type PublicFeedbackList = z.infer<typeof PublicFeedbackListSchema>;
export type PublicRatings = z.infer<typeof PublicRatingsSchema>;
export type VoteResult = z.infer<typeof VoteResultSchema>;
export type FeedbackActionType = FeedbackView['allowedActions'][number];

const API = '/api/v1';
const enc = encodeURIComponent;
const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const FEEDBACK_PATHS = {
  rate: (code: string) => `/danh-gia/${enc(code)}`,
  kiosk: '/can-bo/danh-gia-tai-quay',
  file: '/phan-anh-kien-nghi',
  answers: '/phan-anh-kien-nghi/tra-loi',
  answer: (id: string) => `/phan-anh-kien-nghi/tra-loi/${enc(id)}`,
  worklist: '/can-bo/phan-anh-kien-nghi',
  officerView: (id: string) => `/can-bo/phan-anh-kien-nghi/${enc(id)}`,
};

export const feedbackApi = {
  ratingForm: (code: string, via: 'online' | 'kiosk', lang: Language): Promise<ApiResult<RatingForm>> =>
    requestJson(`${API}/${via === 'online' ? 'me' : 'kiosk'}/ratings/${enc(code)}`, lang),
  rate: (code: string, via: 'online' | 'kiosk', body: RatingBody, lang: Language): Promise<ApiResult<RatingForm>> =>
    requestJson(`${API}/${via === 'online' ? 'me' : 'kiosk'}/ratings/${enc(code)}`, lang, { method: 'PUT', body }),
  publicRatings: (q: { unit?: string; procedure?: string; from?: string; to?: string }, lang: Language): Promise<ApiResult<PublicRatings>> =>
    requestJson(`${API}/public/ratings${query(q)}`, lang),
  file: (body: FileFeedbackBody, lang: Language): Promise<ApiResult<FeedbackReceipt>> => requestJson(`${API}/public/feedback`, lang, { method: 'POST', body }),
  answers: (q: { q?: string; offset?: number }, lang: Language): Promise<ApiResult<PublicFeedbackList>> =>
    requestJson(`${API}/public/feedback${query({ limit: 20, ...q })}`, lang),
  answer: (id: string, lang: Language): Promise<ApiResult<PublicFeedback>> => requestJson(`${API}/public/feedback/${enc(id)}`, lang),
  vote: (id: string, value: 'like' | 'dislike', lang: Language): Promise<ApiResult<VoteResult>> =>
    requestJson(`${API}/public/feedback/${enc(id)}/vote`, lang, { method: 'PUT', body: { value } }),
  list: (q: { status?: string; due?: string; q?: string; offset?: number }, lang: Language): Promise<ApiResult<FeedbackList>> =>
    requestJson(`${API}/feedback${query({ limit: 20, ...q })}`, lang),
  get: (id: string, lang: Language): Promise<ApiResult<FeedbackView>> => requestJson(`${API}/feedback/${enc(id)}`, lang),
  act: (id: string, version: number, body: FeedbackActionBody, lang: Language): Promise<ApiResult<FeedbackView>> =>
    requestJson(`${API}/feedback/${enc(id)}/actions`, lang, { method: 'POST', body, headers: { 'If-Match': `"${version}"` } }),
};
