// Đối soát với Cổng DVCQG: an officer who reads the ministry's index imports the national
// portal's published 766 figures of a month (its evaluation JSON, SPEC §1.3) and reads the
// differences per unit and group, with the dossiers that never reached the portal (the portal
// cannot count them). Every import is kept as it was taken; earlier ones are listed and reopened
// by `?id=`.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Forbidden, Loading } from '../../../components/AccessNotices.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorSummary, failureText, fieldMessage, FileField, SelectField, type SummaryItem } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatMoment, vnMoment } from '../../../lib/datetime.ts';
import { DOSSIER_PATHS } from '../../../lib/dossier-paths.ts';
import { Link } from '../../../router.tsx';
import { WorkspaceShell } from '../../workspace/WorkspaceShell.tsx';
import { GROUPS, liveQualityApi, reconciliationApi, type ReconciliationImport, type ReconciliationImports, type Scopes } from '../api.ts';
import { monthLabel, number, recentMonths } from '../components/figures.tsx';
import { QUALITY_PATHS } from '../paths.ts';
import '../quality.css';

/** The largest evaluation file the page reads, as the import route accepts (bodyLimit in the quality module). */
const MAX_BYTES = 5 * 1024 * 1024;

export function ReconciliationPage() {
  const { t } = useTranslation();
  return (
    <WorkspaceShell title={t('quality.reconcile.title')} intro={t('quality.reconcile.intro')} permission="quality.read" ministryWide>
      <Reconciliation />
    </WorkspaceShell>
  );
}

const idOfUrl = () => new URLSearchParams(window.location.search).get('id') ?? undefined;

function Reconciliation() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [scopes, setScopes] = useState<Scopes | undefined>();
  const [list, setList] = useState<ReconciliationImports['items'] | undefined>();
  const [shown, setShown] = useState<ReconciliationImport | undefined>();
  const [selected, setSelected] = useState<string | undefined>(idOfUrl);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    void liveQualityApi.scopes(language).then((r) => (r.kind === 'ok' ? setScopes(r.data) : setError(failureText(t, r))));
  }, [language, t]);

  const ministry = scopes?.ministry === true;
  // The list is re-read after each import (the server says what each import found).
  const [imported, setImported] = useState(0);
  useEffect(() => {
    if (!ministry) return;
    void reconciliationApi.list(language).then((r) => (r.kind === 'ok' ? setList(r.data.items) : setError(failureText(t, r))));
  }, [ministry, imported, language, t]);

  useEffect(() => {
    if (!ministry || !selected || shown?.id === selected) return;
    let live = true;
    void reconciliationApi.one(selected, language).then((r) => {
      if (!live) return;
      if (r.kind === 'ok') setShown(r.data);
      else setError(failureText(t, r));
    });
    return () => {
      live = false;
    };
  }, [ministry, selected, shown?.id, language, t]);

  const open = (id: string) => {
    const q = new URLSearchParams(window.location.search);
    q.set('id', id);
    window.history.replaceState(null, '', `${window.location.pathname}?${q.toString()}`);
    setSelected(id);
  };

  if (!scopes && !error) return <Loading />;
  if (scopes && !ministry) return <Forbidden text={t('quality.reconcile.ministryOnly')} />;
  return (
    <div className="quality quality-reconcile">
      {error && <Notice tone="error">{error}</Notice>}
      <ImportForm
        onImported={(done) => {
          setShown(done);
          open(done.id);
          setImported((n) => n + 1);
        }}
      />
      {shown && shown.id === selected && <ReconciliationView data={shown} scopes={scopes} />}
      <section aria-labelledby="qr-imports">
        <h2 id="qr-imports">{t('quality.reconcile.imports')}</h2>
        {list === undefined ? (
          <Loading />
        ) : list.length === 0 ? (
          <p>{t('quality.reconcile.noImports')}</p>
        ) : (
          <DataTable
            id="qr-import-table"
            caption={t('quality.reconcile.importsCaption', { count: list.length })}
            rows={list}
            rowKey={(r) => r.id}
            columns={[
              { id: 'at', header: t('quality.reconcile.importedAt'), rowHeader: true, cell: (r) => <When iso={r.importedAt} /> },
              { id: 'month', header: t('quality.month'), cell: (r) => monthLabel(r.month, language) },
              { id: 'file', header: t('quality.reconcile.file'), cell: (r) => r.fileName ?? '–' },
              { id: 'by', header: t('quality.reconcile.importedBy'), cell: (r) => r.importedBy },
              { id: 'departments', header: t('quality.reconcile.departments'), numeric: true, cell: (r) => number(r.departments, language) },
              { id: 'unmatched', header: t('quality.reconcile.unmatched'), numeric: true, cell: (r) => number(r.unmatched, language) },
              { id: 'largest', header: t('quality.reconcile.largest'), numeric: true, cell: (r) => signed(r.largestDifference, language) },
              { id: 'unsynced', header: t('quality.reconcile.unsynced'), numeric: true, cell: (r) => number(r.unsyncedDossiers, language) },
              {
                id: 'open',
                header: t('quality.reconcile.open'),
                cell: (r) =>
                  r.id === selected ? (
                    <span aria-current="true">{t('quality.reconcile.showing')}</span>
                  ) : (
                    <Link to={`${QUALITY_PATHS.reconciliation}?id=${encodeURIComponent(r.id)}`} onClick={() => setSelected(r.id)}>
                      {t('quality.reconcile.view', { month: monthLabel(r.month, language) })}
                    </Link>
                  ),
              },
            ]}
          />
        )}
      </section>
    </div>
  );
}

