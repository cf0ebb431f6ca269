// Nền tảng tích hợp, chia sẻ dữ liệu (LGSP): the services offered and who may call them, the
// consumer systems (an administrator disables or enables one), calls, errors and latency per
// service and consumer over the last 24 hours, the message log's signed head, and the latest calls.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { failureText } from '../../components/forms.tsx';
import { Loading } from '../../components/AccessNotices.tsx';
import { Notice } from '../../components/Notice.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';
import { hasPermission, useSession } from '../../lib/session.tsx';
import { WorkspaceShell } from '../workspace/WorkspaceShell.tsx';
import { isConsumer, isConsumerList, isLogPage, isServiceList, isStats, type ConsumerItem, type LogItem, type ServiceList, type Stats } from './api.ts';

export function LgspPage() {
  const { t } = useTranslation();
  return (
    <WorkspaceShell title={t('lgsp.title')} intro={t('lgsp.intro')} permission="lgsp.audit">
      <Gateway />
    </WorkspaceShell>
  );
}

const moment = (iso: string, language: string) =>
  new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'medium' });

function Gateway() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { me } = useSession();
  const canAdminister = hasPermission(me, 'lgsp.admin');
  const [services, setServices] = useState<ApiResult<ServiceList>>();
  const [consumers, setConsumers] = useState<ApiResult<{ items: ConsumerItem[] }>>();
  const [stats, setStats] = useState<ApiResult<Stats>>();
  const [log, setLog] = useState<ApiResult<{ items: LogItem[]; nextBefore: number | null }>>();
  const [message, setMessage] = useState<string>();
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const ignore = () => undefined;
    const get = <T,>(url: string, accept: (b: unknown) => b is T, set: (r: ApiResult<T>) => void) =>
      requestJson(url, language, { accept, signal: controller.signal }).then(set, ignore);
    void get('/api/v1/lgsp/services', isServiceList, setServices);
    void get('/api/v1/lgsp/consumers', isConsumerList, setConsumers);
    void get('/api/v1/lgsp/stats?hours=24', isStats, setStats);
    void get('/api/v1/lgsp/log?limit=20', isLogPage, setLog);
    return () => controller.abort();
  }, [language, reload]);

  async function toggle(c: ConsumerItem) {
    const outcome = await requestJson(`/api/v1/lgsp/consumers/${encodeURIComponent(c.id)}`, language, { method: 'PATCH', body: { enabled: !c.enabled }, accept: isConsumer });
    setMessage(outcome.kind === 'ok' ? t(outcome.data.enabled ? 'lgsp.consumers.enabledNow' : 'lgsp.consumers.disabledNow', { id: c.id }) : failureText(t, outcome));
    setReload((n) => n + 1);
  }

  const failed = [services, consumers, stats, log].find((r) => r && r.kind !== 'ok') as Exclude<ApiResult<unknown>, { kind: 'ok' }> | undefined;
  if (failed) return <Notice tone="error" title={t('lgsp.loadFailed')}>{failureText(t, failed)}</Notice>;
  if (services?.kind !== 'ok' || consumers?.kind !== 'ok' || stats?.kind !== 'ok' || log?.kind !== 'ok') return <Loading />;
  const name = (l: { vi: string; en: string }) => (language === 'en' ? l.en : l.vi);
  const purposeName = new Map(services.data.purposes.map((p) => [p.code, name(p.name)]));

  return (
    <>
      <div role="status" aria-live="polite">
        {message && <Notice tone="info">{message}</Notice>}
      </div>
      <section className="panel" aria-labelledby="lgsp-log-heading">
        <h2 id="lgsp-log-heading">{t('lgsp.log.heading')}</h2>
        <dl className="facts">
          <dt>{t('lgsp.log.rows')}</dt>
          <dd>{stats.data.log.rows.toLocaleString(language)}</dd>
          <dt>{t('lgsp.log.lastSigned')}</dt>
          <dd>
            {stats.data.log.lastSignedSeq === null
              ? t('lgsp.log.noneSigned')
              : t('lgsp.log.signedAt', { seq: stats.data.log.lastSignedSeq, at: moment(stats.data.log.lastSignedAt!, language) })}
          </dd>
        </dl>
        <p>{t('lgsp.log.verifyHint')}</p>
      </section>

      <DataTable
        id="lgsp-services"
        caption={t('lgsp.services.caption')}
        rows={services.data.items}
        rowKey={(s) => s.code}
        columns={[
          { id: 'code', header: t('lgsp.services.code'), rowHeader: true, cell: (s) => <code>{s.code}</code> },
          { id: 'name', header: t('lgsp.services.name'), cell: (s) => name(s.name) },
          { id: 'provider', header: t('lgsp.services.provider'), cell: (s) => `${t(`lgsp.provider.${s.provider.kind}`)} — ${s.provider.name}` },
          { id: 'version', header: t('lgsp.services.version'), numeric: true, cell: (s) => s.version },
          { id: 'state', header: t('lgsp.services.state'), cell: (s) => (s.enabled ? t('lgsp.on') : t('lgsp.off')) },
          { id: 'purposes', header: t('lgsp.services.purposes'), cell: (s) => s.purposes.map((p) => purposeName.get(p) ?? p).join('; ') },
          { id: 'consumers', header: t('lgsp.services.consumers'), cell: (s) => s.consumers.join(', ') || '—' },
        ]}
      />

      <DataTable
        id="lgsp-consumers"
        caption={t('lgsp.consumers.caption')}
        rows={consumers.data.items}
        rowKey={(c) => c.id}
        columns={[
          { id: 'id', header: t('lgsp.consumers.id'), rowHeader: true, cell: (c) => <code>{c.id}</code> },
          { id: 'name', header: t('lgsp.consumers.name'), cell: (c) => c.name },
          { id: 'auth', header: t('lgsp.consumers.auth'), cell: (c) => t(`lgsp.auth.${c.authMethod}`) },
          { id: 'limits', header: t('lgsp.consumers.limits'), cell: (c) => t('lgsp.consumers.limitsValue', { minute: c.perMinute ?? t('lgsp.default'), day: c.perDay ?? t('lgsp.default') }) },
          { id: 'services', header: t('lgsp.consumers.services'), cell: (c) => c.services.join(', ') || '—' },
          {
            id: 'state',
            header: t('lgsp.consumers.state'),
            cell: (c) =>
              canAdminister ? (
                <button type="button" className="button button--secondary" onClick={() => void toggle(c)} aria-label={t(c.enabled ? 'lgsp.consumers.disableLabel' : 'lgsp.consumers.enableLabel', { id: c.id })}>
                  {c.enabled ? t('lgsp.consumers.disable') : t('lgsp.consumers.enable')}
                </button>
              ) : c.enabled ? (
                t('lgsp.on')
              ) : (
                t('lgsp.off')
              ),
          },
        ]}
      />

      <DataTable
        id="lgsp-stats"
        caption={t('lgsp.stats.caption')}
        rows={stats.data.rows}
        rowKey={(r) => `${r.serviceCode ?? '-'}:${r.consumerId ?? '-'}`}
        columns={[
          { id: 'service', header: t('lgsp.stats.service'), rowHeader: true, cell: (r) => r.serviceCode ?? t('lgsp.unknown') },
          { id: 'consumer', header: t('lgsp.stats.consumer'), cell: (r) => r.consumerId ?? t('lgsp.unknown') },
          { id: 'calls', header: t('lgsp.stats.calls'), numeric: true, cell: (r) => r.calls.toLocaleString(language) },
          { id: 'errors', header: t('lgsp.stats.errors'), numeric: true, cell: (r) => r.errors.toLocaleString(language) },
          { id: 'latency', header: t('lgsp.stats.latency'), numeric: true, cell: (r) => r.avgLatencyMs.toLocaleString(language) },
        ]}
      />

      <DataTable
        id="lgsp-calls"
        caption={t('lgsp.calls.caption')}
        rows={log.data.items}
        rowKey={(m) => String(m.seq)}
        columns={[
          { id: 'seq', header: t('lgsp.calls.seq'), rowHeader: true, numeric: true, cell: (m) => m.seq },
          { id: 'at', header: t('lgsp.calls.at'), cell: (m) => moment(m.at, language) },
          { id: 'consumer', header: t('lgsp.stats.consumer'), cell: (m) => m.consumerId ?? t('lgsp.unknown') },
          { id: 'service', header: t('lgsp.stats.service'), cell: (m) => m.serviceCode ?? t('lgsp.unknown') },
          { id: 'purpose', header: t('lgsp.calls.purpose'), cell: (m) => (m.purpose ? (purposeName.get(m.purpose) ?? m.purpose) : '—') },
          { id: 'status', header: t('lgsp.calls.status'), numeric: true, cell: (m) => `${m.status} ${m.outcome === 'ok' ? '' : m.outcome}` },
          { id: 'latency', header: t('lgsp.calls.latency'), numeric: true, cell: (m) => (m.latencyUs / 1000).toLocaleString(language, { maximumFractionDigits: 2 }) },
        ]}
      />
    </>
  );
}
