// The "Kiểm tra và công bố" tab of the version editor: the check (errors, warnings, the public
// parts of Decree 63/2010 Art. 8(2)), publishing after a confirmation, and withdrawing. When the
// server refuses to publish because required public parts are missing (422
// publication_incomplete, with `missingParts`), the tab lists them and offers "publish anyway"
// with a reason (10–500 characters) that the server records.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../../components/ConfirmButton.tsx';
import { failureText, TextArea } from '../../../../components/forms.tsx';
import type { Language } from '../../../../i18n/index.ts';
import type { LocalizedText, Problem } from '../../../../lib/api.ts';
import { Link } from '../../../../router.tsx';
import { catalogApi, type ProcedureVersionView, type VersionCheck } from '../../api.ts';
import { contentPointerLabel } from '../../components/pointers.ts';
import { Notice } from '../../../../components/Notice.tsx';
import { CATALOG_PATHS } from '../../paths.ts';

export const OVERRIDE_REASON_MIN = 10;
export const OVERRIDE_REASON_MAX = 500;

export interface MissingPart {
  part: string;
  label: LocalizedText;
}

/** The missing parts of a 422 publication_incomplete answer; undefined for any other problem. */
export function missingPartsOf(problem: Problem): MissingPart[] | undefined {
  if (problem.code !== 'publication_incomplete') return undefined;
  const raw = problem.extensions?.missingParts;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((m): MissingPart[] => {
    if (typeof m !== 'object' || m === null) return [];
    const { part, label } = m as { part?: unknown; label?: { vi?: unknown; en?: unknown } };
    if (typeof part !== 'string') return [];
    const vi = typeof label?.vi === 'string' ? label.vi : part;
    const en = typeof label?.en === 'string' ? label.en : vi;
    return [{ part, label: { vi, en } }];
  });
}

