// Nộp hồ sơ trực tuyến: the applicant's wizard for one procedure — 1) the e-form (prefilled, the
// catalog's renderer), 2) the components (one file field each, uploaded at once), 3) the fees of
// the version, 4) review, 5) submit. The wizard's state is kept on the server as the applicant's
// draft of the procedure (/me/drafts), so that they can come back on any device; the submission
// carries one Idempotency-Key per wizard, so a double click or a retry returns the same dossier.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getAt, setAt } from '@server/core/eforms/ui-schema.ts';
import type { EformDefinition } from '@server/core/eforms/validate.ts';
import { LoginRequired, Loading } from '../../../components/AccessNotices.tsx';
import { Checkbox, ErrorSummary, failureText, type SummaryItem } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Stepper } from '../../../components/Stepper.tsx';
import { currentLanguage, type Language } from '../../../i18n/index.ts';
import { DOSSIER_PATHS } from '../../../lib/dossier-paths.ts';
import { useSession, type Me } from '../../../lib/session.tsx';
import { Link, useParams } from '../../../router.tsx';
import type { ProcedureVersionView } from '../../catalog/api.ts';
import { EformRenderer } from '../../catalog/eform/EformRenderer.tsx';
import { loadServerPrefill, type PrefillResult } from '../../catalog/eform/prefill.ts';
import { useOnlineForm } from '../../catalog/eform/useOnlineForm.ts';
import { useEformState } from '../../catalog/eform/useEformState.ts';
import { dossiersApi, newIdempotencyKey, type Draft, type DossierView } from '../api.ts';
import { ComponentUploads, componentFieldId, componentsBody, type ComponentFiles } from '../components/ComponentUploads.tsx';
import { formatVnd } from '../components/format.ts';
import { FormDataList } from '../components/FormDataList.tsx';
import { ReuseOffers, useReuseOffers, withReuse } from '../../warehouse/components/ReuseOffers.tsx';
import '../dossiers.css';

const STEPS = ['form', 'files', 'fees', 'review', 'submit'] as const;

/** How long the wizard waits after the last change before it keeps the draft. */
const DRAFT_SAVE_DELAY_MS = 800;

/** The applicant's draft of the procedure: null when there is none (or it cannot be read), undefined while loading. */
function useDraft(code: string, me: Me | undefined, language: Language): Draft | null | undefined {
  const [draft, setDraft] = useState<Draft | null | undefined>();
  useEffect(() => {
    if (!me || me.kind === 'officer') return;
    let live = true;
    void dossiersApi.draft(code, language).then((r) => {
      if (live) setDraft(r.kind === 'ok' ? r.data : null);
    });
    return () => {
      live = false;
    };
  }, [code, me?.accountId]);
  return draft;
}

/** A draft's data with the locked prefilled values put back (the server applies them again anyway). */
function withLockedPrefill(data: Record<string, unknown>, prefill: PrefillResult): Record<string, unknown> {
  const out = structuredClone(data);
  for (const [pointer, mark] of prefill.marks) {
    const value = getAt(prefill.data, pointer);
    if (!mark.editable && value !== undefined) setAt(out, pointer, value);
  }
  return out;
}

export function SubmitWizardPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { code = '' } = useParams();
  const { status, me } = useSession();
  const { view, error, prefill } = useOnlineForm(code, me, loadServerPrefill);
  const draft = useDraft(code, me, language);

  const title = view ? t('dossiers.submit.titleOf', { name: view.content.name }) : t('dossiers.submit.title');
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [title, t]);

  let body;
  if (error) body = <Notice tone="error">{error}</Notice>;
  else if (!view || status === 'loading') body = <Loading text={t('dossiers.loading')} />;
  else if (!view.content.methods.channels.includes('online')) body = <Notice tone="info">{t('dossiers.submit.noOnline')}</Notice>;
  else if (!me) body = <LoginRequired text={t('dossiers.submit.loginText')} vneid />;
  else if (me.kind === 'officer') body = <Notice tone="info">{t('dossiers.submit.officerText')}</Notice>;
  else if (!prefill || draft === undefined) body = <Loading text={t('dossiers.submit.preparing')} />;
  else body = <Wizard view={view} prefill={prefill} draft={draft} language={language} />;

  return (
    <div className="page dossiers">
      <nav className="breadcrumb" aria-label={t('dossiers.breadcrumb')}>
        <ol>
          <li>
            <Link to="/thu-tuc">{t('dossiers.catalog')}</Link>
          </li>
          <li>
            <Link to={`/thu-tuc/${encodeURIComponent(code)}`}>{code}</Link>
          </li>
          <li aria-current="page">{t('dossiers.submit.title')}</li>
        </ol>
      </nav>
      <h1 tabIndex={-1}>{title}</h1>
      {body}
    </div>
  );
}

