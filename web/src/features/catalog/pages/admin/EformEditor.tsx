// The e-form of a draft: edited as field rows (the model of the Excel template, core/eforms
// builder) or as JSON (schema + UI schema), with a live preview rendered by the same renderer as
// the citizens' form, sample prefill values, and a test submission that the server validates
// exactly as it will validate real submissions.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildEform, flattenEform, FIELD_TYPES, type EformFieldSpec, type EformSpec, type FieldType } from '@server/core/eforms/builder.ts';
import type { EformDefinition } from '@server/core/eforms/validate.ts';
import type { Language } from '../../../../i18n/index.ts';
import { catalogApi, type PrefillAttribute, type ProcedureVersionView } from '../../api.ts';
import { Checkbox, SelectField, TextArea, TextField } from '../../../../components/forms.tsx';
import { Notice } from '../../../../components/Notice.tsx';
import { EformPreview } from './EformPreview.tsx';

const CHOICE_TYPES: readonly FieldType[] = ['select', 'radio', 'multiselect'];

export interface EformEditorProps {
  view: ProcedureVersionView;
  definition: EformDefinition;
  editable: boolean;
  language: Language;
  onChange(definition: EformDefinition): void;
  /** Saves the draft when it has unsaved changes; false when it could not be saved. */
  saveFirst(): Promise<boolean>;
}

