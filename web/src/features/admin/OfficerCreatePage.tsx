// Thêm cán bộ: a new officer account in a unit the administrator covers, with a first role, and
// either an initial password or an invitation (a link shown once, for the officer to set their
// own password).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, USERNAME_PATTERN } from '@server/contracts/identity.ts';
import {
  ErrorSummary,
  errorsOfFailure,
  hasFormErrors,
  noErrors,
  SelectField,
  TextField,
  type FormErrors,
} from '../../components/forms.tsx';
import { Notice } from '../../components/Notice.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { requestJson } from '../../lib/api.ts';
import { IDENTITY_PATHS, pathWith } from '../../lib/identity-paths.ts';
import { Link } from '../../router.tsx';
import { useUnits } from '../workspace/units.ts';
import { WorkspaceShell } from '../workspace/WorkspaceShell.tsx';
import { moment, ROLES, UnitOptions, type Officer } from './shared.tsx';
import { roleLabel } from '../../lib/roles.ts';

const FIELDS = ['username', 'fullName', 'email', 'phone', 'unitId', 'role', 'password'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_ID = Object.fromEntries(FIELDS.map((f) => [f, `new-officer-${f}`])) as Record<Field, string>;

interface Created {
  officer: Officer;
  invitation?: { token: string; url: string; expiresAt: string };
}

const isCreated = (body: unknown): body is Created =>
  typeof body === 'object' && body !== null && typeof (body as Created).officer?.id === 'string';

export function OfficerCreatePage() {
  const { t } = useTranslation();
  return (
    <WorkspaceShell title={t('admin.officerNew.title')} permission="officer.manage" back={{ to: IDENTITY_PATHS.officers, label: t('admin.officers.back') }}>
      <OfficerCreateForm />
    </WorkspaceShell>
  );
}

function OfficerCreateForm() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const units = useUnits();
  const [values, setValues] = useState<Record<Field, string>>({
    username: '',
    fullName: '',
    email: '',
    phone: '',
    unitId: '',
    role: 'receiver',
    password: '',
  });
  const [mode, setMode] = useState<'invitation' | 'password'>('invitation');
  const [errors, setErrors] = useState<FormErrors<Field> | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | undefined>();

  const set = (field: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const local = noErrors<Field>();
    if (!USERNAME_PATTERN.test(values.username.trim().toLowerCase())) local.fields.username = [t('admin.officer.usernameFormat')];
    if (!values.fullName.trim()) local.fields.fullName = [t('admin.unit.required')];
    if (!values.unitId) local.fields.unitId = [t('admin.officer.unitRequired')];
    if (mode === 'password' && values.password.length < PASSWORD_MIN_LENGTH) local.fields.password = [t('account.invitation.passwordShort', { min: PASSWORD_MIN_LENGTH })];
    if (hasFormErrors(local)) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const outcome = await requestJson('/api/v1/admin/officers', language, {
        method: 'POST',
        accept: isCreated,
        body: {
          username: values.username.trim().toLowerCase(),
          fullName: values.fullName.trim(),
          ...(values.email.trim() ? { email: values.email.trim() } : {}),
          ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
          unitId: values.unitId,
          ...(mode === 'password' ? { password: values.password } : {}),
          roles: values.role ? [{ role: values.role, unitId: values.unitId }] : [],
        },
      });
      if (outcome.kind === 'ok') {
        setErrors(undefined);
        setCreated(outcome.data);
      } else {
        setErrors(errorsOfFailure(t, outcome, FIELDS));
      }
    } finally {
      setBusy(false);
    }
  }

  if (created) {
    return (
      <Notice tone="success" title={t('admin.officerNew.doneTitle', { name: created.officer.fullName })} live="status" id="officer-created">
        <p>{t('admin.officerNew.doneText', { username: created.officer.username })}</p>
        {created.invitation && (
          <div className="once">
            <p>
              <strong>{t('admin.officerNew.invitationTitle')}</strong>
            </p>
            <p>{t('admin.officerNew.invitationText', { expires: moment(t, created.invitation.expiresAt) })}</p>
            <code id="invitation-url">{created.invitation.url}</code>
          </div>
        )}
        <p className="section">
          <Link to={pathWith(IDENTITY_PATHS.officer, { id: created.officer.id })}>{t('admin.officerNew.open')}</Link>
        </p>
      </Notice>
    );
  }

  const labels: Record<Field, string> = {
    username: t('admin.officer.username'),
    fullName: t('admin.officer.fullName'),
    email: t('admin.officer.email'),
    phone: t('admin.officer.phone'),
    unitId: t('admin.officer.unit'),
    role: t('admin.officerNew.role'),
    password: t('admin.officerNew.password'),
  };
  const common = (field: Field) => ({
    id: FIELD_ID[field],
    name: field,
    label: labels[field],
    errorPrefix: t('account.common.errorPrefix'),
    errors: errors?.fields[field],
    value: values[field],
    onChange: set(field),
  });

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} title={t('admin.officerNew.errorTitle')} fieldIds={FIELD_ID} fieldLabels={labels} />
      <form className="panel form-medium" noValidate onSubmit={onSubmit} aria-busy={busy} aria-label={t('admin.officerNew.title')}>
        <TextField {...common('fullName')} required autoComplete="off" />
        <TextField
          {...common('username')}
          hint={t('admin.officer.usernameHint')}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          inputClassName="input--medium"
        />
        <TextField {...common('email')} type="email" optionalText={t('account.common.optional')} autoComplete="off" />
        <TextField {...common('phone')} type="tel" optionalText={t('account.common.optional')} autoComplete="off" inputClassName="input--medium" />
        <SelectField {...common('unitId')} hint={t('admin.officer.unitHint')} required>
          <option value="">{t('admin.officer.chooseUnit')}</option>
          <UnitOptions units={units.flat} />
        </SelectField>
        <SelectField {...common('role')} hint={t('admin.officerNew.roleHint')}>
          <option value="">{t('admin.officerNew.noRole')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </SelectField>
        <fieldset className="fieldset">
          <legend>{t('admin.officerNew.passwordMode')}</legend>
          <div className="radio-option">
            <input
              type="radio"
              id="new-officer-mode-invitation"
              name="mode"
              checked={mode === 'invitation'}
              onChange={() => setMode('invitation')}
              aria-describedby="new-officer-mode-invitation-hint"
            />
            <label htmlFor="new-officer-mode-invitation">{t('admin.officerNew.modeInvitation')}</label>
            <p className="field__hint" id="new-officer-mode-invitation-hint">
              {t('admin.officerNew.modeInvitationHint')}
            </p>
          </div>
          <div className="radio-option">
            <input
              type="radio"
              id="new-officer-mode-password"
              name="mode"
              checked={mode === 'password'}
              onChange={() => setMode('password')}
            />
            <label htmlFor="new-officer-mode-password">{t('admin.officerNew.modePassword')}</label>
          </div>
        </fieldset>
        {mode === 'password' && (
          <TextField {...common('password')} type="password" hint={t('account.invitation.passwordHint', { min: PASSWORD_MIN_LENGTH })} required autoComplete="new-password" />
        )}
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {busy ? t('admin.common.saving') : t('admin.officerNew.submit')}
        </button>
      </form>
    </>
  );
}
