// Ratings of a returned dossier (đánh giá mức độ hài lòng): like/dislike, which the 766 index
// counts (indicator 5.4: "dossiers with PAKN or a dislike"), plus the satisfaction survey's
// criteria, each scored 1 (very dissatisfied) to 5 (very satisfied). The default criteria are the
// five of MOST's former portal survey (SPEC §6: update frequency, ease of search, access speed,
// convenience, attitude); the list is a setting. Pure.

export interface RatingCriterion {
  code: string;
  label: { vi: string; en: string };
}

export const DEFAULT_RATING_CRITERIA: readonly RatingCriterion[] = Object.freeze([
  { code: 'update_frequency', label: { vi: 'Tần suất cập nhật thông tin', en: 'How often information is updated' } },
  { code: 'ease_of_search', label: { vi: 'Mức độ dễ tìm kiếm thông tin', en: 'Ease of finding information' } },
  { code: 'access_speed', label: { vi: 'Tốc độ truy cập', en: 'Speed of access' } },
  { code: 'convenience', label: { vi: 'Mức độ thuận tiện khi thực hiện thủ tục', en: 'Convenience of the procedure' } },
  { code: 'attitude', label: { vi: 'Thái độ phục vụ của cán bộ', en: 'Attitude of the officers' } },
]);

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export type RatingValue = 'like' | 'dislike';

/** The problems of a set of scores against the criteria (empty: valid). Every criterion must be scored. */
export function scoreProblems(scores: Record<string, number>, criteria: readonly RatingCriterion[]): { code: string; problem: 'unknown' | 'missing' | 'out_of_range' }[] {
  const known = new Set(criteria.map((c) => c.code));
  const out: { code: string; problem: 'unknown' | 'missing' | 'out_of_range' }[] = [];
  for (const [code, score] of Object.entries(scores)) {
    if (!known.has(code)) out.push({ code, problem: 'unknown' });
    else if (!Number.isInteger(score) || score < SCORE_MIN || score > SCORE_MAX) out.push({ code, problem: 'out_of_range' });
  }
  for (const c of criteria) if (!(c.code in scores)) out.push({ code: c.code, problem: 'missing' });
  return out;
}

/** Whether a rating given at `ratedAt` may still be changed at `now` (the window is in calendar days). */
export function canChangeRating(ratedAt: Date, now: Date, changeDays: number): boolean {
  return now.getTime() <= ratedAt.getTime() + changeDays * 86_400_000;
}

/** A ratio rounded to 4 decimals; null when there is nothing to divide (null ≠ 0). */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}
