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
import type { ActionInput, ActionType, DossierView } from '../api.ts';

type FieldName = 'reason' | 'note' | 'items' | 'opinion' | 'assignee' | 'receiptNumber' | 'newDueAt' | 'outcome' | 'summary' | 'method';

interface FieldSpec {
  name: FieldName;
  required?: boolean;
}

/** The fields of each action's form (ActionBody). */
const FORMS: Partial<Record<ActionType, FieldSpec[]>> = {
  request_completion: [{ name: 'reason', required: true }, { name: 'items' }],
  receive: [{ name: 'note' }],
  refuse: [{ name: 'reason', required: true }],
  transfer: [{ name: 'note' }],
  assign: [{ name: 'assignee', required: true }, { name: 'reason' }],
  examine: [{ name: 'opinion', required: true }],
  approve: [{ name: 'opinion' }],
  return_for_rework: [{ name: 'reason', required: true }],
  request_supplement: [{ name: 'reason', required: true }, { name: 'items', required: true }],
  submit_supplement: [{ name: 'note' }],
  request_payment: [],
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

function bodyOf(type: ActionType, v: Record<FieldName, string>): ActionInput {
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
    case 'transfer':
      return { type, ...opt('note') };
    case 'submit_supplement':
      return { type, ...opt('note'), components: [] };
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
    case 'request_payment':
      return { type };
    case 'resubmit':
      return { type };
    case 'submit':
      throw new Error('submit is not an action on an existing dossier');
  }
}

export function ActionForms({ d, busy, onAct }: { d: DossierView; busy: boolean; onAct(body: ActionInput): Promise<boolean> }) {
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
        {actions.map((a) => (
          <ActionForm key={`${a}-${d.version}`} type={a} fields={FORMS[a]!} busy={busy} onAct={onAct} />
        ))}
      </div>
    </section>
  );
}

function ActionForm({ type, fields, busy, onAct }: { type: ActionType; fields: FieldSpec[]; busy: boolean; onAct(body: ActionInput): Promise<boolean> }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { me } = useSession();
  const [values, setValues] = useState<Record<FieldName, string>>({
    reason: '',
    note: '',
    items: '',
    opinion: '',
    assignee: '',
    receiptNumber: '',
    newDueAt: '',
    outcome: 'granted',
    summary: '',
    method: '',
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
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
      if (spec.name === 'assignee' && !UUID.test(v)) e.assignee = t('dossiers.actions.assigneeFormat');
      if (spec.name === 'receiptNumber' && !v) e.receiptNumber = t('dossiers.actions.required');
      if (spec.name === 'newDueAt' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) e.newDueAt = t('dossiers.actions.dateFormat');
    }
    setErrors(e);
    const firstBad = fields.find((f) => e[f.name]);
    if (firstBad) document.getElementById(id(firstBad.name))?.focus();
    return !firstBad;
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (busy || !check()) return;
    void onAct(bodyOf(type, values));
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
                  <TextField {...common} hint={t('dossiers.actions.assigneeHint')} autoComplete="off" spellCheck={false} value={values.assignee} onValue={set('assignee')} />
                  {me && (
                    <button type="button" className="button button--secondary button--small" onClick={() => set('assignee')(me.accountId)}>
                      {t('dossiers.actions.assignMe')}
                    </button>
                  )}
                </div>
              );
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
