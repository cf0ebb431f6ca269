// Đánh giá hồ sơ: the applicant rates their returned dossier (/danh-gia/:code).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { useParams } from '../../../router.tsx';
import { feedbackApi, type RatingForm } from '../api.ts';
import { RatingPanel } from './RatingPanel.tsx';

export function RatePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { code = '' } = useParams();
  const [form, setForm] = useState<RatingForm | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    void feedbackApi.ratingForm(code, 'online', language).then((r) => (r.kind === 'ok' ? setForm(r.data) : setError(failureText(t, r))));
  }, [code]);
  return (
    <div className="page feedback">
      <h1 tabIndex={-1}>{t('feedback.rating.title')}</h1>
      {form && (
        <p className="lead">
          {t('feedback.rating.intro', { code: form.dossierCode })} <strong>{form.procedureName}</strong>
        </p>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      {!form && !error && <p role="status">{t('feedback.loading')}</p>}
      {form && <RatingPanel form={form} via="online" onSaved={setForm} />}
    </div>
  );
}