/** A difference with its sign (the installation's figure minus the portal's). */
function signed(n: number | null, language: string): string {
  if (n === null) return '–';
  return n > 0 ? `+${number(n, language)}` : number(n, language);
}

function When({ iso }: { iso: string }) {
  const { t } = useTranslation();
  const m = vnMoment(iso);
  return <>{m ? formatMoment(t, m) : iso}</>;
}

function ImportForm({ onImported }: { onImported(done: ReconciliationImport): void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  // The months that are over: the portal publishes a month after it ends.
  const months = recentMonths(new Date(), language, 13).slice(1);
  const [month, setMonth] = useState(months[0]?.value ?? '');
  const [file, setFile] = useState<File | undefined>();
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const [general, setGeneral] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setAttempt((a) => a + 1);
    setGeneral(undefined);
    if (!file) return setFileErrors([t('quality.reconcile.fileMissing')]);
    if (file.size > MAX_BYTES) return setFileErrors([t('quality.reconcile.fileTooLarge')]);
    let evaluation: unknown;
    try {
      evaluation = JSON.parse(await file.text());
    } catch {
      return setFileErrors([t('quality.reconcile.fileNotJson')]);
    }
    setFileErrors([]);
    setBusy(true);
    const r = await reconciliationApi.import(month, evaluation, file.name, language);
    setBusy(false);
    if (r.kind === 'ok') return onImported(r.data);
    if (r.kind === 'problem') {
      const inFile = (r.problem.errors ?? []).filter((x) => !x.pointer.startsWith('/params') && !x.pointer.startsWith('/query'));
      if (inFile.length > 0) return setFileErrors(inFile.slice(0, 10).map((x) => t('quality.reconcile.fileProblem', { problem: fieldMessage(x) })));
    }
    setGeneral(failureText(t, r));
  }

  const summary: SummaryItem[] = [...fileErrors.map((text) => ({ target: 'qr-file', text })), ...(general ? [{ text: general }] : [])];
  return (
    <section className="panel" aria-labelledby="qr-import">
      <h2 id="qr-import">{t('quality.reconcile.importTitle')}</h2>
      <p>{t('quality.reconcile.importIntro')}</p>
      <ErrorSummary items={summary} attempt={attempt} />
      <form noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="qr-import" className="quality-reconcile__form">
        <SelectField id="qr-month" label={t('quality.reconcile.month')} value={month} onValue={setMonth} options={months} />
        <FileField
          id="qr-file"
          label={t('quality.reconcile.file')}
          hint={t('quality.reconcile.fileHint')}
          errors={fileErrors}
          required
          accept=".json,application/json"
          onFile={(f) => {
            setFile(f);
            setFileErrors([]);
          }}
        />
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {busy ? t('quality.reconcile.importing') : t('quality.reconcile.import')}
        </button>
      </form>
    </section>
  );
}

