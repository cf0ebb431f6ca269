// Panels of the officer page: the roles granted per unit (grant, revoke) and the account (disable
// or enable, password reset with a temporary password shown once, removal of a lost TOTP device).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { failureText, SelectField } from '../../components/forms.tsx';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { requestJson } from '../../lib/api.ts';
import { useUnits } from '../workspace/units.ts';
import { isOfficer, ROLES, UnitOptions, type Officer } from './shared.tsx';
import { roleLabel } from '../../lib/roles.ts';

export function RolesPanel({ officer, onChange, canManage }: { officer: Officer; onChange(o: Officer): void; canManage: boolean }) {
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

export function AccountPanel({ officer, onChange }: { officer: Officer; onChange(o: Officer): void }) {
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
