// CSDL sở hữu trí tuệ (officers, registry.read): every application of the units the officer reads,
// with its applicant's link to the national population database.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, LoginRequired } from '../../../components/AccessNotices.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { failureText, SelectField, TextField } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatCivilDate } from '../../../lib/datetime.ts';
import { useSession } from '../../../lib/session.tsx';
import { Link } from '../../../router.tsx';
import { LinkStatus } from '../components/LinkStatus.tsx';
import { IP_KIND_LIST, ipApi, STATUS_LIST, type OfficerList, type Query } from '../api.ts';
import { IP_PATHS } from '../paths.ts';
import '../ip.css';

export function IpOfficerPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { status: session, me } = useSession();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [query, setQuery] = useState<Query>({});
  const [list, setList] = useState<OfficerList | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const officer = me?.kind === 'officer';

  useEffect(() => {
    if (!officer) return;
    let live = true;
    setBusy(true);
    setError(undefined);
    void ipApi.list(query, language).then((r) => {
      if (!live) return;
      setBusy(false);
      if (r.kind === 'ok') setList(r.data);
      else setError(failureText(t, r));
    });
    return () => {
      live = false;
    };
  }, [officer, query, language, t]);

  if (session === 'loading') return <Loading />;
  if (!me) return <LoginRequired text={t('ip.officer.forbidden')} />;
  if (!officer) return <Notice tone="info">{t('ip.officer.forbidden')}</Notice>;

  function submit(e: FormEvent) {
    e.preventDefault();
    setQuery({ q, kind, status });
  }

  const offset = query.offset ?? 0;
  return (
    <div className="page ip">
      <h1 tabIndex={-1}>{t('ip.officer.title')}</h1>
      <p>{t('ip.officer.intro')}</p>
      <form className="panel" role="search" onSubmit={submit} noValidate aria-busy={busy || undefined}>
        <div className="ip-filters">
          <TextField id="ipo-q" label={t('ip.officer.q')} value={q} onValue={setQ} maxLength={100} />
          <SelectField id="ipo-kind" label={t('ip.search.kind')} value={kind} onValue={setKind} options={[{ value: '', label: t('ip.search.allKinds') }, ...IP_KIND_LIST.map((k) => ({ value: k, label: t(`ip.kind.${k}`) }))]} />
          <SelectField id="ipo-status" label={t('ip.col.status')} value={status} onValue={setStatus} options={[{ value: '', label: t('ip.officer.allStatuses') }, ...STATUS_LIST.map((s) => ({ value: s, label: t(`ip.status.${s}`) }))]} />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('ip.search.submit')}
        </button>
      </form>
      {error && <Notice tone="error">{error}</Notice>}
      {list &&
        (list.items.length === 0 ? (
          <Notice tone="info">{t('ip.search.empty')}</Notice>
        ) : (
          <>
            <DataTable
              id="ip-applications"
              caption={t('ip.search.caption', { count: list.total, from: offset + 1, to: offset + list.items.length })}
              rows={list.items}
              rowKey={(r) => r.id}
              columns={[
                { id: 'no', header: t('ip.col.applicationNo'), rowHeader: true, cell: (r) => <Link to={IP_PATHS.applicationOf(r.id)}>{r.applicationNo}</Link> },
                { id: 'kind', header: t('ip.col.kind'), cell: (r) => t(`ip.kind.${r.kind}`) },
                { id: 'subject', header: t('ip.col.subject'), className: 'ip-subject', cell: (r) => r.subject },
                { id: 'filed', header: t('ip.col.filed'), cell: (r) => formatCivilDate(t, r.filingDate) },
                {
                  id: 'applicant',
                  header: t('ip.col.applicant'),
                  cell: (r) => (
                    <>
                      {r.applicant.name}
                      {r.applicant.person && (
                        <div>
                          <LinkStatus person={r.applicant.person} />
                        </div>
                      )}
                    </>
                  ),
                },
                { id: 'status', header: t('ip.col.status'), cell: (r) => t(`ip.status.${r.status}`) },
                { id: 'title', header: t('ip.col.title'), cell: (r) => (r.title ? `${r.title.titleNo} (${t(`ip.validity.${r.title.validity}`)})` : '—') },
              ]}
            />
            <div className="ip-pager">
              {offset > 0 && (
                <button type="button" className="button" onClick={() => setQuery({ ...query, offset: Math.max(0, offset - 50) })}>
                  {t('ip.prev')}
                </button>
              )}
              {offset + list.items.length < list.total && (
                <button type="button" className="button" onClick={() => setQuery({ ...query, offset: offset + 50 })}>
                  {t('ip.next')}
                </button>
              )}
            </div>
          </>
        ))}
    </div>
  );
}
