// Cung – cầu công nghệ (officers): offers and demands in every status, each with its person —
// the provider or the legal representative — and that person's link to the national population
// database (GET /api/v1/registries/techmarket/offers|demands, registry.read).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, LoginRequired } from '../../../components/AccessNotices.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { failureText } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { useSession } from '../../../lib/session.tsx';
import { Link } from '../../../router.tsx';
import { techMarketApi, type Catalog, type Demands, type Offers } from '../api.ts';
import { TECHMARKET_PATHS } from '../paths.ts';
import { LinkBadge, SearchForm, type SearchValues } from './shared.tsx';
import '../tech-market.css';

type Results = { kind: 'offers'; data: Offers } | { kind: 'demands'; data: Demands };

export function OfficerListPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { status, me } = useSession();
  const [catalog, setCatalog] = useState<Catalog | undefined>();
  const [values, setValues] = useState<SearchValues>({ kind: 'offers', q: '', field: '', province: '', status: '' });
  const [results, setResults] = useState<Results | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const officer = me?.kind === 'officer';

  async function search(e?: FormEvent) {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const s = { q: values.q.trim(), field: values.field, province: values.province, status: values.status, limit: 50 };
      if (values.kind === 'offers') {
        const r = await techMarketApi.offers(s, lang);
        if (r.kind === 'ok') setResults({ kind: 'offers', data: r.data });
        else setError(failureText(t, r));
      } else {
        const r = await techMarketApi.demands(s, lang);
        if (r.kind === 'ok') setResults({ kind: 'demands', data: r.data });
        else setError(failureText(t, r));
      }
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (!officer) return;
    void techMarketApi.catalog(lang).then((r) => r.kind === 'ok' && setCatalog(r.data));
    void search();
    // the first list once the officer is known (the search form's values at that moment)
  }, [officer, lang]);

  if (status === 'loading') return <Loading />;
  if (!me) return <LoginRequired text={t('techMarket.officer.forbidden')} />;
  if (!officer) return <Notice tone="info">{t('techMarket.officer.forbidden')}</Notice>;

  return (
    <div className="page techmarket">
      <h1 tabIndex={-1}>{t('techMarket.officer.title')}</h1>
      <p>{t('techMarket.officer.intro')}</p>
      <SearchForm id="tmo" catalog={catalog} values={values} onValues={setValues} onSubmit={(e) => void search(e)} busy={busy} statuses />
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
              id="techmarket-officer-offers"
              caption={t('techMarket.offersCaption', { count: results.data.total })}
              rows={results.data.items}
              rowKey={(r) => r.id}
              columns={[
                { id: 'code', header: t('techMarket.col.code'), rowHeader: true, cell: (r) => <Link to={TECHMARKET_PATHS.offer(r.id)}>{r.code}</Link> },
                { id: 'name', header: t('techMarket.col.name'), cell: (r) => r.name },
                { id: 'status', header: t('techMarket.col.status'), cell: (r) => t(`techMarket.status.${r.status}`) },
                { id: 'provider', header: t('techMarket.col.provider'), cell: (r) => r.provider.orgName ?? r.provider.person.fullName },
                { id: 'person', header: t('techMarket.col.person'), cell: (r) => r.provider.person.fullName },
                { id: 'link', header: t('techMarket.col.link'), cell: (r) => <LinkBadge status={r.provider.person.link.status} /> },
              ]}
            />
          ) : (
            <DataTable
              id="techmarket-officer-demands"
              caption={t('techMarket.demandsCaption', { count: results.data.total })}
              rows={results.data.items}
              rowKey={(r) => r.id}
              columns={[
                { id: 'code', header: t('techMarket.col.code'), rowHeader: true, cell: (r) => <Link to={TECHMARKET_PATHS.demand(r.id)}>{r.code}</Link> },
                { id: 'name', header: t('techMarket.col.name'), cell: (r) => r.name },
                { id: 'status', header: t('techMarket.col.status'), cell: (r) => t(`techMarket.status.${r.status}`) },
                { id: 'org', header: t('techMarket.col.org'), cell: (r) => r.orgName },
                { id: 'person', header: t('techMarket.col.representative'), cell: (r) => r.representative.fullName },
                { id: 'link', header: t('techMarket.col.link'), cell: (r) => <LinkBadge status={r.representative.link.status} /> },
              ]}
            />
          ))}
      </div>
    </div>
  );
}
