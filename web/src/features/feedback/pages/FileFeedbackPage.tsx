// Gửi phản ánh, kiến nghị: anyone, logged in or not, with a name and a phone or e-mail, about a
// procedure, a dossier or an officer's conduct.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, errorsOfFailure, hasFormErrors, noErrors, SelectField, TextArea, TextField, type FormErrors } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { Link } from '../../../router.tsx';
import { FEEDBACK_PATHS, feedbackApi, type FeedbackReceipt, type FileFeedbackBody } from '../api.ts';

const FIELDS = ['about', 'procedureCode', 'dossierCode', 'title', 'content', 'name', 'phone', 'email'] as const;
type Field = (typeof FIELDS)[number];
const IDS = Object.fromEntries(FIELDS.map((f) => [f, `pakn-${f}`])) as Record<Field, string>;
const SERVER: Record<string, Field> = { 'filer.name': 'name', 'filer.phone': 'phone', 'filer.email': 'email' };

export function FileFeedbackPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [v, setV] = useState<Record<Field, string>>({ about: 'procedure', procedureCode: '', dossierCode: '', title: '', content: '', name: '', phone: '', email: '' });
  const [errors, setErrors] = useState<FormErrors<Field> | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<FeedbackReceipt | undefined>();
  const labels = Object.fromEntries(FIELDS.map((f) => [f, t(`feedback.file.${f}`)])) as Record<Field, string>;
  const set = (f: Field) => (value: string) => setV((old) => ({ ...old, [f]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const local = noErrors<Field>();
    for (const f of ['title', 'content', 'name'] as const) if (!v[f].trim()) local.fields[f] = [t('feedback.file.required')];
    if (!v.phone.trim() && !v.email.trim()) local.fields.phone = [t('feedback.file.contactRequired')];
    if (v.about === 'procedure' && !v.procedureCode.trim()) local.fields.procedureCode = [t('feedback.file.required')];
    if (v.about === 'dossier' && !v.dossierCode.trim()) local.fields.dossierCode = [t('feedback.file.required')];
    if (hasFormErrors(local)) return setErrors(local);
    const body: FileFeedbackBody = {
      title: v.title.trim(),
      content: v.content.trim(),
      about: v.about as FileFeedbackBody['about'],
      ...(v.about === 'procedure' ? { procedureCode: v.procedureCode.trim() } : {}),
      ...(v.about === 'dossier' ? { dossierCode: v.dossierCode.trim().toUpperCase() } : {}),
      proposedClassification: v.about === 'conduct' ? 'conduct' : 'tthc',
      filer: { name: v.name.trim(), ...(v.phone.trim() ? { phone: v.phone.trim() } : {}), ...(v.email.trim() ? { email: v.email.trim() } : {}) },
    };
    setBusy(true);
    try {
      const r = await feedbackApi.file(body, language);
      if (r.kind === 'ok') {
        setErrors(undefined);
        setReceipt(r.data);
      } else {
        const mapped = errorsOfFailure(t, r, [...FIELDS, 'filer.name', 'filer.phone', 'filer.email'], labels);
        const out = noErrors<Field>();
        out.general = mapped.general;
        for (const [k, msgs] of Object.entries(mapped.fields)) out.fields[SERVER[k] ?? (k as Field)] = msgs as string[];
        setErrors(out);
      }
    } finally {
      setBusy(false);
    }
  }

  if (receipt) {
    return (
      <div className="page feedback">
        <h1 tabIndex={-1}>{t('feedback.file.heading')}</h1>
        <Notice tone="success" title={t('feedback.file.received')}>
          <p>
            {t('feedback.file.code')}: <strong id="pakn-receipt-code">{receipt.code}</strong>
          </p>
          <p>{t('feedback.file.next')}</p>
        </Notice>
        <Link to={FEEDBACK_PATHS.answers}>{t('feedback.answers.title')}</Link>
      </div>
    );
  }

  return (
    <div className="page feedback">
      <h1 tabIndex={-1}>{t('feedback.file.heading')}</h1>
      <p className="lead">{t('feedback.file.intro')}</p>
      <p>
        <Link to={FEEDBACK_PATHS.answers}>{t('feedback.answers.title')}</Link>
      </p>
      <ErrorSummary errors={errors} attempt={attempt} fieldIds={IDS} fieldLabels={labels} />
      <form className="panel" noValidate onSubmit={submit} aria-busy={busy || undefined}>
        <SelectField
          id={IDS.about}
          label={labels.about}
          required
          value={v.about}
          onValue={set('about')}
          options={(['procedure', 'dossier', 'conduct'] as const).map((a) => ({ value: a, label: t(`feedback.about.${a}`) }))}
        />
        {v.about === 'procedure' && <TextField id={IDS.procedureCode} label={labels.procedureCode} hint={t('feedback.file.procedureHint')} required value={v.procedureCode} errors={errors?.fields.procedureCode} onValue={set('procedureCode')} />}
        {v.about === 'dossier' && <TextField id={IDS.dossierCode} label={labels.dossierCode} required spellCheck={false} value={v.dossierCode} errors={errors?.fields.dossierCode} onValue={set('dossierCode')} />}
        <TextField id={IDS.title} label={labels.title} required maxLength={300} value={v.title} errors={errors?.fields.title} onValue={set('title')} />
        <TextArea id={IDS.content} label={labels.content} required rows={6} maxLength={10000} value={v.content} errors={errors?.fields.content} onValue={set('content')} />
        <fieldset className="fieldset">
          <legend>{t('feedback.file.contact')}</legend>
          <TextField id={IDS.name} label={labels.name} required autoComplete="name" value={v.name} errors={errors?.fields.name} onValue={set('name')} />
          <TextField id={IDS.phone} label={labels.phone} type="tel" autoComplete="tel" hint={t('feedback.file.contactHint')} value={v.phone} errors={errors?.fields.phone} onValue={set('phone')} />
          <TextField id={IDS.email} label={labels.email} type="email" autoComplete="email" value={v.email} errors={errors?.fields.email} onValue={set('email')} />
        </fieldset>
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {t('feedback.file.submit')}
        </button>
      </form>
    </div>
  );
}
