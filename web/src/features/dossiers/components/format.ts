// Texts of the dossier pages built from data: moments in Vietnam time, sizes, overdue.
import type { TFunction } from 'i18next';
import { countCapped } from '@server/core/dossiers/worklists.ts';
import { formatMoment, vnMoment } from '../../../lib/datetime.ts';

/** "16:00, thứ Hai, 23/02/2026", or a dash when there is no moment. */
export function momentText(t: TFunction, iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = vnMoment(iso);
  return m ? formatMoment(t, m) : iso;
}

/** "1,2 MB" / "340 kB". */
export function sizeText(bytes: number, language: 'vi' | 'en'): string {
  const nf = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${nf.format(bytes / (1024 * 1024))} MB`;
  return `${nf.format(Math.max(1, Math.round(bytes / 1024)))} kB`;
}

/** Past its due moment and not finished. */
export const isOverdue = (d: { dueAt: string | null; finishedAt: string | null }, now = Date.now()): boolean =>
  !!d.dueAt && !d.finishedAt && Date.parse(d.dueAt) < now;

export function formatVnd(amount: number, language: 'vi' | 'en'): string {
  const n = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB').format(amount);
  return language === 'vi' ? `${n} đồng` : `VND ${n}`;
}

/** A worklist count: "37", or "1.000+" where counting stopped at the cap (there are at least that many). */
export function countText(n: number, language: 'vi' | 'en'): string {
  const text = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB').format(n);
  return countCapped(n) ? `${text}+` : text;
}
