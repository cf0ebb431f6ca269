// CSDL quốc gia về khoa học và công nghệ for officers (registry.read): tasks with their principal
// investigator, researchers with their ID number — each person with the state of their link to the
// national population database (verified, mismatch, legacy CMND number, not yet checked…).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, LoginRequired } from '../../../components/AccessNotices.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { failureText, SelectField, TextField } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { useSession } from '../../../lib/session.tsx';
import { Link } from '../../../router.tsx';
import { ST_PATHS, stApi, type ResearcherPage, type TaskPage } from '../api.ts';
import { LinkStatus } from './LinkStatus.tsx';
import { TaskState } from './TaskState.tsx';
import '../science-tech.css';

type View = 'tasks' | 'researchers';
const LINK_STATUSES = ['verified', 'unverified', 'mismatch', 'legacy_id', 'not_found', 'unavailable'] as const;
const PAGE = 20;

export function ScienceTechOfficerPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { status, me } = useSession();
  const [view, setView] = useState<View>('tasks');
  const [q, setQ] = useState('');
  const [linkStatus, setLinkStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const [tasks, setTasks] = useState<TaskPage | undefined>();
  const [researchers, setResearchers] = useState<ResearcherPage | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const officer = me?.kind === 'officer';

  async function load(what: View, at: number) {
    setBusy(true);
    setError(undefined);
    try {
      if (what === 'tasks') {
        const r = await stApi.tasks({ q: q.trim(), offset: at }, language);
        if (r.kind === 'ok') setTasks(r.data);
        else setError(failureText(t, r));
        setResearchers(undefined);
      } else {
        const r = await stApi.researchers({ q: q.trim(), linkStatus, offset: at }, language);
        if (r.kind === 'ok') setResearchers(r.data);
        else setError(failureText(t, r));
        setTasks(undefined);
      }
      setOffset(at);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (officer) void load('tasks', 0);
  }, [officer]);

  if (status === 'loading') return <Loading />;
  if (!me) return <LoginRequired text={t('scienceTech.officer.forbidden')} />;
  if (!officer) return <Notice tone="info">{t('scienceTech.officer.forbidden')}</Notice>;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(view, 0);
  };
  const total = tasks?.total ?? researchers?.total ?? 0;

  return (
    <div className="page science-tech">
      <h1 tabIndex={-1}>{t('scienceTech.officer.title')}</h1>
      <p>{t('scienceTech.officer.intro')}</p>
      <form className="panel st-search" role="search" onSubmit={submit} noValidate aria-busy={busy || undefined}>
        <SelectField
          id="st-view"
          label={t('scienceTech.officer.view')}
          value={view}
          onValue={(v) => setView(v as View)}
          options={[
            { value: 'tasks', label: t('scienceTech.search.tasks') },
            { value: 'researchers', label: t('scienceTech.officer.researchers') },
          ]}
        />
        <TextField id="st-officer-q" label={t('scienceTech.search.q')} hint={t(view === 'tasks' ? 'scienceTech.officer.qHintTask' : 'scienceTech.officer.qHintResearcher')} value={q} onValue={setQ} maxLength={100} />
        {view === 'researchers' && (
          <SelectField
            id="st-link"
            label={t('scienceTech.link.label')}
            value={linkStatus}
            onValue={setLinkStatus}
            options={[{ value: '', label: t('scienceTech.any') }, ...LINK_STATUSES.map((s) => ({ value: s, label: t(`scienceTech.link.${s}`) }))]}
          />
        )}
        <button type="submit" className="button" disabled={busy}>
          {t('scienceTech.search.submit')}
        </button>
      </form>
      {error && <Notice tone="error">{error}</Notice>}
      <div aria-live="polite">
        {tasks &&
          (tasks.items.length === 0 ? (
            <Notice tone="info">{t('scienceTech.search.none')}</Notice>
          ) : (
            <DataTable
              id="st-officer-tasks"
              caption={t('scienceTech.search.taskCaption', { count: tasks.total })}
              rows={tasks.items}
              rowKey={(x) => x.id}
              columns={[
                { id: 'code', header: t('scienceTech.task.code'), rowHeader: true, cell: (x) => <Link to={ST_PATHS.task(x.id)}>{x.code}</Link> },
                { id: 'title', header: t('scienceTech.task.name'), cell: (x) => x.title },
                { id: 'pi', header: t('scienceTech.task.pi'), cell: (x) => (
                  <>
                    {x.pi.fullName} <LinkStatus person={x.pi} />
                  </>
                ) },
                { id: 'members', header: t('scienceTech.task.members'), numeric: true, cell: (x) => x.members.length },
                { id: 'status', header: t('scienceTech.task.status'), cell: (x) => <TaskState progress={x.progress} /> },
              ]}
            />
          ))}
        {researchers &&
          (researchers.items.length === 0 ? (
            <Notice tone="info">{t('scienceTech.search.none')}</Notice>
          ) : (
            <DataTable
              id="st-officer-researchers"
              caption={t('scienceTech.officer.researcherCaption', { count: researchers.total })}
              rows={researchers.items}
              rowKey={(r) => r.id}
              columns={[
                { id: 'name', header: t('scienceTech.person.fullName'), rowHeader: true, cell: (r) => <Link to={ST_PATHS.researcher(r.id)}>{r.person.fullName}</Link> },
                { id: 'id', header: t('scienceTech.person.personalId'), cell: (r) => <span className="nowrap">{r.person.personalId}</span> },
                { id: 'degree', header: t('scienceTech.researcher.degree'), cell: (r) => [t(`scienceTech.degree.${r.degree}`), r.title ? t(`scienceTech.academicTitle.${r.title}`) : ''].filter(Boolean).join(', ') },
                { id: 'org', header: t('scienceTech.researcher.organization'), cell: (r) => r.organization?.name ?? '—' },
                { id: 'link', header: t('scienceTech.link.label'), cell: (r) => <LinkStatus person={r.person} /> },
              ]}
            />
          ))}
      </div>
      {total > PAGE && (
        <div className="button-row">
          <button type="button" className="button button--secondary" disabled={busy || offset === 0} onClick={() => void load(view, Math.max(0, offset - PAGE))}>
            {t('scienceTech.previous')}
          </button>
          <span className="muted">{t('scienceTech.pageOf', { from: offset + 1, to: Math.min(offset + PAGE, total), total })}</span>
          <button type="button" className="button button--secondary" disabled={busy || offset + PAGE >= total} onClick={() => void load(view, offset + PAGE)}>
            {t('scienceTech.next')}
          </button>
        </div>
      )}
    </div>
  );
}