function Wizard({ view, prefill, draft, language }: { view: ProcedureVersionView; prefill: PrefillResult; draft: Draft | null; language: Language }) {
  const { t } = useTranslation();
  const definition = view.content.eform as EformDefinition;
  // A draft of an older version is not restored: the form may have changed.
  const [restored] = useState(() => (draft && draft.versionNumber === view.version.number ? draft : undefined));
  const form = useEformState(definition, language, 'eform', restored ? withLockedPrefill(restored.data, prefill) : prefill.data);
  const [step, setStep] = useState(restored?.step ?? 0);
  const [files, setFiles] = useState<ComponentFiles>(restored?.components ?? {});
  const [key] = useState(() => restored?.idempotencyKey ?? newIdempotencyKey());
  const [declared, setDeclared] = useState(false);
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [fileErrors, setFileErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<DossierView | undefined>();
  const [showRestored, setShowRestored] = useState(!!restored);
  // Documents of the applicant's data warehouse offered already attached (no upload needed).
  const reuse = useReuseOffers(view.code, true); // the wizard is only for applicants
  const headingRef = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const first = useRef(true);

  // Keeps the draft on the server a moment after the last change (not before the applicant changed anything).
  const changed = useRef(false);
  useEffect(() => {
    if (done) return;
    if (!changed.current) {
      changed.current = true;
      return;
    }
    const timer = window.setTimeout(() => {
      void dossiersApi.saveDraft(view.code, { versionNumber: view.version.number, step: Math.min(step, 3), data: form.data, components: files, idempotencyKey: key }, language);
    }, DRAFT_SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [form.data, files, step, done]);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const c = view.content;
  const steps = STEPS.map((id) => ({ id, label: t(`dossiers.submit.step.${id}`) }));
  const go = (n: number) => {
    setSummary([]);
    setStep(n);
  };

  function checkFiles(): boolean {
    const missing = c.components.filter((x) => x.requirement === 'required' && !(files[x.code]?.length) && !reuse.satisfied(x.code));
    const errors = Object.fromEntries(missing.map((x) => [x.code, t('dossiers.files.missing')]));
    setFileErrors(errors);
    setAttempt((n) => n + 1);
    setSummary(missing.map((x) => ({ target: componentFieldId('wizard', x.code), text: t('dossiers.files.missingOf', { name: x.name }) })));
    return missing.length === 0;
  }

  async function submit() {
    if (busy) return;
    setAttempt((n) => n + 1);
    if (!declared) {
      setSummary([{ target: 'wizard-declare', text: t('dossiers.submit.declareRequired') }]);
      return;
    }
    setSummary([]);
    setBusy(true);
    try {
      const r = await dossiersApi.create({ procedureCode: view.code, data: form.data, components: withReuse(componentsBody(files), reuse.chosen) }, key, language);
      if (r.kind === 'ok') {
        // The server ended the draft with the submission.
        setDone(r.data);
        return;
      }
      if (r.kind === 'problem') {
        const dataErrors = (r.problem.errors ?? []).filter((e) => e.pointer.startsWith('/body/data'));
        const componentErrors = (r.problem.errors ?? []).filter((e) => e.pointer.startsWith('/body/components') || e.code === 'missing_component');
        if (dataErrors.length > 0) {
          form.showProblem(r.problem, failureText(t, r));
          setStep(0);
          return;
        }
        if (componentErrors.length > 0) {
          setStep(1);
          setSummary(componentErrors.map((e) => ({ text: e.message })));
          return;
        }
      }
      setSummary([{ text: failureText(t, r) }]);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <div className="notice notice--success dossier-done" tabIndex={-1} ref={doneRef} id="dossier-submitted" role="status">
        <h2 className="notice__title">{t('dossiers.submit.doneTitle')}</h2>
        <p>
          {t('dossiers.submit.doneCode')} <strong id="submitted-code">{done.code}</strong>
        </p>
        <p>
          {t('dossiers.lookupKey')} <strong>{done.lookupSecret}</strong>
        </p>
        <p>{t('dossiers.submit.doneText')}</p>
        <p>
          <Link to={DOSSIER_PATHS.dossier(done.id)} className="button button--primary">
            {t('dossiers.submit.viewDossier')}
          </Link>
        </p>
      </div>
    );
  }

  const total = c.fees.reduce((s, f) => s + f.amountVnd, 0);
  const stepTitle = steps[step]!.label;
  const nav = (onNext: () => void, nextLabel = t('dossiers.submit.next')) => (
    <div className="button-row wizard-nav">
      {step > 0 && (
        <button type="button" className="button button--secondary" onClick={() => go(step - 1)}>
          {t('dossiers.submit.back')}
        </button>
      )}
      <button type="button" className="button button--primary" onClick={onNext}>
        {nextLabel}
      </button>
    </div>
  );

  return (
    <>
      {showRestored && (
        <Notice tone="info" id="draft-restored">
          <p>{t('dossiers.submit.restored')}</p>
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                void dossiersApi.discardDraft(view.code, language).then(() => window.location.reload());
              }}
            >
              {t('dossiers.submit.startOver')}
            </button>
          </p>
        </Notice>
      )}
      <Stepper steps={steps} current={step} onGoTo={go} label={t('dossiers.submit.stepsLabel')} />
      <ErrorSummary items={step === 0 ? form.summary : summary} attempt={step === 0 ? form.attempt : attempt} />
      <section className="panel wizard-step" aria-labelledby="wizard-step-title">
        <h2 id="wizard-step-title" tabIndex={-1} ref={headingRef}>
          {stepTitle}
        </h2>
        {step === 0 && (
          <>
            {prefill.status === 'unavailable' && <Notice tone="warning">{t('catalog.form.prefillUnavailable')}</Notice>}
            <p className="form-note">{t('dossiers.submit.formNote')}</p>
            <EformRenderer
              definition={definition}
              data={form.data}
              onChange={form.setData}
              onSubmit={() => {
                if (form.validate()) {
                  setShowRestored(false);
                  go(1);
                }
              }}
              errors={form.errors}
              prefill={prefill.marks}
              idPrefix="eform"
              language={language}
            >
              <div className="button-row wizard-nav">
                <button type="submit" className="button button--primary">
                  {t('dossiers.submit.next')}
                </button>
              </div>
            </EformRenderer>
          </>
        )}
        {step === 1 && (
          <>
            <p className="form-note">{t('dossiers.submit.filesNote')}</p>
            <ReuseOffers components={c.components} offers={reuse.offers} chosen={reuse.chosen} onChange={reuse.setChosen} />
            <ComponentUploads components={c.components} files={files} onChange={setFiles} errors={fileErrors} idPrefix="wizard" />
            {nav(() => checkFiles() && go(2))}
          </>
        )}
        {step === 2 && (
          <>
            {c.fees.length === 0 ? (
              <p>{t('dossiers.fees.none')}</p>
            ) : (
              <>
                <ul className="dossier-fees">
                  {c.fees.map((f) => (
                    <li key={f.code}>
                      <span>
                        {f.name} ({t(`dossiers.fees.kind.${f.kind}`)})
                        {f.basis && <span className="muted"> — {f.basis}</span>}
                      </span>
                      <strong>{formatVnd(f.amountVnd, language)}</strong>
                    </li>
                  ))}
                </ul>
                <p>
                  {t('dossiers.fees.total')} <strong id="fees-total">{formatVnd(total, language)}</strong>
                </p>
                <p className="form-note">{t('dossiers.fees.when')}</p>
              </>
            )}
            {nav(() => go(3))}
          </>
        )}
        {step === 3 && (
          <>
            <h3>{t('dossiers.submit.step.form')}</h3>
            <FormDataList definition={definition} data={form.data} id="review-data" />
            <h3>{t('dossiers.submit.step.files')}</h3>
            <ul className="dossier-review-files">
              {c.components.map((x) => (
                <li key={x.code}>
                  {x.name}: {(files[x.code] ?? []).map((f) => f.name).join(', ') || t('dossiers.files.none')}
                </li>
              ))}
            </ul>
            <h3>{t('dossiers.submit.step.fees')}</h3>
            <p>{c.fees.length === 0 ? t('dossiers.fees.none') : formatVnd(total, language)}</p>
            {nav(() => go(4))}
          </>
        )}
        {step === 4 && (
          <form
            noValidate
            aria-busy={busy || undefined}
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <p>{t('dossiers.submit.finalNote', { procedure: c.name })}</p>
            <Checkbox id="wizard-declare" label={t('dossiers.submit.declare')} checked={declared} onValue={setDeclared} />
            <div className="button-row wizard-nav">
              <button type="button" className="button button--secondary" onClick={() => go(3)}>
                {t('dossiers.submit.back')}
              </button>
              <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
                {busy ? t('dossiers.submit.sending') : t('dossiers.submit.send')}
              </button>
            </div>
          </form>
        )}
      </section>
    </>
  );
}
