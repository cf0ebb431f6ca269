// Moments of the feedback pages in Vietnam time.
import type { TFunction } from 'i18next';
import { formatMoment, vnMoment } from '../../../lib/datetime.ts';

export function momentText(t: TFunction, iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = vnMoment(iso);
  return m ? formatMoment(t, m) : iso;
}
