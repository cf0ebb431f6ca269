// Cung – cầu công nghệ (public): search the published technology offers and demands by keyword,
// field and province, and read the technology map — the published offers and demands counted by
// field and province — as a table (GET /api/v1/registries/techmarket/public/…).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable.tsx';
import { failureText } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatCivilDate } from '../../../lib/datetime.ts';
import { techMarketApi, type Catalog, type PublicDemands, type PublicOffers, type TechMap } from '../api.ts';
import { SearchForm, vnd, type SearchValues } from './shared.tsx';
import '../tech-market.css';

type Results = { kind: 'offers'; data: PublicOffers } | { kind: 'demands'; data: PublicDemands };

export function PublicSearchPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [catalog, setCatalog] = useState<Catalog | undefined>();
  const [map, setMap] = useState<TechMap | undefined>();
  const [values, setValues] = useState<SearchValues>({ kind: 'offers', q: '', field: '', province: '' });
  const [results, setResults] = useState<Results | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void techMarketApi.catalog(lang).then((r) => r.kind === 'ok' && setCatalog(r.data));
    void techMarketApi.map(lang).then((r) => (r.kind === 'ok' ? setMap(r.data) : setError(failureText(t, r))));
  }, [lang, t]);

  async function search(e?: FormEvent) {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const s = { q: values.q.trim(), field: values.field, province: values.province, limit: 50 };
      if (values.kind === 'offers') {
        const r = await techMarketApi.publicOffers(s, lang);
        if (r.kind === 'ok') setResults({ kind: 'offers', data: r.data });
        else setError(failureText(t, r));
      } else {
        const r = await techMarketApi.publicDemands(s, lang);
        if (r.kind === 'ok') setResults({ kind: 'demands', data: r.data });
        else setError(failureText(t, r));
      }
    } finally {
      setBusy(false);
    }
  }

  const forms = (codes: readonly string[]) => codes.map((c) => catalog?.transferForms.find((f) => f.code === c)?.name[lang] ?? c).join('; ');
  const date = (d: string | null) => (d ? formatCivilDate(t, d) : '—');

  return (
    <div className="page techmarket">
      <h1 tabIndex={-1}>{t('techMarket.title')}</h1>
      <p>{t('techMarket.intro')}</p>
      <SearchForm id="tm" catalog={catalog} values={values} onValues={setValues} onSubmit={(e) => void search(e)} busy={busy} />
      {error && (
        <Notice tone="error" live="alert">
          {error}
        </Notice>
      )}
      <div aria-live="polite">
        {results &&
          (results.data.total === 0 ? (
            <Notice tone="info">{t('techMarket.empty')}</Notice>
          ) : results.kind === 'offers' ? (
            <DataTable
              id="techmarket-offers"
              caption={t('techMarket.offersCaption', { count: results.data.total })}
              rows={results.data.items}
              rowKey={(r) => r.id}
              columns={[
                { id: 'name', header: t('techMarket.col.name'), rowHeader: true, cell: (r) => (<><span className="techmarket-code">{r.code}</span> {r.name}</>) },
                { id: 'field', header: t('techMarket.col.field'), cell: (r) => r.field.name[lang] },
                { id: 'trl', header: t('techMarket.col.trl'), numeric: true, cell: (r) => r.trl },
                { id: 'forms', header: t('techMarket.col.forms'), cell: (r) => forms(r.transferForms) },
                { id: 'province', header: t('techMarket.col.province'), cell: (r) => r.province.name },
                { id: 'price', header: t('techMarket.col.price'), cell: (r) => vnd(r.priceVnd, r.negotiable, t, lang) },
                { id: 'provider', header: t('techMarket.col.provider'), cell: (r) => r.provider.name },
                { id: 'until', header: t('techMarket.col.validUntil'), cell: (r) => date(r.validUntil) },
              ]}
            />
          ) : (
            <DataTable
              id="techmarket-demands"
              caption={t('techMarket.demandsCaption', { count: results.data.total })}
              rows={results.data.items}
              rowKey={(r) => r.id}
              columns={[
                { id: 'name', header: t('techMarket.col.name'), rowHeader: true, cell: (r) => (<><span className="techmarket-code">{r.code}</span> {r.name}</>) },
                { id: 'org', header: t('techMarket.col.org'), cell: (r) => r.orgName },
                { id: 'field', header: t('techMarket.col.field'), cell: (r) => r.field.name[lang] },
                { id: 'trl', header: t('techMarket.col.minTrl'), numeric: true, cell: (r) => r.minTrl },
                { id: 'forms', header: t('techMarket.col.forms'), cell: (r) => forms(r.transferForms) },
                { id: 'province', header: t('techMarket.col.province'), cell: (r) => r.province.name },
                { id: 'budget', header: t('techMarket.col.budget'), cell: (r) => vnd(r.budgetVnd, r.negotiable, t, lang) },
                { id: 'deadline', header: t('techMarket.col.deadline'), cell: (r) => date(r.deadline) },
              ]}
            />
          ))}
      </div>
      {map && <MapTables map={map} />}
    </div>
  );
}

/** The technology map as tables: by field, and field × province (only the provinces with listings). */
function MapTables({ map }: { map: TechMap }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const provinces = map.byProvince.filter((p) => p.offers + p.demands > 0);
  const cell = (field: string, province: string) => map.cells.find((c) => c.fieldCode === field && c.provinceCode === province);
  const pair = (x: { offers: number; demands: number } | undefined) => (x ? `${x.offers} / ${x.demands}` : '0 / 0');
  return (
    <section aria-labelledby="tm-map-title" className="techmarket-map">
      <h2 id="tm-map-title">{t('techMarket.map.title')}</h2>
      <p>{t('techMarket.map.intro', { date: formatCivilDate(t, map.asOf), offers: map.totals.offers, demands: map.totals.demands })}</p>
      <DataTable
        id="techmarket-map-fields"
        caption={t('techMarket.map.byField')}
        rows={map.byField}
        rowKey={(r) => r.code}
        footer={{ code: '', name: { vi: t('techMarket.map.total'), en: t('techMarket.map.total') }, ...map.totals }}
        columns={[
          { id: 'field', header: t('techMarket.col.field'), rowHeader: true, cell: (r) => r.name[lang] },
          { id: 'offers', header: t('techMarket.offers'), numeric: true, cell: (r) => r.offers },
          { id: 'demands', header: t('techMarket.demands'), numeric: true, cell: (r) => r.demands },
        ]}
      />
      <DataTable
        id="techmarket-map-grid"
        caption={t('techMarket.map.grid')}
        rows={map.byField}
        rowKey={(r) => r.code}
        columns={[
          { id: 'field', header: t('techMarket.col.field'), rowHeader: true, cell: (r) => r.name[lang] },
          ...provinces.map((p) => ({ id: `p-${p.code}`, header: p.name, numeric: true, cell: (r: TechMap['byField'][number]) => pair(cell(r.code, p.code)) })),
        ]}
      />
    </section>
  );
}
