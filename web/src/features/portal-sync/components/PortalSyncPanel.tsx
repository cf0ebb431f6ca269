// For the officer's dossier page: the dossier's delivery to the national public service portal
// (Cổng DVCQG) — its state in words, when the portal last acknowledged it, whether the portal holds
// it, the failed attempts since the last success, whether a delivery is queued, the last error with
// its code, and the latest calls. A dossier never queued (or an installation that does not deliver)
// answers 404, said in words. An administrator sends it again now ("Gửi lại ngay"); the panel then
// reads the state again every few seconds while that delivery is open.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/AccessNotices.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { failureText } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import type { ApiResult } from '../../../lib/api.ts';
import { hasPermission, useSession } from '../../../lib/session.tsx';
import { portalSyncApi, type PortalSyncAttemptView, type PortalSyncView } from '../api.ts';
import { StateTag, when } from './format.tsx';
import '../portal-sync.css';

/** After a retry: how often, and how many times at most, the state is read again while its delivery is open. */
const WATCH_MS = 3000;
const WATCH_MAX = 40;

export function PortalSyncPanel({ dossierId, version }: { dossierId: string; /** Read again when the dossier changes. */ version: number }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { me } = useSession();
  const mayRetry = hasPermission(me, 'portal_sync.retry');
  const [outcome, setOutcome] = useState<ApiResult<PortalSyncView> | undefined>();
  const [reads, setReads] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const [message, setMessage] = useState('');
  const [watch, setWatch] = useState<number | undefined>();

  useEffect(() => {
    let live = true;
    void portalSyncApi.status(dossierId, language).then((r) => {
      if (live) setOutcome(r);
    });
    return () => {
      live = false;
    };
  }, [dossierId, version, language, reads]);

  const view = outcome?.kind === 'ok' ? outcome.data : undefined;

  // After a retry, read again until the delivery it queued is over (or the watch runs out).
  useEffect(() => {
    if (watch === undefined || !view) return;
    if (!view.retrying) {
      setWatch(undefined);
      setMessage(t('portalSync.panel.retryDone', { state: t(`portalSync.state.${view.state}`) }));
      return;
    }
    if (watch >= WATCH_MAX) {
      setWatch(undefined);
      setMessage(t('portalSync.panel.stillWaiting'));
      return;
    }
    const timer = window.setTimeout(() => {
      setWatch((n) => (n === undefined ? n : n + 1));
      setReads((n) => n + 1);
    }, WATCH_MS);
    return () => window.clearTimeout(timer);
  }, [watch, view, t]);

  async function retry() {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    setMessage('');
    const r = await portalSyncApi.retry(dossierId, language);
    setBusy(false);
    if (r.kind !== 'ok') {
      setFailure(failureText(t, r));
      return;
    }
    // The answer is the new state without the calls: keep the calls shown until the next read.
    setOutcome((prev) => ({ kind: 'ok', data: { ...r.data, recentCalls: prev?.kind === 'ok' ? prev.data.recentCalls : [] } }));
    setMessage(t('portalSync.panel.retried'));
    setWatch(0);
    setReads((n) => n + 1);
  }

  return (
    <section className="panel portal-sync" aria-labelledby="portal-sync-title" id="portal-sync">
      <h2 id="portal-sync-title">{t('portalSync.panel.title')}</h2>
      {!outcome ? (
        <Loading text={t('portalSync.panel.loading')} />
      ) : outcome.kind !== 'ok' ? (
        outcome.kind === 'problem' && outcome.problem.status === 404 ? (
          <p id="portal-sync-not-queued">{t('portalSync.panel.notQueued')}</p>
        ) : (
          <Notice tone="error" title={t('portalSync.panel.loadFailed')} headingLevel={3}>
            <p>{failureText(t, outcome)}</p>
          </Notice>
        )
      ) : (
        <SyncFacts v={outcome.data} />
      )}
      <p role="status" className="portal-sync__message">
        {message}
      </p>
      {failure && (
        <Notice tone="error" title={t('portalSync.panel.retryFailed')} headingLevel={3} live="alert">
          <p>{failure}</p>
        </Notice>
      )}
      {outcome && (
        <div className="button-row">
          {mayRetry && view && (
            <button type="button" className="button button--primary" aria-disabled={busy || undefined} onClick={() => void retry()}>
              {busy ? t('portalSync.panel.retrying') : t('portalSync.panel.retry')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={() => setReads((n) => n + 1)}>
            {t('portalSync.panel.refresh')}
          </button>
        </div>
      )}
      {view && <RecentCalls calls={view.recentCalls} />}
    </section>
  );
}

function SyncFacts({ v }: { v: PortalSyncView }) {
  const { t } = useTranslation();
  return (
    <dl className="facts portal-sync__facts">
      <div className="facts__item">
        <dt>{t('portalSync.panel.state')}</dt>
        <dd>
          <StateTag state={v.state} id="portal-sync-state" />
        </dd>
      </div>
      <div className="facts__item">
        <dt>{t('portalSync.panel.syncedAt')}</dt>
        <dd>{v.syncedAt ? when(t, v.syncedAt) : t('portalSync.panel.never')}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('portalSync.panel.onPortal')}</dt>
        <dd>{v.onPortal ? t('portalSync.panel.onPortalYes') : t('portalSync.panel.onPortalNo')}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('portalSync.panel.attempts')}</dt>
        <dd id="portal-sync-attempts">{v.attempts}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('portalSync.panel.lastAttemptAt')}</dt>
        <dd>{when(t, v.lastAttemptAt)}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('portalSync.panel.scheduled')}</dt>
        <dd id="portal-sync-scheduled">{v.retrying ? t('portalSync.panel.scheduledYes') : t('portalSync.panel.scheduledNo')}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('portalSync.panel.history')}</dt>
        <dd>{t('portalSync.panel.historySent', { count: v.processEntriesSent })}</dd>
      </div>
      <div className="facts__item portal-sync__wide">
        <dt>{t('portalSync.panel.lastError')}</dt>
        <dd id="portal-sync-error">
          {v.lastError ? (
            <>
              {v.lastError}
              {v.lastErrorCode && <span className="portal-sync__code"> {t('portalSync.panel.errorCode', { code: v.lastErrorCode })}</span>}
            </>
          ) : (
            t('portalSync.panel.noError')
          )}
        </dd>
      </div>
    </dl>
  );
}

