// One unit: a new one (/quan-tri/don-vi/them-moi) or an existing one (/quan-tri/don-vi/:id) —
// names, agency electronic ID, kind, parent unit, order; deactivation and reactivation; its audit
// trail. Auditors see the same page read-only.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
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
import { currentLanguage } from '../../i18n/index.ts';
import { requestJson } from '../../lib/api.ts';
import { setFlash, useFlash } from '../../lib/flash.ts';
import { IDENTITY_PATHS, pathWith } from '../../lib/identity-paths.ts';
import { hasPermission, useSession } from '../../lib/session.tsx';
import { useParams, useRouter } from '../../router.tsx';
import { invalidateUnits, unitName, useUnits, type Unit } from '../workspace/units.ts';
import { WorkspaceShell } from '../workspace/WorkspaceShell.tsx';
import { AuditTrail, UNIT_KINDS, UnitOptions } from './shared.tsx';

const FIELDS = ['id', 'parentId', 'agencyCode', 'nameVi', 'nameEn', 'kind', 'sortOrder'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_ID = Object.fromEntries(FIELDS.map((f) => [f, `unit-${f}`])) as Record<Field, string>;
type Values = Record<Field, string>;

const isUnit = (body: unknown): body is Unit =>
  typeof body === 'object' && body !== null && typeof (body as Unit).id === 'string' && typeof (body as Unit).nameVi === 'string';

const valuesOf = (u: Unit): Values => ({
  id: u.id,
  parentId: u.parentId ?? '',
  agencyCode: u.agencyCode,
  nameVi: u.nameVi,
  nameEn: u.nameEn,
  kind: u.kind,
  sortOrder: String(u.sortOrder),
});

export function UnitFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const units = useUnits();
  const language = currentLanguage();
  const unit = id ? units.byId.get(id) : undefined;
  const title = id ? (unit ? unitName(unit, language) : t('admin.unit.title')) : t('admin.unit.newTitle');
  return (
    <WorkspaceShell title={title} permission={id ? 'unit.read' : 'unit.manage'} back={{ to: IDENTITY_PATHS.units, label: t('admin.units.back') }}>
      {units.status === 'failed' && units.failure ? (
        <Notice tone="error" title={t('account.common.loadFailedTitle')} live="alert">
          <p>{failureText(t, units.failure)}</p>
        </Notice>
      ) : units.status !== 'ok' ? (
        <p className="loading" role="status">
          {t('account.common.loading')}
        </p>
      ) : id && !unit ? (
        <Notice tone="error" title={t('admin.unit.notFoundTitle')}>
          <p>{t('admin.unit.notFoundText', { id })}</p>
        </Notice>
      ) : (
        <UnitForm key={unit?.id ?? 'new'} unit={unit} />
      )}
    </WorkspaceShell>
  );
}

