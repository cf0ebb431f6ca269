// Số liệu số hóa (what the ministry sees): per handling unit and procedure, for a period, the
// dossiers received, those with digitized components, those that reused warehouse data, the
// components replaced by population data, and electronic results of the procedures whose result
// is a document (GET /api/v1/digitization/stats).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, LoginRequired } from '../../../components/AccessNotices.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { DateField, failureText, TextField } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatCivilDate } from '../../../lib/datetime.ts';
import { unitLabelOf, useSession } from '../../../lib/session.tsx';
import { warehouseApi, type Stats } from '../api.ts';
import '../warehouse.css';

const localToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const monthStart = () => `${localToday().slice(0, 8)}01`;

type Row = Stats['items'][number];

export function DigitizationStatsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { status, me } = useSession();
  const [from, setFrom] = useState(monthStart());
  const [to, setTo] = useState(localToday());
  const [procedure, setProcedure] = useState('');
  const [stats, setStats] = useState<Stats | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function show(e?: FormEvent) {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const r = await warehouseApi.stats({ from, to, ...(procedure.trim() ? { procedure: procedure.trim() } : {}) }, language);
      if (r.kind === 'ok') setStats(r.data);
      else setError(failureText(t, r));
    } finally {
      setBusy(false);
    }
  }

  // The page keeps its title for everyone (a page without a level-one heading is not navigable by headings).
  const refused = status === 'loading' ? <Loading /> : !me ? <LoginRequired text={t('warehouse.stats.forbidden')} /> : me.kind !== 'officer' ? <Notice tone="info">{t('warehouse.stats.forbidden')}</Notice> : undefined;
  if (refused || !me) {
    return (
      <div className="page warehouse">
        <h1 tabIndex={-1}>{t('warehouse.stats.title')}</h1>
        {refused}
      </div>
    );
  }

  const ratio = (r: Pick<Row, 'results' | 'electronicResults'>) => `${r.electronicResults} / ${r.results}`;
  return (
    <div className="page warehouse">
      <h1 tabIndex={-1}>{t('warehouse.stats.title')}</h1>
      <p>{t('warehouse.stats.intro')}</p>
      <form className="panel" onSubmit={(e) => void show(e)} noValidate aria-busy={busy || undefined}>
        <DateField id="st-from" label={t('warehouse.stats.from')} value={from} onValue={setFrom} />
        <DateField id="st-to" label={t('warehouse.stats.to')} value={to} onValue={setTo} />
        <TextField id="st-proc" label={t('warehouse.stats.procedure')} value={procedure} onValue={setProcedure} />
        <button type="submit" className="button" disabled={busy}>
          {t('warehouse.stats.show')}
        </button>
      </form>
      {error && <Notice tone="error">{error}</Notice>}
      {stats &&
        (stats.items.length === 0 ? (
          <Notice tone="info">{t('warehouse.stats.empty')}</Notice>
        ) : (
          <DataTable
            id="digitization-stats"
            caption={t('warehouse.stats.caption', { from: formatCivilDate(t, stats.from), to: formatCivilDate(t, stats.to) })}
            rows={stats.items}
            rowKey={(r) => `${r.unitId}|${r.procedureCode}`}
            footer={{ unitId: '', procedureCode: '', ...stats.total }}
            columns={[
              { id: 'unit', header: t('warehouse.stats.unit'), rowHeader: true, cell: (r) => (r.unitId ? unitLabelOf(me, r.unitId, language) : t('warehouse.stats.total')) },
              { id: 'proc', header: t('warehouse.stats.proc'), cell: (r) => r.procedureCode },
              { id: 'dossiers', header: t('warehouse.stats.dossiers'), numeric: true, cell: (r) => r.dossiers },
              { id: 'digitized', header: t('warehouse.stats.digitized'), numeric: true, cell: (r) => r.digitized },
              { id: 'reused', header: t('warehouse.stats.reused'), numeric: true, cell: (r) => r.reused },
              { id: 'population', header: t('warehouse.stats.population'), numeric: true, cell: (r) => r.populationReplaced },
              { id: 'results', header: t('warehouse.stats.results'), numeric: true, cell: ratio },
            ]}
          />
        ))}
    </div>
  );
}
