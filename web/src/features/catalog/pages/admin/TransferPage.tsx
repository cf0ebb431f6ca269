// Nhập, xuất danh mục: download the catalog of one's units as JSON (lossless) or Excel, the blank
// Excel template, and upload a JSON or Excel file. An import is all or nothing: every error is
// listed (for Excel by sheet, row and column, in Vietnamese) and nothing changes until the file
// is clean. "Check only" runs the import without keeping anything.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from '../../../../i18n/index.ts';
import { requestJson } from '../../../../lib/api.ts';
import { Link } from '../../../../router.tsx';
import { exportUrl, importUrl, templateUrl, type ImportResult } from '../../api.ts';
import { Checkbox, ErrorSummary, failureText, FileField, problemText } from '../../../../components/forms.tsx';
import { DataTable, type Column } from '../../../../components/DataTable.tsx';
import { Notice } from '../../../../components/Notice.tsx';
import { contentPointerLabel } from '../../components/pointers.ts';
import { CATALOG_PATHS } from '../../paths.ts';
import { AdminGate } from './AdminGate.tsx';
import '../../catalog.css';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportError {
  procedure?: string;
  sheet?: string;
  row?: number;
  column?: string;
  header?: string;
  pointer: string;
  message: string;
}

export function TransferPage() {
  const { t } = useTranslation();
  return <AdminGate title={t('catalog.transfer.title')}>{() => <Transfer />}</AdminGate>;
}

function localized(m: unknown, language: Language): string {
  if (typeof m === 'string') return m;
  if (m && typeof m === 'object' && language in m) return String((m as Record<string, unknown>)[language]);
  return '';
}