function UnitForm({ unit }: { unit: Unit | undefined }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { me } = useSession();
  const { path, navigate } = useRouter();
  const units = useUnits();
  const flash = useFlash(path);
  const canManage = hasPermission(me, 'unit.manage');
  const [values, setValues] = useState<Values>(() =>
    unit ? valuesOf(unit) : { id: '', parentId: units.roots[0]?.id ?? '', agencyCode: '', nameVi: '', nameEn: '', kind: 'division', sortOrder: '' },
  );
  const [errors, setErrors] = useState<FormErrors<Field> | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | undefined>(flash);
  const [stateError, setStateError] = useState<string | undefined>();
  const [auditVersion, setAuditVersion] = useState(0);

  useEffect(() => {
    if (unit) setValues(valuesOf(unit));
  }, [unit]);

  const set = (field: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setSaved(undefined);
    const local = noErrors<Field>();
    if (!unit && !/^[a-z0-9-]{2,64}$/.test(values.id)) local.fields.id = [t('admin.unit.idFormat')];
    if (!values.agencyCode.trim()) local.fields.agencyCode = [t('admin.unit.required')];
    if (!values.nameVi.trim()) local.fields.nameVi = [t('admin.unit.required')];
    if (!values.nameEn.trim()) local.fields.nameEn = [t('admin.unit.required')];
    if (values.sortOrder.trim() && !/^\d{1,6}$/.test(values.sortOrder.trim())) local.fields.sortOrder = [t('admin.unit.sortOrderFormat')];
    if (hasFormErrors(local)) {
      setErrors(local);
      return;
    }
    const full = {
      parentId: values.parentId || null,
      agencyCode: values.agencyCode.trim(),
      nameVi: values.nameVi.trim(),
      nameEn: values.nameEn.trim(),
      kind: values.kind,
      ...(values.sortOrder.trim() ? { sortOrder: Number(values.sortOrder.trim()) } : {}),
    };
    // An update sends what changed only (moving a unit needs more rights than renaming it).
    const body = unit
      ? Object.fromEntries(
          Object.entries(full).filter(([k, v]) => v !== (k === 'sortOrder' ? unit.sortOrder : (unit as unknown as Record<string, unknown>)[k])),
        )
      : { id: values.id, ...full };
    setBusy(true);
    try {
      const outcome = await requestJson(unit ? `/api/v1/admin/units/${encodeURIComponent(unit.id)}` : '/api/v1/admin/units', language, {
        method: unit ? 'PATCH' : 'POST',
        body,
        accept: isUnit,
      });
      if (outcome.kind !== 'ok') {
        setErrors(errorsOfFailure(t, outcome, FIELDS));
        return;
      }
      setErrors(undefined);
      invalidateUnits();
      if (unit) {
        setSaved(t('admin.unit.saved'));
        setAuditVersion((v) => v + 1);
      } else {
        const target = pathWith(IDENTITY_PATHS.unit, { id: outcome.data.id });
        setFlash(target, t('admin.unit.created', { name: unitName(outcome.data, language) }));
        navigate(target);
      }
    } finally {
      setBusy(false);
    }
  }

  async function setActive(active: boolean) {
    if (!unit) return;
    setStateError(undefined);
    setSaved(undefined);
    const outcome = await requestJson(`/api/v1/admin/units/${encodeURIComponent(unit.id)}/${active ? 'activate' : 'deactivate'}`, language, {
      method: 'POST',
      accept: isUnit,
    });
    if (outcome.kind === 'ok') {
      invalidateUnits();
      setSaved(active ? t('admin.unit.activated') : t('admin.unit.deactivated'));
      setAuditVersion((v) => v + 1);
    } else {
      setStateError(failureText(t, outcome));
    }
  }

  const labels: Record<Field, string> = {
    id: t('admin.unit.id'),
    parentId: t('admin.unit.parent'),
    agencyCode: t('admin.unit.agencyCode'),
    nameVi: t('admin.unit.nameVi'),
    nameEn: t('admin.unit.nameEn'),
    kind: t('admin.unit.kindLabel'),
    sortOrder: t('admin.unit.sortOrder'),
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
  // A unit cannot move below itself or its own sub-units.
  const parentChoices = units.flat.filter((u) => {
    if (!unit) return true;
    let current: string | null | undefined = u.id;
    while (current) {
      if (current === unit.id) return false;
      current = units.byId.get(current)?.parentId;
    }
    return true;
  });

  if (unit && !canManage) {
    return (
      <>
        <ReadOnlyUnit unit={unit} />
        <AuditTrail entity="unit" entityId={unit.id} version={auditVersion} />
      </>
    );
  }

  return (
    <>
      <div role="status">{saved && <Notice tone="success"><p>{saved}</p></Notice>}</div>
      <ErrorSummary errors={errors} attempt={attempt} title={t('admin.unit.errorTitle')} fieldIds={FIELD_ID} fieldLabels={labels} />
      <div className="detail-grid">
        <form className="panel" noValidate onSubmit={onSubmit} aria-busy={busy} aria-labelledby="unit-form-title">
          <h2 id="unit-form-title">{unit ? t('admin.unit.editHeading') : t('admin.unit.newHeading')}</h2>
          {!unit && (
            <TextField
              {...common('id')}
              hint={t('admin.unit.idHint')}
              required
              autoCapitalize="none"
              spellCheck={false}
              inputClassName="input--medium"
              onChange={(e) => setValues((v) => ({ ...v, id: e.target.value.toLowerCase() }))}
            />
          )}
          <TextField {...common('nameVi')} required lang="vi" />
          <TextField {...common('nameEn')} required lang="en" />
          <TextField {...common('agencyCode')} hint={t('admin.unit.agencyCodeHint')} required inputClassName="input--medium" />
          <SelectField {...common('kind')}>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.unit.kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField {...common('parentId')} hint={t('admin.unit.parentHint')}>
            <option value="">{t('admin.unit.noParent')}</option>
            <UnitOptions units={parentChoices} />
          </SelectField>
          <TextField
            {...common('sortOrder')}
            hint={t('admin.unit.sortOrderHint')}
            optionalText={t('account.common.optional')}
            inputMode="numeric"
            inputClassName="input--short"
          />
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy ? t('admin.common.saving') : unit ? t('admin.common.save') : t('admin.unit.create')}
          </button>
        </form>

        {unit && (
          <section className="panel" aria-labelledby="unit-state-title">
            <h2 id="unit-state-title">{t('admin.unit.stateHeading')}</h2>
            <p>
              {unit.active ? (
                <span className="state state--ok">{t('admin.unit.active')}</span>
              ) : (
                <span className="state state--off">{t('admin.unit.inactive')}</span>
              )}
            </p>
            <p className="field__hint">{unit.active ? t('admin.unit.deactivateHint') : t('admin.unit.activateHint')}</p>
            <div role="alert">{stateError && <p className="field__error">{stateError}</p>}</div>
            {unit.active ? (
              <ConfirmButton
                danger
                label={t('admin.unit.deactivate')}
                question={t('admin.unit.deactivateQuestion', { name: unitName(unit, language) })}
                confirmLabel={t('admin.unit.deactivate')}
                cancelLabel={t('admin.common.cancel')}
                onConfirm={() => setActive(false)}
              />
            ) : (
              <button type="button" className="button button--secondary" onClick={() => void setActive(true)}>
                {t('admin.unit.activate')}
              </button>
            )}
          </section>
        )}
      </div>
      {unit && <AuditTrail entity="unit" entityId={unit.id} version={auditVersion} />}
    </>
  );
}

function ReadOnlyUnit({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const units = useUnits();
  const row = (label: string, value: ReactNode) => (
    <div className="kv__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <section className="panel" aria-labelledby="unit-view-title">
      <h2 id="unit-view-title">{t('admin.unit.viewHeading')}</h2>
      <dl className="kv">
        {row(t('admin.unit.id'), unit.id)}
        {row(t('admin.unit.nameVi'), <span lang="vi">{unit.nameVi}</span>)}
        {row(t('admin.unit.nameEn'), <span lang="en">{unit.nameEn}</span>)}
        {row(t('admin.unit.agencyCode'), unit.agencyCode)}
        {row(t('admin.unit.kindLabel'), t(`admin.unit.kind.${unit.kind}`, { defaultValue: unit.kind }))}
        {row(t('admin.unit.parent'), unit.parentId ? units.label(unit.parentId) : t('admin.unit.noParent'))}
        {row(t('admin.unit.stateHeading'), unit.active ? t('admin.unit.active') : t('admin.unit.inactive'))}
      </dl>
    </section>
  );
}
