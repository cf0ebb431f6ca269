// Đánh giá tại quầy: a receiver opens the dossier by its code on a counter tablet and hands it to
// the applicant, who rates it there; the rating is recorded as given at the counter, with the
// officer who opened the kiosk.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText, TextField } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { feedbackApi, type RatingForm } from '../api.ts';
import { RatingPanel } from './RatingPanel.tsx';

export function KioskPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [code, setCode] = useState('');
  const [form, setForm] = useState<RatingForm | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);

  async function open(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setDone(false);
    if (!code.trim()) return setError(t('feedback.kiosk.codeRequired'));
    const r = await feedbackApi.ratingForm(code.trim(), 'kiosk', language);
    if (r.kind === 'ok') setForm(r.data);
    else setError(failureText(t, r));
  }

  return (
    <div className="page feedback">
      <h1 tabIndex={-1}>{t('feedback.kiosk.title')}</h1>
      {!form && (
        <form className="panel" noValidate onSubmit={open}>
          <p>{t('feedback.kiosk.intro')}</p>
          <TextField id="kiosk-code" label={t('feedback.kiosk.code')} required autoComplete="off" spellCheck={false} value={code} error={error} onValue={setCode} />
          <button type="submit" className="button button--primary">
            {t('feedback.kiosk.open')}
          </button>
        </form>
      )}
      {form && (
        <>
          <p className="lead">
            {t('feedback.kiosk.applicant', { name: form.applicantName, code: form.dossierCode })} <strong>{form.procedureName}</strong>
          </p>
          {done && <Notice tone="success">{t('feedback.kiosk.thanks')}</Notice>}
          <RatingPanel form={form} via="kiosk" onSaved={(f) => { setForm(f); setDone(true); }} />
          <button type="button" className="button" onClick={() => { setForm(undefined); setCode(''); setDone(false); }}>
            {t('feedback.kiosk.next')}
          </button>
        </>
      )}
    </div>
  );
}
