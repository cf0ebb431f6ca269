// Xác minh thông tin công dân: an officer checks an applicant's personal ID, name and birth date
// against the National Population Database (POST /api/v1/population/verify), for a stated
// purpose, acting for the unit chosen in the unit switcher. The answer is per field (match or
// not); the record itself is never shown. When the database is down: verify manually.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyResponse } from '@server/modules/population/schema.ts';
import { DateField, ErrorSummary, errorsOfFailure, hasFormErrors, noErrors, SelectField, TextField, type FormErrors } from '../../components/forms.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { requestJson } from '../../lib/api.ts';
import { formatMoment, vnMoment } from '../../lib/datetime.ts';
import { rolesIn, useSession } from '../../lib/session.tsx';
import type { Purpose } from './purposes.ts';
import { WorkspaceShell } from './WorkspaceShell.tsx';

/** The answer of POST /api/v1/population/verify (the population module's schema). */
type VerifyResult = VerifyResponse;

const isPurposes = (body: unknown): body is Purpose[] => Array.isArray(body);
const isResult = (body: unknown): body is VerifyResult =>
  typeof body === 'object' && body !== null && typeof (body as VerifyResult).status === 'string' && Array.isArray((body as VerifyResult).fields);

const FIELDS = ['personalId', 'fullName', 'birthDate', 'birthYear', 'purpose', 'dossierRef'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_ID = Object.fromEntries(FIELDS.map((f) => [f, `verify-${f}`])) as Record<Field, string>;

export function VerifyPage() {
  const { t } = useTranslation();
  return (
    <WorkspaceShell title={t('workspace.verify.title')} intro={t('workspace.verify.intro')} permission="population.verify">
      <VerifyForm />
    </WorkspaceShell>
  );
}

function VerifyForm() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { me, activeUnitId } = useSession();
  const [purposes, setPurposes] = useState<Purpose[]>([]);
  const [values, setValues] = useState<Record<Field, string>>({
    personalId: '',
    fullName: '',
    birthDate: '',
    birthYear: '',
    purpose: '',
    dossierRef: '',
  });
  const [errors, setErrors] = useState<FormErrors<Field> | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VerifyResult | undefined>();

  useEffect(() => {
    let live = true;
    void requestJson('/api/v1/population/purposes', language, { accept: isPurposes }).then((outcome) => {
      if (!live || outcome.kind !== 'ok') return;
      const usable = outcome.data.filter((p) => p.actorKind === 'officer' && p.active);
      setPurposes(usable);
      setValues((v) => (v.purpose || !usable[0] ? v : { ...v, purpose: usable[0].code }));
    });
    return () => {
      live = false;
    };
  }, [language]);

  const purpose = purposes.find((p) => p.code === values.purpose);
  const set = (field: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));
  // The unit acted for: the chosen unit when the officer verifies there; else the server's default.
  const unitId = rolesIn(me, activeUnitId).some((r) => r === 'receiver' || r === 'specialist') ? activeUnitId : undefined;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const local = noErrors<Field>();
    if (!/^\d{12}$/.test(values.personalId.trim())) local.fields.personalId = [t('workspace.verify.personalIdFormat')];
    if (values.fullName.trim().length < 2) local.fields.fullName = [t('workspace.verify.fullNameRequired')];
    if (!values.birthDate && !values.birthYear.trim()) local.fields.birthDate = [t('workspace.verify.birthRequired')];
    else if (values.birthDate && !/^\d{4}-\d{2}-\d{2}$/.test(values.birthDate)) local.fields.birthDate = [t('workspace.verify.birthDateFormat')];
    if (values.birthYear.trim() && !/^\d{4}$/.test(values.birthYear.trim())) local.fields.birthYear = [t('workspace.verify.birthYearFormat')];
    if (!values.purpose) local.fields.purpose = [t('workspace.verify.purposeRequired')];
    if (purpose?.requiresDossierRef && !values.dossierRef.trim()) local.fields.dossierRef = [t('workspace.verify.dossierRequired')];
    if (hasFormErrors(local)) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const outcome = await requestJson('/api/v1/population/verify', language, {
        method: 'POST',
        accept: isResult,
        body: {
          personalId: values.personalId.trim(),
          fullName: values.fullName.trim(),
          ...(values.birthDate ? { birthDate: values.birthDate } : { birthYear: Number(values.birthYear.trim()) }),
          purpose: values.purpose,
          ...(values.dossierRef.trim() ? { dossierRef: values.dossierRef.trim() } : {}),
          ...(unitId ? { unitId } : {}),
        },
      });
      if (outcome.kind === 'ok') {
        setErrors(undefined);
        setResult(outcome.data);
      } else {
        setResult(undefined);
        setErrors(errorsOfFailure(t, outcome, FIELDS));
      }
    } finally {
      setBusy(false);
    }
  }

  const labels: Record<Field, string> = {
    personalId: t('workspace.verify.personalId'),
    fullName: t('workspace.verify.fullName'),
    birthDate: t('workspace.verify.birthDate'),
    birthYear: t('workspace.verify.birthYear'),
    purpose: t('workspace.verify.purpose'),
    dossierRef: t('workspace.verify.dossierRef'),
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
  const checked = result ? vnMoment(result.checkedAt) : undefined;

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} title={t('workspace.verify.errorTitle')} fieldIds={FIELD_ID} fieldLabels={labels} />
      <div className="verify-layout">
        <form className="panel" noValidate onSubmit={onSubmit} aria-busy={busy} aria-labelledby="verify-form-title">
          <h2 id="verify-form-title">{t('workspace.verify.formHeading')}</h2>
          <TextField {...common('personalId')} inputMode="numeric" maxLength={12} autoComplete="off" required inputClassName="input--medium" />
          <TextField {...common('fullName')} autoComplete="off" required />
          <DateField
            id={FIELD_ID.birthDate}
            name="birthDate"
            label={labels.birthDate}
            errorPrefix={t('account.common.errorPrefix')}
            errors={errors?.fields.birthDate}
            value={values.birthDate}
            onValue={(v) => setValues((old) => ({ ...old, birthDate: v }))}
            hint={t('workspace.verify.birthDateHint')}
            inputClassName="input--medium"
          />
          <TextField {...common('birthYear')} inputMode="numeric" maxLength={4} optionalText={t('account.common.optional')} inputClassName="input--short" />
          <SelectField {...common('purpose')} hint={purpose?.legalBasis ?? undefined} required>
            {purposes.map((p) => (
              <option key={p.code} value={p.code}>
                {language === 'en' ? p.nameEn : p.nameVi}
              </option>
            ))}
          </SelectField>
          <TextField
            {...common('dossierRef')}
            autoComplete="off"
            {...(purpose?.requiresDossierRef ? { required: true } : { optionalText: t('account.common.optional') })}
          />
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy ? t('workspace.verify.submitting') : t('workspace.verify.submit')}
          </button>
        </form>

        <section className="panel" aria-labelledby="verify-result-title" aria-live="polite" aria-busy={busy}>
          <h2 id="verify-result-title">{t('workspace.verify.resultHeading')}</h2>
          {result ? (
            <>
              <p className={`verify-status verify-status--${result.status}`} id="verify-status">
                {t(`workspace.verify.status.${result.status}`)}
              </p>
              {result.status === 'unavailable' && <p>{result.detail ?? t('workspace.verify.manual')}</p>}
              {result.fields.length > 0 && (
                <ul className="check-list">
                  {result.fields.map((f) => (
                    <li key={f.field}>
                      <CheckMark ok={f.match} />
                      <span>
                        {labels[f.field]}:{' '}
                        <strong>{f.match ? t('workspace.verify.fieldMatch') : t('workspace.verify.fieldMismatch')}</strong>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <p className="muted">
                {t('workspace.verify.source', { source: result.source })}{' '}
                {checked && <time dateTime={result.checkedAt}>{formatMoment(t, checked)}</time>}
                <br />
                {t('workspace.verify.requestId', { id: result.requestId })}
              </p>
            </>
          ) : (
            <p className="result-placeholder">{t('workspace.verify.placeholder')}</p>
          )}
        </section>
      </div>
    </>
  );
}

function CheckMark({ ok }: { ok: boolean }) {
  return ok ? (
    <svg className="check-mark check-mark--ok" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d="M4 10.5l4 4 8-9" fill="none" stroke="currentColor" strokeWidth="2.5" />
    </svg>
  ) : (
    <svg className="check-mark check-mark--bad" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d="M5 5l10 10M15 5L5 15" fill="none" stroke="currentColor" strokeWidth="2.5" />
    </svg>
  );
}