function Transfer() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [file, setFile] = useState<File | undefined>();
  const [dryRun, setDryRun] = useState(true);
  const [publish, setPublish] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>();
  const [result, setResult] = useState<ImportResult | undefined>();
  const [problem, setProblem] = useState<{ text: string; errors: ImportError[] } | undefined>();
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setAttempt((a) => a + 1);
    setResult(undefined);
    setProblem(undefined);
    if (!file) {
      setFileError(t('catalog.transfer.chooseFile'));
      return;
    }
    const isXlsx = /\.xlsx$/i.test(file.name);
    const isJson = /\.json$/i.test(file.name);
    if (!isXlsx && !isJson) {
      setFileError(t('catalog.transfer.wrongType'));
      return;
    }
    setFileError(undefined);
    setBusy(true);
    try {
      const format = isXlsx ? 'xlsx' : 'json';
      const r = await requestJson<ImportResult>(importUrl(format, { publish, dryRun }), language, {
        method: 'POST',
        file: { data: file, contentType: isXlsx ? XLSX : 'application/json' },
      });
      if (r.kind === 'ok') setResult(r.data);
      else if (r.kind === 'problem') {
        const raw = Array.isArray(r.problem.extensions?.importErrors) ? (r.problem.extensions.importErrors as Array<Record<string, unknown>>) : undefined;
        const errors: ImportError[] = raw
          ? raw.map((x) => ({
              ...(typeof x.procedure === 'string' ? { procedure: x.procedure } : {}),
              ...(typeof x.sheet === 'string' ? { sheet: x.sheet, row: Number(x.row), column: String(x.column), header: String(x.header ?? '') } : {}),
              pointer: String(x.pointer),
              message: localized(x.message, language),
            }))
          : (r.problem.errors ?? []).map((x) => ({ pointer: x.pointer, message: x.message }));
        setProblem({ text: problemText(r.problem), errors });
      } else setProblem({ text: failureText(t, r), errors: [] });
    } finally {
      setBusy(false);
    }
  }

  const anySheet = problem?.errors.some((e) => e.sheet) ?? false;
  // Errors of an Excel file are placed by sheet, row and column; of a JSON file, by the place in words.
  const sheetColumns: Array<Column<ImportError>> = [
    { id: 'sheet', header: t('catalog.transfer.sheet'), cell: (x) => x.sheet ?? '' },
    { id: 'row', header: t('catalog.transfer.row'), cell: (x) => x.row ?? '' },
    {
      id: 'column',
      header: t('catalog.transfer.column'),
      cell: (x) => (
        <>
          {x.column ?? ''}
          {x.header && <span className="cat-subnote">{x.header}</span>}
        </>
      ),
    },
  ];

  return (
    <div className="page catalog">
      <nav className="cat-breadcrumb" aria-label={t('catalog.breadcrumb')}>
        <ol>
          <li>
            <Link to={CATALOG_PATHS.admin}>{t('catalog.admin.title')}</Link>
          </li>
          <li aria-current="page">{t('catalog.transfer.title')}</li>
        </ol>
      </nav>
      <h1 tabIndex={-1}>{t('catalog.transfer.title')}</h1>

      <section className="panel cat-transfer-section" aria-labelledby="export-title">
        <h2 id="export-title">{t('catalog.transfer.exportTitle')}</h2>
        <p>{t('catalog.transfer.exportIntro')}</p>
        <ul className="cat-link-list">
          <li>
            <a href={exportUrl('xlsx', 'latest')} download>
              {t('catalog.transfer.exportXlsxLatest')}
            </a>
          </li>
          <li>
            <a href={exportUrl('xlsx', 'published')} download>
              {t('catalog.transfer.exportXlsxPublished')}
            </a>
          </li>
          <li>
            <a href={exportUrl('json', 'latest')} download>
              {t('catalog.transfer.exportJsonLatest')}
            </a>
          </li>
          <li>
            <a href={exportUrl('json', 'published')} download>
              {t('catalog.transfer.exportJsonPublished')}
            </a>
          </li>
          <li>
            <a href={templateUrl} download>
              {t('catalog.transfer.template')}
            </a>
          </li>
        </ul>
      </section>

      <section className="panel cat-transfer-section" aria-labelledby="import-title">
        <h2 id="import-title">{t('catalog.transfer.importTitle')}</h2>
        <p>{t('catalog.transfer.importIntro')}</p>
        <ErrorSummary items={fileError ? [{ target: 'import-file', text: fileError }] : []} attempt={attempt} />
        <form noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="import-title">
          <FileField
            id="import-file"
            label={t('catalog.transfer.file')}
            hint={t('catalog.transfer.fileHint')}
            error={fileError}
            accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onFile={setFile}
          />
          <Checkbox id="import-dry-run" label={t('catalog.transfer.dryRun')} checked={dryRun} onValue={setDryRun} />
          <Checkbox id="import-publish" label={t('catalog.transfer.publish')} hint={t('catalog.transfer.publishHint')} checked={publish} onValue={setPublish} />
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy ? t('catalog.transfer.importing') : dryRun ? t('catalog.transfer.check') : t('catalog.transfer.import')}
          </button>
        </form>

        <div role="status" className="cat-transfer-result">
          {result && (
            <Notice tone="success" id="import-result">
              <p>{result.dryRun ? t('catalog.transfer.dryRunOk', { count: result.results.length }) : t('catalog.transfer.done', { count: result.results.length })}</p>
              <DataTable
                id="import-result-table"
                caption={t('catalog.transfer.resultTable')}
                captionHidden
                rows={result.results}
                rowKey={(x) => x.code}
                columns={[
                  { id: 'code', header: t('catalog.procedure.code'), rowHeader: true, cell: (x) => x.code },
                  { id: 'action', header: t('catalog.transfer.action'), cell: (x) => t(`catalog.transfer.actions.${x.action}`) },
                  { id: 'version', header: t('catalog.adminProcedure.version'), cell: (x) => x.versionNumber },
                  { id: 'status', header: t('catalog.adminProcedure.status'), cell: (x) => t(`catalog.status.${x.status}`) },
                  { id: 'warnings', header: t('catalog.transfer.warnings'), cell: (x) => x.warnings },
                ]}
              />
            </Notice>
          )}
        </div>
        {problem && (
          <Notice tone="error" live="alert" id="import-errors">
            <p>{problem.text}</p>
            {problem.errors.length > 0 && (
              <DataTable
                id="import-error-table"
                caption={t('catalog.transfer.errorTable')}
                captionHidden
                rows={problem.errors}
                rowKey={(_, i) => String(i)}
                columns={[
                  ...(anySheet ? sheetColumns : [{ id: 'where', header: t('catalog.transfer.where'), cell: (x: ImportError) => contentPointerLabel(t, x.pointer) }]),
                  { id: 'procedure', header: t('catalog.procedure.code'), cell: (x) => x.procedure ?? '' },
                  { id: 'message', header: t('catalog.transfer.message'), cell: (x) => x.message },
                ]}
              />
            )}
          </Notice>
        )}
      </section>
    </div>
  );
}
