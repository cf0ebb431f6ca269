// One offer (cung) or demand (cầu), for officers: every attribute, and the person behind it —
// the provider (an individual or an organization's legal representative) or the demanding
// organization's representative — with the link to the population database.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, LoginRequired } from '../../../components/AccessNotices.tsx';
import { failureText } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatCivilDate } from '../../../lib/datetime.ts';
import { useSession } from '../../../lib/session.tsx';
import { Link, useParams } from '../../../router.tsx';
import { techMarketApi, type DemandView, type OfferView } from '../api.ts';
import { TECHMARKET_PATHS } from '../paths.ts';
import { LinkBadge, vnd } from './shared.tsx';
import '../tech-market.css';

type Person = OfferView['provider']['person'];
type Loaded = { kind: 'offer'; data: OfferView } | { kind: 'demand'; data: DemandView };

export function OfficerDetailPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { kind, id } = useParams();
  const { status, me } = useSession();
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [error, setError] = useState<string | undefined>();
  const officer = me?.kind === 'officer';

  useEffect(() => {
    if (!officer || !id) return;
    if (kind === 'cung') void techMarketApi.offer(id, lang).then((r) => (r.kind === 'ok' ? setLoaded({ kind: 'offer', data: r.data }) : setError(failureText(t, r))));
    else if (kind === 'cau') void techMarketApi.demand(id, lang).then((r) => (r.kind === 'ok' ? setLoaded({ kind: 'demand', data: r.data }) : setError(failureText(t, r))));
    else setError(t('techMarket.detail.notFound'));
  }, [officer, kind, id, lang, t]);

  if (status === 'loading') return <Loading />;
  if (!me) return <LoginRequired text={t('techMarket.officer.forbidden')} />;
  if (!officer) return <Notice tone="info">{t('techMarket.officer.forbidden')}</Notice>;
  if (error) return <Notice tone="error">{error}</Notice>;
  if (!loaded) return <Loading />;

  const l = loaded.data;
  const date = (d: string | null) => (d ? formatCivilDate(t, d) : '—');
  const rows: Array<[string, string]> = [
    [t('techMarket.col.code'), l.code],
    [t('techMarket.col.status'), `${t(`techMarket.status.${l.status}`)}${l.status !== l.storedStatus ? ` (${t('techMarket.detail.stored')}: ${t(`techMarket.status.${l.storedStatus}`)})` : ''}`],
    [t('techMarket.col.field'), `${l.field.code} – ${l.field.name[lang]}`],
    [t('techMarket.col.province'), l.province.name],
    [t('techMarket.col.forms'), l.transferForms.map((f) => t(`techMarket.form.${f}`)).join('; ')],
    [t('techMarket.col.right'), t(`techMarket.right.${l.transferRight}`)],
    [t('techMarket.col.publishedOn'), date(l.publishedOn)],
  ];
  if (loaded.kind === 'offer') {
    const o = loaded.data;
    rows.push([t('techMarket.col.trl'), String(o.trl)], [t('techMarket.col.price'), vnd(o.priceVnd, o.negotiable, t, lang)], [t('techMarket.col.validUntil'), date(o.validUntil)], [t('techMarket.col.provider'), o.provider.orgName ?? o.provider.person.fullName]);
  } else {
    const d = loaded.data;
    rows.push([t('techMarket.col.minTrl'), String(d.minTrl)], [t('techMarket.col.budget'), vnd(d.budgetVnd, d.negotiable, t, lang)], [t('techMarket.col.deadline'), date(d.deadline)], [t('techMarket.col.org'), d.orgName]);
  }
  const person: Person = loaded.kind === 'offer' ? loaded.data.provider.person : loaded.data.representative;
  const personRole = loaded.kind === 'offer' ? (loaded.data.provider.kind === 'organization' ? t('techMarket.col.representative') : t('techMarket.col.individual')) : t('techMarket.col.representative');

  return (
    <div className="page techmarket">
      <p>
        <Link to={TECHMARKET_PATHS.officer}>{t('techMarket.detail.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{l.name}</h1>
      <dl className="techmarket-facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="tm-person" className="panel">
        <h2 id="tm-person">{personRole}</h2>
        <dl className="techmarket-facts">
          <div>
            <dt>{t('techMarket.person.name')}</dt>
            <dd>{person.fullName}</dd>
          </div>
          <div>
            <dt>{t('techMarket.person.id')}</dt>
            <dd>{person.personalId}</dd>
          </div>
          <div>
            <dt>{t('techMarket.person.birthDate')}</dt>
            <dd>{date(person.birthDate)}</dd>
          </div>
          <div>
            <dt>{t('techMarket.col.link')}</dt>
            <dd>
              <LinkBadge status={person.link.status} />
              {person.link.mismatched.length > 0 && ` — ${t('techMarket.person.mismatched', { fields: person.link.mismatched.map((f) => t(`techMarket.person.field.${f}`)).join(', ') })}`}
              {person.link.suggestedId && ` — ${t('techMarket.person.suggested', { id: person.link.suggestedId })}`}
            </dd>
          </div>
        </dl>
      </section>
    </div>
  );
}
