// Mẫu văn bản kết quả: an administrator chooses a procedure and one of its versions (or all its
// versions), edits the result template with {{fields}} — HTML (the default), or a pdfmake JSON
// definition for layouts HTML cannot express —, inserts fields from the list, sees the HTML at
// once in a sandboxed frame, previews the PDF (unsigned, marked "BẢN XEM TRƯỚC"), saves, or goes
// back to what the scope inherits (the procedure's template, or the default). The server's
// problems are shown at the template field with their line (HTML) or place in the JSON.
import { DEFAULT_RESULT_HTML } from '@server/core/results/template.ts';
import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, failureText, noErrors, SelectField, Status, TextArea, TextField, type FormErrors } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import type { ApiResult } from '../../../lib/api.ts';
import { WorkspaceShell } from '../../workspace/WorkspaceShell.tsx';
import { resultsApi, type ProcedureChoice, type TemplateSource, type TemplateView } from '../api.ts';
import '../results.css';

type Field = 'template';
type Format = TemplateView['format'];
const IDS: Record<Field, string> = { template: 'result-template-source' };
const ALL_VERSIONS = 'all';
const QR = { html: '<result-qr size="96"></result-qr>', pdfmake: '{ "resultQr": true }' } as const satisfies Record<Format, string>;

/** Where a scope written in HTML starts when switched to pdfmake: the default's main parts. */
const PDFMAKE_START = JSON.stringify(
  {
    content: [
      { text: '{{result.name}}', bold: true, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 12] },
      { text: [{ text: 'Cấp cho: ', bold: true }, '{{applicant.name}}'] },
      { text: '{{result.summary}}', margin: [0, 8, 0, 8] },
      { resultQr: true, fit: 96 },
      { text: 'Xác thực văn bản tại: {{result.verifyUrl}}', fontSize: 8 },
    ],
  },
  null,
  2,
);

export function TemplatesPage() {
  const { t } = useTranslation();
  return (
    <WorkspaceShell title={t('results.templates.title')} intro={t('results.templates.intro')} permission="result.template">
      <TemplateEditor />
    </WorkspaceShell>
  );
}

/**
 * "content/0/text" of "/body/template/content/0/text": where in a pdfmake template a problem is.
 * Empty for `/body/html`: an HTML problem's message names its line.
 */
const placeOf = (pointer: string) => pointer.replace(/^\/body\/(?:template|html)\/?/, '');

/** The text the editor holds for a view in `format` (undefined: the view is in the other one). */
function textOf(view: TemplateView, format: Format): string | undefined {
  if (format === 'html') return view.format === 'html' ? (view.html ?? '') : undefined;
  return view.format === 'pdfmake' ? JSON.stringify(view.template, null, 2) : undefined;
}

/**
 * The HTML template as a document for the quick view. The frame is sandboxed (no script, no form,
 * no navigation of the page) and the document's own policy forbids every fetch, so an <img> or a
 * style that loads something, while being written (the server refuses them), calls nobody. The QR
 * code's place is a box of the size the template asks for (its real look is in the PDF preview).
 */