export function PublishTab(props: {
  view: ProcedureVersionView;
  dirty: boolean;
  /** A draft the officer may check and publish (`catalog.publish` at the owning unit). */
  canPublish: boolean;
  canWithdraw: boolean;
  language: Language;
  save(): Promise<boolean>;
  onChanged(v: ProcedureVersionView): void;
}) {
  const { t } = useTranslation();
  const { view, language } = props;
  const [check, setCheck] = useState<VersionCheck | undefined>();
  const [result, setResult] = useState<{ ok: boolean; text: string; items?: string[] } | undefined>();
  const [missing, setMissing] = useState<MissingPart[] | undefined>();
  const [overrideReason, setOverrideReason] = useState('');
  const [overrideError, setOverrideError] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const missingHeading = useRef<HTMLHeadingElement>(null);

  async function runCheck() {
    if (props.dirty && !(await props.save())) return;
    const r = await catalogApi.check(view.code, view.version.number, language);
    if (r.kind === 'ok') setCheck(r.data);
    else setResult({ ok: false, text: failureText(t, r) });
  }

  useEffect(() => {
    if (!props.dirty) void runCheck();
  }, [view.version.revision]);

  useEffect(() => {
    if (missing) missingHeading.current?.focus();
  }, [missing]);

  async function publish(override?: string) {
    if (busy) return;
    setBusy(true);
    try {
      if (props.dirty && !(await props.save())) return;
      const r = await catalogApi.publish(view.code, view.version.number, language, override === undefined ? undefined : { overrideReason: override });
      if (r.kind === 'ok') {
        setMissing(undefined);
        setOverrideReason('');
        props.onChanged(r.data);
        setResult({ ok: true, text: t('catalog.publish.published', { n: r.data.version.number }) });
        return;
      }
      const parts = r.kind === 'problem' ? missingPartsOf(r.problem) : undefined;
      if (parts) {
        setResult(undefined);
        setMissing(parts);
        return;
      }
      setResult({
        ok: false,
        text: failureText(t, r),
        items: r.kind === 'problem' ? (r.problem.errors ?? []).map((e) => `${contentPointerLabel(t, e.pointer)}: ${e.message}`) : [],
      });
    } finally {
      setBusy(false);
    }
  }

  function publishAnyway() {
    const text = overrideReason.trim();
    if (text.length < OVERRIDE_REASON_MIN || text.length > OVERRIDE_REASON_MAX) {
      setOverrideError(t('catalog.publish.overrideReasonLength', { min: OVERRIDE_REASON_MIN, max: OVERRIDE_REASON_MAX }));
      document.getElementById('override-reason')?.focus();
      return;
    }
    setOverrideError(undefined);
    void publish(text);
  }

  async function withdraw() {
    if (busy) return;
    if (reason.trim() === '') {
      setReasonError(t('catalog.publish.reasonRequired'));
      return;
    }
    setReasonError(undefined);
    setBusy(true);
    try {
      const r = await catalogApi.withdraw(view.code, view.version.number, reason.trim(), language);
      if (r.kind === 'ok') {
        props.onChanged(r.data);
        setResult({ ok: true, text: t('catalog.publish.withdrawn', { n: r.data.version.number }) });
      } else setResult({ ok: false, text: failureText(t, r) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="publish-tab">
      <h2>{t('catalog.publish.title')}</h2>
      <div role="status" className="publish-tab__result">
        {result && (
          <Notice tone={result.ok ? 'success' : 'error'} id="publish-result">
            <p>{result.text}</p>
            {result.ok && view.version.status === 'published' && (
              <p>
                <Link to={CATALOG_PATHS.procedure(view.code)}>{t('catalog.adminProcedure.publicPage')}</Link>
              </p>
            )}
            {result.items && result.items.length > 0 && (
              <ul>
                {result.items.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            )}
          </Notice>
        )}
      </div>
      {props.canPublish && (
        <>
          <button type="button" className="button button--secondary" onClick={() => void runCheck()}>
            {t('catalog.publish.check')}
          </button>
          {check && (
            <section className="cat-check-result" aria-labelledby="check-title">
              <h3 id="check-title">{check.publishable ? t('catalog.publish.publishable') : t('catalog.publish.notPublishable', { count: check.errors.length })}</h3>
              {check.errors.length > 0 && (
                <ul className="cat-check-list check-list--errors">
                  {check.errors.map((e, i) => (
                    <li key={i}>
                      <span className="cat-tag cat-tag--error">{t('catalog.publish.error')}</span> {e.message[language]}
                      {e.pointer && <span className="cat-subnote">{contentPointerLabel(t, e.pointer)}</span>}
                    </li>
                  ))}
                </ul>
              )}
              {check.warnings.length > 0 && (
                <ul className="cat-check-list">
                  {check.warnings.map((e, i) => (
                    <li key={i}>
                      <span className="cat-tag cat-tag--warning">{t('catalog.publish.warning')}</span> {e.message[language]}
                      {e.pointer && <span className="cat-subnote">{contentPointerLabel(t, e.pointer)}</span>}
                    </li>
                  ))}
                </ul>
              )}
              <h4>{t('catalog.procedure.publicParts')}</h4>
              <ul className="cat-check-list">
                {check.publicParts.items.map((p) => (
                  <li key={p.part}>
                    {p.point}) {p.label[language]}: <strong>{p.present ? t('catalog.publish.present') : t('catalog.publish.missing')}</strong>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {missing ? (
            <section className="publish-incomplete" aria-labelledby="publish-incomplete-title" id="publish-incomplete">
              <Notice tone="warning">
                <h3 id="publish-incomplete-title" className="notice__title" tabIndex={-1} ref={missingHeading}>
                  {t('catalog.publish.incompleteTitle')}
                </h3>
                <p>{t('catalog.publish.incompleteText')}</p>
                <ul id="publish-missing-parts">
                  {missing.map((m) => (
                    <li key={m.part}>{m.label[language]}</li>
                  ))}
                </ul>
                <TextArea
                  id="override-reason"
                  label={t('catalog.publish.overrideReason')}
                  hint={t('catalog.publish.overrideReasonHint', { min: OVERRIDE_REASON_MIN, max: OVERRIDE_REASON_MAX })}
                  required
                  rows={3}
                  maxLength={OVERRIDE_REASON_MAX}
                  value={overrideReason}
                  error={overrideError}
                  onValue={setOverrideReason}
                />
                <div className="button-row">
                  <button type="button" className="button button--danger" id="publish-anyway" onClick={publishAnyway} aria-disabled={busy || undefined}>
                    {t('catalog.publish.publishAnyway')}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => setMissing(undefined)}>
                    {t('catalog.publish.completeFirst')}
                  </button>
                </div>
              </Notice>
            </section>
          ) : (
            <div className="cat-actions" id="publish-actions">
              <ConfirmButton
                label={t('catalog.publish.publish', { n: view.version.number })}
                question={t('catalog.publish.confirmQuestion', { n: view.version.number })}
                confirmLabel={t('catalog.publish.confirm')}
                cancelLabel={t('catalog.publish.cancel')}
                busy={busy}
                primary
                id="publish-button"
                onConfirm={() => publish()}
              />
            </div>
          )}
          <p className="field__hint">{t('catalog.publish.publishHint')}</p>
        </>
      )}
      {props.canWithdraw && (
        <section className="cat-withdraw" aria-labelledby="withdraw-title">
          <h3 id="withdraw-title">{view.version.status === 'published' ? t('catalog.publish.withdrawPublished') : t('catalog.publish.withdrawDraft')}</h3>
          <TextArea id="withdraw-reason" label={t('catalog.publish.reason')} rows={2} required value={reason} error={reasonError} onValue={setReason} />
          <button type="button" className="button button--danger-outline" onClick={() => void withdraw()} aria-disabled={busy || undefined}>
            {t('catalog.publish.withdraw')}
          </button>
        </section>
      )}
    </div>
  );
}
