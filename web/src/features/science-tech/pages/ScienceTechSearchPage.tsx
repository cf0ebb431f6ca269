// Tra cứu CSDL quốc gia về khoa học và công nghệ (public): S&T organizations by registration number
// or name, S&T tasks by code, title or host organization. Never a person's ID number or birth date:
// the public API does not carry them.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable.tsx';
import { failureText, SelectField, TextField } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatCivilDate } from '../../../lib/datetime.ts';
import { stApi, vnd, type OrganizationPage, type PublicTaskPage } from '../api.ts';
import { TaskState } from './TaskState.tsx';
import '../science-tech.css';

type Kind = 'organizations' | 'tasks';
const PAGE = 20;
const LEVELS = ['national', 'ministry', 'provincial', 'grassroots'] as const;

export function ScienceTechSearchPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [kind, setKind] = useState<Kind>('organizations');
  const [q, setQ] = useState('');
  const [level, setLevel] = useState('');
  const [offset, setOffset] = useState(0);
  const [orgs, setOrgs] = useState<OrganizationPage | undefined>();
  const [tasks, setTasks] = useState<PublicTaskPage | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function load(what: Kind, at: number) {
    setBusy(true);
    setError(undefined);
    try {
      if (what === 'organizations') {
        const r = await stApi.organizations({ q: q.trim(), offset: at }, language);
        if (r.kind === 'ok') setOrgs(r.data);
        else setError(failureText(t, r));
        setTasks(undefined);
      } else {
        const r = await stApi.publicTasks({ q: q.trim(), level, offset: at }, language);
        if (r.kind === 'ok') setTasks(r.data);
        else setError(failureText(t, r));
        setOrgs(undefined);
      }
      setOffset(at);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    void load('organizations', 0);
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(kind, 0);
  };
  const total = orgs?.total ?? tasks?.total ?? 0;
  const shown = kind === 'organizations' ? orgs : tasks;

  return (
    <div className="page science-tech">
      <h1 tabIndex={-1}>{t('scienceTech.search.title')}</h1>
      <p>{t('scienceTech.search.intro')}</p>
      <form className="panel st-search" role="search" onSubmit={submit} noValidate aria-busy={busy || undefined}>
        <SelectField
          id="st-kind"
          label={t('scienceTech.search.kind')}
          value={kind}
          onValue={(v) => setKind(v as Kind)}
          options={[
            { value: 'organizations', label: t('scienceTech.search.organizations') },
            { value: 'tasks', label: t('scienceTech.search.tasks') },
          ]}
        />
        <TextField id="st-q" label={t('scienceTech.search.q')} hint={t(kind === 'organizations' ? 'scienceTech.search.qHintOrg' : 'scienceTech.search.qHintTask')} value={q} onValue={setQ} maxLength={100} />
        {kind === 'tasks' && (
          <SelectField id="st-level" label={t('scienceTech.level.label')} value={level} onValue={setLevel} options={[{ value: '', label: t('scienceTech.any') }, ...LEVELS.map((l) => ({ value: l, label: t(`scienceTech.level.${l}`) }))]} />
        )}
        <button type="submit" className="button" disabled={busy}>
          {t('scienceTech.search.submit')}
        </button>
      </form>
      {error && <Notice tone="error">{error}</Notice>}
      <div aria-live="polite">
        {orgs &&
          (orgs.items.length === 0 ? (
            <Notice tone="info">{t('scienceTech.search.none')}</Notice>
          ) : (
            <DataTable
              id="st-organizations"
              caption={t('scienceTech.search.orgCaption', { count: orgs.total })}
              rows={orgs.items}
              rowKey={(o) => o.id}
              columns={[
                { id: 'no', header: t('scienceTech.org.registrationNo'), cell: (o) => <span className="nowrap">{o.registrationNo}</span> },
                { id: 'name', header: t('scienceTech.org.name'), rowHeader: true, cell: (o) => (language === 'en' && o.nameEn ? o.nameEn : o.name) },
                { id: 'fields', header: t('scienceTech.org.fields'), cell: (o) => o.fields.map((f) => t(`scienceTech.field.${f}`)).join(', ') },
                { id: 'registered', header: t('scienceTech.org.registeredOn'), cell: (o) => `${formatCivilDate(t, o.registeredOn)} · ${o.issuingAgency}` },
                { id: 'address', header: t('scienceTech.org.address'), cell: (o) => o.address },
                { id: 'status', header: t('scienceTech.org.status'), cell: (o) => <span className={`state state--${o.inEffect ? 'ok' : 'bad'}`}>{t(`scienceTech.orgStatus.${o.status}`)}</span> },
              ]}
            />
          ))}
        {tasks &&
          (tasks.items.length === 0 ? (
            <Notice tone="info">{t('scienceTech.search.none')}</Notice>
          ) : (
            <DataTable
              id="st-tasks"
              caption={t('scienceTech.search.taskCaption', { count: tasks.total })}
              rows={tasks.items}
              rowKey={(x) => x.id}
              columns={[
                { id: 'code', header: t('scienceTech.task.code'), cell: (x) => <span className="nowrap">{x.code}</span> },
                { id: 'title', header: t('scienceTech.task.name'), rowHeader: true, cell: (x) => x.title },
                { id: 'level', header: t('scienceTech.level.label'), cell: (x) => t(`scienceTech.level.${x.level}`) },
                { id: 'host', header: t('scienceTech.task.host'), cell: (x) => x.hostOrg.name },
                { id: 'pi', header: t('scienceTech.task.pi'), cell: (x) => x.piName },
                { id: 'period', header: t('scienceTech.task.period'), cell: (x) => `${formatCivilDate(t, x.startOn)} – ${formatCivilDate(t, x.endOn)}` },
                { id: 'budget', header: t('scienceTech.task.budget'), numeric: true, cell: (x) => <span className="nowrap">{vnd(x.budgetVnd)}</span> },
                { id: 'status', header: t('scienceTech.task.status'), cell: (x) => <TaskState progress={x.progress} /> },
              ]}
            />
          ))}
      </div>
      {shown && total > PAGE && (
        <div className="button-row">
          <button type="button" className="button button--secondary" disabled={busy || offset === 0} onClick={() => void load(kind, Math.max(0, offset - PAGE))}>
            {t('scienceTech.previous')}
          </button>
          <span className="muted">{t('scienceTech.pageOf', { from: offset + 1, to: Math.min(offset + PAGE, total), total })}</span>
          <button type="button" className="button button--secondary" disabled={busy || offset + PAGE >= total} onClick={() => void load(kind, offset + PAGE)}>
            {t('scienceTech.next')}
          </button>
        </div>
      )}
    </div>
  );
}
