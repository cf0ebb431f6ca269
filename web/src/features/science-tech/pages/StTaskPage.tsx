// One S&T task for officers: its facts, its principal investigator and members, each with the
// state of their link to the national population database.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, LoginRequired } from '../../../components/AccessNotices.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { failureText } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatCivilDate } from '../../../lib/datetime.ts';
import { useSession } from '../../../lib/session.tsx';
import { Link, useParams } from '../../../router.tsx';
import { ST_PATHS, stApi, vnd, type Task } from '../api.ts';
import { LinkStatus } from './LinkStatus.tsx';
import { PersonFacts } from './PersonFacts.tsx';
import { TaskState } from './TaskState.tsx';
import '../science-tech.css';

export function StTaskPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id = '' } = useParams();
  const { status, me } = useSession();
  const [task, setTask] = useState<Task | undefined>();
  const [error, setError] = useState<string | undefined>();
  const officer = me?.kind === 'officer';

  useEffect(() => {
    if (!officer) return;
    void stApi.task(id, language).then((r) => (r.kind === 'ok' ? setTask(r.data) : setError(failureText(t, r))));
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
      <h1 tabIndex={-1}>{task ? `${task.code}: ${task.title}` : t('scienceTech.task.title')}</h1>
      {error && <Notice tone="error">{error}</Notice>}
      {!task && !error && <Loading />}
      {task && (
        <>
          <dl className="kv">
            {row(t('scienceTech.level.label'), t(`scienceTech.level.${task.level}`))}
            {row(t('scienceTech.task.programme'), task.programme ? `${task.programme.code}: ${task.programme.name}` : '—')}
            {row(t('scienceTech.org.fields'), t(`scienceTech.field.${task.field}`))}
            {row(t('scienceTech.task.host'), `${task.hostOrg.name} (${task.hostOrg.registrationNo})`)}
            {row(t('scienceTech.task.budget'), vnd(task.budgetVnd))}
            {row(t('scienceTech.task.period'), `${formatCivilDate(t, task.startOn)} – ${formatCivilDate(t, task.endOn)}`)}
            {row(t('scienceTech.task.status'), <TaskState progress={task.progress} />)}
            {task.acceptedOn && row(t('scienceTech.task.acceptedOn'), `${formatCivilDate(t, task.acceptedOn)} · ${t(`scienceTech.acceptance.${task.acceptanceResult ?? 'pass'}`)}`)}
          </dl>
          <section className="section">
            <h2 id="st-pi">{t('scienceTech.task.pi')}</h2>
            <PersonFacts person={task.pi} />
          </section>
          <section className="section">
            <h2 id="st-members">{t('scienceTech.task.members')}</h2>
            {task.members.length === 0 ? (
              <p className="muted">{t('scienceTech.task.noMembers')}</p>
            ) : (
              <DataTable
                id="st-task-members"
                caption={t('scienceTech.task.members')}
                captionHidden
                rows={task.members}
                rowKey={(m) => m.person.id}
                columns={[
                  { id: 'name', header: t('scienceTech.person.fullName'), rowHeader: true, cell: (m) => m.person.fullName },
                  { id: 'role', header: t('scienceTech.task.role'), cell: (m) => t(`scienceTech.role.${m.role}`) },
                  { id: 'id', header: t('scienceTech.person.personalId'), cell: (m) => <span className="masked">{m.person.personalId}</span> },
                  { id: 'link', header: t('scienceTech.link.label'), cell: (m) => <LinkStatus person={m.person} /> },
                ]}
              />
            )}
          </section>
        </>
      )}
    </div>
  );
}
