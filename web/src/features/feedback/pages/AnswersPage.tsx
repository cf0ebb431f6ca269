// Trả lời phản ánh, kiến nghị: the published answers (list and one answer), which the public
// likes or dislikes (one vote per account or browser, changeable).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { Link, useParams } from '../../../router.tsx';
import { FEEDBACK_PATHS, feedbackApi, type PublicFeedback, type PublicFeedbackList } from '../api.ts';
import { momentText } from './format.ts';

export function AnswersPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [list, setList] = useState<PublicFeedbackList | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    void feedbackApi.answers({}, language).then((r) => (r.kind === 'ok' ? setList(r.data) : setError(failureText(t, r))));
  }, []);
  return (
    <div className="page feedback">
      <h1 tabIndex={-1}>{t('feedback.answers.title')}</h1>
      <p className="lead">
        {t('feedback.answers.intro')} <Link to={FEEDBACK_PATHS.file}>{t('feedback.file.heading')}</Link>
      </p>
      {error && <Notice tone="error">{error}</Notice>}
      {!list && !error && <p role="status">{t('feedback.loading')}</p>}
      {list && list.items.length === 0 && <p>{t('feedback.answers.none')}</p>}
      {list && (
        <ul className="card-list">
          {list.items.map((f) => (
            <li key={f.id} className="panel">
              <h2>
                <Link to={FEEDBACK_PATHS.answer(f.id)}>{f.title}</Link>
              </h2>
              <p className="muted">
                {f.code} · {f.unitName} · {t('feedback.answers.published', { at: momentText(t, f.publishedAt) })}
              </p>
              <p>{t('feedback.answers.votes', { likes: f.likes, dislikes: f.dislikes })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function AnswerPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id = '' } = useParams();
  const [answer, setAnswer] = useState<PublicFeedback | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  useEffect(() => {
    void feedbackApi.answer(id, language).then((r) => (r.kind === 'ok' ? setAnswer(r.data) : setError(failureText(t, r))));
  }, [id]);

  async function vote(value: 'like' | 'dislike') {
    const r = await feedbackApi.vote(id, value, language);
    if (r.kind === 'ok' && answer) {
      setAnswer({ ...answer, ...r.data });
      setStatus(t('feedback.answers.voted'));
    } else if (r.kind !== 'ok') setStatus(failureText(t, r));
  }

  return (
    <div className="page feedback">
      <p>
        <Link to={FEEDBACK_PATHS.answers}>{t('feedback.answers.back')}</Link>
      </p>
      {error && <Notice tone="error">{error}</Notice>}
      {answer && (
        <article>
          <h1 tabIndex={-1}>{answer.title}</h1>
          <p className="muted">
            {answer.code} · {answer.unitName} · {t('feedback.answers.received', { at: momentText(t, answer.receivedAt) })}
          </p>
          <h2>{t('feedback.answers.question')}</h2>
          <p className="prewrap">{answer.content}</p>
          <h2>{t('feedback.answers.answer')}</h2>
          <p className="prewrap" id="pakn-answer">{answer.answer}</p>
          <p className="muted">{t('feedback.answers.published', { at: momentText(t, answer.publishedAt) })}</p>
          <section aria-labelledby="vote-title" className="panel">
            <h2 id="vote-title">{t('feedback.answers.voteTitle')}</h2>
            <div className="button-row">
              <button type="button" className="button" aria-pressed={answer.myVote === 'like'} onClick={() => void vote('like')}>
                {t('feedback.answers.like', { n: answer.likes })}
              </button>
              <button type="button" className="button" aria-pressed={answer.myVote === 'dislike'} onClick={() => void vote('dislike')}>
                {t('feedback.answers.dislike', { n: answer.dislikes })}
              </button>
            </div>
            <p role="status">{status ?? ''}</p>
          </section>
        </article>
      )}
      {!answer && !error && <p role="status">{t('feedback.loading')}</p>}
    </div>
  );
}
