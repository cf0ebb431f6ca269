// Xác thực hai bước: an officer enrols a TOTP authenticator. "Bắt đầu thiết lập" asks the server
// for a new secret (POST /api/v1/account/totp/setup: the QR code as a data: URL, and the secret
// for manual entry); the officer confirms with a code from the app (POST .../confirm), which
// turns it on and renews the session with the second factor.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { TotpSetup as TotpSetupSchema } from '@server/modules/identity/schema.ts';
import { ErrorSummary, errorsOfFailure, failureText, hasFormErrors, noErrors, TextField, type FormErrors } from '../../components/forms.tsx';
import { Notice } from '../../components/Notice.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { requestJson } from '../../lib/api.ts';
import { IDENTITY_PATHS } from '../../lib/identity-paths.ts';
import { useSession } from '../../lib/session.tsx';
import { Link } from '../../router.tsx';
import { WorkspaceShell } from '../workspace/WorkspaceShell.tsx';
import './account.css';

/** The answer of POST /api/v1/account/totp/setup (the identity module's schema). */
type TotpSetup = z.infer<typeof TotpSetupSchema>;

const isSetup = (body: unknown): body is TotpSetup =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as TotpSetup).secret === 'string' &&
  typeof (body as TotpSetup).qrDataUrl === 'string' &&
  (body as TotpSetup).qrDataUrl.startsWith('data:image/');

const FIELDS = ['code'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_ID: Record<Field, string> = { code: 'totp-code' };

/** `ABCDEFGH…` → `ABCD EFGH …`: easier to read and type. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

export function TotpPage() {
  const { t } = useTranslation();
  return (
    <WorkspaceShell title={t('account.totp.title')} intro={t('account.totp.intro')}>
      <TotpEnrolment />
    </WorkspaceShell>
  );
}

function TotpEnrolment() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { me, refresh } = useSession();
  const [setup, setSetup] = useState<TotpSetup | undefined>();
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | undefined>();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<Field> | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState(false);
  const stepsHeading = useRef<HTMLHeadingElement>(null);
  const doneHeading = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (setup) stepsHeading.current?.focus();
  }, [setup]);
  useEffect(() => {
    if (done) doneHeading.current?.focus();
  }, [done]);

  async function start() {
    if (starting) return;
    setStarting(true);
    setStartError(undefined);
    try {
      const outcome = await requestJson('/api/v1/account/totp/setup', language, { method: 'POST', accept: isSetup });
      if (outcome.kind === 'ok') {
        setSetup(outcome.data);
        setCode('');
        setErrors(undefined);
      } else {
        setStartError(failureText(t, outcome));
      }
    } finally {
      setStarting(false);
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const local = noErrors<Field>();
    if (!/^\d{6}$/.test(code.trim())) local.fields.code = [t('account.totp.codeRequired')];
    if (hasFormErrors(local)) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const outcome = await requestJson('/api/v1/account/totp/confirm', language, { method: 'POST', body: { code: code.trim() } });
      if (outcome.kind === 'ok') {
        setErrors(undefined);
        setDone(true);
        await refresh();
      } else {
        const mapped = errorsOfFailure(t, outcome, FIELDS);
        // A wrong code is the usual cause: show it by the field.
        if (outcome.kind === 'problem' && outcome.problem.status === 422 && !mapped.fields.code) {
          setErrors({ fields: { code: mapped.general }, general: [] });
        } else {
          setErrors(mapped);
        }
        setCode('');
      }
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <div ref={doneHeading} tabIndex={-1}>
        <Notice tone="success" title={t('account.totp.doneTitle')} live="status" id="totp-done">
          <p>{t('account.totp.doneText')}</p>
          <p>
            <Link to={IDENTITY_PATHS.workspace}>{t('account.totp.continue')}</Link>
          </p>
        </Notice>
      </div>
    );
  }

  return (
    <div className="stack">
      {me?.totpEnrolmentRequired && (
        <Notice tone="warning">
          <p>{t('account.totp.required')}</p>
        </Notice>
      )}
      {me?.method === 'password+totp' && !setup && (
        <Notice tone="success">
          <p>{t('account.totp.enabledNote')}</p>
        </Notice>
      )}
      <div role="alert">{startError && <Notice tone="error"><p>{startError}</p></Notice>}</div>
      {!setup ? (
        <div>
          <button type="button" className="button button--primary" onClick={() => void start()} aria-disabled={starting || undefined}>
            {starting ? t('account.totp.starting') : t('account.totp.start')}
          </button>
          {!me?.totpEnrolmentRequired && <p className="field__hint totp-note">{t('account.totp.restartNote')}</p>}
        </div>
      ) : (
        <section className="panel totp-setup" aria-labelledby="totp-steps-title">
          <h2 id="totp-steps-title" ref={stepsHeading} tabIndex={-1} className="visually-hidden">
            {t('account.totp.title')}
          </h2>
          <ol className="totp-steps">
            <li>{t('account.totp.step1')}</li>
            <li>
              <p>{t('account.totp.step2')}</p>
              <img
                className="totp-qr"
                src={setup.qrDataUrl}
                width={224}
                height={224}
                alt={t('account.totp.qrAlt', { username: me?.username ?? '' })}
              />
              <p>{t('account.totp.manual')}</p>
              <p className="totp-secret">
                <span className="visually-hidden">{t('account.totp.secretLabel')}: </span>
                <code className="secret" id="totp-secret" data-secret={setup.secret}>
                  {grouped(setup.secret)}
                </code>
              </p>
            </li>
            <li>
              <p>{t('account.totp.step3')}</p>
              <ErrorSummary
                errors={errors}
                attempt={attempt}
                title={t('account.totp.errorTitle')}
                fieldIds={FIELD_ID}
                fieldLabels={{ code: t('account.totp.code') }}
              />
              <form noValidate onSubmit={confirm} aria-busy={busy} aria-label={t('account.totp.step3')}>
                <TextField
                  id={FIELD_ID.code}
                  name="code"
                  label={t('account.totp.code')}
                  hint={t('account.totp.codeHint')}
                  errorPrefix={t('account.common.errorPrefix')}
                  errors={errors?.fields.code}
                  inputClassName="input--code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  required
                  value={code}
                  onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
                />
                <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
                  {busy ? t('account.totp.confirming') : t('account.totp.confirm')}
                </button>
              </form>
            </li>
          </ol>
        </section>
      )}
    </div>
  );
}
