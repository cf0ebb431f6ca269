// A supplement asked of the applicant (status 5): what was asked, for the applicant's page and the
// receiver's; and the receiver's form for papers handed in at the counter or by post — each paper
// scanned and checked (Circular 01/2023 Art. 8(2)) or exempted with a reason, as at intake —
// sent as submit_supplement.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextArea, type SummaryItem } from '../../../components/forms.tsx';
import { DigitizationFields, isExempt, isRecorded, withDigitization, type DigitizationState } from '../../warehouse/components/DigitizationFields.tsx';
import type { ActionInput, DossierView } from '../api.ts';
import { ActionDetails } from './DossierParts.tsx';
import { ComponentUploads, componentFieldId, componentsBody, type ComponentFiles } from './ComponentUploads.tsx';

/** The reason and items of the latest supplement request. */
export function SupplementAsked({ d }: { d: DossierView }) {
  const asked = [...d.timeline].reverse().find((e) => e.type === 'request_supplement');
  return asked ? <ActionDetails payload={asked.payload} /> : null;
}

export function CounterSupplementForm({ d, busy, onAct }: { d: DossierView; busy: boolean; onAct(body: ActionInput): Promise<boolean> }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<ComponentFiles>({});
  const [digitization, setDigitization] = useState<DigitizationState>({});
  const [note, setNote] = useState('');
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const brought = d.components.filter((c) => (files[c.code]?.length ?? 0) > 0 || isExempt(digitization[c.code]));
    const items: SummaryItem[] = [];
    const first = d.components[0];
    if (brought.length === 0) items.push({ ...(first ? { target: componentFieldId('counter-supplement', first.code) } : {}), text: t('dossiers.counterSupplement.nothing') });
    for (const c of brought) {
      if (!isRecorded(digitization[c.code], files[c.code]?.length ?? 0)) items.push({ target: `digitize-${c.code.replace(/[^A-Za-z0-9_-]/g, '_')}-mode`, text: t('warehouse.digitize.missing', { name: c.name }) });
    }
    setSummary(items);
    if (items.length > 0) return;
    void onAct({ type: 'submit_supplement', components: withDigitization(componentsBody(files), digitization), ...(note.trim() ? { note: note.trim() } : {}) });
  };

  return (
    <details className="dossier-action" id="action-submit_supplement">
      <summary>{t('dossiers.counterSupplement.title')}</summary>
      <form noValidate onSubmit={onSubmit} aria-busy={busy || undefined} aria-label={t('dossiers.counterSupplement.title')}>
        <p className="form-note">{t('dossiers.counterSupplement.intro')}</p>
        <SupplementAsked d={d} />
        <ErrorSummary items={summary} attempt={attempt} />
        <ComponentUploads components={d.components} files={files} onChange={setFiles} idPrefix="counter-supplement" requireAll={false} />
        {d.components.map((c) => (
          <DigitizationFields key={c.code} code={c.code} documentTypes={c.warehouseDocumentTypes} value={digitization[c.code]} onChange={(v) => setDigitization({ ...digitization, [c.code]: v })} />
        ))}
        <TextArea id="counter-supplement-note" label={t('dossiers.counterSupplement.note')} optionalText={t('dossiers.files.optional')} rows={3} maxLength={2000} value={note} onValue={setNote} />
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {t('dossiers.counterSupplement.send')}
        </button>
      </form>
    </details>
  );
}
