// Catalog texts built from data: money and time limits.
import type { TFunction } from 'i18next';
import type { ProcessingTimeUnit } from '../api.ts';

export function formatVnd(amount: number, language: 'vi' | 'en'): string {
  const n = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB').format(amount);
  return language === 'vi' ? `${n} đồng` : `VND ${n}`;
}

export function durationText(t: TFunction, d: { value: number; unit: ProcessingTimeUnit }): string {
  return t(`catalog.duration.${d.unit}`, { count: d.value });
}
