// A unit's published month (with its sub-units): total and band, the six groups, its trend, and a
// procedure's figures for the unit (live). Public: no login.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/AccessNotices.tsx';
import { failureText, SelectField } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { Link, useParams } from '../../../router.tsx';
import { qualityApi, type PublishedUnitMonth, type Trend } from '../api.ts';
import { GroupsTable, monthLabel, number, TotalAndBand, TrendChart } from '../components/figures.tsx';
import { QUALITY_PATHS } from '../paths.ts';
import '../quality.css';

export function QualityUnitPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { unitId = '' } = useParams();
  const [month, setMonth] = useState<string>(() => new URLSearchParams(window.location.search).get('thang') ?? '');
  const [procedure, setProcedure] = useState('');
  const [data, setData] = useState<PublishedUnitMonth | undefined>();
  const [trend, setTrend] = useState<Trend | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    void (async () => {
      let m = month;
      if (!m) {
        const r = await qualityApi.months(language);
        if (r.kind !== 'ok') return setError(failureText(t, r));
        m = r.data.items[0]?.month ?? '';
        if (!m) return setError(t('quality.none'));
        setMonth(m);
      }
      const [u, tr] = await Promise.all([qualityApi.unitMonth(m, unitId, procedure || undefined, language), qualityApi.trend(unitId, language)]);
      if (u.kind === 'ok') {
        setData(u.data);
        setError(undefined);
      } else setError(failureText(t, u));
      if (tr.kind === 'ok') setTrend(tr.data);
    })();
  }, [month, unitId, procedure, language, t]);

  const back = <Link to={`${QUALITY_PATHS.month}${month ? `?thang=${encodeURIComponent(month)}` : ''}`}>{t('quality.unit.back')}</Link>;
  if (!data && !error) return <Loading />;
  return (
    <div className="page quality">
      <p>{back}</p>
      <h1 tabIndex={-1}>{data ? (language === 'vi' ? data.unit.nameVi : data.unit.nameEn) : t('quality.unit.title')}</h1>
      {error && <Notice tone="error">{error}</Notice>}
      {data && (
        <>
          <p>{t('quality.unit.intro', { month: monthLabel(data.month, language) })}</p>
          <TotalAndBand result={data.result} id="q-unit-total" />
          {data.current && <Notice tone="info">{t('quality.recomputeNotice', { total: number(data.current.total, language), band: data.current.band })}</Notice>}
          <GroupsTable result={data.result} current={data.current} id="q-unit-groups" />
          <section aria-labelledby="q-proc">
            <h2 id="q-proc">{t('quality.unit.procedure')}</h2>
            {data.procedures.length === 0 ? (
              <p>{t('quality.unit.noProcedures')}</p>
            ) : (
              <form className="panel" onSubmit={(e) => e.preventDefault()}>
                <SelectField
                  id="q-procedure"
                  label={t('quality.unit.chooseProcedure')}
                  value={procedure}
                  onValue={setProcedure}
                  options={[{ value: '', label: t('quality.unit.noProcedure') }, ...data.procedures.map((c) => ({ value: c, label: c }))]}
                />
              </form>
            )}
            {data.procedure && (
              <>
                <p>{t('quality.unit.procedureLive', { code: data.procedure.code })}</p>
                <TotalAndBand result={data.procedure.result} id="q-proc-total" />
                <GroupsTable result={data.procedure.result} id="q-proc-groups" caption={t('quality.groups.procedureCaption', { code: data.procedure.code })} />
              </>
            )}
          </section>
          {trend && (
            <section aria-labelledby="q-unit-trend">
              <h2 id="q-unit-trend">{t('quality.trend.title')}</h2>
              <TrendChart trend={trend} id="q-unit-trend-table" />
            </section>
          )}
        </>
      )}
    </div>
  );
}
