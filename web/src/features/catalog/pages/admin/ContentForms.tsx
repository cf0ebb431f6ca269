// The parts of a draft edited as forms: general information (the public parts, time limit,
// subjects) and the dossier (components and fees). Everything else is edited in the JSON tab.
// Server errors come back with pointers into the content and are shown under their field.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../i18n/index.ts';
import type { ProcedureContent } from '../../api.ts';
import { Checkbox, CheckboxGroup, SelectField, TextArea, TextField } from '../../../../components/forms.tsx';

type Content = ProcedureContent;
type Errors = ReadonlyMap<string, string>;

/**
 * The levels offered for a procedure. District-level authorities were abolished on 1 July 2025
 * (two-tier local government): `district` is offered only to a version that already has it, so
 * that an older version still shows what it says.
 */
export function levelChoices(current: string): Array<'central' | 'provincial' | 'district' | 'commune'> {
  return current === 'district' ? ['central', 'provincial', 'district', 'commune'] : ['central', 'provincial', 'commune'];
}

/** Ids of the inputs of content pointers, so that the error summary can link to them. */
const FIELD_IDS: Record<string, string> = {
  '/name': 'c-name',
  '/nameEn': 'c-name-en',
  '/field/code': 'c-field-code',
  '/field/name': 'c-field-name',
  '/level': 'c-level',
  '/onlineLevel': 'c-online',
  '/methods/channels': 'c-channels',
  '/methods/description': 'c-method-description',
  '/sequence': 'c-sequence',
  '/requirements': 'c-requirements',
  '/processingTime': 'c-time-value',
  '/processingTime/value': 'c-time-value',
  '/processingTime/unit': 'c-time-unit',
  '/subjects/kinds': 'c-kinds',
  '/subjects/origins': 'c-origins',
  '/implementingUnits': 'c-decider',
  '/result/name': 'c-result',
};

export function fieldIdOf(pointer: string): string | undefined {
  if (FIELD_IDS[pointer]) return FIELD_IDS[pointer];
  const m = /^\/(components|fees)\/(\d+)\/(\w+)/.exec(pointer);
  if (m) return `${m[1] === 'components' ? 'k' : 'fee'}-${m[2]}-${m[3]}`;
  const seq = /^\/sequence\/\d+/.exec(pointer);
  return seq ? 'c-sequence' : undefined;
}

const errorAt = (errors: Errors, ...pointers: string[]) => {
  const found = pointers.flatMap((p) => [...errors].filter(([k]) => k === p || k.startsWith(`${p}/`)).map(([, v]) => v));
  return found.length ? found.join(' ') : undefined;
};

