// Catalog texts built from data: money and time limits.
import type { TFunction } from 'i18next';
import type { FeeStatus, ProcessingTimeUnit } from '../api.ts';

export function formatVnd(amount: number, language: 'vi' | 'en'): string {
  const n = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB').format(amount);
  return language === 'vi' ? `${n} đồng` : `VND ${n}`;
}

export function durationText(t: TFunction, d: { value: number; unit: ProcessingTimeUnit }): string {
  return t(`catalog.duration.${d.unit}`, { count: d.value });
}

/**
 * Whether a procedure charges, is free, or has no fee published. The server says so
 * (`feeStatus`); an older answer is read from its fee lines: none is "not published", never
 * "free" (a procedure is free only when its lines say 0). A list item without lines nor status
 * and a zero total is not known to be free either.
 */
export function feeStatusOf(view: { feeStatus?: FeeStatus | undefined; feeTotal: number; content?: { fees: readonly unknown[] } }): FeeStatus {
  if (view.feeStatus) return view.feeStatus;
  if (view.feeTotal > 0) return 'charged';
  if (view.content && view.content.fees.length > 0) return 'free';
  return 'none_declared';
}

/** The fee as one phrase: the amount, "Không mất phí", or "Chưa công bố thông tin phí, lệ phí". */
export function feeText(t: TFunction, view: Parameters<typeof feeStatusOf>[0], language: 'vi' | 'en'): string {
  const status = feeStatusOf(view);
  if (status === 'charged') return formatVnd(view.feeTotal, language);
  return status === 'free' ? t('catalog.procedure.free') : t('catalog.procedure.noFeeInfo');
}
