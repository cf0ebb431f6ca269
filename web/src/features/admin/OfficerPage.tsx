// One officer (/quan-tri/can-bo/:id): details (name, contact, home unit), roles per unit (grant,
// revoke), the account (disable or enable, password reset with a temporary password shown once,
// removal of a lost TOTP device) and the audit trail. Auditors see it read-only.
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import {
  ErrorSummary,
  errorsOfFailure,
  failureText,
  hasFormErrors,
  noErrors,
  SelectField,
  TextField,
  type FormErrors,
} from '../../components/forms.tsx';
import { Notice } from '../../components/Notice.tsx';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';
import { IDENTITY_PATHS } from '../../lib/identity-paths.ts';
import { hasRole, useSession } from '../../lib/session.tsx';
import { Link, useParams } from '../../router.tsx';
import { useUnits } from '../workspace/units.ts';
import { WorkspaceShell } from '../workspace/WorkspaceShell.tsx';
import { AuditTrail, isOfficer, moment, OfficerState, ROLES, UnitOptions, type Officer } from './shared.tsx';
import { roleLabel } from '../../lib/roles.ts';

export function OfficerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const language = currentLanguage();
  const { me } = useSession();
  const [outcome, setOutcome] = useState<ApiResult<Officer> | undefined>();
  const [auditVersion, setAuditVersion] = useState(0);
  const canRead = hasRole(me, 'admin', 'auditor');

  useEffect(() => {
    if (!canRead) return;
    let live = true;
    void requestJson(`/api/v1/admin/officers/${encodeURIComponent(id)}`, language, { accept: isOfficer }).then((o) => {
      if (live) setOutcome(o);
    });
    return () => {
      live = false;
    };
  }, [id, language, canRead]);

  const changed = useCallback((officer: Officer) => {
    setOutcome({ kind: 'ok', data: officer });
    setAuditVersion((v) => v + 1);
  }, []);

  const officer = outcome?.kind === 'ok' ? outcome.data : undefined;
  return (
    <WorkspaceShell title={officer?.fullName ?? t('admin.officer.title')} roles={['admin', 'auditor']} back={{ to: IDENTITY_PATHS.officers, label: t('admin.officers.back') }}>
      {!outcome ? (
        <p className="loading" role="status">
          {t('account.common.loading')}
        </p>
      ) : outcome.kind !== 'ok' ? (
        <Notice
          tone="error"
          title={outcome.kind === 'problem' && outcome.problem.status === 404 ? t('admin.officer.notFound') : t('account.common.loadFailedTitle')}
          live="alert"
        >
          <p>{failureText(t, outcome)}</p>
        </Notice>
      ) : (
        <OfficerDetail officer={outcome.data} onChange={changed} auditVersion={auditVersion} />
      )}
    </WorkspaceShell>
  );
}

function OfficerDetail({ officer, onChange, auditVersion }: { officer: Officer; onChange(o: Officer): void; auditVersion: number }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const units = useUnits();
  const isAdmin = hasRole(me, 'admin');
  const row = (label: string, value: ReactNode) => (
    <div className="kv__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <>
      <section className="panel" aria-labelledby="officer-summary-title">
        <h2 id="officer-summary-title">{t('admin.officer.summaryHeading')}</h2>
        <dl className="kv">
          {row(t('admin.officer.username'), officer.username)}
          {row(t('admin.officer.unit'), units.label(officer.unitId) || <span className="empty-value">—</span>)}
          {row(t('admin.officer.stateLabel'), <OfficerState officer={officer} />)}
          {row(t('admin.officer.totp'), officer.totpEnabled ? t('admin.officer.totpOn') : t('admin.officer.totpOff'))}
          {row(t('admin.officer.lastLogin'), officer.lastLoginAt ? moment(t, officer.lastLoginAt) : t('admin.officer.never'))}
          {row(t('admin.officer.createdAt'), moment(t, officer.createdAt))}
          {officer.lockedUntil && Date.parse(officer.lockedUntil) > Date.now() && row(t('admin.officer.lockedUntil'), moment(t, officer.lockedUntil))}
        </dl>
      </section>
      <div className="detail-grid section">
        {isAdmin ? <DetailsForm officer={officer} onChange={onChange} /> : <ContactView officer={officer} />}
        <RolesPanel officer={officer} onChange={onChange} canManage={isAdmin} />
      </div>
      {isAdmin && <AccountPanel officer={officer} onChange={onChange} />}
      <AuditTrail entity="officer" entityId={officer.id} version={auditVersion} />
    </>
  );
}