function liveDocument(html: string): string {
  const withQr = html.replace(/<result-qr\b([^>]*)>(?:\s*<\/result-qr>)?/gi, (_, attributes: string) => {
    // As the PDF does: the size in points, 96 when it is missing or out of 24–400.
    const asked = Number(/\bsize\s*=\s*["']?(\d+)/i.exec(attributes)?.[1]);
    const size = asked > 24 && asked < 400 ? asked : 96;
    const align = /\balign\s*=\s*["']?(center|right)/i.exec(attributes)?.[1]?.toLowerCase();
    return `<span class="qr${align ? ` qr--${align}` : ''}" style="width:${size}pt;height:${size}pt">QR</span>`;
  });
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
body { margin: 1rem; font: 13pt/1.4 'Times New Roman', 'Liberation Serif', serif; color: #000; background: #fff; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; }
td, th { vertical-align: top; padding: 2px 4px; }
h1 { font-size: 14pt; text-align: center; }
.qr { display: flex; align-items: center; justify-content: center; border: 1px dashed #555; font: 10pt sans-serif; color: #333; }
.qr--center { margin: 0 auto; }
.qr--right { margin-left: auto; }
</style></head><body>${withQr}</body></html>`;
}

function TemplateEditor() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [query, setQuery] = useState('');
  const [procedures, setProcedures] = useState<ApiResult<{ items: ProcedureChoice[] }>>();
  const [procedure, setProcedure] = useState('');
  const [version, setVersion] = useState(ALL_VERSIONS);
  const [view, setView] = useState<ApiResult<TemplateView>>();
  const [format, setFormat] = useState<Format>('html');
  const [text, setText] = useState('');
  // The draft of the format not chosen: switching back and forth loses nothing; only the chosen
  // format's text is saved.
  const [otherText, setOtherText] = useState('');
  const [liveHtml, setLiveHtml] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [preview, setPreview] = useState<string>();
  const area = useRef<HTMLTextAreaElement | null>(null);
  const versionNumber = version === ALL_VERSIONS ? undefined : Number(version);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void resultsApi.procedures(query.trim(), language).then((r) => {
        if (!live) return;
        setProcedures(r);
        if (r.kind === 'ok' && r.data.items.length > 0 && !r.data.items.some((p) => p.code === procedure)) {
          setProcedure(r.data.items[0]!.code);
          setVersion(ALL_VERSIONS);
        }
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The chosen procedure is kept while it is still in the list; only the query reloads it.
  }, [query, language]);

  const show = (r: ApiResult<TemplateView>) => {
    setView(r);
    if (r.kind !== 'ok') return;
    const other: Format = r.data.format === 'html' ? 'pdfmake' : 'html';
    setFormat(r.data.format);
    setText(textOf(r.data, r.data.format) ?? '');
    // The other format starts from the system's default (HTML) or from a short definition with the
    // same parts (pdfmake).
    setOtherText(textOf(r.data, other) ?? (other === 'html' ? DEFAULT_RESULT_HTML : PDFMAKE_START));
  };

  function switchFormat(next: string) {
    if (next === format || (next !== 'html' && next !== 'pdfmake')) return;
    setFormat(next);
    setText(otherText);
    setOtherText(text);
    setErrors(undefined);
  }

  useEffect(() => {
    if (!procedure) return;
    let live = true;
    setErrors(undefined);
    setMessage(undefined);
    void resultsApi.template(procedure, versionNumber, language).then((r) => {
      if (live) show(r);
    });
    return () => {
      live = false;
    };
  }, [procedure, version, language]);

  // The quick view is rebuilt when typing pauses: a new srcdoc reloads the frame.
  useEffect(() => {
    if (format !== 'html') return;
    const timer = setTimeout(() => setLiveHtml(text), 300);
    return () => clearTimeout(timer);
  }, [format, text]);

  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview);
  }, [preview]);

  /** What to send: the HTML, or the JSON parsed; else the error at the field. */
  function parsed(): TemplateSource | undefined {
    setAttempt((n) => n + 1);
    if (format === 'html') {
      if (text.trim()) {
        setErrors(undefined);
        return { html: text };
      }
      setErrors({ fields: { template: [t('results.templates.empty')] }, general: [] });
      return undefined;
    }
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(t('results.templates.notObject'));
      setErrors(undefined);
      return { template: value as Record<string, unknown> };
    } catch (error) {
      setErrors({ fields: { template: [t('results.templates.badJson', { reason: (error as Error).message })] }, general: [] });
      return undefined;
    }
  }

  function showFailure(r: Exclude<ApiResult<unknown>, { kind: 'ok' }>) {
    const local = noErrors<Field>();
    if (r.kind === 'problem' && r.problem.errors?.length) {
      for (const e of r.problem.errors) {
        const place = placeOf(e.pointer);
        (local.fields.template ??= []).push(place ? t('results.templates.at', { message: e.message, place }) : e.message);
      }
    } else local.general.push(failureText(t, r));
    setErrors(local);
  }

  async function run(kind: 'save' | 'reset' | 'preview', e?: FormEvent) {
    e?.preventDefault();
    if (busy || !procedure) return;
    // Null: a reset, which sends no template.
    const source = kind === 'reset' ? null : parsed();
    if (source === undefined) return;
    setBusy(true);
    setMessage(undefined);
    try {
      if (kind === 'preview' && source) {
        const r = await resultsApi.preview(procedure, versionNumber, source, language);
        if (r.kind === 'ok') {
          setPreview(URL.createObjectURL(r.data));
          setMessage(t('results.templates.previewReady'));
        } else showFailure(r);
        return;
      }
      const r = source ? await resultsApi.saveTemplate(procedure, versionNumber, source, language) : await resultsApi.resetTemplate(procedure, versionNumber, language);
      if (r.kind === 'ok') {
        show(r);
        setErrors(undefined);
        setMessage(t(kind === 'save' ? 'results.templates.saved' : 'results.templates.wasReset'));
      } else showFailure(r);
    } finally {
      setBusy(false);
    }
  }

  /** `token` at the cursor in the template (in place of the selection). */
  // The cursor after an inserted token, put there as soon as the new text is in the field (in
  // the same task as the click: a later frame could undo where the user has moved it since).
  const cursorAfterInsert = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    const at = cursorAfterInsert.current;
    if (at === undefined) return;
    cursorAfterInsert.current = undefined;
    area.current?.focus();
    area.current?.setSelectionRange(at, at);
  }, [text]);

  function insert(token: string) {
    const el = area.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    cursorAfterInsert.current = start + token.length;
    setText(text.slice(0, start) + token + text.slice(end));
  }

  const list = procedures?.kind === 'ok' ? procedures.data.items : [];
  const current = view?.kind === 'ok' ? view.data : undefined;
  const versions = current?.versions ?? [];
  const templateLabel = t(format === 'html' ? 'results.templates.templateHtml' : 'results.templates.templatePdfmake');

  return (
    <div className="results templates">
      <ErrorSummary errors={errors} attempt={attempt} fieldIds={IDS} fieldLabels={{ template: templateLabel }} />
      <section className="panel templates__choose" aria-labelledby="templates-choose-title">
        <h2 id="templates-choose-title">{t('results.templates.choose')}</h2>
        <TextField id="templates-search" label={t('results.templates.search')} hint={t('results.templates.searchHint')} value={query} onValue={setQuery} />
        {procedures && procedures.kind !== 'ok' && <Notice tone="error">{failureText(t, procedures)}</Notice>}
        {procedures?.kind === 'ok' && list.length === 0 && <Notice tone="info">{t('results.templates.noProcedure')}</Notice>}
        <SelectField
          id="templates-procedure"
          label={t('results.templates.procedure')}
          value={procedure}
          onValue={(v) => {
            setProcedure(v);
            setVersion(ALL_VERSIONS);
          }}
          options={list.map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))}
        />
        <SelectField
          id="templates-version"
          label={t('results.templates.version')}
          hint={t('results.templates.versionHint')}
          value={version}
          onValue={setVersion}
          options={[
            { value: ALL_VERSIONS, label: t('results.templates.allVersions') + (current?.hasProcedureTemplate ? ` — ${t('results.templates.hasOwn')}` : '') },
            ...versions.map((v) => ({
              value: String(v.number),
              label: `${t('results.templates.versionN', { n: v.number })} (${t(`results.templates.status.${v.status === 'published' ? 'published' : 'superseded'}`)})${v.hasTemplate ? ` — ${t('results.templates.hasOwn')}` : ''}`,
            })),
          ]}
        />
      </section>

      {view && view.kind !== 'ok' && <Notice tone="error">{failureText(t, view)}</Notice>}
      {current && (
        <form className="panel templates__edit" noValidate onSubmit={(e) => void run('save', e)} aria-busy={busy || undefined} aria-labelledby="templates-edit-title">
          <h2 id="templates-edit-title">{current.procedureName ? `${current.procedureCode} — ${current.procedureName}` : current.procedureCode}</h2>
          <p id="template-source" data-source={current.source}>
            {t(`results.templates.source.${current.source}`)}
            {current.updatedAt && current.updatedBy ? ` ${t('results.templates.updated', { by: current.updatedBy, at: new Date(current.updatedAt).toLocaleString(language === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) })}` : ''}
          </p>
          <SelectField
            id="templates-format"
            label={t('results.templates.format')}
            hint={t('results.templates.formatHint')}
            value={format}
            onValue={switchFormat}
            options={[
              { value: 'html', label: t('results.templates.formatHtml') },
              { value: 'pdfmake', label: t('results.templates.formatPdfmake') },
            ]}
          />
          <div className="templates__grid">
            <div className="templates__main">
              <TextArea
                id={IDS.template}
                ref={area}
                label={templateLabel}
                hint={t(format === 'html' ? 'results.templates.templateHintHtml' : 'results.templates.templateHintPdfmake', { example: '{{applicant.name}}', qr: QR[format] })}
                rows={22}
                spellCheck={false}
                inputClassName="templates__source"
                value={text}
                onValue={setText}
                errors={errors?.fields.template}
              />
              {format === 'html' && (
                <section className="templates__live" aria-labelledby="templates-live-title">
                  <h3 id="templates-live-title">{t('results.templates.live')}</h3>
                  <p className="muted" id="templates-live-hint">
                    {t('results.templates.liveHint', { example: '{{applicant.name}}' })}
                  </p>
                  <iframe className="templates__frame" sandbox="" title={t('results.templates.liveTitle')} aria-describedby="templates-live-hint" srcDoc={liveDocument(liveHtml)} />
                </section>
              )}
            </div>
            <section className="templates__fields" aria-labelledby="templates-fields-title">
              <h3 id="templates-fields-title">{t('results.templates.fields')}</h3>
              <p className="muted">{t('results.templates.fieldsHint')}</p>
              <ul className="templates__field-list">
                {Object.entries(current.fields).map(([name, label]) => (
                  <li key={name}>
                    <button type="button" className="button button--small" onClick={() => insert(`{{${name}}}`)} aria-label={t('results.templates.insert', { field: language === 'en' ? label.en : label.vi })}>
                      {t('results.templates.insertShort')}
                    </button>{' '}
                    <code>{`{{${name}}}`}</code> — {language === 'en' ? label.en : label.vi}
                  </li>
                ))}
                <li>
                  <code>{'{{form.…}}'}</code> — {t('results.templates.formField', { example: '{{form.request.title}}' })}
                </li>
                <li>
                  <button type="button" className="button button--small" onClick={() => insert(QR[format])} aria-label={t('results.templates.insertQr')}>
                    {t('results.templates.insertShort')}
                  </button>{' '}
                  <code>{QR[format]}</code> — {t(format === 'html' ? 'results.templates.qrHtml' : 'results.templates.qrPdfmake')}
                </li>
              </ul>
            </section>
          </div>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void run('preview')} aria-disabled={busy || undefined}>
              {t('results.templates.preview')}
            </button>
            <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
              {t('results.templates.save')}
            </button>
            {!current.isDefault && (
              <button type="button" className="button" onClick={() => void run('reset')} aria-disabled={busy || undefined}>
                {t(versionNumber === undefined ? 'results.templates.reset' : 'results.templates.resetVersion')}
              </button>
            )}
          </div>
          {message && <Notice tone="success">{message}</Notice>}
          {preview && (
            <p>
              <a id="template-preview-link" href={preview} target="_blank" rel="noopener">
                {t('results.templates.openPreview')}
              </a>
            </p>
          )}
        </form>
      )}
      <Status>{busy ? t('results.templates.working') : (message ?? '')}</Status>
    </div>
  );
}