function RecentCalls({ calls }: { calls: readonly PortalSyncAttemptView[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const nf = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB');
  const operation = (c: PortalSyncAttemptView) =>
    c.operation === 'process' && c.chunkStart !== null
      ? t('portalSync.call.processChunk', { from: c.chunkStart + 1, to: c.chunkStart + Math.max(1, c.entries) })
      : t(`portalSync.call.operation.${c.operation}`);
  return (
    <>
      <h3>{t('portalSync.call.title')}</h3>
      {calls.length === 0 ? (
        <p>{t('portalSync.call.none')}</p>
      ) : (
        <DataTable
          id="portal-sync-calls"
          caption={t('portalSync.call.caption', { count: calls.length })}
          captionHidden
          rows={calls}
          rowKey={(c, i) => `${c.at}#${i}`}
          columns={[
            { id: 'at', header: t('portalSync.call.at'), rowHeader: true, cell: (c) => when(t, c.at) },
            { id: 'operation', header: t('portalSync.call.operationHeader'), cell: operation },
            { id: 'outcome', header: t('portalSync.call.outcomeHeader'), cell: (c) => t(`portalSync.call.outcome.${c.outcome}`) },
            { id: 'http', header: t('portalSync.call.httpStatus'), numeric: true, cell: (c) => c.httpStatus ?? '—' },
            { id: 'code', header: t('portalSync.call.errorCode'), cell: (c) => c.errorCode ?? '—' },
            { id: 'message', header: t('portalSync.call.message'), className: 'portal-sync__text', cell: (c) => c.message || '—' },
            { id: 'duration', header: t('portalSync.call.duration'), numeric: true, cell: (c) => t('portalSync.call.ms', { ms: nf.format(c.durationMs) }) },
          ]}
        />
      )}
    </>
  );
}