function ReconciliationView({ data, scopes }: { data: ReconciliationImport; scopes: Scopes | undefined }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const unitName = (id: string | null) => {
    if (id === null) return t('quality.reconcile.noUnit');
    const unit = scopes?.units.find((u) => u.id === id);
    return unit ? (language === 'vi' ? unit.nameVi : unit.nameEn) : id;
  };
  const department = (i: ReconciliationImport['items'][number]) => `${i.departmentCode}${i.departmentName ? ` — ${i.departmentName}` : ''}`;
  const withUnsynced = data.items.filter((i) => i.unsyncedDossiers.length > 0);
  const title = t('quality.reconcile.resultTitle', { month: monthLabel(data.month, language) });
  return (
    <section aria-labelledby="qr-result" id="qr-result-section">
      <h2 id="qr-result" tabIndex={-1}>
        {title}
      </h2>
      <p>
        {t('quality.reconcile.resultMeta', { by: data.importedBy, file: data.fileName ?? '–' })} <When iso={data.importedAt} />.
      </p>
      <p>{data.basis === 'frozen' ? t('quality.reconcile.basisFrozen') : t('quality.reconcile.basisRecomputed')}</p>
      <DataTable
        id="qr-totals"
        caption={t('quality.reconcile.totalsCaption')}
        rows={data.items}
        rowKey={(i) => i.departmentCode}
        columns={[
          { id: 'department', header: t('quality.reconcile.department'), rowHeader: true, cell: department },
          { id: 'unit', header: t('quality.reconcile.unit'), cell: (i) => unitName(i.unitId) },
          { id: 'portal', header: t('quality.reconcile.portal'), numeric: true, cell: (i) => number(i.total.portal, language) },
          { id: 'local', header: t('quality.reconcile.local'), numeric: true, cell: (i) => number(i.total.local, language) },
          { id: 'difference', header: t('quality.reconcile.difference'), numeric: true, cell: (i) => signed(i.total.difference, language) },
          { id: 'unsynced', header: t('quality.reconcile.unsynced'), numeric: true, cell: (i) => number(i.unsyncedDossiers.length, language) },
        ]}
      />
      <DataTable
        id="qr-groups"
        caption={t('quality.reconcile.groupsCaption')}
        rows={data.items}
        rowKey={(i) => i.departmentCode}
        columns={[
          { id: 'department', header: t('quality.reconcile.department'), rowHeader: true, cell: (i) => i.departmentCode },
          ...GROUPS.map((g) => ({
            id: g,
            header: <abbr title={t(`quality.group.${g}`)}>{g}</abbr>,
            label: `${g} — ${t(`quality.group.${g}`)}`,
            numeric: true,
            cell: (i: ReconciliationImport['items'][number]) => {
              const d = i.groups[g];
              return d ? `${number(d.portal, language)} → ${number(d.local, language)} (${signed(d.difference, language)})` : '–';
            },
          })),
        ]}
      />
      <p className="quality-why__note">{t('quality.reconcile.groupsHint')}</p>
      <h3>{t('quality.reconcile.unsyncedTitle')}</h3>
      {withUnsynced.length === 0 ? (
        <p>{t('quality.reconcile.noUnsynced')}</p>
      ) : (
        withUnsynced.map((i) => (
          <details key={i.departmentCode} className="quality-why">
            <summary>{t('quality.reconcile.unsyncedOf', { department: department(i), count: i.unsyncedDossiers.length })}</summary>
            <ul>
              {i.unsyncedDossiers.slice(0, 200).map((code) => (
                <li key={code}>
                  <Link to={DOSSIER_PATHS.byCode(code)}>{code}</Link>
                </li>
              ))}
            </ul>
            {i.unsyncedDossiers.length > 200 && <p>{t('quality.live.more', { count: i.unsyncedDossiers.length - 200 })}</p>}
          </details>
        ))
      )}
    </section>
  );
}
