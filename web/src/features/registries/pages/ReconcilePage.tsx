// Đối soát CSDL chuyên ngành với CSDL quốc gia về dân cư: an officer chooses a registry, starts a
// run (it runs on the server; the page follows its counts), reads its items by outcome and
// corrects a person inline (the server audits the change, keeps the old values and re-checks).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, LoginRequired } from '../../../components/AccessNotices.tsx';
import { ErrorSummary, failureText, SelectField, Status, TextField, type SummaryItem } from '../../../components/forms.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { useSession } from '../../../lib/session.tsx';
import { OUTCOMES, REGISTRIES, registriesApi, type Outcome, type Registry, type Run, type RunItem } from '../api.ts';

function CorrectForm({ item, runId, onDone }: { item: RunItem; runId: string; onDone(text: string): void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [fields, setFields] = useState({ personalId: item.suggestedId ?? item.personalId, fullName: item.fullName, birthDate: item.birthDate ?? '' });
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const id = `fix-${item.personId}`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setAttempt((n) => n + 1);
    setBusy(true);
    try {
      const r = await registriesApi.correct(item.personId, { personalId: fields.personalId.trim(), fullName: fields.fullName.trim(), birthDate: fields.birthDate || null, runId }, language);
      if (r.kind === 'ok') onDone(t('registries.fix.done', { name: r.data.fullName, status: t(`registries.link.${r.data.link.status}`) }));
      else setSummary([{ text: failureText(t, r) }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('registries.fix.title', { name: item.fullName })}>
      <ErrorSummary attempt={attempt} items={summary} />
      <TextField id={`${id}-pid`} label={t('registries.field.personalId')} value={fields.personalId} inputMode="numeric" onValue={(v) => setFields({ ...fields, personalId: v })} required />
      <TextField id={`${id}-name`} label={t('registries.field.fullName')} value={fields.fullName} onValue={(v) => setFields({ ...fields, fullName: v })} required />
      <TextField id={`${id}-birth`} label={t('registries.field.birthDate')} hint={t('registries.field.birthDateHint')} value={fields.birthDate} onValue={(v) => setFields({ ...fields, birthDate: v })} />
      <button type="submit" className="button" disabled={busy}>
        {t('registries.fix.submit')}
      </button>
    </form>
  );
}

export function ReconcilePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { status, me } = useSession();
  const [registry, setRegistry] = useState<Registry>('stameq');
  const [run, setRun] = useState<Run | undefined>();
  const [outcome, setOutcome] = useState<Outcome>('mismatch');
  const [items, setItems] = useState<RunItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [open, setOpen] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [announce, setAnnounce] = useState('');

  const officer = me?.kind === 'officer';
  useEffect(() => {
    if (!officer) return;
    setRun(undefined);
    void registriesApi.runs(registry, language).then((r) => {
      if (r.kind === 'ok') setRun(r.data.items[0]);
      else setError(failureText(t, r));
    });
  }, [officer, registry, language]);

  useEffect(() => {
    if (!run || run.state !== 'running') return;
    const timer = setTimeout(() => {
      void registriesApi.run(run.id, language).then((r) => r.kind === 'ok' && setRun(r.data));
    }, 500);
    return () => clearTimeout(timer);
  }, [run]);

  const loadItems = (after: string | null) => {
    if (!run || run.state === 'running') return;
    void registriesApi.items(run.id, outcome, after, language).then((r) => {
      if (r.kind === 'ok') {
        setItems((old) => (after ? [...old, ...r.data.items] : r.data.items));
        setNext(r.data.next);
      } else setError(failureText(t, r));
    });
  };
  useEffect(() => loadItems(null), [run?.id, run?.state, outcome]);

  async function start() {
    setError(undefined);
    const r = await registriesApi.start(registry, language);
    if (r.kind !== 'ok') return setError(failureText(t, r));
    setAnnounce(t('registries.reconcile.started'));
    const got = await registriesApi.run(r.data.id, language);
    if (got.kind === 'ok') setRun(got.data);
  }

  let body;
  if (status === 'loading') body = <Loading />;
  else if (!me) body = <LoginRequired text={t('registries.reconcile.loginText')} />;
  else if (!officer) body = <p>{t('registries.reconcile.officersOnly')}</p>;
  else
    body = (
      <>
        <SelectField
          id="rc-registry"
          label={t('registries.reconcile.registry')}
          value={registry}
          onValue={(v) => setRegistry(v as Registry)}
          options={REGISTRIES.map((r) => ({ value: r, label: t(`registries.name.${r}`) }))}
        />
        <button type="button" className="button" onClick={() => void start()} disabled={run?.state === 'running'}>
          {t('registries.reconcile.start')}
        </button>
        {error && <p className="error-text">{error}</p>}
        {run ? (
          <section aria-labelledby="rc-run">
            <h2 id="rc-run">{t('registries.reconcile.run', { state: t(`registries.state.${run.state}`), at: new Date(run.startedAt).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB') })}</h2>
            {run.interrupted && <p role="status">{t('registries.reconcile.interrupted')}</p>}
            <progress max={run.counts.total || 1} value={run.counts.done} aria-label={t('registries.reconcile.progress')} />
            <dl className="registries-counts">
              {OUTCOMES.map((o) => (
                <div key={o}>
                  <dt>{t(`registries.outcome.${o}`)}</dt>
                  <dd>{run.counts[o].toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB')}</dd>
                </div>
              ))}
            </dl>
            {run.state !== 'running' && (
              <>
                <SelectField
                  id="rc-outcome"
                  label={t('registries.reconcile.outcome')}
                  value={outcome}
                  onValue={(v) => setOutcome(v as Outcome)}
                  options={OUTCOMES.map((o) => ({ value: o, label: t(`registries.outcome.${o}`) }))}
                />
                {items.length === 0 ? (
                  <p>{t('registries.reconcile.none')}</p>
                ) : (
                  <ul className="registries-items">
                    {items.map((item) => (
                      <li key={item.personId}>
                        <p>
                          <strong>{item.fullName}</strong> — {item.personalId}
                          {item.birthDate ? ` — ${item.birthDate}` : ''}
                          {item.fields.length > 0 && ` (${t('registries.reconcile.differs', { fields: item.fields.map((f) => t(`registries.field.${f}`)).join(', ') })})`}
                          {item.suggestedId && ` (${t('registries.reconcile.suggested', { id: item.suggestedId })})`}
                        </p>
                        <button type="button" className="button-secondary" aria-expanded={open === item.personId} onClick={() => setOpen(open === item.personId ? undefined : item.personId)}>
                          {t('registries.fix.open')}
                        </button>
                        {open === item.personId && (
                          <CorrectForm
                            item={item}
                            runId={run.id}
                            onDone={(text) => {
                              setAnnounce(text);
                              setOpen(undefined);
                            }}
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {next && (
                  <button type="button" className="button-secondary" onClick={() => loadItems(next)}>
                    {t('registries.reconcile.more')}
                  </button>
                )}
              </>
            )}
          </section>
        ) : (
          <p>{t('registries.reconcile.noRun')}</p>
        )}
      </>
    );

  return (
    <>
      <h1>{t('registries.reconcile.title')}</h1>
      <p>{t('registries.reconcile.intro')}</p>
      <Status>{announce}</Status>
      {body}
    </>
  );
}
