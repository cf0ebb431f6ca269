// What the portal-sync pages share: a state as a tag in words, a moment in Vietnam time.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatMoment, vnMoment } from '../../../lib/datetime.ts';
import type { PortalSyncState } from '../api.ts';
import '../../../components/components.css';

const TONE: Record<PortalSyncState, string> = { pending: 'state--warn', synced: 'state--ok', error: 'state--bad' };

/** "Đang chờ gửi" / "Đã đồng bộ" / "Lỗi", coloured (the words carry the meaning, not the colour). */
export function StateTag({ state, id }: { state: PortalSyncState; id?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`state ${TONE[state]}`} id={id}>
      {t(`portalSync.state.${state}`)}
    </span>
  );
}

/** "16:00, thứ Hai, 23/02/2026", or a dash when there is no moment. */
export function when(t: TFunction, iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = vnMoment(iso);
  return m ? formatMoment(t, m) : iso;
}
