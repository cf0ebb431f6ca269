// Tra cứu cơ sở dữ liệu sở hữu trí tuệ (public): published applications and granted titles of
// patents, utility solutions, trademarks and industrial designs, by keyword (subject, application
// or title number, applicant) and kind, with each title's validity and end of protection.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable.tsx';
import { failureText, SelectField, TextField } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatCivilDate } from '../../../lib/datetime.ts';
import { IP_KIND_LIST, ipApi, type PublicList, type Query } from '../api.ts';
import '../ip.css';

export function IpSearchPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [query, setQuery] = useState<Query>({});
  const [list, setList] = useState<PublicList | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setBusy(true);
    setError(undefined);
    void ipApi.search(query, language).then((r) => {
      if (!live) return;
      setBusy(false);
      if (r.kind === 'ok') setList(r.data);
      else setError(failureText(t, r));
    });
    return () => {
      live = false;
    };
  }, [query, language, t]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setQuery({ q, kind });
  }

  const offset = query.offset ?? 0;
  return (
    <div className="page ip">
      <h1 tabIndex={-1}>{t('ip.search.title')}</h1>
      <p>{t('ip.search.intro')}</p>
      <form className="panel" role="search" onSubmit={submit} noValidate aria-busy={busy || undefined}>
        <div className="ip-filters">
          <TextField id="ip-q" label={t('ip.search.q')} hint={t('ip.search.qHint')} value={q} onValue={setQ} maxLength={100} />
          <SelectField id="ip-kind" label={t('ip.search.kind')} value={kind} onValue={setKind} options={[{ value: '', label: t('ip.search.allKinds') }, ...IP_KIND_LIST.map((k) => ({ value: k, label: t(`ip.kind.${k}`) }))]} />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('ip.search.submit')}
          </button>
        </div>
      </form>
      {error && <Notice tone="error">{error}</Notice>}
      {list && (
        <div aria-live="polite">
          {list.items.length === 0 ? (
            <Notice tone="info">{t('ip.search.empty')}</Notice>
          ) : (
            <>
              <DataTable
                id="ip-results"
                caption={t('ip.search.caption', { count: list.total, from: offset + 1, to: offset + list.items.length })}
                rows={list.items}
                rowKey={(r) => r.applicationNo}
                columns={[
                  { id: 'no', header: t('ip.col.applicationNo'), rowHeader: true, cell: (r) => r.applicationNo },
                  { id: 'kind', header: t('ip.col.kind'), cell: (r) => t(`ip.kind.${r.kind}`) },
                  {
                    id: 'subject',
                    header: t('ip.col.subject'),
                    className: 'ip-subject',
                    cell: (r) => (
                      <>
                        {r.subject}
                        {r.classes.length > 0 && <div className="note">{t(`ip.classes.${r.kind}`, { classes: r.classes.join(', ') })}</div>}
                      </>
                    ),
                  },
                  { id: 'filed', header: t('ip.col.filed'), cell: (r) => formatCivilDate(t, r.filingDate) },
                  { id: 'applicant', header: t('ip.col.applicant'), cell: (r) => r.applicantName },
                  { id: 'status', header: t('ip.col.status'), cell: (r) => t(`ip.status.${r.status}`) },
                  {
                    id: 'title',
                    header: t('ip.col.title'),
                    cell: (r) =>
                      r.title ? (
                        <>
                          {r.title.titleNo}
                          <div className="note">
                            {t(`ip.validity.${r.title.validity}`)} · {t('ip.until', { date: formatCivilDate(t, r.title.expiresOn) })}
                          </div>
                        </>
                      ) : (
                        '—'
                      ),
                  },
                ]}
              />
              <div className="ip-pager">
                {offset > 0 && (
                  <button type="button" className="button" onClick={() => setQuery({ ...query, offset: Math.max(0, offset - 20) })}>
                    {t('ip.prev')}
                  </button>
                )}
                {offset + list.items.length < list.total && (
                  <button type="button" className="button" onClick={() => setQuery({ ...query, offset: offset + 20 })}>
                    {t('ip.next')}
                  </button>
                )}
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}
