// The arithmetic of the 766 index (SPEC §1.4 legend and general notes, §10.4): R in % rounded to
// 2 decimals, null ≠ 0 for an empty denominator, the target conversion, group and total sums,
// and the rating bands (§1.5).
import { DEFAULT_QUALITY_SETTINGS, type QualitySettings } from './settings.ts';

/** Rounds half away from zero to 2 decimals (a tolerance absorbs binary noise such as 1.005). */
export function round2(x: number): number {
  const sign = x < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(x) * 100 * (1 + 1e-12))) / 100;
}

/** R = n ÷ d × 100, 2 decimals; null when d is 0 (SPEC §1.4: the engine keeps null ≠ 0). */
export function ratioOf(numerator: number, denominator: number): number | null {
  return denominator > 0 ? round2((numerator / denominator) * 100) : null;
}

/**
 * "Đạt từ T% trở lên sẽ đạt điểm tối đa. Dưới T% tính theo công thức: Tỷ lệ × Điểm tối đa / T%"
 * (SPEC §1.4 legend [S6]): `R >= T ? Pmax : Pmax × R / T`, with R the rounded ratio; 2 decimals.
 */
export function scoreOf(ratio: number | null, points: number, target: number): number | null {
  if (ratio === null) return null;
  if (points === 0) return 0;
  if (!(target > 0)) return ratio > 0 ? points : 0;
  return round2(ratio >= target ? points : (points * Math.max(0, ratio)) / target);
}

/** Sum of the non-null scores (2 decimals) and the sum of their maxima; null when all are null. */
export function sumScores(parts: ReadonlyArray<{ score: number | null; max: number }>): { score: number | null; max: number } {
  const present = parts.filter((p) => p.score !== null);
  if (present.length === 0) return { score: null, max: 0 };
  return { score: round2(present.reduce((s, p) => s + p.score!, 0)), max: round2(present.reduce((s, p) => s + p.max, 0)) };
}

/** The band of a total (SPEC §1.5): the first band, highest first, whose minimum it reaches. */
export function bandOf(total: number, totalMax = 100, settings: Pick<QualitySettings, 'bands' | 'bandBasis'> = DEFAULT_QUALITY_SETTINGS): string {
  const value = settings.bandBasis === 'percent_of_max' ? (totalMax > 0 ? (total / totalMax) * 100 : 0) : total;
  const bands = [...settings.bands].sort((a, b) => b.min - a.min);
  return (bands.find((b) => value >= b.min) ?? bands.at(-1))?.label ?? '';
}

/**
 * 1.4 denominator D (SPEC §1.4 1.4): max(BCQG count, portal count); when both are 0 or null,
 * the previous year's BCQG total ÷ 12 (month), ÷ 4 (quarter), itself (year), prorated by days
 * (custom, a setting); no previous year: R = 0.
 */
export function syncDenominator(input: {
  bcqg: number | null;
  portal: number | null;
  periodKind: 'month' | 'quarter' | 'year' | 'custom';
  previousYearTotal: number | null;
  /** Custom periods: the share of the previous year (days ÷ days of that year); null: no fallback. */
  customShare?: number | null;
}): { denominator: number; rule: 'max' | 'previous_year' | 'no_previous_year' } {
  const counted = Math.max(input.bcqg ?? 0, input.portal ?? 0);
  if (counted > 0) return { denominator: counted, rule: 'max' };
  const prev = input.previousYearTotal;
  const share = input.periodKind === 'month' ? 1 / 12 : input.periodKind === 'quarter' ? 1 / 4 : input.periodKind === 'year' ? 1 : (input.customShare ?? null);
  if (prev === null || prev <= 0 || share === null) return { denominator: 0, rule: 'no_previous_year' };
  return { denominator: prev * share, rule: 'previous_year' };
}

/** 5.4 (SPEC §1.4 [S6]): 100% − (overdue rate + PAKN/dislike rate), never below 0. */
export function receivingSatisfactionRatio(overdueRate: number, complaintRate: number): number {
  return round2(Math.min(100, Math.max(0, 100 - (overdueRate + complaintRate))));
}
