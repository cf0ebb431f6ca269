// Hồ sơ (the officer's workspace page): the facts, the form data, the files, the history, the
// control slip rows (on time or late), internal notes, the slips to print, and only the actions
// the server allows this officer now, each with its form, sent with If-Match.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EformDefinition } from '@server/core/eforms/validate.ts';
import { Loading } from '../../../components/AccessNotices.tsx';
import { failureText, TextArea } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { DOSSIER_PATHS, slipUrl } from '../../../lib/dossier-paths.ts';
import { useParams } from '../../../router.tsx';
import { catalogApi } from '../../catalog/api.ts';
import { WorkspaceShell } from '../../workspace/WorkspaceShell.tsx';
import { dossiersApi, type ActionOptions, type DossierView } from '../api.ts';
import { ActionFeedback } from '../components/ActionFeedback.tsx';
import { ActionForms } from '../components/ActionForms.tsx';
import { DossierFacts, DossierFiles, DossierSteps, DossierTimeline } from '../components/DossierParts.tsx';
import { DossierComponentsPanel } from '../../warehouse/components/DossierComponentsPanel.tsx';
import { PortalSyncPanel } from '../../portal-sync/components/PortalSyncPanel.tsx';
import { momentText } from '../components/format.ts';
import { FormDataList } from '../components/FormDataList.tsx';
import { useDossier } from '../components/useDossier.ts';
import '../dossiers.css';

export function OfficerDossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const s = useDossier(id);
  const title = s.dossier?.code ? t('dossiers.page.titleOf', { code: s.dossier.code }) : t('dossiers.page.title');
  return (
    // Administrators too: they read every dossier (dossier.read) and send one to the national portal again.
    <WorkspaceShell title={title} permission="dossier.read" back={{ to: DOSSIER_PATHS.worklists, label: t('dossiers.worklists.title') }}>
      {s.loadError ? (
        <Notice tone="error">{s.loadError.notFound ? t('dossiers.page.notFound') : s.loadError.text}</Notice>
      ) : !s.dossier ? (
        <Loading text={t('dossiers.loading')} />
      ) : (
        <Workspace s={s} d={s.dossier} />
      )}
    </WorkspaceShell>
  );
}

/** The slips that apply to the dossier as it stands (Circular 01/2018/TT-VPCP forms). */
function slipsOf(d: DossierView): string[] {
  const done = new Set(d.timeline.map((e) => e.type));
  const out: string[] = [];
  if (d.receivedAt) out.push('01');
  if (done.has('request_supplement') || done.has('request_completion')) out.push('02');
  if (done.has('refuse')) out.push('03');
  if (done.has('apologize')) out.push('04');
  if (d.receivedAt) out.push('05');
  if (done.has('stop')) out.push('stop');
  return out;
}

function Workspace({ s, d }: { s: ReturnType<typeof useDossier>; d: DossierView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [definition, setDefinition] = useState<EformDefinition | undefined>();
  const [options, setOptions] = useState<ActionOptions | undefined>();
  const needsOptions = d.allowedActions.some((a) => a === 'assign' || a === 'transfer' || a === 'request_payment');

  // The choices of the assign, transfer and payment forms, read again with every new version.
  useEffect(() => {
    if (!needsOptions) return;
    let live = true;
    void dossiersApi.actionOptions(d.id, language).then((r) => {
      if (live && r.kind === 'ok') setOptions(r.data);
    });
    return () => {
      live = false;
    };
  }, [d.id, d.version, needsOptions]);

  useEffect(() => {
    let live = true;
    void catalogApi.version(d.procedureCode, d.versionNumber, language).then((r) => {
      if (live && r.kind === 'ok') setDefinition(r.data.content.eform as EformDefinition);
    });
    return () => {
      live = false;
    };
  }, [d.procedureCode, d.versionNumber]);

  const slips = slipsOf(d);
  return (
    <div className="dossier-workspace">
      <section className="panel" aria-labelledby="dossier-state-title">
        <h2 id="dossier-state-title">{t('dossiers.page.state')}</h2>
        <DossierFacts d={d} />
        {slips.length > 0 && (
          <>
            <h3>{t('dossiers.slips.title')}</h3>
            <ul className="dossier-slips">
              {slips.map((k) => (
                <li key={k}>
                  <a href={slipUrl(d.id, k)}>{t(`dossiers.slips.s${k}`)}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <ActionFeedback failure={s.failure} done={s.done} onReload={() => void s.reload()} />
      <ActionForms d={d} options={options} busy={s.busy} onAct={s.act} />
      <section className="panel" aria-labelledby="dossier-data-title">
        <h2 id="dossier-data-title">{t('dossiers.data.title')}</h2>
        {definition ? <FormDataList definition={definition} data={d.formData} id="dossier-data" /> : <Loading text={t('dossiers.loading')} />}
      </section>
      <DossierFiles d={d} />
      <DossierComponentsPanel dossierId={d.id} files={d.components} />
      <DossierSteps d={d} />
      <DossierTimeline d={d} />
      <PortalSyncPanel dossierId={d.id} version={d.version} />
      <Notes d={d} onAdded={(note) => s.setDossier({ ...d, notes: [...(d.notes ?? []), note] })} />
    </div>
  );
}

function Notes({ d, onAdded }: { d: DossierView; onAdded(note: NonNullable<DossierView['notes']>[number]): void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!text.trim()) {
      setError(t('dossiers.notes.empty'));
      document.getElementById('note-text')?.focus();
      return;
    }
    setBusy(true);
    setSaved('');
    try {
      const r = await dossiersApi.addNote(d.id, text.trim(), language);
      if (r.kind === 'ok') {
        onAdded(r.data);
        setText('');
        setError(undefined);
        setSaved(t('dossiers.notes.saved'));
      } else setError(failureText(t, r));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('dossiers.notes.title')}</h2>
      <p className="form-note">{t('dossiers.notes.intro')}</p>
      {(d.notes ?? []).length === 0 ? (
        <p className="muted">{t('dossiers.notes.none')}</p>
      ) : (
        <ul className="dossier-notes">
          {(d.notes ?? []).map((n) => (
            <li key={n.id}>
              <p className="dossier-notes__head">
                <strong>{n.author}</strong> · <time dateTime={n.createdAt}>{momentText(t, n.createdAt)}</time>
              </p>
              <p>{n.text}</p>
            </li>
          ))}
        </ul>
      )}
      <form noValidate onSubmit={(e) => void onSubmit(e)} aria-busy={busy || undefined}>
        <TextArea id="note-text" label={t('dossiers.notes.label')} value={text} onValue={setText} maxLength={4000} rows={3} error={error} />
        <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
          {t('dossiers.notes.add')}
        </button>
        <p role="status" className="visually-hidden">
          {saved}
        </p>
      </form>
    </section>
  );
}
