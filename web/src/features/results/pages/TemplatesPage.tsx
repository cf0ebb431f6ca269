// Mẫu văn bản kết quả: an administrator chooses a procedure and one of its versions (or all its
// versions), edits the result template (the pdfmake JSON with {{fields}}), inserts fields from the
// list, previews the PDF (unsigned, marked "BẢN XEM TRƯỚC"), saves, or goes back to what the
// scope inherits (the procedure's template, or the default). The server's problems are shown at
// the template field with where in the JSON they are.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, failureText, noErrors, SelectField, Status, TextArea, TextField, type FormErrors } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import type { ApiResult } from '../../../lib/api.ts';
import { WorkspaceShell } from '../../workspace/WorkspaceShell.tsx';
import { resultsApi, type ProcedureChoice, type TemplateView } from '../api.ts';
import '../results.css';

type Field = 'template';
const IDS: Record<Field, string> = { template: 'result-template-json' };
const ALL_VERSIONS = 'all';

export function TemplatesPage() {
  const { t } = useTranslation();
  return (
    <WorkspaceShell title={t('results.templates.title')} intro={t('results.templates.intro')} permission="result.template">
      <TemplateEditor />
    </WorkspaceShell>
  );
}

/** "content/0/text" of "/body/template/content/0/text": where in the template a problem is. */
const placeOf = (pointer: string) => pointer.replace(/^\/body\/template\/?/, '');

function TemplateEditor() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [query, setQuery] = useState('');
  const [procedures, setProcedures] = useState<ApiResult<{ items: ProcedureChoice[] }>>();
  const [procedure, setProcedure] = useState('');
  const [version, setVersion] = useState(ALL_VERSIONS);
  const [view, setView] = useState<ApiResult<TemplateView>>();
  const [text, setText] = useState('');
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
    if (r.kind === 'ok') setText(JSON.stringify(r.data.template, null, 2));
  };

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

  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview);
  }, [preview]);

  /** The template as JSON, or the error at the field. */
  function parsed(): Record<string, unknown> | undefined {
    setAttempt((n) => n + 1);
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(t('results.templates.notObject'));
      setErrors(undefined);
      return value as Record<string, unknown>;
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
    const template = kind === 'reset' ? {} : parsed();
    if (!template) return;
    setBusy(true);
    setMessage(undefined);
    try {
      if (kind === 'preview') {
        const r = await resultsApi.preview(procedure, versionNumber, template, language);
        if (r.kind === 'ok') {
          setPreview(URL.createObjectURL(r.data));
          setMessage(t('results.templates.previewReady'));
        } else showFailure(r);
        return;
      }
      const r = kind === 'save' ? await resultsApi.saveTemplate(procedure, versionNumber, template, language) : await resultsApi.resetTemplate(procedure, versionNumber, language);
      if (r.kind === 'ok') {
        show(r);
        setErrors(undefined);
        setMessage(t(kind === 'save' ? 'results.templates.saved' : 'results.templates.wasReset'));
      } else showFailure(r);
    } finally {
      setBusy(false);
    }
  }

  function insert(field: string) {
    const el = area.current;
    const token = `{{${field}}}`;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  const list = procedures?.kind === 'ok' ? procedures.data.items : [];
  const current = view?.kind === 'ok' ? view.data : undefined;
  const versions = current?.versions ?? [];

  return (
    <div className="results templates">
      <ErrorSummary errors={errors} attempt={attempt} fieldIds={IDS} fieldLabels={{ template: t('results.templates.template') }} />
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
          <div className="templates__grid">
            <TextArea
              id={IDS.template}
              ref={area}
              label={t('results.templates.template')}
              hint={t('results.templates.templateHint', { example: '{{applicant.name}}' })}
              rows={22}
              spellCheck={false}
              inputClassName="templates__json"
              value={text}
              onValue={setText}
              errors={errors?.fields.template}
            />
            <section className="templates__fields" aria-labelledby="templates-fields-title">
              <h3 id="templates-fields-title">{t('results.templates.fields')}</h3>
              <p className="muted">{t('results.templates.fieldsHint')}</p>
              <ul className="templates__field-list">
                {Object.entries(current.fields).map(([name, label]) => (
                  <li key={name}>
                    <button type="button" className="button button--small" onClick={() => insert(name)} aria-label={t('results.templates.insert', { field: language === 'en' ? label.en : label.vi })}>
                      {t('results.templates.insertShort')}
                    </button>{' '}
                    <code>{`{{${name}}}`}</code> — {language === 'en' ? label.en : label.vi}
                  </li>
                ))}
                <li>
                  <code>{'{{form.…}}'}</code> — {t('results.templates.formField', { example: '{{form.request.title}}' })}
                </li>
                <li>
                  <code>{'{ "resultQr": true }'}</code> — {t('results.templates.qr')}
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
