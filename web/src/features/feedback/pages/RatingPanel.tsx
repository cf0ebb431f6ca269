// The rating form of a returned dossier: like or dislike, each survey criterion 1–5 and a comment.
// Used by the applicant's page (/danh-gia/:code) and by the counter kiosk.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, errorsOfFailure, noErrors, hasFormErrors, SelectField, TextArea, type FormErrors } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { feedbackApi, type RatingForm } from '../api.ts';
import { momentText } from './format.ts';

export function RatingPanel({ form, via, onSaved }: { form: RatingForm; via: 'online' | 'kiosk'; onSaved(form: RatingForm): void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [value, setValue] = useState<'like' | 'dislike' | ''>(form.rating?.value ?? '');
  const [scores, setScores] = useState<Record<string, string>>(() => Object.fromEntries(form.criteria.map((c) => [c.code, form.rating?.scores[c.code] ? String(form.rating.scores[c.code]) : ''])));
  const [comment, setComment] = useState(form.rating?.comment ?? '');
  const [errors, setErrors] = useState<FormErrors<string> | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const fields = ['value', ...form.criteria.map((c) => c.code), 'comment'];
  const ids: Record<string, string> = Object.fromEntries(fields.map((f) => [f, f === 'value' ? 'rating-like' : `rating-${f}`]));
  const labels: Record<string, string> = { value: t('feedback.rating.overall'), comment: t('feedback.rating.comment'), ...Object.fromEntries(form.criteria.map((c) => [c.code, c.label[language]])) };

  if (!form.returned) return <Notice tone="info">{t('feedback.rating.notReturned')}</Notice>;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setSaved(false);
    const local = noErrors<string>();
    if (!value) local.fields.value = [t('feedback.rating.valueRequired')];
    for (const c of form.criteria) if (!scores[c.code]) local.fields[c.code] = [t('feedback.rating.scoreRequired')];
    if (hasFormErrors(local)) return setErrors(local);
    setBusy(true);
    try {
      const r = await feedbackApi.rate(form.dossierCode, via, { value: value as 'like' | 'dislike', scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, Number(v)])), ...(comment.trim() ? { comment: comment.trim() } : {}) }, language);
      if (r.kind === 'ok') {
        setErrors(undefined);
        setSaved(true);
        onSaved(r.data);
      } else {
        const mapped = errorsOfFailure(t, r, fields, labels);
        setErrors(mapped);
      }
    } finally {
      setBusy(false);
    }
  }

  const disabled = !form.canRate;
  return (
    <form className="panel rating-form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
      <ErrorSummary errors={errors} attempt={attempt} fieldIds={ids} fieldLabels={labels} />
      {saved && <Notice tone="success" live="status">{t('feedback.rating.saved')}</Notice>}
      {form.rating && form.changeableUntil && (
        <p className="muted">{form.canRate ? t('feedback.rating.changeUntil', { until: momentText(t, form.changeableUntil) }) : t('feedback.rating.frozen')}</p>
      )}
      <fieldset className={`field${errors?.fields.value ? ' field--invalid' : ''}`} aria-describedby={errors?.fields.value ? 'rating-value-error' : undefined}>
        <legend className="field__label">{labels.value}</legend>
        {errors?.fields.value && <p className="field__error" id="rating-value-error">{errors.fields.value.join(' ')}</p>}
        {(['like', 'dislike'] as const).map((v) => (
          <label key={v} className="choice">
            <input type="radio" name="rating-value" id={v === 'like' ? 'rating-like' : 'rating-dislike'} value={v} checked={value === v} disabled={disabled} onChange={() => setValue(v)} />{' '}
            {t(`feedback.rating.${v}`)}
          </label>
        ))}
      </fieldset>
      {form.criteria.map((c) => (
        <SelectField
          key={c.code}
          id={ids[c.code]!}
          label={c.label[language]}
          required
          disabled={disabled}
          value={scores[c.code] ?? ''}
          errors={errors?.fields[c.code]}
          onValue={(v) => setScores((old) => ({ ...old, [c.code]: v }))}
          options={[{ value: '', label: t('feedback.rating.choose') }, ...[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t(`feedback.rating.score${n}`) }))]}
        />
      ))}
      <TextArea id="rating-comment" label={labels.comment!} optionalText={t('feedback.optional')} maxLength={2000} disabled={disabled} value={comment} errors={errors?.fields.comment} onValue={setComment} />
      {!disabled && (
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {form.rating ? t('feedback.rating.change') : t('feedback.rating.submit')}
        </button>
      )}
    </form>
  );
}