function ContactView({ officer }: { officer: Officer }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="officer-contact-title">
      <h2 id="officer-contact-title">{t('admin.officer.detailsHeading')}</h2>
      <dl className="kv">
        <div className="kv__row">
          <dt>{t('admin.officer.email')}</dt>
          <dd>{officer.email ?? '—'}</dd>
        </div>
        <div className="kv__row">
          <dt>{t('admin.officer.phone')}</dt>
          <dd>{officer.phone ?? '—'}</dd>
        </div>
      </dl>
    </section>
  );
}

const DETAIL_FIELDS = ['fullName', 'email', 'phone', 'unitId'] as const;
type DetailField = (typeof DETAIL_FIELDS)[number];
const DETAIL_ID = Object.fromEntries(DETAIL_FIELDS.map((f) => [f, `officer-${f}`])) as Record<DetailField, string>;

function DetailsForm({ officer, onChange }: { officer: Officer; onChange(o: Officer): void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const units = useUnits();
  const initial = useCallback(
    () => ({ fullName: officer.fullName, email: officer.email ?? '', phone: officer.phone ?? '', unitId: officer.unitId ?? '' }),
    [officer],
  );
  const [values, setValues] = useState<Record<DetailField, string>>(initial);
  const [errors, setErrors] = useState<FormErrors<DetailField> | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => setValues(initial()), [initial]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setSaved(false);
    const local = noErrors<DetailField>();
    if (!values.fullName.trim()) local.fields.fullName = [t('admin.unit.required')];
    if (hasFormErrors(local)) {
      setErrors(local);
      return;
    }
    const patch: Record<string, unknown> = {};
    if (values.fullName.trim() !== officer.fullName) patch.fullName = values.fullName.trim();
    if ((values.email.trim() || null) !== officer.email) patch.email = values.email.trim() || null;
    if ((values.phone.trim() || null) !== officer.phone) patch.phone = values.phone.trim() || null;
    if (values.unitId && values.unitId !== officer.unitId) patch.unitId = values.unitId;
    if (Object.keys(patch).length === 0) {
      setErrors(undefined);
      setSaved(true);
      return;
    }
    setBusy(true);
    try {
      const outcome = await requestJson(`/api/v1/admin/officers/${officer.id}`, language, { method: 'PATCH', body: patch, accept: isOfficer });
      if (outcome.kind === 'ok') {
        setErrors(undefined);
        setSaved(true);
        onChange(outcome.data);
      } else {
        setErrors(errorsOfFailure(t, outcome, DETAIL_FIELDS));
      }
    } finally {
      setBusy(false);
    }
  }

  const labels: Record<DetailField, string> = {
    fullName: t('admin.officer.fullName'),
    email: t('admin.officer.email'),
    phone: t('admin.officer.phone'),
    unitId: t('admin.officer.unit'),
  };
  const common = (field: DetailField) => ({
    id: DETAIL_ID[field],
    name: field,
    label: labels[field],
    errorPrefix: t('account.common.errorPrefix'),
    errors: errors?.fields[field],
    value: values[field],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value })),
  });
  return (
    <form className="panel" noValidate onSubmit={onSubmit} aria-busy={busy} aria-labelledby="officer-details-title">
      <h2 id="officer-details-title">{t('admin.officer.detailsHeading')}</h2>
      <ErrorSummary errors={errors} attempt={attempt} title={t('admin.officer.saveErrorTitle')} fieldIds={DETAIL_ID} fieldLabels={labels} />
      <div role="status">{saved && <p className="saved-note">{t('admin.officer.saved')}</p>}</div>
      <TextField {...common('fullName')} required autoComplete="off" />
      <TextField {...common('email')} type="email" optionalText={t('account.common.optional')} autoComplete="off" />
      <TextField {...common('phone')} type="tel" optionalText={t('account.common.optional')} autoComplete="off" inputClassName="input--medium" />
      <SelectField {...common('unitId')} hint={t('admin.officer.unitHint')}>
        {!officer.unitId && <option value="">—</option>}
        <UnitOptions units={units.flat} />
      </SelectField>
      <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
        {busy ? t('admin.common.saving') : t('admin.common.save')}
      </button>
    </form>
  );
}

