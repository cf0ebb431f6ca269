// Nhật ký tra cứu dân cư: who queried the National Population Database, when, for what purpose
// and with what result — counts per unit or per officer over a period (administrators, auditors,
// unit leaders: their units) and the individual queries (receivers and specialists: their own),
// each with a CSV download of the same selection.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type {
  QueryLogEntry,
  QueryLogPage as QueryLogPageSchema,
  Report as ReportSchema,
  ReportRow as ReportRowSchema,
} from '@server/modules/population/schema.ts';
import { Forbidden } from '../../components/AccessNotices.tsx';
import { DateField, ErrorSummary, failureText, hasFormErrors, noErrors, SelectField, type FormErrors } from '../../components/forms.tsx';
import { Notice } from '../../components/Notice.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';
import { formatCivilDate, vnNowInputValue } from '../../lib/datetime.ts';
import { hasPermission, useSession } from '../../lib/session.tsx';
import { useUnits } from '../workspace/units.ts';
import type { Purpose } from '../workspace/purposes.ts';
import { QUERY_LOG_PERMISSIONS, WorkspaceShell } from '../workspace/WorkspaceShell.tsx';
import { shortMoment } from './shared.tsx';

/** The results a query may have, in the order the filter offers them (the server's QueryLogEntry.result). */
const RESULTS = ['pending', 'found', 'not_found', 'mismatch', 'unavailable'] as const satisfies readonly LogEntry['result'][];

/** The population module's shapes (type-only imports from its schemas). */
type ReportRow = z.infer<typeof ReportRowSchema>;
type Report = z.infer<typeof ReportSchema>;
type LogEntry = z.infer<typeof QueryLogEntry>;
type LogPage = z.infer<typeof QueryLogPageSchema>;

const isReport = (body: unknown): body is Report =>
  typeof body === 'object' && body !== null && Array.isArray((body as Report).rows) && typeof (body as Report).totals === 'object';
const isLogPage = (body: unknown): body is LogPage =>
  typeof body === 'object' && body !== null && Array.isArray((body as { items?: unknown }).items);
const isPurposes = (body: unknown): body is Purpose[] => Array.isArray(body);

