// Officers' PAKN worklist (/can-bo/phan-anh-kien-nghi): by current deadline, with the 766 time
// limits; and one PAKN with its deadlines, history and the handling actions allowed now.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText, SelectField, TextArea } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { Link, useParams } from '../../../router.tsx';
import { FEEDBACK_PATHS, feedbackApi, type FeedbackActionBody, type FeedbackActionType, type FeedbackList, type FeedbackView } from '../api.ts';
import { momentText } from './format.ts';

const STATUSES = ['', 'received', 'supplement_requested', 'processing', 'approved', 'published', 'rejected'] as const;

export function FeedbackWorklistPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [status, setStatus] = useState('');
  const [due, setDue] = useState('');
  const [list, setList] = useState<FeedbackList | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    void feedbackApi.list({ status, due }, language).then((r) => (r.kind === 'ok' ? (setList(r.data), setError(undefined)) : setError(failureText(t, r))));
  }, [status, due]);
  return (
    <div className="page feedback">
      <h1 tabIndex={-1}>{t('feedback.worklist.title')}</h1>
      <p className="lead">{t('feedback.worklist.intro')}</p>
      <div className="filters">
        <SelectField id="pakn-filter-status" label={t('feedback.fields.status')} value={status} onValue={setStatus} options={STATUSES.map((s) => ({ value: s, label: s ? t(`feedback.status.${s}`) : t('feedback.worklist.all') }))} />
        <SelectField
          id="pakn-filter-due"
          label={t('feedback.fields.due')}
          value={due}
          onValue={setDue}
          options={[
            { value: '', label: t('feedback.worklist.all') },
            { value: 'due-soon', label: t('feedback.worklist.dueSoon') },
            { value: 'overdue', label: t('feedback.worklist.overdue') },
          ]}
        />
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      {list && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('feedback.worklist.count', { n: list.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('feedback.fields.code')}</th>
                <th scope="col">{t('feedback.fields.title')}</th>
                <th scope="col">{t('feedback.fields.status')}</th>
                <th scope="col">{t('feedback.fields.due')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link to={FEEDBACK_PATHS.officerView(f.id)}>{f.code}</Link>
                  </td>
                  <td>{f.title}</td>
                  <td>{f.statusName[language]}</td>
                  <td>
                    {momentText(t, f.dueAt)} {f.overdue && <strong className="badge badge--danger">{t('feedback.worklist.overdueBadge')}</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** The text an action needs, if any (its field in the body). */
const TEXT_OF: Partial<Record<FeedbackActionType, 'reason' | 'answer' | 'text'>> = {
  reject: 'reason',
  request_supplement: 'reason',
  return_answer: 'reason',
  draft_answer: 'answer',
  supplement: 'text',
};

export function OfficerFeedbackPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id = '' } = useParams();
  const [view, setView] = useState<FeedbackView | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [action, setAction] = useState<FeedbackActionType | ''>('');
  const [text, setText] = useState('');
  const [classification, setClassification] = useState('tthc');
  useEffect(() => {
    void feedbackApi.get(id, language).then((r) => (r.kind === 'ok' ? setView(r.data) : setError(failureText(t, r))));
  }, [id]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!view || !action) return;
    const field = TEXT_OF[action];
    if (field && !text.trim()) return setError(t('feedback.officer.textRequired'));
    let body: FeedbackActionBody;
    if (action === 'classify') body = { type: 'classify', classification: classification as 'tthc' | 'conduct' };
    else if (action === 'approve') body = { type: 'approve', ...(text.trim() ? { answer: text.trim() } : {}) };
    else if (field) body = { type: action, [field]: text.trim() } as FeedbackActionBody;
    else body = { type: action } as FeedbackActionBody;
    const r = await feedbackApi.act(view.id, view.version, body, language);
    if (r.kind === 'ok') {
      setView(r.data);
      setDone(t('feedback.officer.done', { action: t(`feedback.action.${action}`) }));
      setError(undefined);
      setAction('');
      setText('');
    } else setError(failureText(t, r));
  }

  if (!view) return <div className="page feedback">{error ? <Notice tone="error">{error}</Notice> : <p role="status">{t('feedback.loading')}</p>}</div>;
  const d = view.deadlines;
  return (
    <div className="page feedback">
      <p>
        <Link to={FEEDBACK_PATHS.worklist}>{t('feedback.worklist.title')}</Link>
      </p>
      <h1 tabIndex={-1}>
        {view.code}: {view.title}
      </h1>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('feedback.fields.status')}</dt>
          <dd id="pakn-status">
            <strong>{view.statusName[language]}</strong>
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('feedback.fields.unit')}</dt>
          <dd>{view.unitName}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('feedback.fields.classification')}</dt>
          <dd>{view.classification ? t(`feedback.classification.${view.classification}`) : t('feedback.officer.proposed', { c: view.proposedClassification ? t(`feedback.classification.${view.proposedClassification}`) : '—' })}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('feedback.fields.filer')}</dt>
          <dd>{[view.filer.name, view.filer.phone, view.filer.email].filter(Boolean).join(' · ')}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('feedback.fields.received')}</dt>
          <dd>{momentText(t, view.receivedAt)}</dd>
        </div>
        {view.transfers.length > 0 && (
          <div className="facts__item">
            <dt>{t('feedback.fields.transfers')}</dt>
            <dd>{view.transfers.map((x) => `${x.source.toUpperCase()} ${momentText(t, x.at)}`).join('; ')}</dd>
          </div>
        )}
      </dl>
      <h2>{t('feedback.officer.deadlines')}</h2>
      <dl className="facts">
        {(['reject', 'firstSupplement', 'process', 'publish'] as const).map((k) => (
          <div className="facts__item" key={k}>
            <dt>{t(`feedback.deadline.${k}`)}</dt>
            <dd>{momentText(t, d[k])}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('feedback.fields.content')}</h2>
      <p className="prewrap">{view.content}</p>
      {(view.answer ?? view.draftAnswer) && (
        <>
          <h2>{view.answer ? t('feedback.officer.answer') : t('feedback.officer.draft')}</h2>
          <p className="prewrap">{view.answer ?? view.draftAnswer}</p>
        </>
      )}
      {done && <Notice tone="success" live="status">{done}</Notice>}
      {error && <Notice tone="error">{error}</Notice>}
      {view.allowedActions.length > 0 && (
        <form className="panel" noValidate onSubmit={submit}>
          <h2>{t('feedback.officer.act')}</h2>
          <SelectField
            id="pakn-action"
            label={t('feedback.officer.action')}
            value={action}
            onValue={(a) => setAction(a as FeedbackActionType)}
            options={[{ value: '', label: t('feedback.officer.choose') }, ...view.allowedActions.filter((a) => a !== 'record_transfer').map((a) => ({ value: a, label: t(`feedback.action.${a}`) }))]}
          />
          {action === 'classify' && (
            <SelectField id="pakn-classification" label={t('feedback.fields.classification')} value={classification} onValue={setClassification} options={(['tthc', 'conduct'] as const).map((c) => ({ value: c, label: t(`feedback.classification.${c}`) }))} />
          )}
          {action && (TEXT_OF[action] || action === 'approve') && (
            <TextArea id="pakn-text" label={t(`feedback.officer.text.${action === 'approve' ? 'answer' : TEXT_OF[action]}`)} optionalText={action === 'approve' ? t('feedback.optional') : undefined} rows={5} value={text} onValue={setText} />
          )}
          <button type="submit" className="button button--primary">
            {t('feedback.officer.submit')}
          </button>
        </form>
      )}
      <h2>{t('feedback.officer.history')}</h2>
      <ol className="history">
        {view.history.map((h) => (
          <li key={h.seq}>
            {momentText(t, h.at)} — {h.name[language]} — {h.actor}
          </li>
        ))}
      </ol>
    </div>
  );
}
