// Nộp hồ sơ trực tuyến: the e-form of the published version, for a logged-in citizen or
// organization. Prefilled fields are marked (and locked unless the form lets them be changed).
// The browser checks the form with the server's own rules and messages; the server checks again
// and saves the data pinned to this version.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EformDefinition } from '@server/core/eforms/validate.ts';
import { currentLanguage, type Language } from '../../../i18n/index.ts';
import { Link, useParams } from '../../../router.tsx';
import { catalogApi, type ProcedureVersionView, type SubmissionView } from '../api.ts';
import { ErrorSummary, failureText, Status } from '../../../components/forms.tsx';
import { formatMoment, vnMoment } from '../../../lib/datetime.ts';
import { useSession } from '../../../lib/session.tsx';
import { EformRenderer } from '../eform/EformRenderer.tsx';
import { isPersonalSource, loadPrefill, type PrefillResult } from '../eform/prefill.ts';
import { useOnlineForm } from '../eform/useOnlineForm.ts';
import { useEformState } from '../eform/useEformState.ts';
import { procedureName } from '../components/LocalText.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { CATALOG_PATHS } from '../paths.ts';
import '../catalog.css';

export function OnlineFormPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { code = '' } = useParams();
  const { status, me } = useSession();
  const { view, error, prefill } = useOnlineForm(code, me, loadPrefill);

  const here = CATALOG_PATHS.onlineForm(code);
  const title = view ? t('catalog.form.titleOf', { name: procedureName(view.content, language).text }) : t('catalog.form.title');

  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [title, t]);

  const header = (
    <>
      <nav className="cat-breadcrumb" aria-label={t('catalog.breadcrumb')}>
        <ol>
          <li>
            <Link to={CATALOG_PATHS.search}>{t('catalog.search.title')}</Link>
          </li>
          <li>
            <Link to={CATALOG_PATHS.procedure(code)}>{code}</Link>
          </li>
          <li aria-current="page">{t('catalog.form.title')}</li>
        </ol>
      </nav>
      <h1 tabIndex={-1}>{title}</h1>
    </>
  );

  if (error) {
    return (
      <div className="page catalog">
        {header}
        <Notice tone="error">{error}</Notice>
      </div>
    );
  }
  if (!view || status === 'loading') {
    return (
      <div className="page catalog" aria-busy="true">
        {header}
        <p role="status">{t('catalog.procedure.loading')}</p>
      </div>
    );
  }
  if (!view.content.methods.channels.includes('online')) {
    return (
      <div className="page catalog">
        {header}
        <Notice tone="info">{t('catalog.procedure.noOnline')}</Notice>
      </div>
    );
  }
  if (!me) {
    return (
      <div className="page catalog">
        {header}
        <Notice tone="info" title={t('catalog.form.loginTitle')} id="login-required">
          <p>{t('catalog.form.loginText')}</p>
          <a className="button button--primary" href={CATALOG_PATHS.login(here)}>
            {t('catalog.form.loginLink')}
          </a>
        </Notice>
      </div>
    );
  }
  if (me.kind === 'officer') {
    return (
      <div className="page catalog">
        {header}
        <Notice tone="info">{t('catalog.form.officerText')}</Notice>
      </div>
    );
  }
  if (!prefill) {
    return (
      <div className="page catalog" aria-busy="true">
        {header}
        <p role="status">{t('catalog.form.preparing')}</p>
      </div>
    );
  }
  return (
    <div className="page catalog">
      {header}
      <OnlineForm view={view} prefill={prefill} language={language} />
    </div>
  );
}

function OnlineForm({ view, prefill, language }: { view: ProcedureVersionView; prefill: PrefillResult; language: Language }) {
  const { t } = useTranslation();
  const definition = view.content.eform as EformDefinition;
  const form = useEformState(definition, language, 'eform', prefill.data);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<SubmissionView | undefined>();
  const savedRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  // "Your details were filled in" only while a field filled with the applicant's own details is
  // on the screen (fields of a branch not chosen are not rendered).
  const [personalShown, setPersonalShown] = useState(false);
  useEffect(() => {
    const personal = [...prefill.marks].filter(([, m]) => isPersonalSource(m.source)).map(([pointer]) => pointer);
    const root = document.getElementById('main-content');
    if (personal.length === 0 || !root) return;
    // Fields come and go as the applicant answers (the renderer shows a branch a moment later).
    const check = () => setPersonalShown(personal.some((p) => root.querySelector(`[data-pointer="${CSS.escape(p)}"]`) !== null));
    check();
    const observer = new MutationObserver(check);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [prefill]);

  async function submit() {
    if (busy) return;
    if (!form.validate()) return;
    setBusy(true);
    try {
      const r = await catalogApi.submit(view.code, view.version.number, form.data, language);
      if (r.kind === 'ok') {
        form.clear();
        setSaved(r.data);
      } else if (r.kind === 'problem') {
        form.showProblem(r.problem, failureText(t, r));
      } else {
        form.showGeneral(failureText(t, r));
      }
    } finally {
      setBusy(false);
    }
  }

  if (saved) {
    const at = vnMoment(saved.createdAt);
    return (
      <Notice tone="success" title={t('catalog.form.savedTitle')} tabIndex={-1} ref={savedRef} id="submission-saved">
        <p>{t('catalog.form.savedText', { version: saved.versionNumber, moment: at ? formatMoment(t, at) : saved.createdAt })}</p>
        <p>
          {t('catalog.form.savedId')} <code>{saved.id}</code>
        </p>
        <p>
          <Link to={CATALOG_PATHS.procedure(view.code)}>{t('catalog.form.backToProcedure')}</Link>
        </p>
      </Notice>
    );
  }

  return (
    <>
      <p className="lead">{t('catalog.form.intro')}</p>
      {prefill.status === 'applied' && personalShown && (
        <Notice tone="info" id="prefill-applied">
          {t('catalog.form.prefillApplied')}
        </Notice>
      )}
      {prefill.status === 'unavailable' && <Notice tone="warning">{t('catalog.form.prefillUnavailable')}</Notice>}
      <ErrorSummary items={form.summary} attempt={form.attempt} />
      <section className="panel eform-panel" aria-labelledby="eform-title" aria-busy={busy || undefined}>
        <h2 id="eform-title">{t('catalog.form.formHeading', { n: view.version.number })}</h2>
        <p className="form-note">{t('catalog.form.requiredNote')}</p>
        <EformRenderer
          definition={definition}
          data={form.data}
          onChange={form.setData}
          onSubmit={() => void submit()}
          errors={form.errors}
          prefill={prefill.marks}
          idPrefix="eform"
          language={language}
        >
          <div className="eform__actions">
            <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
              {busy ? t('catalog.form.submitting') : t('catalog.form.submit')}
            </button>
          </div>
        </EformRenderer>
      </section>
      <Status>{busy ? t('catalog.form.submitting') : ''}</Status>
    </>
  );
}
