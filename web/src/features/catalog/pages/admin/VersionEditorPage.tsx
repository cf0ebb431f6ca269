// Sửa phiên bản thủ tục: a version of a procedure. A draft is edited by the owning unit's admins
// (general information, dossier and fees, the e-form with its live preview and test submission,
// the whole content as JSON), checked, published or withdrawn. Other versions, and drafts for
// auditors, are shown read-only.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EformDefinition } from '@server/core/eforms/validate.ts';
import { currentLanguage } from '../../../../i18n/index.ts';
import { Link, useParams } from '../../../../router.tsx';
import { catalogApi, stripPointer, type ProcedureContent, type ProcedureVersionView } from '../../api.ts';
import { ErrorSummary, failureText, Status, type SummaryItem } from '../../../../components/forms.tsx';
import { formatMoment, vnMoment } from '../../../../lib/datetime.ts';
import { ProcedureDetails } from '../../components/ProcedureDetails.tsx';
import type { Rights } from '../../components/rights.ts';
import { contentPointerLabel } from '../../components/pointers.ts';
import { Notice } from '../../../../components/Notice.tsx';
import { CATALOG_PATHS } from '../../paths.ts';
import { AdminGate } from './AdminGate.tsx';
import { ContentForm, DossierForm, fieldIdOf } from './ContentForms.tsx';
import { EformEditor } from './EformEditor.tsx';
import { PublishTab } from './PublishTab.tsx';
import '../../catalog.css';

const TABS = ['general', 'dossier', 'eform', 'json', 'publish'] as const;
type Tab = (typeof TABS)[number];

export function VersionEditorPage() {
  const { t } = useTranslation();
  return <AdminGate title={t('catalog.editor.title')}>{({ rights }) => <VersionEditor rights={rights} />}</AdminGate>;
}

interface ServerErrors {
  byPointer: Map<string, string>;
  items: SummaryItem[];
}

