// Digitization at receipt, per paper component (counter and postal intake): either digitized —
// the page count and the four checks of Circular 01/2023 Art. 8(2) — or not digitized, with a
// reason chosen from the exemptions of Circular 03/2025 Art. 5(2) (never a silent skip). A
// component whose catalog entry accepts warehouse document types (`documentTypes`) also takes,
// all optional, what the receiver reads on the paper — its type among those, issuer, number, issue
// date, validity: the verified scan becomes a document of the applicant's data warehouse (Decree
// 45/2020 Art. 16), with its type and file even when nothing is entered.
import { useTranslation } from 'react-i18next';
import { DIGITIZATION_CHECKS, DOCUMENT_TYPE_NAMES, EXEMPTIONS, type DigitizationCheck, type Exemption } from '@server/contracts/digitization.ts';
import { Checkbox, DateField, SelectField, TextField } from '../../../components/forms.tsx';

export interface ComponentDigitization {
  mode: 'scanned' | 'exempt';
  pages: string;
  checks: Record<DigitizationCheck, boolean>;
  exemption: Exemption | '';
  /** The paper's details for the applicant's warehouse ('' when not entered). */
  document: { documentType: string; issuer: string; number: string; issuedOn: string; validUntil: string };
}

export type DigitizationState = Record<string, ComponentDigitization>;

export const emptyDigitization = (): ComponentDigitization => ({
  mode: 'scanned',
  pages: '',
  checks: { count: false, complete: false, pageOrder: false, integrity: false },
  exemption: '',
  document: { documentType: '', issuer: '', number: '', issuedOn: '', validUntil: '' },
});

/** The entered details in the API's shape (only what was filled in); undefined when none. */
function documentOf(d: ComponentDigitization) {
  const entries = Object.entries(d.document ?? {})
    .map(([k, v]) => [k, v.trim()] as const)
    .filter(([, v]) => v !== '');
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<ComponentDigitization['document']>) : undefined;
}

/** The digitization of one component in the API's shape; undefined when not complete yet. */
function bodyOf(d: ComponentDigitization | undefined) {
  if (!d) return undefined;
  if (d.mode === 'exempt') return d.exemption ? { exemption: d.exemption } : undefined;
  const pageCount = Number(d.pages);
  if (!Number.isInteger(pageCount) || pageCount < 1) return undefined;
  const document = documentOf(d);
  return { pageCount, checks: d.checks, ...(document ? { document } : {}) };
}

/** Whether the component is recorded: digitized with every check and a scan, or exempted with a reason. */
export function isRecorded(d: ComponentDigitization | undefined, fileCount: number): boolean {
  const b = bodyOf(d);
  if (!b) return false;
  if ('exemption' in b) return true;
  return fileCount > 0 && DIGITIZATION_CHECKS.every((c) => b.checks[c]);
}

/** Whether the component needs no file (exempted). */
export const isExempt = (d: ComponentDigitization | undefined) => d?.mode === 'exempt' && !!d.exemption;

/** Adds the digitization to the components of the request body (and the exempted ones without files). */
export function withDigitization(components: Array<{ code: string; fileIds: string[] }>, state: DigitizationState) {
  const out: Array<{ code: string; fileIds: string[]; digitization?: NonNullable<ReturnType<typeof bodyOf>> }> = components.map((c) => {
    const d = bodyOf(state[c.code]);
    return d ? { ...c, digitization: d } : c;
  });
  for (const [code, d] of Object.entries(state)) {
    const b = bodyOf(d);
    if (b && 'exemption' in b && !components.some((c) => c.code === code)) out.push({ code, fileIds: [], digitization: b });
  }
  return out;
}

export function DigitizationFields({
  code,
  value,
  onChange,
  documentTypes = [],
}: {
  code: string;
  value: ComponentDigitization | undefined;
  onChange(value: ComponentDigitization): void;
  /** The component's warehouseDocumentTypes: when there are any, the details of the paper for the applicant's warehouse. */
  documentTypes?: readonly string[];
}) {
  const { t } = useTranslation();
  const d = value ?? emptyDigitization();
  const doc = d.document ?? emptyDigitization().document;
  const setDoc = (part: keyof ComponentDigitization['document']) => (v: string) => onChange({ ...d, document: { ...doc, [part]: v } });
  const id = (part: string) => `digitize-${code.replace(/[^A-Za-z0-9_-]/g, '_')}-${part}`;
  const optional = t('dossiers.files.optional');
  return (
    <fieldset className="fieldset digitize" id={id('set')}>
      <legend>{t('warehouse.digitize.legend', { code })}</legend>
      <SelectField
        id={id('mode')}
        label={t('warehouse.digitize.mode')}
        value={d.mode}
        onValue={(v) => onChange({ ...d, mode: v === 'exempt' ? 'exempt' : 'scanned' })}
        options={[
          { value: 'scanned', label: t('warehouse.digitize.modeScanned') },
          { value: 'exempt', label: t('warehouse.digitize.modeExempt') },
        ]}
      />
      {d.mode === 'scanned' ? (
        <>
          <TextField id={id('pages')} label={t('warehouse.digitize.pages')} inputMode="numeric" value={d.pages} onValue={(v) => onChange({ ...d, pages: v })} />
          <fieldset className="fieldset">
            <legend>{t('warehouse.digitize.checks')}</legend>
            {DIGITIZATION_CHECKS.map((c) => (
              <Checkbox key={c} id={id(c)} label={t(`warehouse.digitize.check.${c}`)} checked={d.checks[c]} onValue={(on) => onChange({ ...d, checks: { ...d.checks, [c]: on } })} />
            ))}
          </fieldset>
          {documentTypes.length > 0 && (
            <fieldset className="fieldset" id={id('document')} aria-describedby={id('document-note')}>
              <legend>{t('warehouse.digitize.document.legend')}</legend>
              <p className="form-note" id={id('document-note')}>
                {t('warehouse.digitize.document.note')}
              </p>
              {documentTypes.length > 1 && (
                <SelectField
                  id={id('type')}
                  label={t('warehouse.digitize.document.type')}
                  value={doc.documentType || documentTypes[0]!}
                  onValue={setDoc('documentType')}
                  options={documentTypes.map((type) => ({ value: type, label: DOCUMENT_TYPE_NAMES[type] ?? type }))}
                />
              )}
              <TextField id={id('issuer')} label={t('warehouse.digitize.document.issuer')} optionalText={optional} autoComplete="off" value={doc.issuer} onValue={setDoc('issuer')} />
              <TextField id={id('number')} label={t('warehouse.digitize.document.number')} optionalText={optional} autoComplete="off" value={doc.number} onValue={setDoc('number')} />
              <DateField id={id('issued')} label={t('warehouse.digitize.document.issuedOn')} optionalText={optional} value={doc.issuedOn} onValue={setDoc('issuedOn')} />
              <DateField id={id('valid')} label={t('warehouse.digitize.document.validUntil')} optionalText={optional} hint={t('warehouse.digitize.document.validHint')} value={doc.validUntil} onValue={setDoc('validUntil')} />
            </fieldset>
          )}
        </>
      ) : (
        <SelectField
          id={id('exemption')}
          label={t('warehouse.digitize.exemption')}
          value={d.exemption}
          onValue={(v) => onChange({ ...d, exemption: (EXEMPTIONS as readonly string[]).includes(v) ? (v as Exemption) : '' })}
          options={[{ value: '', label: t('warehouse.digitize.exemptionChoose') }, ...EXEMPTIONS.map((e) => ({ value: e, label: t(`warehouse.digitize.reason.${e}`) }))]}
        />
      )}
    </fieldset>
  );
}