function RolesPanel({ officer, onChange, canManage }: { officer: Officer; onChange(o: Officer): void; canManage: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const units = useUnits();
  const [role, setRole] = useState('receiver');
  const [unitId, setUnitId] = useState(officer.unitId ?? '');
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);

  async function grant(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !unitId) return;
    setBusy(true);
    try {
      const outcome = await requestJson(`/api/v1/admin/officers/${officer.id}/roles`, language, {
        method: 'POST',
        body: { role, unitId },
        accept: isOfficer,
      });
      if (outcome.kind === 'ok') {
        onChange(outcome.data);
        setMessage({ tone: 'success', text: t('admin.officer.granted', { role: roleLabel(role), unit: units.label(unitId) }) });
      } else {
        setMessage({ tone: 'error', text: failureText(t, outcome) });
      }
    } finally {
      setBusy(false);
    }
  }

  async function revoke(g: { role: string; unitId: string }) {
    const outcome = await requestJson(
      `/api/v1/admin/officers/${officer.id}/roles/${encodeURIComponent(g.unitId)}/${encodeURIComponent(g.role)}`,
      language,
      { method: 'DELETE', accept: isOfficer },
    );
    if (outcome.kind === 'ok') {
      onChange(outcome.data);
      setMessage({ tone: 'success', text: t('admin.officer.revoked', { role: roleLabel(g.role), unit: units.label(g.unitId) }) });
    } else {
      setMessage({ tone: 'error', text: failureText(t, outcome) });
    }
  }

  return (
    <section className="panel" aria-labelledby="officer-roles-title">
      <h2 id="officer-roles-title">{t('admin.officer.rolesHeading')}</h2>
      <div role="status">{message?.tone === 'success' && <p className="saved-note">{message.text}</p>}</div>
      <div role="alert">{message?.tone === 'error' && <p className="field__error">{message.text}</p>}</div>
      {officer.roles.length === 0 ? (
        <p className="muted">{t('admin.officer.noRoles')}</p>
      ) : (
        <ul className="grant-list" id="officer-roles">
          {officer.roles.map((g) => (
            <li key={`${g.unitId}-${g.role}`}>
              <span className="grant-list__what">
                <RoleBadge role={g.role} /> <span>{units.label(g.unitId)}</span>
              </span>
              {canManage && (
                <ConfirmButton
                  danger
                  label={t('admin.officer.revoke')}
                  question={t('admin.officer.revokeQuestion', { role: roleLabel(g.role), unit: units.label(g.unitId) })}
                  confirmLabel={t('admin.officer.revoke')}
                  cancelLabel={t('admin.common.cancel')}
                  onConfirm={() => revoke(g)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <form onSubmit={grant} aria-labelledby="officer-grant-title" aria-busy={busy}>
          <h3 id="officer-grant-title">{t('admin.officer.grantHeading')}</h3>
          <SelectField id="grant-role" label={t('admin.officer.grantRole')} errorPrefix={t('account.common.errorPrefix')} value={role} onChange={(e) => setRole(e.target.value)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </SelectField>
          <SelectField id="grant-unit" label={t('admin.officer.grantUnit')} hint={t('admin.officer.grantUnitHint')} errorPrefix={t('account.common.errorPrefix')} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">{t('admin.officer.chooseUnit')}</option>
            <UnitOptions units={units.flat} />
          </SelectField>
          <button type="submit" className="button button--secondary" aria-disabled={busy || !unitId || undefined}>
            {t('admin.officer.grant')}
          </button>
        </form>
      )}
    </section>
  );
}

function AccountPanel({ officer, onChange }: { officer: Officer; onChange(o: Officer): void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [temporary, setTemporary] = useState<string | undefined>();
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | undefined>();

  async function act(url: string, method: 'POST' | 'DELETE', done: string) {
    setMessage(undefined);
    const outcome = await requestJson(url, language, { method, accept: isOfficer });
    if (outcome.kind === 'ok') {
      onChange(outcome.data);
      setMessage({ tone: 'success', text: done });
    } else {
      setMessage({ tone: 'error', text: failureText(t, outcome) });
    }
  }

  async function resetPassword() {
    setMessage(undefined);
    setTemporary(undefined);
    const outcome = await requestJson<{ temporaryPassword?: string }>(`/api/v1/admin/officers/${officer.id}/password`, language, {
      method: 'POST',
      body: {},
    });
    if (outcome.kind === 'ok') {
      setTemporary(outcome.data.temporaryPassword);
      setMessage({ tone: 'success', text: t('admin.officer.passwordReset') });
      const again = await requestJson(`/api/v1/admin/officers/${officer.id}`, language, { accept: isOfficer });
      if (again.kind === 'ok') onChange(again.data);
    } else {
      setMessage({ tone: 'error', text: failureText(t, outcome) });
    }
  }

  const base = `/api/v1/admin/officers/${officer.id}`;
  return (
    <section className="panel section" aria-labelledby="officer-account-title">
      <h2 id="officer-account-title">{t('admin.officer.accountHeading')}</h2>
      <div role="status">{message?.tone === 'success' && <p className="saved-note">{message.text}</p>}</div>
      <div role="alert">{message?.tone === 'error' && <p className="field__error">{message.text}</p>}</div>
      {temporary && (
        <div className="once" id="temporary-password">
          <p>
            <strong>{t('admin.officer.temporaryTitle')}</strong>
          </p>
          <p>{t('admin.officer.temporaryText')}</p>
          <code>{temporary}</code>
        </div>
      )}
      <div className="account-actions">
        <div className="account-action">
          <h3>{t('admin.officer.passwordHeading')}</h3>
          <p className="field__hint">{t('admin.officer.passwordHint')}</p>
          <ConfirmButton
            label={t('admin.officer.resetPassword')}
            question={t('admin.officer.resetPasswordQuestion', { name: officer.fullName })}
            confirmLabel={t('admin.officer.resetPassword')}
            cancelLabel={t('admin.common.cancel')}
            onConfirm={resetPassword}
          />
        </div>
        {officer.totpEnabled && (
          <div className="account-action">
            <h3>{t('admin.officer.totp')}</h3>
            <p className="field__hint">{t('admin.officer.totpResetHint')}</p>
            <ConfirmButton
              danger
              label={t('admin.officer.resetTotp')}
              question={t('admin.officer.resetTotpQuestion', { name: officer.fullName })}
              confirmLabel={t('admin.officer.resetTotp')}
              cancelLabel={t('admin.common.cancel')}
              onConfirm={() => act(`${base}/totp`, 'DELETE', t('admin.officer.totpReset'))}
            />
          </div>
        )}
        <div className="account-action">
          <h3>{officer.disabled ? t('admin.officer.enableHeading') : t('admin.officer.disableHeading')}</h3>
          <p className="field__hint">{officer.disabled ? t('admin.officer.enableHint') : t('admin.officer.disableHint')}</p>
          {officer.disabled ? (
            <button type="button" className="button button--secondary" onClick={() => void act(`${base}/enable`, 'POST', t('admin.officer.enabled'))}>
              {t('admin.officer.enable')}
            </button>
          ) : (
            <ConfirmButton
              danger
              label={t('admin.officer.disable')}
              question={t('admin.officer.disableQuestion', { name: officer.fullName })}
              confirmLabel={t('admin.officer.disable')}
              cancelLabel={t('admin.common.cancel')}
              onConfirm={() => act(`${base}/disable`, 'POST', t('admin.officer.disabled'))}
            />
          )}
        </div>
      </div>
    </section>
  );
}