function VersionEditor({ rights }: { rights: Rights }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const params = useParams();
  const code = params.code ?? '';
  const n = Number(params.n);
  const [view, setView] = useState<ProcedureVersionView | undefined>();
  const [content, setContent] = useState<ProcedureContent | undefined>();
  const [dirty, setDirty] = useState(false);
  const [loadError, setLoadError] = useState<string | undefined>();
  const [tab, setTab] = useState<Tab>('general');
  const [errors, setErrors] = useState<ServerErrors>({ byPointer: new Map(), items: [] });
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const contentRef = useRef<ProcedureContent | undefined>(undefined);
  contentRef.current = content;
  const viewRef = useRef<ProcedureVersionView | undefined>(undefined);
  viewRef.current = view;

  useEffect(() => {
    let live = true;
    void catalogApi.version(code, n, language).then((r) => {
      if (!live) return;
      if (r.kind === 'ok') {
        setView(r.data);
        setContent(r.data.content);
      } else setLoadError(failureText(t, r));
    });
    return () => {
      live = false;
    };
  }, [code, n]);

  // Leaving with unsaved changes: the browser asks.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (loadError) {
    return (
      <div className="page catalog">
        <h1 tabIndex={-1}>{t('catalog.editor.title')}</h1>
        <Notice tone="error">{loadError}</Notice>
      </div>
    );
  }
  if (!view || !content) {
    return (
      <div className="page catalog" aria-busy="true">
        <h1 tabIndex={-1}>{t('catalog.editor.title')}</h1>
        <p role="status">{t('catalog.procedure.loading')}</p>
      </div>
    );
  }

  const editable = view.version.status === 'draft' && rights.adminUnits.has(view.ownerUnit.id);
  const canPublish = view.version.status === 'draft' && rights.publishUnits.has(view.ownerUnit.id);
  const canWithdraw = rights.publishUnits.has(view.ownerUnit.id) && (view.version.status === 'draft' || view.version.status === 'published');

  const change = (next: ProcedureContent) => {
    setContent(next);
    setDirty(true);
    setMessage(undefined);
  };

  const showProblem = (r: Exclude<Awaited<ReturnType<typeof catalogApi.updateDraft>>, { kind: 'ok' }>, prefix: string) => {
    const byPointer = new Map<string, string>();
    const items: SummaryItem[] = [];
    if (r.kind === 'problem') {
      for (const e of r.problem.errors ?? []) {
        const pointer = stripPointer(e.pointer, prefix) ?? stripPointer(e.pointer, '/content');
        if (pointer !== undefined) {
          byPointer.set(pointer, byPointer.has(pointer) ? `${byPointer.get(pointer)} ${e.message}` : e.message);
          const target = fieldIdOf(pointer);
          items.push({ ...(target ? { target } : {}), text: pointer ? `${contentPointerLabel(t, pointer)}: ${e.message}` : e.message });
        } else items.push({ text: e.message });
      }
    }
    if (items.length === 0) items.push({ text: failureText(t, r) });
    setErrors({ byPointer, items });
    setAttempt((a) => a + 1);
  };

  async function save(): Promise<boolean> {
    const current = contentRef.current;
    const v = viewRef.current;
    if (!current || !v) return false;
    setBusy(true);
    try {
      // Blank lines of the sequence are only an artefact of typing.
      const cleaned: ProcedureContent = { ...current, sequence: current.sequence.filter((step) => step.trim() !== '') };
      const r = await catalogApi.updateDraft(code, n, { content: cleaned, revision: v.version.revision }, language);
      if (r.kind === 'ok') {
        setView(r.data);
        if (contentRef.current === current) setContent(r.data.content);
        setDirty(contentRef.current !== current);
        setErrors({ byPointer: new Map(), items: [] });
        const at = vnMoment(r.data.version.updatedAt);
        setMessage(t('catalog.editor.saved', { revision: r.data.version.revision, moment: at ? formatMoment(t, at) : '' }));
        return true;
      }
      showProblem(r, '/body/content');
      return false;
    } finally {
      setBusy(false);
    }
  }

  const saveFirst = async () => (dirty ? save() : true);

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : e.key === 'Home' ? -i : e.key === 'End' ? TABS.length - 1 - i : 0;
    if (d === 0) return;
    e.preventDefault();
    const next = TABS[(i + d + TABS.length) % TABS.length]!;
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  const panel = (id: Tab, children: ReactNode) => (
    <div role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={tab !== id} className="cat-editor-panel" tabIndex={0}>
      {tab === id && children}
    </div>
  );

  return (
    <div className="page catalog editor">
      <nav className="cat-breadcrumb" aria-label={t('catalog.breadcrumb')}>
        <ol>
          <li>
            <Link to={CATALOG_PATHS.admin}>{t('catalog.admin.title')}</Link>
          </li>
          <li>
            <Link to={CATALOG_PATHS.adminProcedure(code)}>{code}</Link>
          </li>
          <li aria-current="page">{t('catalog.editor.versionN', { n })}</li>
        </ol>
      </nav>
      <h1 tabIndex={-1}>
        {content.name} <span className="cat-editor__version">{t('catalog.editor.versionOf', { n, status: t(`catalog.status.${view.version.status}`) })}</span>
      </h1>
      {!editable && (
        <Notice tone="info" id="editor-read-only">
          {view.version.status === 'draft' ? t('catalog.editor.readOnlyRole') : t('catalog.editor.readOnlyStatus')}
        </Notice>
      )}
      {editable && (
        <div className="cat-editor__savebar">
          <button type="button" className="button button--primary" id="save-draft" onClick={() => void save()} aria-disabled={busy || undefined}>
            {t('catalog.editor.save')}
          </button>
          <span className="cat-editor__state" aria-live="polite">
            {dirty ? t('catalog.editor.unsaved') : (message ?? t('catalog.editor.revision', { revision: view.version.revision }))}
          </span>
        </div>
      )}
      <ErrorSummary items={errors.items} attempt={attempt} />

      <div className="cat-tabs" role="tablist" aria-label={t('catalog.editor.tabsLabel')}>
        {TABS.map((id, i) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            className="cat-tabs__tab"
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {t(`catalog.editor.tab.${id}`)}
          </button>
        ))}
      </div>

      {panel(
        'general',
        editable ? (
          <ContentForm content={content} onChange={change} errors={errors.byPointer} language={language} units={rights.unitNames} />
        ) : (
          <ProcedureDetails view={{ ...view, content }} language={language} headingLevel={3} />
        ),
      )}
      {panel(
        'dossier',
        editable ? (
          <DossierForm content={content} onChange={change} errors={errors.byPointer} language={language} />
        ) : (
          <ProcedureDetails view={{ ...view, content }} language={language} headingLevel={3} />
        ),
      )}
      {panel(
        'eform',
        <EformEditor
          view={view}
          definition={content.eform as EformDefinition}
          editable={editable}
          language={language}
          onChange={(eform) => change({ ...content, eform: eform as ProcedureContent['eform'] })}
          saveFirst={saveFirst}
        />,
      )}
      {panel('json', <JsonTab content={content} editable={editable} onChange={change} />)}
      {panel(
        'publish',
        <PublishTab
          view={view}
          dirty={dirty}
          canPublish={canPublish}
          canWithdraw={canWithdraw}
          language={language}
          save={save}
          onChanged={(v) => {
            setView(v);
            setContent(v.content);
            setDirty(false);
          }}
        />,
      )}
      <Status>{busy ? t('catalog.editor.saving') : ''}</Status>
    </div>
  );
}

function JsonTab({ content, editable, onChange }: { content: ProcedureContent; editable: boolean; onChange(c: ProcedureContent): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(content, null, 2));
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setText(JSON.stringify(content, null, 2)), [content]);
  return (
    <div>
      <h2>{t('catalog.editor.tab.json')}</h2>
      <p className="field__hint" id="content-json-hint">
        {t('catalog.editor.jsonHint')}
      </p>
      <label htmlFor="content-json" className="field__label">
        {t('catalog.editor.jsonLabel')}
      </label>
      {error && (
        <p className="field__error" id="content-json-error">
          {error}
        </p>
      )}
      <textarea
        id="content-json"
        className="input textarea input--source"
        rows={24}
        value={text}
        readOnly={!editable}
        aria-describedby={error ? 'content-json-hint content-json-error' : 'content-json-hint'}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {editable && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            try {
              const parsed = JSON.parse(text) as ProcedureContent;
              setError(undefined);
              onChange(parsed);
            } catch (e) {
              setError(t('catalog.eformEditor.jsonInvalid', { message: e instanceof Error ? e.message : String(e) }));
            }
          }}
        >
          {t('catalog.eformEditor.applyJson')}
        </button>
      )}
    </div>
  );
}
