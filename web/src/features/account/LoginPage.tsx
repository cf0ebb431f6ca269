// Đăng nhập: citizens and organizations go to the national SSO (VNeID, level 2); officers log in
// here with a username and password, and a TOTP code when their account has one (administrators).
// The code field appears when the server asks for it (problem `totp_required`).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { OfficerSession as OfficerSessionSchema } from '@server/modules/identity/schema.ts';
import { ErrorSummary, errorsOfFailure, hasFormErrors, noErrors, TextField, type FormErrors } from '../../components/forms.tsx';
import { Notice } from '../../components/Notice.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { requestJson } from '../../lib/api.ts';
import { IDENTITY_PATHS, safeReturnPath, vneidLoginUrl } from '../../lib/identity-paths.ts';
import { useSession } from '../../lib/session.tsx';
import { Link, useRouter } from '../../router.tsx';
import '../../components/components.css';
import './account.css';

const FIELDS = ['username', 'password', 'totp'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_ID: Record<Field, string> = { username: 'officer-username', password: 'officer-password', totp: 'officer-totp' };

/** The answer of POST /auth/officer/login (the identity module's schema). */
type OfficerSession = z.infer<typeof OfficerSessionSchema>;

const isOfficerSession = (body: unknown): body is OfficerSession =>
  typeof body === 'object' && body !== null && typeof (body as { totpEnrolmentRequired?: unknown }).totpEnrolmentRequired === 'boolean';

export function LoginPage() {
  const { t } = useTranslation();
  const { me, refresh } = useSession();
  const { navigate } = useRouter();
  const returnTo = safeReturnPath(new URLSearchParams(window.location.search).get('returnTo'));

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [errors, setErrors] = useState<FormErrors<Field> | undefined>();
  const [attempt, setAttempt] = useState(0);
  const totpInput = useRef<HTMLInputElement>(null);
  const focusTotp = useRef(false);

  useEffect(() => {
    if (askTotp && focusTotp.current) {
      focusTotp.current = false;
      totpInput.current?.focus();
    }
  }, [askTotp, attempt]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const local = noErrors<Field>();
    if (username.trim() === '') local.fields.username = [t('account.login.usernameRequired')];
    if (password === '') local.fields.password = [t('account.login.passwordRequired')];
    if (askTotp && !/^\d{6}$/.test(totp.trim())) local.fields.totp = [t('account.login.totpFormat')];
    if (hasFormErrors(local)) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const outcome = await requestJson('/auth/officer/login', currentLanguage(), {
        method: 'POST',
        body: { username: username.trim(), password, ...(askTotp ? { totp: totp.trim() } : {}) },
        accept: isOfficerSession,
      });
      if (outcome.kind === 'ok') {
        setErrors(undefined);
        setDone(true);
        await refresh();
        navigate(outcome.data.totpEnrolmentRequired ? IDENTITY_PATHS.totp : (returnTo ?? IDENTITY_PATHS.workspace));
        return;
      }
      if (outcome.kind === 'problem' && outcome.problem.code === 'totp_required') {
        const wasAsked = askTotp;
        setAskTotp(true);
        setTotp('');
        focusTotp.current = true;
        // The first time it is a step of the login, not an error; a wrong code is an error.
        setErrors(wasAsked ? { fields: { totp: [outcome.problem.detail ?? outcome.problem.title] }, general: [] } : undefined);
        return;
      }
      if (outcome.kind === 'problem' && outcome.problem.code === 'invalid_credentials') setPassword('');
      setErrors(errorsOfFailure(t, outcome, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const labels: Record<Field, string> = {
    username: t('account.login.username'),
    password: t('account.login.password'),
    totp: t('account.login.totp'),
  };
  const errorPrefix = t('account.common.errorPrefix');

  return (
    <div className="page page--login">
      <h1 tabIndex={-1}>{t('account.login.title')}</h1>
      <p className="lead">{t('account.login.intro')}</p>

      {me && !done && (
        <Notice tone="info" title={t('account.login.alreadyTitle')}>
          <p>{t('account.login.alreadyText', { name: me.fullName })}</p>
          <p>
            <Link to={me.kind === 'officer' ? IDENTITY_PATHS.workspace : me.kind === 'organization' ? IDENTITY_PATHS.organization : IDENTITY_PATHS.profile}>
              {me.kind === 'officer' ? t('account.login.continueWorkspace') : t('account.login.continueProfile')}
            </Link>
          </p>
        </Notice>
      )}

      <div className="login-options">
        <section className="panel login-option login-option--citizen" aria-labelledby="login-citizen-title">
          <h2 id="login-citizen-title">{t('account.login.citizenHeading')}</h2>
          <p>{t('account.login.citizenText')}</p>
          <a className="button button--primary button--vneid" href={vneidLoginUrl(returnTo ?? IDENTITY_PATHS.profile)}>
            <svg className="vneid-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M12 2l8 3v6c0 5-3.4 9.4-8 11-4.6-1.6-8-6-8-11V5z" fill="none" stroke="currentColor" strokeWidth="2" />
              <path d="M8.5 12l2.5 2.5 4.5-5" fill="none" stroke="currentColor" strokeWidth="2" />
            </svg>
            {t('account.login.vneid')}
          </a>
          <p className="field__hint login-option__note">{t('account.login.vneidNote')}</p>
        </section>

        <section className="panel login-option" aria-labelledby="login-officer-title">
          <h2 id="login-officer-title">{t('account.login.officerHeading')}</h2>
          <p>{t('account.login.officerText')}</p>
          <ErrorSummary
            errors={errors}
            attempt={attempt}
            title={t('account.login.errorTitle')}
            fieldIds={FIELD_ID}
            fieldLabels={labels}
          />
          <div role="status">
            {askTotp && !errors && (
              <Notice tone="info" id="totp-prompt">
                <p>{t('account.login.totpNeeded')}</p>
              </Notice>
            )}
          </div>
          <form noValidate onSubmit={onSubmit} aria-labelledby="login-officer-title" aria-busy={busy}>
            <TextField
              id={FIELD_ID.username}
              name="username"
              label={labels.username}
              errorPrefix={errorPrefix}
              errors={errors?.fields.username}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
            <TextField
              id={FIELD_ID.password}
              name="password"
              type="password"
              label={labels.password}
              errorPrefix={errorPrefix}
              errors={errors?.fields.password}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            {askTotp && (
              <TextField
                ref={totpInput}
                id={FIELD_ID.totp}
                name="totp"
                label={labels.totp}
                hint={t('account.login.totpHint')}
                errorPrefix={errorPrefix}
                errors={errors?.fields.totp}
                inputClassName="input--code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={6}
                required
                value={totp}
                onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
              />
            )}
            <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
              {busy ? t('account.login.submitting') : t('account.login.submit')}
            </button>
          </form>
          <p className="visually-hidden" role="status">
            {done ? t('account.login.success') : ''}
          </p>
        </section>
      </div>
    </div>
  );
}
