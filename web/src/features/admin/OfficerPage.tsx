// One officer (/quan-tri/can-bo/:id): details (name, contact, home unit), roles per unit (grant,
// revoke), the account (disable or enable, password reset with a temporary password shown once,
// removal of a lost TOTP device) and the audit trail. Auditors see it read-only.
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
import { currentLanguage } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';
import { IDENTITY_PATHS } from '../../lib/identity-paths.ts';
import { hasPermission, useSession } from '../../lib/session.tsx';
import { useParams } from '../../router.tsx';
import { useUnits } from '../workspace/units.ts';
import { WorkspaceShell } from '../workspace/WorkspaceShell.tsx';
import { AuditTrail, isOfficer, moment, OfficerState, UnitOptions, type Officer } from './shared.tsx';
import { AccountPanel, RolesPanel } from './OfficerPanels.tsx';

export function OfficerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const language = currentLanguage();
  const { me } = useSession();
  const [outcome, setOutcome] = useState<ApiResult<Officer> | undefined>();
  const [auditVersion, setAuditVersion] = useState(0);
  const canRead = hasPermission(me, 'officer.read');

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
    <WorkspaceShell title={officer?.fullName ?? t('admin.officer.title')} permission="officer.read" back={{ to: IDENTITY_PATHS.officers, label: t('admin.officers.back') }}>
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
  const canManage = hasPermission(me, 'officer.manage');
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
        {canManage ? <DetailsForm officer={officer} onChange={onChange} /> : <ContactView officer={officer} />}
        <RolesPanel officer={officer} onChange={onChange} canManage={canManage} />
      </div>
      {canManage && <AccountPanel officer={officer} onChange={onChange} />}
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
