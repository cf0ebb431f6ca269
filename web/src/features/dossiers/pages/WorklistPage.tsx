// Hồ sơ cần xử lý: the nine worklists of the officer's units with their counts (GET
// /api/v1/worklists), one list at a time sorted by due date with keyset pages, and a search by
// code, applicant, status and procedure.
import { useEffect, useState, type FormEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_NAMES } from '@server/core/dossiers/status.ts';
import { failureText, SelectField, Status, TextField } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { DOSSIER_PATHS } from '../../../lib/dossier-paths.ts';
import { WorkspaceShell } from '../../workspace/WorkspaceShell.tsx';
import { dossiersApi, isWorklist, WORKLIST_NAMES, type DossierList, type SearchQuery, type WorklistName } from '../api.ts';
import { DossierTable } from '../components/DossierTable.tsx';
import { countText } from '../components/format.ts';
import '../dossiers.css';

type Source = { list: WorklistName } | { search: SearchQuery };

export function WorklistPage() {
  const { t } = useTranslation();
  return (
    <WorkspaceShell title={t('dossiers.worklists.title')} permission="dossier.read">
      <Worklists />
    </WorkspaceShell>
  );
}

function Worklists() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [counts, setCounts] = useState<Partial<Record<WorklistName, number>>>({});
  const [source, setSource] = useState<Source>(() => {
    const query = new URLSearchParams(window.location.search);
    const code = query.get('ma')?.trim();
    if (code) return { search: { code } };
    const ds = query.get('ds');
    return { list: isWorklist(ds) ? ds : 'to-receive' };
  });
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [page, setPage] = useState<DossierList | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState(() => ({ code: 'search' in source ? (source.search.code ?? '') : '', applicant: '', status: '', procedure: '' }));

  useEffect(() => {
    void dossiersApi.counts(language).then((r) => r.kind === 'ok' && setCounts(r.data));
  }, [language]);

  const cursor = cursors[cursors.length - 1];
  useEffect(() => {
    let live = true;
    setBusy(true);
    const call = 'list' in source ? dossiersApi.worklist(source.list, cursor, language) : dossiersApi.search({ ...source.search, ...(cursor ? { cursor } : {}) }, language);
    void call.then((r) => {
      if (!live) return;
      setBusy(false);
      if (r.kind === 'ok') {
        setPage(r.data);
        setError(undefined);
      } else setError(failureText(t, r));
    });
    return () => {
      live = false;
    };
  }, [source, cursor, language]);

  const choose = (name: WorklistName) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    window.history.replaceState(null, '', DOSSIER_PATHS.worklist(name));
    setCursors([undefined]);
    setSource({ list: name });
  };

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    const q: SearchQuery = {};
    if (form.code.trim()) q.code = form.code.trim();
    if (form.applicant.trim()) q.applicant = form.applicant.trim();
    if (form.status) q.status = form.status;
    if (form.procedure.trim()) q.procedure = form.procedure.trim();
    setCursors([undefined]);
    setSource({ search: q });
  };

  const caption =
    'list' in source
      ? t('dossiers.worklists.caption', { name: t(`dossiers.worklist.${source.list}`), total: countText(page?.total ?? 0, language) })
      : t('dossiers.search.caption', { total: countText(page?.total ?? 0, language) });

  return (
    <>
      <nav aria-labelledby="worklists-title" className="worklist-tabs">
        <h2 id="worklists-title" className="visually-hidden">
          {t('dossiers.worklists.listsHeading')}
        </h2>
        <ul>
          {WORKLIST_NAMES.map((name) => {
            const current = 'list' in source && source.list === name;
            return (
              <li key={name}>
                <a href={DOSSIER_PATHS.worklist(name)} onClick={choose(name)} aria-current={current ? 'page' : undefined} className={`worklist-tab${name === 'overdue' && counts[name] ? ' worklist-tab--late' : ''}`}>
                  <span>{t(`dossiers.worklist.${name}`)}</span> <span className="worklist-tab__count">{counts[name] === undefined ? '…' : countText(counts[name], language)}</span>
                </a>
              </li>
            );
          })}
        </ul>
      </nav>

      <details className="panel dossier-search" open={'search' in source || undefined}>
        <summary>{t('dossiers.search.title')}</summary>
        <form noValidate onSubmit={onSearch} role="search" aria-label={t('dossiers.search.title')}>
          <div className="dossier-search__fields">
            <TextField id="search-code" label={t('dossiers.fields.code')} value={form.code} onValue={(v) => setForm((f) => ({ ...f, code: v }))} autoComplete="off" />
            <TextField id="search-applicant" label={t('dossiers.search.applicant')} hint={t('dossiers.search.applicantHint')} value={form.applicant} onValue={(v) => setForm((f) => ({ ...f, applicant: v }))} autoComplete="off" />
            <SelectField id="search-status" label={t('dossiers.fields.status')} value={form.status} onValue={(v) => setForm((f) => ({ ...f, status: v }))}>
              <option value="">{t('dossiers.search.anyStatus')}</option>
              {Object.entries(STATUS_NAMES).map(([n, name]) => (
                <option key={n} value={n}>
                  {name[language]}
                </option>
              ))}
            </SelectField>
            <TextField id="search-procedure" label={t('dossiers.search.procedure')} hint={t('dossiers.search.procedureHint')} value={form.procedure} onValue={(v) => setForm((f) => ({ ...f, procedure: v }))} autoComplete="off" />
          </div>
          <button type="submit" className="button button--primary">
            {t('dossiers.search.submit')}
          </button>
        </form>
      </details>

      <section aria-labelledby="worklist-result-title" aria-busy={busy || undefined}>
        <h2 id="worklist-result-title">{'list' in source ? t(`dossiers.worklist.${source.list}`) : t('dossiers.search.results')}</h2>
        <Status>{busy ? t('dossiers.loading') : page ? caption : ''}</Status>
        {error && <Notice tone="error">{error}</Notice>}
        {page && page.items.length === 0 && <p>{t('dossiers.worklists.empty')}</p>}
        {page && page.items.length > 0 && <DossierTable id="worklist-table" caption={caption} rows={page.items} />}
        <div className="button-row">
          {cursors.length > 1 && (
            <button type="button" className="button button--secondary" onClick={() => setCursors([undefined])}>
              {t('dossiers.worklists.firstPage')}
            </button>
          )}
          {page?.nextCursor && (
            <button type="button" className="button button--secondary" onClick={() => setCursors((c) => [...c, page.nextCursor ?? undefined])}>
              {t('dossiers.worklists.nextPage')}
            </button>
          )}
        </div>
      </section>
    </>
  );
}