export function EformEditor(props: EformEditorProps) {
  const { t } = useTranslation();
  const { definition, editable, language } = props;
  const [mode, setMode] = useState<'rows' | 'json'>(() => (flattenEform(definition) ? 'rows' : 'json'));
  const [spec, setSpec] = useState<EformSpec | null>(() => flattenEform(definition));
  const [buildError, setBuildError] = useState<string | undefined>();
  const [json, setJson] = useState(() => JSON.stringify(definition, null, 2));
  const [jsonError, setJsonError] = useState<string | undefined>();
  const [attributes, setAttributes] = useState<PrefillAttribute[]>([]);

  useEffect(() => {
    void catalogApi.prefillAttributes(language).then((r) => r.kind === 'ok' && setAttributes(r.data.items));
  }, []);

  function editSpec(next: EformSpec) {
    setSpec(next);
    try {
      const built = buildEform(next);
      setBuildError(undefined);
      setJson(JSON.stringify(built, null, 2));
      props.onChange(built);
    } catch (error) {
      setBuildError(error instanceof Error ? error.message : String(error));
    }
  }

  function applyJson() {
    try {
      const parsed = JSON.parse(json) as unknown;
      if (
        !parsed ||
        typeof parsed !== 'object' ||
        typeof (parsed as EformDefinition).schema !== 'object' ||
        typeof (parsed as EformDefinition).uiSchema !== 'object' ||
        !Array.isArray((parsed as EformDefinition).uiSchema.sections)
      ) {
        setJsonError(t('catalog.eformEditor.jsonShape'));
        return;
      }
      setJsonError(undefined);
      const def = parsed as EformDefinition;
      setSpec(flattenEform(def));
      props.onChange(def);
    } catch (error) {
      setJsonError(t('catalog.eformEditor.jsonInvalid', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  return (
    <div className="eform-editor">
      <div className="eform-editor__edit">
        <h2 id="eform-editor-title">{t('catalog.eformEditor.title')}</h2>
        {editable && (
          <div className="cat-segmented" role="group" aria-label={t('catalog.eformEditor.modeLabel')}>
            <button type="button" className="cat-segmented__button" aria-pressed={mode === 'rows'} disabled={!spec} onClick={() => setMode('rows')}>
              {t('catalog.eformEditor.modeRows')}
            </button>
            <button type="button" className="cat-segmented__button" aria-pressed={mode === 'json'} onClick={() => setMode('json')}>
              {t('catalog.eformEditor.modeJson')}
            </button>
          </div>
        )}
        {!spec && <p className="field__hint">{t('catalog.eformEditor.jsonOnly')}</p>}
        {editable && mode === 'rows' && spec && (
          <RowsEditor spec={spec} onChange={editSpec} attributes={attributes} language={language} error={buildError} />
        )}
        {editable && mode === 'json' && (
          <div className="eform-editor__json">
            <TextArea
              id="eform-json"
              label={t('catalog.eformEditor.jsonLabel')}
              hint={t('catalog.eformEditor.jsonHint')}
              value={json}
              onValue={setJson}
              rows={18}
              inputClassName="input--source"
              error={jsonError}
            />
            <button type="button" className="button button--secondary" onClick={applyJson}>
              {t('catalog.eformEditor.applyJson')}
            </button>
          </div>
        )}
        {!editable && <p className="field__hint">{t('catalog.eformEditor.readOnly')}</p>}
      </div>
      <EformPreview view={props.view} definition={definition} language={language} saveFirst={props.saveFirst} />
    </div>
  );
}

function RowsEditor({
  spec,
  onChange,
  attributes,
  language,
  error,
}: {
  spec: EformSpec;
  onChange(s: EformSpec): void;
  attributes: PrefillAttribute[];
  language: Language;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const setField = (i: number, patch: Partial<EformFieldSpec>) => {
    const fields = spec.fields.map((f, j) => {
      if (j !== i) return f;
      const next: EformFieldSpec = { ...f, ...patch };
      for (const k of Object.keys(patch) as Array<keyof EformFieldSpec>) if (patch[k] === undefined) delete next[k];
      return next;
    });
    onChange({ ...spec, fields });
  };
  const move = (i: number, d: -1 | 1) => {
    const fields = [...spec.fields];
    const j = i + d;
    if (j < 0 || j >= fields.length) return;
    [fields[i], fields[j]] = [fields[j]!, fields[i]!];
    onChange({ ...spec, fields });
  };
  const remove = (i: number) => onChange({ ...spec, fields: spec.fields.filter((_, j) => j !== i) });
  const add = () => {
    let n = 1;
    while (spec.fields.some((f) => f.path === `request.field${n}`)) n++;
    const section = spec.sections.at(-1)?.id ?? 'main';
    const sections = spec.sections.length ? spec.sections : [{ id: 'main', title: { vi: 'Nội dung', en: 'Content' } }];
    onChange({ sections, fields: [...spec.fields, { path: `request.field${n}`, section, type: 'text', label: { vi: `Trường mới ${n}`, en: `New field ${n}` } }] });
  };
  const addSection = () => {
    let n = 1;
    while (spec.sections.some((s) => s.id === `section${n}`)) n++;
    onChange({ ...spec, sections: [...spec.sections, { id: `section${n}`, title: { vi: `Phần mới ${n}`, en: `New part ${n}` } }] });
  };
  const setSection = (i: number, patch: { vi?: string; en?: string }) =>
    onChange({ ...spec, sections: spec.sections.map((s, j) => (j === i ? { ...s, title: { ...s.title, ...patch } } : s)) });

  const typeOptions = FIELD_TYPES.map((ft) => ({ value: ft, label: t(`catalog.fieldType.${ft}`) }));
  const prefillOptions = [{ value: '', label: t('catalog.eformEditor.noPrefill') }, ...attributes.map((a) => ({ value: a.name, label: `${a.label[language]} (${a.name})` }))];
  const sectionOptions = spec.sections.map((s) => ({ value: s.id, label: s.title[language] }));
  const pathOptions = [{ value: '', label: t('catalog.eformEditor.always') }, ...spec.fields.map((f) => ({ value: f.path, label: `${f.label[language]} (${f.path})` }))];

  return (
    <div className="cat-rows-editor">
      {error && (
        <Notice tone="error" live="alert">
          {t('catalog.eformEditor.buildError', { message: error })}
        </Notice>
      )}
      <h3>{t('catalog.eformEditor.sections')}</h3>
      <ul className="cat-rows-editor__sections">
        {spec.sections.map((s, i) => (
          <li key={s.id} className="cat-rows-editor__section">
            <p className="cat-rows-editor__section-id">
              <code>{s.id}</code>
            </p>
            <TextField id={`sec-${i}-vi`} label={t('catalog.eformEditor.sectionTitleVi')} value={s.title.vi} onValue={(v) => setSection(i, { vi: v })} />
            <TextField id={`sec-${i}-en`} label={t('catalog.eformEditor.sectionTitleEn')} value={s.title.en} onValue={(v) => setSection(i, { en: v })} />
          </li>
        ))}
      </ul>
      <button type="button" className="button button--secondary" onClick={addSection}>
        {t('catalog.eformEditor.addSection')}
      </button>

      <h3>{t('catalog.eformEditor.fields', { count: spec.fields.length })}</h3>
      <ol className="cat-rows-editor__fields">
        {spec.fields.map((f, i) => {
          const id = `f-${i}`;
          return (
            <li key={i} className="cat-rows-editor__field">
              <details>
                <summary>
                  <span className="cat-rows-editor__label">{f.label[language]}</span> <code>{f.path}</code> · {t(`catalog.fieldType.${f.type}`)}
                  {f.required && <> · {t('catalog.eform.required')}</>}
                  {f.prefill && <> · {t('catalog.eformEditor.prefilledFrom', { name: f.prefill })}</>}
                </summary>
                <div className="cat-rows-editor__grid">
                  <TextField id={`${id}-label-vi`} label={t('catalog.eformEditor.labelVi')} value={f.label.vi} onValue={(v) => setField(i, { label: { ...f.label, vi: v } })} />
                  <TextField id={`${id}-label-en`} label={t('catalog.eformEditor.labelEn')} value={f.label.en} onValue={(v) => setField(i, { label: { ...f.label, en: v } })} />
                  <TextField id={`${id}-path`} label={t('catalog.eformEditor.path')} hint={t('catalog.eformEditor.pathHint')} value={f.path} onValue={(v) => setField(i, { path: v.trim() })} />
                  <SelectField id={`${id}-section`} label={t('catalog.eformEditor.section')} value={f.section} options={sectionOptions} onValue={(v) => setField(i, { section: v })} />
                  <SelectField
                    id={`${id}-type`}
                    label={t('catalog.eformEditor.type')}
                    value={f.type}
                    options={typeOptions}
                    onValue={(v) => {
                      const type = v as FieldType;
                      setField(i, {
                        type,
                        ...(CHOICE_TYPES.includes(type) && !f.options ? { options: [{ value: 'a', label: { vi: 'Lựa chọn A', en: 'Option A' } }] } : {}),
                        ...(!CHOICE_TYPES.includes(type) ? { options: undefined } : {}),
                      });
                    }}
                  />
                  <Checkbox id={`${id}-required`} label={t('catalog.eformEditor.requiredLabel')} checked={f.required === true} onValue={(v) => setField(i, { required: v || undefined })} />
                  <TextField id={`${id}-help-vi`} label={t('catalog.eformEditor.helpVi')} value={f.help?.vi ?? ''} onValue={(v) => setField(i, { help: v || f.help?.en ? { vi: v, en: f.help?.en ?? '' } : undefined })} />
                  <TextField id={`${id}-help-en`} label={t('catalog.eformEditor.helpEn')} value={f.help?.en ?? ''} onValue={(v) => setField(i, { help: v || f.help?.vi ? { vi: f.help?.vi ?? '', en: v } : undefined })} />
                  <SelectField id={`${id}-prefill`} label={t('catalog.eformEditor.prefill')} value={f.prefill ?? ''} options={prefillOptions} onValue={(v) => setField(i, { prefill: v || undefined, ...(v ? {} : { prefillEditable: undefined }) })} />
                  {f.prefill && (
                    <Checkbox id={`${id}-prefill-editable`} label={t('catalog.eformEditor.prefillEditable')} checked={f.prefillEditable === true} onValue={(v) => setField(i, { prefillEditable: v || undefined })} />
                  )}
                  {CHOICE_TYPES.includes(f.type) && (
                    <TextArea
                      id={`${id}-options`}
                      label={t('catalog.eformEditor.options')}
                      hint={t('catalog.eformEditor.optionsHint')}
                      value={(f.options ?? []).map((o) => `${o.value} | ${o.label.vi} | ${o.label.en}`).join('\n')}
                      onValue={(v) =>
                        setField(i, {
                          options: v
                            .split('\n')
                            .map((line) => line.split('|').map((x) => x.trim()))
                            .filter((parts) => parts[0])
                            .map(([value = '', vi = '', en = '']) => ({ value, label: { vi: vi || value, en: en || vi || value } })),
                        })
                      }
                    />
                  )}
                  {(f.type === 'text' || f.type === 'textarea') && (
                    <>
                      <TextField id={`${id}-maxlength`} label={t('catalog.eformEditor.maxLength')} inputMode="numeric" inputClassName="input--short" value={f.maxLength === undefined ? '' : String(f.maxLength)} onValue={(v) => setField(i, { maxLength: v === '' ? undefined : Number(v) })} />
                      <TextField id={`${id}-pattern`} label={t('catalog.eformEditor.pattern')} hint={t('catalog.eformEditor.patternHint')} value={f.pattern ?? ''} onValue={(v) => setField(i, { pattern: v || undefined })} />
                    </>
                  )}
                  {(f.type === 'number' || f.type === 'integer') && (
                    <>
                      <TextField id={`${id}-min`} label={t('catalog.eformEditor.minimum')} inputMode="decimal" inputClassName="input--short" value={f.minimum === undefined ? '' : String(f.minimum)} onValue={(v) => setField(i, { minimum: v === '' ? undefined : Number(v) })} />
                      <TextField id={`${id}-max`} label={t('catalog.eformEditor.maximum')} inputMode="decimal" inputClassName="input--short" value={f.maximum === undefined ? '' : String(f.maximum)} onValue={(v) => setField(i, { maximum: v === '' ? undefined : Number(v) })} />
                    </>
                  )}
                  <SelectField
                    id={`${id}-visible-field`}
                    label={t('catalog.eformEditor.visibleIf')}
                    value={f.visibleIf?.field ?? ''}
                    options={pathOptions.filter((o) => o.value !== f.path)}
                    onValue={(v) => setField(i, { visibleIf: v ? { field: v, equals: f.visibleIf?.equals ?? true } : undefined })}
                  />
                  {f.visibleIf && (
                    <TextField
                      id={`${id}-visible-equals`}
                      label={t('catalog.eformEditor.visibleEquals')}
                      hint={t('catalog.eformEditor.visibleEqualsHint')}
                      value={String(f.visibleIf.equals)}
                      onValue={(v) => setField(i, { visibleIf: { field: f.visibleIf!.field, equals: v === 'true' ? true : v === 'false' ? false : v } })}
                    />
                  )}
                </div>
                <div className="cat-actions cat-actions--small">
                  <button type="button" className="button button--secondary" onClick={() => move(i, -1)} disabled={i === 0}>
                    {t('catalog.eformEditor.up')}
                    <span className="visually-hidden">: {f.label[language]}</span>
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => move(i, 1)} disabled={i === spec.fields.length - 1}>
                    {t('catalog.eformEditor.down')}
                    <span className="visually-hidden">: {f.label[language]}</span>
                  </button>
                  <button type="button" className="button button--danger-outline" onClick={() => remove(i)}>
                    {t('catalog.eformEditor.remove')}
                    <span className="visually-hidden">: {f.label[language]}</span>
                  </button>
                </div>
              </details>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button--secondary" onClick={add}>
        {t('catalog.eformEditor.addField')}
      </button>
    </div>
  );
}
