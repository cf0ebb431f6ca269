// Parts of a dossier page shared by the applicant's and the officer's views: the summary facts,
// the history (kit Timeline), the files with their downloads, and the control slip rows.
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable.tsx';
import { Timeline, type TimelineEvent } from '../../../components/Timeline.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { dossierFileUrl } from '../../../lib/dossier-paths.ts';
import type { DossierView } from '../api.ts';
import { isOverdue, momentText, sizeText } from './format.ts';

const TONES: Partial<Record<string, 'success' | 'warning' | 'error'>> = {
  receive: 'success',
  issue_result: 'success',
  return_result: 'success',
  refuse: 'error',
  stop: 'error',
  withdraw: 'warning',
  request_supplement: 'warning',
  request_completion: 'warning',
  request_payment: 'warning',
  apologize: 'warning',
};

export function DossierFacts({ d }: { d: DossierView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const due = d.state.rescheduledDueAt ?? d.dueAt;
  const late = isOverdue({ dueAt: due, finishedAt: d.finishedAt });
  return (
    <dl className="facts dossier-facts">
      <div className="facts__item">
        <dt>{t('dossiers.fields.code')}</dt>
        <dd id="dossier-code">{d.code ?? '—'}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('dossiers.fields.status')}</dt>
        <dd id="dossier-status">
          <strong>{d.statusName[language]}</strong>
        </dd>
      </div>
      <div className="facts__item">
        <dt>{t('dossiers.fields.procedure')}</dt>
        <dd>{d.procedureName}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('dossiers.fields.applicant')}</dt>
        <dd>{d.applicantName}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('dossiers.fields.channel')}</dt>
        <dd>{t(`dossiers.channel.c${d.channel}`)}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('dossiers.fields.received')}</dt>
        <dd>{momentText(t, d.receivedAt ?? d.submittedAt)}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('dossiers.fields.due')}</dt>
        <dd className={late ? 'dossier-late' : undefined}>
          {momentText(t, due)}
          {late && <> ({t('dossiers.overdue')})</>}
          {d.state.rescheduledDueAt && <span className="muted"> {t('dossiers.rescheduled')}</span>}
        </dd>
      </div>
      {d.finishedAt && (
        <div className="facts__item">
          <dt>{t('dossiers.fields.finished')}</dt>
          <dd>{momentText(t, d.finishedAt)}</dd>
        </div>
      )}
    </dl>
  );
}

/** The reason, opinion and listed items of an action's payload, as the timeline shows them. */
function detailsOf(payload: Record<string, unknown>) {
  return {
    reason: typeof payload.reason === 'string' ? payload.reason : undefined,
    opinion: typeof payload.opinion === 'string' ? payload.opinion : undefined,
    items: Array.isArray(payload.items) ? payload.items.filter((i): i is string => typeof i === 'string') : [],
  };
}

const hasActionDetails = (payload: Record<string, unknown>) => {
  const d = detailsOf(payload);
  return Boolean(d.reason || d.opinion || d.items.length > 0);
};

/** An action's reason, opinion and items (the timeline; the supplement asked). */
export function ActionDetails({ payload }: { payload: Record<string, unknown> }) {
  const { t } = useTranslation();
  const { reason, opinion, items } = detailsOf(payload);
  return (
    <>
      {reason && <p>{t('dossiers.timeline.reason', { reason })}</p>}
      {opinion && <p>{t('dossiers.timeline.opinion', { opinion })}</p>}
      {items.length > 0 && (
        <ul>
          {items.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
    </>
  );
}

export function DossierTimeline({ d }: { d: DossierView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const events = [...d.timeline].reverse().map((e): TimelineEvent => {
    return {
      id: String(e.seq),
      at: e.at,
      atText: momentText(t, e.at),
      title: e.name[language],
      by: e.actor,
      tone: TONES[e.type] ?? 'neutral',
      details: hasActionDetails(e.payload) ? <ActionDetails payload={e.payload} /> : undefined,
    };
  });
  return (
    <section className="panel" aria-labelledby="dossier-history-title">
      <h2 id="dossier-history-title">{t('dossiers.timeline.title')}</h2>
      <Timeline events={events} label={t('dossiers.timeline.label')} id="dossier-timeline" />
    </section>
  );
}

export function DossierFiles({ d }: { d: DossierView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <section className="panel" aria-labelledby="dossier-files-title">
      <h2 id="dossier-files-title">{t('dossiers.files.title')}</h2>
      <ul className="dossier-files">
        {d.components.map((c) => (
          <li key={c.code}>
            <h3 className="dossier-files__name">
              {c.code}. {c.name}
            </h3>
            {c.files.length === 0 ? (
              <p className="muted">{t('dossiers.files.none')}</p>
            ) : (
              <ul>
                {c.files.map((f) => (
                  <li key={f.id}>
                    <a href={dossierFileUrl(d.id, f.id)} download>
                      {t('dossiers.files.download', { name: f.name })}
                    </a>{' '}
                    <span className="muted">
                      ({f.format.toUpperCase()}, {sizeText(f.size, language)}
                      {f.role !== 'submitted' ? `, ${t(`dossiers.files.role.${f.role === 'supplement' ? 'supplement' : f.role === 'result' ? 'result' : 'other'}`)}` : ''})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Phiếu kiểm soát quá trình giải quyết hồ sơ (control slip): one row per step, on time or late. */
export function DossierSteps({ d }: { d: DossierView }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="dossier-steps-title">
      <h2 id="dossier-steps-title">{t('dossiers.steps.title')}</h2>
      <DataTable
        id="dossier-steps"
        caption={t('dossiers.steps.caption')}
        captionHidden
        rows={d.steps}
        rowKey={(s, i) => `${s.kind}-${i}`}
        columns={[
          { id: 'kind', header: t('dossiers.steps.kind'), rowHeader: true, cell: (s) => t(`dossiers.step.${s.kind}`, { defaultValue: s.kind }) },
          { id: 'by', header: t('dossiers.steps.by'), cell: (s) => s.by ?? '—' },
          { id: 'started', header: t('dossiers.steps.started'), cell: (s) => momentText(t, s.startedAt) },
          { id: 'due', header: t('dossiers.steps.due'), cell: (s) => momentText(t, s.dueAt) },
          { id: 'finished', header: t('dossiers.steps.finished'), cell: (s) => momentText(t, s.finishedAt) },
          {
            id: 'onTime',
            header: t('dossiers.steps.onTime'),
            cell: (s) =>
              s.onTime === null ? (
                t('dossiers.steps.pending')
              ) : s.onTime ? (
                t('dossiers.steps.early')
              ) : (
                <strong className="dossier-late">{t('dossiers.steps.late')}</strong>
              ),
          },
        ]}
      />
    </section>
  );
}
