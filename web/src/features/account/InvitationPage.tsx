// Kích hoạt tài khoản: an invited officer sets a first password with the invitation an
// administrator handed them (/kich-hoat-tai-khoan#token=…: the token stays in the fragment, so it
// never reaches a server log), through POST /auth/officer/invitation.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '@server/contracts/identity.ts';
import { ErrorSummary, errorsOfFailure, hasFormErrors, noErrors, TextField, type FormErrors } from '../../components/forms.tsx';
import { Notice } from '../../components/Notice.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { requestJson } from '../../lib/api.ts';
import { IDENTITY_PATHS } from '../../lib/identity-paths.ts';
import { Link } from '../../router.tsx';
import '../../components/components.css';
import './account.css';

const FIELDS = ['password', 'confirm'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_ID: Record<Field, string> = { password: 'invitation-password', confirm: 'invitation-confirm' };

const tokenOfHash = () => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';

const isAccepted = (body: unknown): body is { username: string } =>
  typeof body === 'object' && body !== null && typeof (body as { username?: unknown }).username === 'string';

export function InvitationPage() {
  const { t } = useTranslation();
  const [token] = useState(tokenOfHash);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<Field> | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [username, setUsername] = useState<string | undefined>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const local = noErrors<Field>();
    if (password.length < PASSWORD_MIN_LENGTH) local.fields.password = [t('account.invitation.passwordShort', { min: PASSWORD_MIN_LENGTH })];
    if (confirm !== password) local.fields.confirm = [t('account.invitation.confirmMismatch')];
    if (hasFormErrors(local)) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const outcome = await requestJson('/auth/officer/invitation', currentLanguage(), {
        method: 'POST',
        body: { token, password },
        accept: isAccepted,
      });
      if (outcome.kind === 'ok') {
        setErrors(undefined);
        setUsername(outcome.data.username);
        // The token is used: take it out of the address bar and the history entry.
        window.history.replaceState(null, '', window.location.pathname);
      } else {
        setErrors(errorsOfFailure(t, outcome, FIELDS));
      }
    } finally {
      setBusy(false);
    }
  }

  const labels: Record<Field, string> = { password: t('account.invitation.password'), confirm: t('account.invitation.confirm') };
  return (
    <div className="page page--invitation">
      <h1 tabIndex={-1}>{t('account.invitation.title')}</h1>
      {username ? (
        <Notice tone="success" title={t('account.invitation.doneTitle')} live="status">
          <p>{t('account.invitation.doneText', { username })}</p>
          <p>
            <Link to={IDENTITY_PATHS.login}>{t('account.header.login')}</Link>
          </p>
        </Notice>
      ) : !/^[A-Za-z0-9_-]{20,200}$/.test(token) ? (
        <Notice tone="error" title={t('account.invitation.invalidTitle')}>
          <p>{t('account.invitation.invalidText')}</p>
        </Notice>
      ) : (
        <>
          <p className="lead">{t('account.invitation.intro')}</p>
          <ErrorSummary errors={errors} attempt={attempt} title={t('account.invitation.errorTitle')} fieldIds={FIELD_ID} fieldLabels={labels} />
          <form className="panel form-narrow" noValidate onSubmit={onSubmit} aria-busy={busy} aria-label={t('account.invitation.title')}>
            <TextField
              id={FIELD_ID.password}
              name="password"
              type="password"
              label={labels.password}
              hint={t('account.invitation.passwordHint', { min: PASSWORD_MIN_LENGTH })}
              errorPrefix={t('account.common.errorPrefix')}
              errors={errors?.fields.password}
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <TextField
              id={FIELD_ID.confirm}
              name="confirm"
              type="password"
              label={labels.confirm}
              errorPrefix={t('account.common.errorPrefix')}
              errors={errors?.fields.confirm}
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
            <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
              {busy ? t('account.invitation.submitting') : t('account.invitation.submit')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