export function ContentForm({
  content,
  onChange,
  errors,
  language,
  units,
}: {
  content: Content;
  onChange(c: Content): void;
  errors: Errors;
  language: Language;
  units: ReadonlyMap<string, { vi: string; en: string }>;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Content>) => onChange({ ...content, ...patch });
  const pt = content.processingTime;
  const decider = content.implementingUnits.find((u) => u.role === 'decides')?.unitId ?? '';
  const unitOptions = [...units].map(([id, name]) => ({ value: id, label: name[language] }));
  if (decider && !units.has(decider)) unitOptions.unshift({ value: decider, label: decider });

  return (
    <div className="content-form">
      <h2>{t('catalog.editor.tab.general')}</h2>
      <TextField id="c-name" label={t('catalog.parts.name')} required value={content.name} onValue={(v) => set({ name: v })} error={errorAt(errors, '/name')} />
      <TextField id="c-name-en" label={t('catalog.editor.nameEn')} value={content.nameEn ?? ''} onValue={(v) => set({ nameEn: v || undefined })} error={errorAt(errors, '/nameEn')} />
      <div className="cat-content-form__row">
        <TextField id="c-field-code" label={t('catalog.editor.fieldCode')} required inputClassName="input--short" value={content.field.code} onValue={(v) => set({ field: { ...content.field, code: v } })} error={errorAt(errors, '/field/code')} />
        <TextField id="c-field-name" label={t('catalog.procedure.field')} required value={content.field.name} onValue={(v) => set({ field: { ...content.field, name: v } })} error={errorAt(errors, '/field/name')} />
      </div>
      <div className="cat-content-form__row">
        <SelectField
          id="c-level"
          label={t('catalog.procedure.level')}
          value={content.level}
          options={levelChoices(content.level).map((v) => ({ value: v, label: t(`catalog.level.${v}`) }))}
          onValue={(v) => set({ level: v as Content['level'] })}
          error={errorAt(errors, '/level')}
        />
        <SelectField
          id="c-online"
          label={t('catalog.procedure.onlineLevel')}
          value={content.onlineLevel}
          options={(['full', 'partial'] as const).map((v) => ({ value: v, label: t(`catalog.online.${v}`) }))}
          onValue={(v) => set({ onlineLevel: v as Content['onlineLevel'] })}
          error={errorAt(errors, '/onlineLevel')}
        />
      </div>
      <Checkbox id="c-full-online" label={t('catalog.editor.fullOnlineEligible')} checked={content.fullOnlineEligible} onValue={(v) => set({ fullOnlineEligible: v })} />
      <SelectField
        id="c-decider"
        label={t('catalog.editor.decider')}
        value={decider}
        options={[{ value: '', label: '—' }, ...unitOptions]}
        onValue={(v) =>
          set({
            implementingUnits: [
              ...(v ? [{ unitId: v, role: 'decides' as const }] : []),
              ...content.implementingUnits.filter((u) => u.role !== 'decides'),
            ],
          })
        }
        error={errorAt(errors, '/implementingUnits')}
      />
      <CheckboxGroup
        id="c-channels"
        label={t('catalog.parts.method')}
        values={content.methods.channels}
        options={(['direct', 'online', 'postal'] as const).map((v) => ({ value: v, label: t(`catalog.channel.${v}`) }))}
        onValue={(v) => set({ methods: { ...content.methods, channels: v } })}
        error={errorAt(errors, '/methods/channels')}
      />
      <TextArea
        id="c-method-description"
        label={t('catalog.editor.methodDescription')}
        rows={2}
        value={content.methods.description ?? ''}
        onValue={(v) => set({ methods: { ...content.methods, description: v || undefined } })}
        error={errorAt(errors, '/methods/description')}
      />
      <TextArea
        id="c-sequence"
        label={t('catalog.parts.sequence')}
        hint={t('catalog.editor.sequenceHint')}
        rows={6}
        value={content.sequence.join('\n')}
        onValue={(v) => set({ sequence: v.split('\n').filter((line, i, all) => line.trim() !== '' || i === all.length - 1) })}
        error={errorAt(errors, '/sequence')}
      />
      <TextArea id="c-requirements" label={t('catalog.parts.requirements')} rows={3} value={content.requirements ?? ''} onValue={(v) => set({ requirements: v || undefined })} error={errorAt(errors, '/requirements')} />
      <fieldset className="fieldset fieldset--boxed">
        <legend className="field__label">{t('catalog.parts.timeLimit')}</legend>
        <div className="cat-content-form__row">
          <TextField
            id="c-time-value"
            label={t('catalog.editor.timeValue')}
            inputMode="decimal"
            inputClassName="input--short"
            value={pt ? String(pt.value) : ''}
            onValue={(v) => set({ processingTime: v.trim() === '' ? undefined : { skipDaysOff: false, unit: 'working_days', ...pt, value: Number(v.replace(',', '.')) } })}
            error={errorAt(errors, '/processingTime/value') ?? errorAt(errors, '/processingTime')}
          />
          <SelectField
            id="c-time-unit"
            label={t('catalog.editor.timeUnit')}
            value={pt?.unit ?? 'working_days'}
            options={(['working_days', 'working_hours', 'calendar_days', 'months'] as const).map((u) => ({ value: u, label: t(`catalog.unit.${u}`) }))}
            onValue={(v) => pt && set({ processingTime: { ...pt, unit: v as NonNullable<Content['processingTime']>['unit'] } })}
            error={errorAt(errors, '/processingTime/unit')}
          />
        </div>
        <TextField id="c-time-note" label={t('catalog.editor.timeNote')} value={pt?.note ?? ''} onValue={(v) => pt && set({ processingTime: { ...pt, note: v || undefined } })} />
      </fieldset>
      <CheckboxGroup
        id="c-kinds"
        label={t('catalog.parts.subjects')}
        values={content.subjects.kinds}
        options={(['citizen', 'business', 'organization'] as const).map((v) => ({ value: v, label: t(`catalog.subject.${v}`) }))}
        onValue={(v) => set({ subjects: { ...content.subjects, kinds: v } })}
        error={errorAt(errors, '/subjects/kinds')}
      />
      <CheckboxGroup
        id="c-origins"
        label={t('catalog.editor.origins')}
        values={content.subjects.origins}
        options={(['vietnamese', 'overseas_vietnamese', 'foreigner'] as const).map((v) => ({ value: v, label: t(`catalog.subject.${v}`) }))}
        onValue={(v) => set({ subjects: { ...content.subjects, origins: v } })}
        error={errorAt(errors, '/subjects/origins')}
      />
      <TextField id="c-result" label={t('catalog.parts.result')} value={content.result.name ?? ''} onValue={(v) => set({ result: { ...content.result, name: v || undefined } })} error={errorAt(errors, '/result')} />
    </div>
  );
}

