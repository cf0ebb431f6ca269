// Digitization at receipt, per paper component (counter and postal intake): either digitized —
// the page count and the four checks of Circular 01/2023 Art. 8(2) — or not digitized, with a
// reason chosen from the exemptions of Circular 03/2025 Art. 5(2) (never a silent skip).
import { useTranslation } from 'react-i18next';
import { DIGITIZATION_CHECKS, EXEMPTIONS, type DigitizationCheck, type Exemption } from '@server/contracts/digitization.ts';
import { Checkbox, SelectField, TextField } from '../../../components/forms.tsx';

export interface ComponentDigitization {
  mode: 'scanned' | 'exempt';
  pages: string;
  checks: Record<DigitizationCheck, boolean>;
  exemption: Exemption | '';
}

export type DigitizationState = Record<string, ComponentDigitization>;

export const emptyDigitization = (): ComponentDigitization => ({ mode: 'scanned', pages: '', checks: { count: false, complete: false, pageOrder: false, integrity: false }, exemption: '' });

/** The digitization of one component in the API's shape; undefined when not complete yet. */
function bodyOf(d: ComponentDigitization | undefined) {
  if (!d) return undefined;
  if (d.mode === 'exempt') return d.exemption ? { exemption: d.exemption } : undefined;
  const pageCount = Number(d.pages);
  if (!Number.isInteger(pageCount) || pageCount < 1) return undefined;
  return { pageCount, checks: d.checks };
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

export function DigitizationFields({ code, value, onChange }: { code: string; value: ComponentDigitization | undefined; onChange(value: ComponentDigitization): void }) {
  const { t } = useTranslation();
  const d = value ?? emptyDigitization();
  const id = (part: string) => `digitize-${code.replace(/[^A-Za-z0-9_-]/g, '_')}-${part}`;
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