const FIELDS = ['from', 'to', 'groupBy', 'result'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_ID = Object.fromEntries(FIELDS.map((f) => [f, `log-${f}`])) as Record<Field, string>;

interface Period {
  from: string;
  to: string;
  groupBy: 'unit' | 'officer';
  result: string;
}

/** The first day of this month and today, in Vietnam time. */
function defaultPeriod(): Period {
  const today = vnNowInputValue().slice(0, 10);
  return { from: `${today.slice(0, 8)}01`, to: today, groupBy: 'unit', result: '' };
}

const LOG_PAGE = 50;
const COUNT_COLUMNS = ['total', 'sent', 'cacheHits', 'found', 'notFound', 'mismatch', 'unavailable', 'distinctSubjects'] as const;

export function QueryLogPage() {
  const { t } = useTranslation();
  return (
    <WorkspaceShell
      title={t('admin.queryLog.title')}
      intro={t('admin.queryLog.intro')}
      permission={QUERY_LOG_PERMISSIONS}
    >
      <QueryLog />
    </WorkspaceShell>
  );
}

function QueryLog() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { me } = useSession();
  const units = useUnits();
  const canReport = hasPermission(me, 'population.report');
  const [draft, setDraft] = useState<Period>(defaultPeriod);
  const [period, setPeriod] = useState<Period>(draft);
  const [errors, setErrors] = useState<FormErrors<Field> | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [report, setReport] = useState<ApiResult<Report> | undefined>();
  const [log, setLog] = useState<(LogPage & { failure?: Exclude<ApiResult<unknown>, { kind: 'ok' }> }) | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [purposes, setPurposes] = useState<Map<string, Purpose>>(new Map());

  useEffect(() => {
    let live = true;
    void requestJson('/api/v1/population/purposes', language, { accept: isPurposes }).then((o) => {
      if (live && o.kind === 'ok') setPurposes(new Map(o.data.map((p) => [p.code, p])));
    });
    return () => {
      live = false;
    };
  }, [language]);

  const reportQuery = new URLSearchParams({ from: period.from, to: period.to, groupBy: period.groupBy }).toString();
  const logParams = (before?: number) => {
    const p = new URLSearchParams({ from: period.from, to: period.to, limit: String(LOG_PAGE) });
    if (period.result) p.set('result', period.result);
    if (before) p.set('before', String(before));
    return p;
  };
  const logCsv = (() => {
    const p = logParams();
    p.delete('limit');
    p.set('limit', '1000');
    p.set('format', 'csv');
    return `/api/v1/population/query-log?${p.toString()}`;
  })();

  useEffect(() => {
    const controller = new AbortController();
    const ignore = () => undefined;
    if (canReport) {
      setReport(undefined);
      requestJson(`/api/v1/population/query-log/report?${reportQuery}`, language, { accept: isReport, signal: controller.signal }).then(
        setReport,
        ignore,
      );
    }
    setLog(undefined);
    requestJson(`/api/v1/population/query-log?${logParams().toString()}`, language, { accept: isLogPage, signal: controller.signal }).then(
      (o) => setLog(o.kind === 'ok' ? o.data : { items: [], nextBefore: null, failure: o }),
      ignore,
    );
    return () => controller.abort();
    // logParams and reportQuery are derived from period.
  }, [period, language, canReport]);

  async function more() {
    if (!log?.nextBefore || loadingMore) return;
    setLoadingMore(true);
    try {
      const o = await requestJson(`/api/v1/population/query-log?${logParams(log.nextBefore).toString()}`, language, { accept: isLogPage });
      if (o.kind === 'ok') setLog({ items: [...log.items, ...o.data.items], nextBefore: o.data.nextBefore });
      else setLog({ ...log, failure: o });
    } finally {
      setLoadingMore(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const local = noErrors<Field>();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.from)) local.fields.from = [t('admin.queryLog.dateRequired')];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.to)) local.fields.to = [t('admin.queryLog.dateRequired')];
    else if (draft.from > draft.to) local.fields.to = [t('admin.queryLog.toBeforeFrom')];
    if (hasFormErrors(local)) {
      setErrors(local);
      return;
    }
    setErrors(undefined);
    setPeriod({ ...draft });
  }

  const labels: Record<Field, string> = {
    from: t('admin.queryLog.from'),
    to: t('admin.queryLog.to'),
    groupBy: t('admin.queryLog.groupBy'),
    result: t('admin.queryLog.result'),
  };
  const errorPrefix = t('account.common.errorPrefix');
  const purposeName = (code: string) => {
    const p = purposes.get(code);
    return p ? (language === 'en' ? p.nameEn : p.nameVi) : code;
  };

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} title={t('admin.queryLog.errorTitle')} fieldIds={FIELD_ID} fieldLabels={labels} />
      <form className="panel period-form" noValidate onSubmit={onSubmit} aria-label={t('admin.queryLog.periodLabel')}>
        <DateField
          id={FIELD_ID.from}
          label={labels.from}
          errorPrefix={errorPrefix}
          errors={errors?.fields.from}
          required
          inputClassName="input--medium"
          value={draft.from}
          onValue={(v) => setDraft((d) => ({ ...d, from: v }))}
        />
        <DateField
          id={FIELD_ID.to}
          label={labels.to}
          errorPrefix={errorPrefix}
          errors={errors?.fields.to}
          required
          inputClassName="input--medium"
          value={draft.to}
          onValue={(v) => setDraft((d) => ({ ...d, to: v }))}
        />
        {canReport && (
          <SelectField
            id={FIELD_ID.groupBy}
            label={labels.groupBy}
            errorPrefix={errorPrefix}
            value={draft.groupBy}
            onChange={(e) => setDraft((d) => ({ ...d, groupBy: e.target.value === 'officer' ? 'officer' : 'unit' }))}
          >
            <option value="unit">{t('admin.queryLog.byUnit')}</option>
            <option value="officer">{t('admin.queryLog.byOfficer')}</option>
          </SelectField>
        )}
        <SelectField
          id={FIELD_ID.result}
          label={labels.result}
          errorPrefix={errorPrefix}
          value={draft.result}
          onChange={(e) => setDraft((d) => ({ ...d, result: e.target.value }))}
        >
          <option value="">{t('admin.queryLog.allResults')}</option>
          {RESULTS.map((r) => (
            <option key={r} value={r}>
              {t(`admin.queryLog.resultName.${r}`)}
            </option>
          ))}
        </SelectField>
        <div className="period-form__actions">
          <button type="submit" className="button button--primary">
            {t('admin.queryLog.show')}
          </button>
        </div>
      </form>

      {canReport && (
        <section className="section" aria-labelledby="report-title" aria-busy={!report}>
          <h2 id="report-title">{period.groupBy === 'unit' ? t('admin.queryLog.reportByUnit') : t('admin.queryLog.reportByOfficer')}</h2>
          <ul className="download-links">
            <li>
              <a className="action-link" href={`/api/v1/population/query-log/report?${reportQuery}&format=csv`} download id="report-csv">
                {t('admin.queryLog.downloadReport')}
              </a>
            </li>
          </ul>
          {!report ? (
            <p className="loading" role="status">
              {t('account.common.loading')}
            </p>
          ) : report.kind !== 'ok' ? (
            report.kind === 'problem' && report.problem.status === 403 ? (
              <Forbidden text={failureText(t, report)} />
            ) : (
              <Notice tone="error" title={t('account.common.loadFailedTitle')} live="alert">
                <p>{failureText(t, report)}</p>
              </Notice>
            )
          ) : report.data.rows.length === 0 ? (
            <p className="muted" role="status">
              {t('admin.queryLog.noQueries')}
            </p>
          ) : (
            <DataTable
              id="report-table"
              caption={t('admin.queryLog.reportCaption', { from: formatCivilDate(t, report.data.from), to: formatCivilDate(t, report.data.to) })}
              rows={report.data.rows}
              rowKey={(r) => r.key ?? 'citizens'}
              footer={{ ...report.data.totals, key: '__totals' }}
              columns={[
                {
                  id: 'name',
                  header: report.data.groupBy === 'unit' ? t('admin.queryLog.col.unit') : t('admin.queryLog.col.officer'),
                  label: '',
                  rowHeader: true,
                  cell: (r) => (r.key === '__totals' ? t('admin.queryLog.totals') : r.key === null ? t('admin.queryLog.citizensRow') : r.label),
                },
                {
                  id: 'code',
                  header: report.data.groupBy === 'unit' ? t('admin.queryLog.col.agencyCode') : t('admin.queryLog.col.username'),
                  cell: (r) => (r.key === '__totals' ? '' : (r.code ?? '')),
                },
                ...COUNT_COLUMNS.map((c) => ({
                  id: c,
                  header: t(`admin.queryLog.col.${c}`),
                  numeric: true,
                  cell: (r: ReportRow) => r[c].toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB'),
                })),
              ]}
            />
          )}
        </section>
      )}

      <section className="section" aria-labelledby="log-title" aria-busy={!log}>
        <h2 id="log-title">{canReport ? t('admin.queryLog.entriesHeading') : t('admin.queryLog.ownEntriesHeading')}</h2>
        <ul className="download-links">
          <li>
            <a className="action-link" href={logCsv} download id="log-csv">
              {t('admin.queryLog.downloadLog')}
            </a>
          </li>
        </ul>
        {!log ? (
          <p className="loading" role="status">
            {t('account.common.loading')}
          </p>
        ) : log.failure && log.items.length === 0 ? (
          log.failure.kind === 'problem' && log.failure.problem.status === 403 ? (
            <Forbidden text={failureText(t, log.failure)} />
          ) : (
            <Notice tone="error" title={t('account.common.loadFailedTitle')} live="alert">
              <p>{failureText(t, log.failure)}</p>
            </Notice>
          )
        ) : log.items.length === 0 ? (
          <p className="muted" role="status">
            {t('admin.queryLog.noQueries')}
          </p>
        ) : (
          <>
            <DataTable
              id="log-table"
              caption={t('admin.queryLog.entriesCaption', { count: log.items.length })}
              rows={log.items}
              rowKey={(e) => String(e.id)}
              columns={[
                { id: 'at', header: t('admin.queryLog.col.at'), className: 'nowrap', cell: (e) => <time dateTime={e.at}>{shortMoment(t, e.at)}</time> },
                {
                  id: 'actor',
                  header: t('admin.queryLog.col.actor'),
                  className: 'cell-wide',
                  cell: (e) => (
                    <span>
                      {e.actorName}
                      <br />
                      <span className="muted">{e.actorKind === 'citizen' ? t('admin.queryLog.citizen') : (e.officerCode ?? '')}</span>
                    </span>
                  ),
                },
                { id: 'unit', header: t('admin.queryLog.col.unit'), className: 'cell-wide', cell: (e) => (e.unitId ? units.label(e.unitId) : '—') },
                {
                  id: 'purpose',
                  header: t('admin.queryLog.col.purpose'),
                  className: 'cell-wide',
                  cell: (e) => (
                    <span>
                      {purposeName(e.purpose)}
                      {e.dossierRef && (
                        <>
                          <br />
                          <span className="muted">{t('admin.queryLog.dossier', { ref: e.dossierRef })}</span>
                        </>
                      )}
                    </span>
                  ),
                },
                { id: 'subject', header: t('admin.queryLog.col.subject'), className: 'nowrap', cell: (e) => e.subjectPersonalId ?? '—' },
                { id: 'result', header: t('admin.queryLog.col.result'), cell: (e) => <LogResult entry={e} /> },
                { id: 'requestId', header: t('admin.queryLog.col.requestId'), className: 'request-id muted', cell: (e) => e.requestId },
              ]}
            />
            {log.nextBefore && (
              <p className="pager">
                <button type="button" className="button button--secondary" onClick={() => void more()} aria-disabled={loadingMore || undefined}>
                  {loadingMore ? t('account.common.loading') : t('admin.queryLog.more')}
                </button>
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}

/** The result of one query, with where the answer came from. */
function LogResult({ entry: e }: { entry: LogEntry }) {
  const { t } = useTranslation();
  return (
    <span>
      <span className={`result-tag state ${e.result === 'found' ? 'state--ok' : e.result === 'unavailable' ? 'state--warn' : e.result === 'pending' ? 'state--off' : 'state--bad'}`}>
        {t(`admin.queryLog.resultName.${e.result}`)}
      </span>
      {e.source === 'cache' && (
        <>
          <br />
          <span className="muted">{t('admin.queryLog.fromCache')}</span>
        </>
      )}
    </span>
  );
}
