// The actions an officer may take on a dossier now — only those in `allowedActions` — each as a
// disclosure with its own small form (reason, items, opinion, assignee, new due date, outcome,
// receipt number…). The body follows ActionBody (src/modules/dossiers/schema.ts); the page sends
// it with If-Match.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_NAMES } from '@server/core/dossiers/actions.ts';
import { DateField, SelectField, TextArea, TextField } from '../../../components/forms.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { useSession } from '../../../lib/session.tsx';
import type { ActionInput, ActionOptions, ActionType, DossierView } from '../api.ts';
import { CounterSupplementForm } from './CounterSupplement.tsx';

type FieldName = 'reason' | 'note' | 'items' | 'opinion' | 'assignee' | 'unitId' | 'amounts' | 'receiptNumber' | 'newDueAt' | 'outcome' | 'summary' | 'method';

interface FieldSpec {
  name: FieldName;
  required?: boolean;
}

/** The fields of each action's form (ActionBody). */
const FORMS: Partial<Record<ActionType, FieldSpec[]>> = {
  request_completion: [{ name: 'reason', required: true }, { name: 'items' }],
  receive: [{ name: 'note' }],
  refuse: [{ name: 'reason', required: true }],
  transfer: [{ name: 'unitId' }, { name: 'note' }],
  assign: [{ name: 'assignee', required: true }, { name: 'reason' }],
  examine: [{ name: 'opinion', required: true }],
  approve: [{ name: 'opinion' }],
  return_for_rework: [{ name: 'reason', required: true }],
  request_supplement: [{ name: 'reason', required: true }, { name: 'items', required: true }],
  // Papers handed in at the counter: their own form, with the digitization (CounterSupplementForm).
  submit_supplement: [],
  request_payment: [{ name: 'amounts' }],
  confirm_payment: [{ name: 'receiptNumber', required: true }],
  apologize: [{ name: 'reason', required: true }, { name: 'newDueAt', required: true }],
  issue_result: [{ name: 'outcome', required: true }, { name: 'summary' }],
  return_result: [{ name: 'method' }],
  withdraw: [{ name: 'reason' }],
  stop: [{ name: 'reason', required: true }],
  resubmit: [],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DANGER = new Set<ActionType>(['refuse', 'stop', 'withdraw']);

function bodyOf(type: ActionType, v: Record<FieldName, string>, amounts: Record<string, string>): ActionInput {
  const opt = (name: FieldName) => (v[name].trim() ? { [name]: v[name].trim() } : {});
  const items = v.items
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  switch (type) {
    case 'request_completion':
      return { type, reason: v.reason.trim(), ...(items.length ? { items } : {}) };
    case 'request_supplement':
      return { type, reason: v.reason.trim(), items };
    case 'refuse':
    case 'return_for_rework':
    case 'stop':
      return { type, reason: v.reason.trim() };
    case 'receive':
      return { type, ...opt('note') };
    case 'transfer':
      return { type, ...opt('unitId'), ...opt('note') };
    case 'assign':
      return { type, assignee: v.assignee.trim(), ...opt('reason') };
    case 'examine':
      return { type, opinion: v.opinion.trim() };
    case 'approve':
      return { type, ...opt('opinion') };
    case 'confirm_payment':
      return { type, receiptNumber: v.receiptNumber.trim() };
    case 'apologize':
      // The new due moment: the end of the working day chosen, Vietnam time.
      return { type, reason: v.reason.trim(), newDueAt: `${v.newDueAt}T17:00:00+07:00` };
    case 'issue_result':
      return { type, outcome: v.outcome === 'refused' ? 'refused' : 'granted', ...opt('summary'), fileIds: [] };
    case 'return_result':
      return { type, ...(v.method === 'counter' || v.method === 'post' || v.method === 'online' ? { method: v.method } : {}) };
    case 'withdraw':
      return { type, ...opt('reason') };
    case 'request_payment': {
      // Only the lines whose amount the officer sets (a basis, not a flat amount) are sent.
      const set = Object.entries(amounts).filter(([, a]) => a.trim() !== '');
      return set.length ? { type, amounts: Object.fromEntries(set.map(([code, a]) => [code, Number(a.replace(/\D/g, ''))])) } : { type };
    }
    case 'resubmit':
      return { type };
    case 'submit':
      throw new Error('submit is not an action on an existing dossier');
    case 'submit_supplement':
      throw new Error('submit_supplement has its own form (CounterSupplementForm)');
  }
}

export function ActionForms({ d, options, busy, onAct }: { d: DossierView; options: ActionOptions | undefined; busy: boolean; onAct(body: ActionInput): Promise<boolean> }) {
  const { t } = useTranslation();
  const actions = d.allowedActions.filter((a) => FORMS[a] !== undefined);
  if (actions.length === 0) {
    return (
      <section className="panel" aria-labelledby="actions-title">
        <h2 id="actions-title">{t('dossiers.actions.title')}</h2>
        <p>{t('dossiers.actions.none')}</p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('dossiers.actions.title')}</h2>
      <p className="form-note">{t('dossiers.actions.intro')}</p>
      <div className="dossier-actions">
        {actions.map((a) =>
          a === 'submit_supplement' ? (
            <CounterSupplementForm key={`${a}-${d.version}`} d={d} busy={busy} onAct={onAct} />
          ) : (
            <ActionForm key={`${a}-${d.version}`} type={a} fields={FORMS[a]!} options={options} busy={busy} onAct={onAct} />
          ),
        )}
      </div>
    </section>
  );
}

function ActionForm({
  type,
  fields,
  options,
  busy,
  onAct,
}: {
  type: ActionType;
  fields: FieldSpec[];
  options: ActionOptions | undefined;
  busy: boolean;
  onAct(body: ActionInput): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { me } = useSession();
  const [values, setValues] = useState<Record<FieldName, string>>({
    reason: '',
    note: '',
    items: '',
    opinion: '',
    assignee: '',
    unitId: '',
    amounts: '',
    receiptNumber: '',
    newDueAt: '',
    outcome: 'granted',
    summary: '',
    method: '',
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  // request_payment: the amount typed for each line that has a basis, by fee code.
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const assignees = options?.assignees ?? [];
  const amountError = (code: string) => {
    const a = (amounts[code] ?? '').trim();
    return a !== '' && !/^\d[\d.\s]*$/.test(a) ? t('dossiers.actions.amountFormat') : undefined;
  };
  const id = (f: FieldName) => `action-${type}-${f}`;
  const set = (f: FieldName) => (v: string) => setValues((old) => ({ ...old, [f]: v }));
  const label = (f: FieldName) => t(`dossiers.actions.field.${f}`);
  const req = (spec: FieldSpec) => (spec.required ? { required: true } : { optionalText: t('dossiers.files.optional') });

  function check(): boolean {
    const e: Partial<Record<FieldName, string>> = {};
    for (const spec of fields) {
      const v = values[spec.name].trim();
      if (spec.name === 'reason' && (spec.required || v) && v.length < 3) e.reason = t('dossiers.reasonShort');
      if (spec.name === 'opinion' && spec.required && !v) e.opinion = t('dossiers.actions.required');
      if (spec.name === 'items' && spec.required && !v) e.items = t('dossiers.actions.itemsRequired');
      if (spec.name === 'assignee' && !UUID.test(v)) e.assignee = assignees.length > 0 ? t('dossiers.actions.assigneeRequired') : t('dossiers.actions.assigneeFormat');
      if (spec.name === 'receiptNumber' && !v) e.receiptNumber = t('dossiers.actions.required');
      if (spec.name === 'newDueAt' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) e.newDueAt = t('dossiers.actions.dateFormat');
      if (spec.name === 'amounts' && (options?.fees ?? []).some((f) => amountError(f.code))) e.amounts = t('dossiers.actions.amountFormat');
    }
    setErrors(e);
    const firstBad = fields.find((f) => e[f.name]);
    const badFee = firstBad?.name === 'amounts' ? options?.fees.find((f) => amountError(f.code)) : undefined;
    if (firstBad) document.getElementById(badFee ? `${id('amounts')}-${badFee.code}` : id(firstBad.name))?.focus();
    return !firstBad;
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (busy || !check()) return;
    void onAct(bodyOf(type, values, amounts));
  };

  return (
    <details className={`dossier-action${DANGER.has(type) ? ' dossier-action--danger' : ''}`} id={`action-${type}`}>
      <summary>{ACTION_NAMES[type][language]}</summary>
      <form noValidate onSubmit={onSubmit} aria-busy={busy || undefined} aria-label={ACTION_NAMES[type][language]}>
        {fields.map((spec) => {
          const common = { id: id(spec.name), label: label(spec.name), error: errors[spec.name], ...req(spec) };
          switch (spec.name) {
            case 'reason':
            case 'note':
            case 'opinion':
            case 'summary':
              return <TextArea key={spec.name} {...common} rows={3} maxLength={spec.name === 'opinion' || spec.name === 'summary' ? 4000 : 2000} value={values[spec.name]} onValue={set(spec.name)} />;
            case 'items':
              return <TextArea key={spec.name} {...common} hint={t('dossiers.actions.itemsHint')} rows={3} value={values.items} onValue={set('items')} />;
            case 'assignee':
              return (
                <div key={spec.name}>
                  {assignees.length > 0 ? (
                    <SelectField
                      {...common}
                      label={t('dossiers.actions.field.assigneeChoice')}
                      value={values.assignee}
                      onValue={set('assignee')}
                      options={[{ value: '', label: t('dossiers.actions.chooseOfficer') }, ...assignees.map((o) => ({ value: o.accountId, label: o.name }))]}
                    />
                  ) : (
                    <TextField {...common} hint={t('dossiers.actions.assigneeHint')} autoComplete="off" spellCheck={false} value={values.assignee} onValue={set('assignee')} />
                  )}
                  {me && (assignees.length === 0 || assignees.some((o) => o.accountId === me.accountId)) && (
                    <button type="button" className="button button--secondary button--small" onClick={() => set('assignee')(me.accountId)}>
                      {t('dossiers.actions.assignMe')}
                    </button>
                  )}
                </div>
              );
            case 'unitId':
              return (
                <SelectField
                  key={spec.name}
                  {...common}
                  value={values.unitId}
                  onValue={set('unitId')}
                  options={[
                    { value: '', label: t('dossiers.actions.defaultUnit') },
                    ...(options?.units ?? []).map((u) => ({ value: u.id, label: language === 'en' ? u.nameEn : u.nameVi })),
                  ]}
                />
              );
            case 'amounts':
              return <FeeLines key={spec.name} id={id('amounts')} fees={options?.fees} amounts={amounts} error={errors.amounts} errorOf={amountError} onAmount={(code, v) => setAmounts((old) => ({ ...old, [code]: v }))} />;
            case 'receiptNumber':
              return <TextField key={spec.name} {...common} autoComplete="off" maxLength={60} value={values.receiptNumber} onValue={set('receiptNumber')} />;
            case 'newDueAt':
              return <DateField key={spec.name} {...common} value={values.newDueAt} onValue={set('newDueAt')} />;
            case 'outcome':
              return (
                <SelectField
                  key={spec.name}
                  {...common}
                  value={values.outcome}
                  onValue={set('outcome')}
                  options={[
                    { value: 'granted', label: t('dossiers.actions.outcome.granted') },
                    { value: 'refused', label: t('dossiers.actions.outcome.refused') },
                  ]}
                />
              );
            case 'method':
              return (
                <SelectField
                  key={spec.name}
                  {...common}
                  value={values.method}
                  onValue={set('method')}
                  options={[
                    { value: '', label: t('dossiers.actions.method.default') },
                    { value: 'counter', label: t('dossiers.actions.method.counter') },
                    { value: 'post', label: t('dossiers.actions.method.post') },
                    { value: 'online', label: t('dossiers.actions.method.online') },
                  ]}
                />
              );
          }
        })}
        <button type="submit" className={`button ${DANGER.has(type) ? 'button--danger' : 'button--primary'}`} aria-disabled={busy || undefined}>
          {t('dossiers.actions.do', { action: ACTION_NAMES[type][language] })}
        </button>
      </form>
    </details>
  );
}

const vnd = (n: number, language: string) => `${n.toLocaleString(language === 'en' ? 'en-GB' : 'vi-VN')} đ`;

/** request_payment: the version's fee lines; the officer sets the amount of each line that has a basis. */
function FeeLines({
  id,
  fees,
  amounts,
  error,
  errorOf,
  onAmount,
}: {
  id: string;
  fees: ActionOptions['fees'] | undefined;
  amounts: Record<string, string>;
  error: string | undefined;
  errorOf(code: string): string | undefined;
  onAmount(code: string, value: string): void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (!fees) return <p className="form-note">{t('dossiers.loading')}</p>;
  if (fees.length === 0) return <p className="form-note">{t('dossiers.actions.noFees')}</p>;
  return (
    <fieldset className={`field fieldset fieldset--boxed${error ? ' field--invalid' : ''}`} id={id}>
      <legend>{t('dossiers.actions.field.amounts')}</legend>
      <ul className="dossier-fee-lines">
        {fees.map((f) =>
          f.basis ? (
            <li key={f.code}>
              <TextField
                id={`${id}-${f.code}`}
                label={`${f.name} (${f.kind === 'fee' ? t('dossiers.actions.kind.fee') : t('dossiers.actions.kind.charge')})`}
                hint={`${f.basis} ${t('dossiers.actions.amountHint', { amount: vnd(f.amountVnd, language) })}`}
                inputMode="numeric"
                autoComplete="off"
                optionalText={t('dossiers.files.optional')}
                error={errorOf(f.code)}
                value={amounts[f.code] ?? ''}
                onValue={(v) => onAmount(f.code, v)}
              />
            </li>
          ) : (
            <li key={f.code}>
              {f.name}: <strong>{vnd(f.amountVnd, language)}</strong>
            </li>
          ),
        )}
      </ul>
    </fieldset>
  );
}
