// One application (officers, registry.read): its examination, its title, and every person on it
// (applicant, inventors or authors, representative, holder) with the link to the national
// population database — the ID number, the birth date and what the population database said.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, LoginRequired } from '../../../components/AccessNotices.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { failureText } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatCivilDate } from '../../../lib/datetime.ts';
import { useSession } from '../../../lib/session.tsx';
import { Link, useParams } from '../../../router.tsx';
import { LinkStatus } from '../components/LinkStatus.tsx';
import { ipApi, type ApplicationView, type PersonView } from '../api.ts';
import { IP_PATHS } from '../paths.ts';
import '../ip.css';

export function IpApplicationPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id = '' } = useParams();
  const { status: session, me } = useSession();
  const [app, setApp] = useState<ApplicationView | undefined>();
  const [error, setError] = useState<string | undefined>();
  const officer = me?.kind === 'officer';

  useEffect(() => {
    if (!officer) return;
    let live = true;
    void ipApi.get(id, language).then((r) => {
      if (!live) return;
      if (r.kind === 'ok') setApp(r.data);
      else setError(failureText(t, r));
    });
    return () => {
      live = false;
    };
  }, [officer, id, language, t]);

  if (session === 'loading') return <Loading />;
  if (!me) return <LoginRequired text={t('ip.officer.forbidden')} />;
  if (!officer) return <Notice tone="info">{t('ip.officer.forbidden')}</Notice>;
  if (error) return <Notice tone="error">{error}</Notice>;
  if (!app) return <Loading />;

  const persons: Array<{ role: string; person: PersonView }> = [
    ...(app.applicant.person ? [{ role: t('ip.role.applicant'), person: app.applicant.person }] : []),
    ...app.inventors.map((person) => ({ role: t(app.kind === 'industrial_design' ? 'ip.role.designer' : 'ip.role.inventor'), person })),
    ...(app.representative ? [{ role: t('ip.role.representative'), person: app.representative }] : []),
    ...(app.title?.holder && app.title.holder.id !== app.applicant.person?.id ? [{ role: t('ip.role.holder'), person: app.title.holder }] : []),
  ];
  const fact = (label: string, value: string) => (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <div className="page ip">
      <p>
        <Link to={IP_PATHS.officer}>{t('ip.detail.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('ip.detail.heading', { no: app.applicationNo })}</h1>
      <p className="ip-subject">{app.subject}</p>
      <dl className="facts">
        {fact(t('ip.col.kind'), t(`ip.kind.${app.kind}`))}
        {fact(t('ip.col.status'), `${t(`ip.status.${app.status}`)} (${formatCivilDate(t, app.statusDate)})`)}
        {fact(t('ip.col.filed'), formatCivilDate(t, app.filingDate))}
        {app.priorityDate && fact(t('ip.detail.priority'), `${formatCivilDate(t, app.priorityDate)} · ${app.priorityNo ?? ''} (${app.priorityCountry ?? ''})`)}
        {app.publishedOn && fact(t('ip.detail.published'), formatCivilDate(t, app.publishedOn))}
        {fact(t(`ip.classLabel.${app.kind}`), app.classes.join(', ') || '—')}
        {fact(t('ip.col.applicant'), [app.applicant.name, app.applicant.taxCode ? t('ip.detail.taxCode', { code: app.applicant.taxCode }) : ''].filter(Boolean).join(' · '))}
        {app.representativeFirm && fact(t('ip.detail.firm'), app.representativeFirm)}
        {app.title && fact(t('ip.col.title'), `${app.title.titleNo} · ${t(`ip.validity.${app.title.validity}`)} · ${t('ip.until', { date: formatCivilDate(t, app.title.expiresOn) })}`)}
        {app.dossierCode && fact(t('ip.detail.dossier'), app.dossierCode)}
      </dl>
      <DataTable
        id="ip-persons"
        caption={t('ip.detail.persons')}
        rows={persons}
        rowKey={(r, i) => `${r.person.id}-${i}`}
        columns={[
          { id: 'name', header: t('ip.col.name'), rowHeader: true, cell: (r) => r.person.fullName },
          { id: 'role', header: t('ip.col.role'), cell: (r) => r.role },
          { id: 'pid', header: t('ip.col.personalId'), cell: (r) => r.person.personalId },
          { id: 'birth', header: t('ip.col.birthDate'), cell: (r) => (r.person.birthDate ? formatCivilDate(t, r.person.birthDate) : '—') },
          { id: 'link', header: t('ip.col.link'), cell: (r) => <LinkStatus person={r.person} /> },
        ]}
      />
    </div>
  );
}
