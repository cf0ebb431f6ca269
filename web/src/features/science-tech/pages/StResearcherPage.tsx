// One researcher for officers: the person and their link to the national population database,
// degree, title, field, organization, and the tasks they lead or work on.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, LoginRequired } from '../../../components/AccessNotices.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { failureText } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { useSession } from '../../../lib/session.tsx';
import { Link, useParams } from '../../../router.tsx';
import { ST_PATHS, stApi, type Researcher } from '../api.ts';
import { PersonFacts } from './PersonFacts.tsx';
import '../science-tech.css';

export function StResearcherPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id = '' } = useParams();
  const { status, me } = useSession();
  const [r, setR] = useState<Researcher | undefined>();
  const [error, setError] = useState<string | undefined>();
  const officer = me?.kind === 'officer';

  useEffect(() => {
    if (!officer) return;
    void stApi.researcher(id, language).then((x) => (x.kind === 'ok' ? setR(x.data) : setError(failureText(t, x))));
  }, [officer, id, language, t]);

  if (status === 'loading') return <Loading />;
  if (!me) return <LoginRequired text={t('scienceTech.officer.forbidden')} />;
  if (!officer) return <Notice tone="info">{t('scienceTech.officer.forbidden')}</Notice>;
  const row = (label: string, value: ReactNode) => (
    <div className="kv__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <div className="page science-tech">
      <p>
        <Link to={ST_PATHS.officer} className="back-link">
          {t('scienceTech.back')}
        </Link>
      </p>
      <h1 tabIndex={-1}>{r ? r.person.fullName : t('scienceTech.researcher.title')}</h1>
      {error && <Notice tone="error">{error}</Notice>}
      {!r && !error && <Loading />}
      {r && (
        <>
          <PersonFacts person={r.person} />
          <section className="section">
            <h2 id="st-work">{t('scienceTech.researcher.work')}</h2>
            <dl className="kv">
              {row(t('scienceTech.researcher.degree'), t(`scienceTech.degree.${r.degree}`))}
              {row(t('scienceTech.researcher.academicTitle'), r.title ? t(`scienceTech.academicTitle.${r.title}`) : '—')}
              {row(t('scienceTech.org.fields'), `${t(`scienceTech.field.${r.field}`)}${r.specialization ? ` · ${r.specialization}` : ''}`)}
              {row(t('scienceTech.researcher.organization'), r.organization ? `${r.organization.name} (${r.organization.registrationNo})` : '—')}
              {row(t('scienceTech.researcher.position'), r.position || '—')}
            </dl>
          </section>
          <section className="section">
            <h2 id="st-tasks">{t('scienceTech.researcher.tasks')}</h2>
            {r.tasks.length === 0 ? (
              <p className="muted">{t('scienceTech.researcher.noTasks')}</p>
            ) : (
              <DataTable
                id="st-researcher-tasks"
                caption={t('scienceTech.researcher.tasks')}
                captionHidden
                rows={r.tasks}
                rowKey={(x) => x.id}
                columns={[
                  { id: 'code', header: t('scienceTech.task.code'), rowHeader: true, cell: (x) => <Link to={ST_PATHS.task(x.id)}>{x.code}</Link> },
                  { id: 'title', header: t('scienceTech.task.name'), cell: (x) => x.title },
                  { id: 'role', header: t('scienceTech.task.role'), cell: (x) => t(`scienceTech.role.${x.role}`) },
                  { id: 'status', header: t('scienceTech.task.status'), cell: (x) => t(`scienceTech.status.${x.status}`) },
                ]}
              />
            )}
          </section>
        </>
      )}
    </div>
  );
}
