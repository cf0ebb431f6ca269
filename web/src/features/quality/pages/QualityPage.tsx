// Đánh giá chất lượng phục vụ: a published month of the Decision 766 index — the ministry's total
// and band, the six groups, the units ranked, the trend (chart and table), the plan's targets, and
// the month's downloads. Public: no login.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/AccessNotices.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { failureText, SelectField } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { Link } from '../../../router.tsx';
import { downloadUrl, GROUPS, qualityApi, type Months, type PublishedMonth, type Targets, type Trend } from '../api.ts';
import { GroupsTable, monthLabel, number, TargetsTable, TotalAndBand, TrendChart } from '../components/figures.tsx';
import { unitPath } from '../paths.ts';
import '../quality.css';

export function QualityPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [months, setMonths] = useState<Months['items'] | undefined>();
  const [month, setMonth] = useState<string>(() => new URLSearchParams(window.location.search).get('thang') ?? '');
  const [data, setData] = useState<PublishedMonth | undefined>();
  const [trend, setTrend] = useState<Trend | undefined>();
  const [targets, setTargets] = useState<Targets | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    void (async () => {
      const r = await qualityApi.months(language);
      if (r.kind !== 'ok') return setError(failureText(t, r));
      setMonths(r.data.items);
      setMonth((m) => (m && r.data.items.some((i) => i.month === m) ? m : (r.data.items[0]?.month ?? '')));
      const tr = await qualityApi.trend(undefined, language);
      if (tr.kind === 'ok') setTrend(tr.data);
    })();
  }, [language, t]);

  useEffect(() => {
    if (!month) return;
    void (async () => {
      const [m, tg] = await Promise.all([qualityApi.month(month, language), qualityApi.targets(month, language)]);
      if (m.kind === 'ok') setData(m.data);
      else setError(failureText(t, m));
      if (tg.kind === 'ok') setTargets(tg.data);
    })();
  }, [month, language, t]);

  if (!months && !error) return <Loading />;
  return (
    <div className="page quality">
      <h1 tabIndex={-1}>{t('quality.title')}</h1>
      <p>{t('quality.intro')}</p>
      {error && <Notice tone="error">{error}</Notice>}
      {months && months.length === 0 && <Notice tone="info">{t('quality.none')}</Notice>}
      {months && months.length > 0 && (
        <form className="panel" onSubmit={(e) => e.preventDefault()}>
          <SelectField id="q-month" label={t('quality.month')} value={month} onValue={setMonth} options={months.map((m) => ({ value: m.month, label: monthLabel(m.month, language) }))} />
        </form>
      )}
      {data && data.month === month && (
        <>
          <section aria-labelledby="q-ministry">
            <h2 id="q-ministry">{t('quality.ministry', { month: monthLabel(data.month, language) })}</h2>
            <TotalAndBand result={data.ministry.result} id="q-ministry-total" />
            <p className="quality-recompute">{t('quality.frozenAt', { at: new Date(data.frozenAt).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }) })}</p>
            {data.ministry.current && (
              <Notice tone="info">
                {t('quality.recomputeNotice', { total: number(data.ministry.current.total, language), band: data.ministry.current.band })}
              </Notice>
            )}
            <GroupsTable result={data.ministry.result} current={data.ministry.current} id="q-groups" />
            <p className="quality-downloads">
              <a href={downloadUrl(data.month, 'xlsx')} download>
                {t('quality.downloadXlsx')}
              </a>
              <a href={downloadUrl(data.month, 'pdf')} download>
                {t('quality.downloadPdf')}
              </a>
            </p>
          </section>
          <section aria-labelledby="q-units">
            <h2 id="q-units">{t('quality.units.title')}</h2>
            <DataTable
              id="q-units-table"
              caption={t('quality.units.caption', { month: monthLabel(data.month, language) })}
              rows={data.units}
              rowKey={(u) => u.unitId}
              columns={[
                { id: 'rank', header: t('quality.units.rank'), numeric: true, cell: (u) => u.rank },
                { id: 'unit', header: t('quality.units.unit'), rowHeader: true, cell: (u) => <Link to={unitPath(u.unitId, data.month)}>{language === 'vi' ? u.nameVi : u.nameEn}</Link> },
                { id: 'total', header: t('quality.total'), numeric: true, cell: (u) => `${number(u.result.total, language)} / ${number(u.result.totalMax, language)}` },
                { id: 'band', header: t('quality.band'), cell: (u) => u.result.band },
                ...GROUPS.map((g) => ({ id: g, header: g, label: `${g} — ${t(`quality.group.${g}`)}`, numeric: true, cell: (u: PublishedMonth['units'][number]) => number(u.result.groups[g].score, language) })),
                { id: 'now', header: t('quality.recomputed'), numeric: true, cell: (u) => (u.current ? number(u.current.total, language) : '–') },
              ]}
            />
          </section>
        </>
      )}
      {targets && (
        <section aria-labelledby="q-targets">
          <h2 id="q-targets">{t('quality.targets.title')}</h2>
          <TargetsTable targets={targets} id="q-targets-table" />
        </section>
      )}
      {trend && (
        <section aria-labelledby="q-trend">
          <h2 id="q-trend">{t('quality.trend.title')}</h2>
          <TrendChart trend={trend} id="q-trend-table" />
        </section>
      )}
    </div>
  );
}
