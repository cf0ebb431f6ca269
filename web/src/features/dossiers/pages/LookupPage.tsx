// Tra cứu hồ sơ: anyone with the dossier code and the lookup key printed on the receipt (the QR
// code of the receipt opens this page with both filled in) sees the procedure, the status and the
// dates — nothing personal.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, failureText, hasFormErrors, noErrors, TextField, type FormErrors } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { DOSSIER_PATHS } from '../../../lib/dossier-paths.ts';
import { dossiersApi, type PublicDossier } from '../api.ts';
import { momentText } from '../components/format.ts';
import '../dossiers.css';

const FIELDS = ['code', 'key'] as const;
type Field = (typeof FIELDS)[number];
const IDS: Record<Field, string> = { code: 'lookup-code', key: 'lookup-key' };

export function LookupPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [values, setValues] = useState<Record<Field, string>>(() => {
    const q = new URLSearchParams(window.location.search);
    return { code: q.get('code') ?? '', key: q.get('key') ?? '' };
  });
  const [errors, setErrors] = useState<FormErrors<Field> | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ found: PublicDossier } | { notFound: true } | { error: string } | undefined>();

  async function lookup(v: Record<Field, string>) {
    setAttempt((n) => n + 1);
    const local = noErrors<Field>();
    if (!v.code.trim()) local.fields.code = [t('dossiers.lookup.codeRequired')];
    if (v.key.trim().length < 4) local.fields.key = [t('dossiers.lookup.keyRequired')];
    if (hasFormErrors(local)) {
      setErrors(local);
      return;
    }
    setErrors(undefined);
    setBusy(true);
    try {
      const r = await dossiersApi.lookup(v.code.trim(), v.key.trim(), language);
      if (r.kind === 'ok') setResult({ found: r.data });
      else if (r.kind === 'problem' && (r.problem.status === 404 || r.problem.status === 422)) setResult({ notFound: true });
      else setResult({ error: failureText(t, r) });
      window.history.replaceState(null, '', `${DOSSIER_PATHS.lookup}?${new URLSearchParams({ code: v.code.trim(), key: v.key.trim() }).toString()}`);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (values.code && values.key) void lookup(values);
  }, []);

  const labels: Record<Field, string> = { code: t('dossiers.lookup.code'), key: t('dossiers.lookup.key') };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) void lookup(values);
  };
  const found = result && 'found' in result ? result.found : undefined;
  return (
    <div className="page dossiers">
      <h1 tabIndex={-1}>{t('dossiers.lookup.title')}</h1>
      <p className="lead">{t('dossiers.lookup.intro')}</p>
      <ErrorSummary errors={errors} attempt={attempt} fieldIds={IDS} fieldLabels={labels} />
      <form className="panel lookup-form" noValidate onSubmit={onSubmit} aria-busy={busy || undefined}>
        {FIELDS.map((f) => (
          <TextField
            key={f}
            id={IDS[f]}
            name={f}
            label={labels[f]}
            hint={t(`dossiers.lookup.${f}Hint`)}
            required
            autoComplete="off"
            spellCheck={false}
            value={values[f]}
            errors={errors?.fields[f]}
            onValue={(v) => setValues((old) => ({ ...old, [f]: v }))}
          />
        ))}
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {busy ? t('dossiers.lookup.searching') : t('dossiers.lookup.submit')}
        </button>
      </form>
      <section aria-labelledby="lookup-result-title" aria-live="polite" aria-busy={busy || undefined} className="lookup-result">
        <h2 id="lookup-result-title">{t('dossiers.lookup.result')}</h2>
        {!result && <p className="muted">{t('dossiers.lookup.placeholder')}</p>}
        {result && 'notFound' in result && <Notice tone="warning">{t('dossiers.lookup.notFound')}</Notice>}
        {result && 'error' in result && <Notice tone="error">{result.error}</Notice>}
        {found && (
          <dl className="facts" id="lookup-found">
            <div className="facts__item">
              <dt>{t('dossiers.fields.code')}</dt>
              <dd>{found.code}</dd>
            </div>
            <div className="facts__item">
              <dt>{t('dossiers.fields.procedure')}</dt>
              <dd>{found.procedureName}</dd>
            </div>
            <div className="facts__item">
              <dt>{t('dossiers.fields.status')}</dt>
              <dd>
                <strong>{found.statusName[language]}</strong>
              </dd>
            </div>
            <div className="facts__item">
              <dt>{t('dossiers.fields.received')}</dt>
              <dd>{momentText(t, found.receivedAt)}</dd>
            </div>
            <div className="facts__item">
              <dt>{t('dossiers.fields.due')}</dt>
              <dd>{momentText(t, found.rescheduledDueAt ?? found.dueAt)}</dd>
            </div>
            {found.finishedAt && (
              <div className="facts__item">
                <dt>{t('dossiers.fields.finished')}</dt>
                <dd>{momentText(t, found.finishedAt)}</dd>
              </div>
            )}
          </dl>
        )}
      </section>
    </div>
  );
}