export function DossierForm({ content, onChange, errors }: { content: Content; onChange(c: Content): void; errors: Errors; language: Language }) {
  const { t } = useTranslation();
  const setComponent = (i: number, patch: Partial<Content['components'][number]>) =>
    onChange({ ...content, components: content.components.map((k, j) => (j === i ? { ...k, ...patch } : k)) });
  const setFee = (i: number, patch: Partial<Content['fees'][number]>) => onChange({ ...content, fees: content.fees.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  const nextCode = (prefix: string, used: string[]) => {
    let n = used.length + 1;
    while (used.includes(`${prefix}${String(n).padStart(2, '0')}`)) n++;
    return `${prefix}${String(n).padStart(2, '0')}`;
  };
  const int = (v: string) => (v.trim() === '' ? 0 : Number(v));

  return (
    <div className="content-form">
      <h2>{t('catalog.parts.components')}</h2>
      <ol className="cat-rows-editor__fields">
        {content.components.map((k, i) => (
          <li key={i} className="cat-rows-editor__field">
            <fieldset className="fieldset fieldset--boxed">
              <legend className="field__label">{t('catalog.editor.componentN', { n: i + 1, code: k.code })}</legend>
              <TextArea id={`k-${i}-name`} label={t('catalog.components.name')} rows={2} value={k.name} onValue={(v) => setComponent(i, { name: v })} error={errorAt(errors, `/components/${i}/name`)} />
              <div className="cat-content-form__row">
                <TextField id={`k-${i}-code`} label={t('catalog.editor.code')} inputClassName="input--short" value={k.code} onValue={(v) => setComponent(i, { code: v })} error={errorAt(errors, `/components/${i}/code`)} />
                <TextField id={`k-${i}-originals`} label={t('catalog.components.originals')} inputMode="numeric" inputClassName="input--short" value={String(k.originals)} onValue={(v) => setComponent(i, { originals: int(v) })} error={errorAt(errors, `/components/${i}/originals`)} />
                <TextField id={`k-${i}-copies`} label={t('catalog.components.copies')} inputMode="numeric" inputClassName="input--short" value={String(k.copies)} onValue={(v) => setComponent(i, { copies: int(v) })} error={errorAt(errors, `/components/${i}/copies`)} />
                <SelectField
                  id={`k-${i}-requirement`}
                  label={t('catalog.components.requirement')}
                  value={k.requirement}
                  options={[
                    { value: 'required', label: t('catalog.components.required') },
                    { value: 'conditional', label: t('catalog.components.conditional') },
                  ]}
                  onValue={(v) => setComponent(i, { requirement: v as 'required' | 'conditional' })}
                />
              </div>
              {k.requirement === 'conditional' && (
                <TextField id={`k-${i}-condition`} label={t('catalog.editor.condition')} value={k.condition ?? ''} onValue={(v) => setComponent(i, { condition: v || undefined })} />
              )}
              <TextField id={`k-${i}-template`} label={t('catalog.editor.templateRef')} value={k.templateRef ?? ''} onValue={(v) => setComponent(i, { templateRef: v || undefined })} />
              <Checkbox id={`k-${i}-replaced`} label={t('catalog.components.replaced')} checked={k.replacedByPopulationData} onValue={(v) => setComponent(i, { replacedByPopulationData: v })} />
              <button type="button" className="button button--danger-outline" onClick={() => onChange({ ...content, components: content.components.filter((_, j) => j !== i) })}>
                {t('catalog.eformEditor.remove')}
                <span className="visually-hidden">: {k.name}</span>
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          onChange({
            ...content,
            components: [
              ...content.components,
              {
                code: nextCode('TP', content.components.map((k) => k.code)),
                name: t('catalog.editor.newComponent'),
                requirement: 'required',
                originals: 1,
                copies: 0,
                acceptedFormats: ['pdf'],
                warehouseDocumentTypes: [],
                replacedByPopulationData: false,
              },
            ],
          })
        }
      >
        {t('catalog.editor.addComponent')}
      </button>

      <h2>{t('catalog.parts.fees')}</h2>
      <ol className="cat-rows-editor__fields">
        {content.fees.map((f, i) => (
          <li key={i} className="cat-rows-editor__field">
            <fieldset className="fieldset fieldset--boxed">
              <legend className="field__label">{t('catalog.editor.feeN', { n: i + 1, code: f.code })}</legend>
              <TextField id={`fee-${i}-name`} label={t('catalog.editor.feeName')} value={f.name} onValue={(v) => setFee(i, { name: v })} error={errorAt(errors, `/fees/${i}/name`)} />
              <div className="cat-content-form__row">
                <TextField id={`fee-${i}-code`} label={t('catalog.editor.code')} inputClassName="input--short" value={f.code} onValue={(v) => setFee(i, { code: v })} error={errorAt(errors, `/fees/${i}/code`)} />
                <SelectField
                  id={`fee-${i}-kind`}
                  label={t('catalog.editor.feeKind')}
                  value={f.kind}
                  options={(['fee', 'charge'] as const).map((v) => ({ value: v, label: t(`catalog.feeKind.${v}`) }))}
                  onValue={(v) => setFee(i, { kind: v as 'fee' | 'charge' })}
                />
                <TextField
                  id={`fee-${i}-amountVnd`}
                  label={t('catalog.editor.amount')}
                  inputMode="numeric"
                  inputClassName="input--medium"
                  value={String(f.amountVnd)}
                  onValue={(v) => setFee(i, { amountVnd: int(v.replace(/[.\s]/g, '')) })}
                  error={errorAt(errors, `/fees/${i}/amountVnd`)}
                />
              </div>
              <TextField id={`fee-${i}-basis`} label={t('catalog.editor.basis')} value={f.basis ?? ''} onValue={(v) => setFee(i, { basis: v || undefined })} />
              <button type="button" className="button button--danger-outline" onClick={() => onChange({ ...content, fees: content.fees.filter((_, j) => j !== i) })}>
                {t('catalog.eformEditor.remove')}
                <span className="visually-hidden">: {f.name}</span>
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          onChange({ ...content, fees: [...content.fees, { code: nextCode('PHI', content.fees.map((f) => f.code)), name: t('catalog.editor.newFee'), kind: 'fee', amountVnd: 0 }] })
        }
      >
        {t('catalog.editor.addFee')}
      </button>
    </div>
  );
}
