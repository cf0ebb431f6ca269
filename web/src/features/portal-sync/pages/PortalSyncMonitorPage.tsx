// Đồng bộ lên Cổng DVCQG (administrators and auditors, ministry-wide): how many dossiers are
// waiting, delivered and in error, the dossiers of one state by code — each leading to the
// officer's dossier page, where its calls are and where an administrator sends it again — and
// keyset pages ("Trang sau" with the list's `next`). The filter and the page are in the address
// (?trang-thai=error&sau=…), so a view can be reloaded and shared; back and forward move between them.
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Forbidden } from '../../../components/AccessNotices.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { failureText, Status } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import type { ApiResult } from '../../../lib/api.ts';
import { DOSSIER_PATHS } from '../../../lib/dossier-paths.ts';
import { Link } from '../../../router.tsx';
import { WorkspaceShell } from '../../workspace/WorkspaceShell.tsx';
import { isPortalSyncState, PORTAL_SYNC_STATES, portalSyncApi, type PortalSyncList, type PortalSyncState } from '../api.ts';
import { StateTag, when } from '../components/format.tsx';
import { monitorPath } from '../paths.ts';
import '../portal-sync.css';

export function PortalSyncMonitorPage() {
  const { t } = useTranslation();
  return (
    <WorkspaceShell title={t('portalSync.monitor.title')} intro={t('portalSync.monitor.intro')} permission="portal_sync.monitor">
      <Monitor />
    </WorkspaceShell>
  );
}

interface Query {
  state: PortalSyncState | undefined;
  after: string | undefined;
}

function queryOfLocation(): Query {
  const q = new URLSearchParams(window.location.search);
  const state = q.get('trang-thai');
  return { state: isPortalSyncState(state) ? state : undefined, after: q.get('sau')?.trim() || undefined };
}

function Monitor() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const nf = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB');
  const [query, setQuery] = useState<Query>(queryOfLocation);
  const [outcome, setOutcome] = useState<ApiResult<PortalSyncList> | undefined>();
  const [counts, setCounts] = useState<PortalSyncList['counts'] | undefined>();
  const results = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);

  // Back and forward move between filters and pages.
  useEffect(() => {
    const onPop = () => setQuery(queryOfLocation());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setOutcome(undefined);
    portalSyncApi.list(query, language, controller.signal).then(
      (r) => {
        setOutcome(r);
        if (r.kind === 'ok') setCounts(r.data.counts);
      },
      () => undefined, // aborted
    );
    return () => controller.abort();
  }, [query, language]);

  // After a change of page, the reader starts at the list's heading (the button pressed may be gone).
  useEffect(() => {
    if (outcome && focusResults.current) {
      focusResults.current = false;
      results.current?.focus();
    }
  }, [outcome]);

  const go = (next: Query, moveFocus: boolean) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const to = monitorPath(next.state, next.after);
    if (to !== window.location.pathname + window.location.search) window.history.pushState(null, '', to);
    focusResults.current = moveFocus;
    setQuery(next);
  };

  const label = (state: PortalSyncState | undefined) => (state ? t(`portalSync.state.${state}`) : t('portalSync.monitor.all'));
  const total = counts ? counts.pending + counts.synced + counts.error : undefined;
  const countOf = (state: PortalSyncState | undefined) => (counts === undefined ? '…' : nf.format(state ? counts[state] : total!));
  const page = outcome?.kind === 'ok' ? outcome.data : undefined;
  const caption = t('portalSync.monitor.caption', { state: label(query.state), count: page?.items.length ?? 0 });

  if (outcome?.kind === 'problem' && outcome.problem.status === 403) return <Forbidden text={failureText(t, outcome)} />;
  return (
    <div className="portal-sync-monitor">
      <nav aria-labelledby="portal-sync-filter-title" className="portal-sync-filter">
        <h2 id="portal-sync-filter-title">{t('portalSync.monitor.filterTitle')}</h2>
        <ul>
          {[undefined, ...PORTAL_SYNC_STATES].map((state) => {
            const current = query.state === state;
            return (
              <li key={state ?? 'all'}>
                <a
                  href={monitorPath(state)}
                  onClick={go({ state, after: undefined }, false)}
                  aria-current={current ? 'page' : undefined}
                  className={`portal-sync-filter__tab${state === 'error' && counts?.error ? ' portal-sync-filter__tab--bad' : ''}`}
                >
                  <span>{label(state)}</span> <span className="portal-sync-filter__count">{countOf(state)}</span>
                </a>
              </li>
            );
          })}
        </ul>
      </nav>

      <section aria-labelledby="portal-sync-results-title" aria-busy={!outcome || undefined}>
        <h2 id="portal-sync-results-title" ref={results} tabIndex={-1}>
          {query.state ? t('portalSync.monitor.resultsOf', { state: label(query.state) }) : t('portalSync.monitor.resultsAll')}
        </h2>
        <Status>{!outcome ? t('portalSync.monitor.loading') : page ? caption : ''}</Status>
        {outcome && outcome.kind !== 'ok' && (
          <Notice tone="error" title={t('portalSync.monitor.loadFailed')}>
            <p>{failureText(t, outcome)}</p>
          </Notice>
        )}
        {page && page.items.length === 0 && <p>{query.after ? t('portalSync.monitor.emptyPage') : t('portalSync.monitor.empty')}</p>}
        {page && page.items.length > 0 && (
          <DataTable
            id="portal-sync-list"
            caption={caption}
            rows={page.items}
            rowKey={(r) => r.dossierId}
            columns={[
              { id: 'code', header: t('portalSync.monitor.code'), rowHeader: true, cell: (r) => <Link to={DOSSIER_PATHS.workspaceDossier(r.dossierId)}>{r.dossierCode}</Link> },
              { id: 'state', header: t('portalSync.monitor.state'), cell: (r) => <StateTag state={r.state} /> },
              { id: 'attempts', header: t('portalSync.monitor.attempts'), numeric: true, cell: (r) => nf.format(r.attempts) },
              { id: 'last', header: t('portalSync.monitor.lastAttempt'), cell: (r) => when(t, r.lastAttemptAt) },
              {
                id: 'error',
                header: t('portalSync.monitor.lastError'),
                className: 'portal-sync__text',
                cell: (r) => (r.lastError ? `${r.lastError}${r.lastErrorCode ? ` ${t('portalSync.panel.errorCode', { code: r.lastErrorCode })}` : ''}` : '—'),
              },
            ]}
          />
        )}
        {(query.after || page?.next) && (
          <div className="button-row">
            {query.after && (
              <a href={monitorPath(query.state)} className="button button--secondary" onClick={go({ state: query.state, after: undefined }, true)}>
                {t('portalSync.monitor.firstPage')}
              </a>
            )}
            {page?.next && (
              <a href={monitorPath(query.state, page.next)} className="button button--secondary" onClick={go({ state: query.state, after: page.next }, true)}>
                {t('portalSync.monitor.nextPage')}
              </a>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
