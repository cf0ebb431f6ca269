// The e-form renderer: @rjsf/core with the app's own widgets and templates (labels above fields,
// hints, errors announced and tied to their field with aria-describedby, fieldsets with legends
// for sections and choice groups, prefilled fields marked), laid out by the motcua UI schema
// (sections, order, bilingual labels, conditional display).
import Form from '@rjsf/core';
import type {
  FieldTemplateProps,
  ObjectFieldTemplateProps,
  RegistryWidgetsType,
  RJSFSchema,
  TemplatesType,
  WidgetProps,
} from '@rjsf/utils';
import { useMemo, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { conditionHolds, toPointer } from '@server/core/eforms/ui-schema.ts';
import type { EformDefinition } from '@server/core/eforms/validate.ts';
import { dayMonthYearToIso, isoToDayMonthYear } from '../../../components/forms.tsx';
import type { Language } from '../../../i18n/index.ts';
import { isVisible, renderSchema, rjsfUiSchema, type PrefillMark } from './convert.ts';
import { createEformValidator, toErrorSchema, type ShownFieldError } from './validation.ts';

interface EformContext {
  definition: EformDefinition;
  data: Record<string, unknown>;
  language: Language;
  texts: {
    required: string;
    prefillLocked: (source: string) => string;
    prefillEditable: (source: string) => string;
    choose: string;
    errorPrefix: string;
    /** How to type a date, and its placeholder: the kit's (DateField), so that every date reads alike. */
    dateFormat: string;
    datePlaceholder: string;
  };
}

const ctxOf = (props: { registry: { formContext?: unknown } }) => props.registry.formContext as EformContext;

const ids = (id: string) => ({ hint: `${id}__hint`, error: `${id}__error`, prefill: `${id}__prefill` });

/**
 * A field's hint: its own help and, for a date that can be typed, the format (a date is typed as
 * dd/mm/yyyy, whatever the browser's locale, as the kit's DateField does it).
 */
function hintOf(options: Record<string, unknown>, locked: boolean | undefined, ctx: EformContext): string | undefined {
  const help = typeof options.eformHelp === 'string' ? options.eformHelp : undefined;
  const format = options.inputType === 'date' && !locked ? ctx.texts.dateFormat : undefined;
  return [help, format].filter(Boolean).join(' ') || undefined;
}

function describedBy(props: WidgetProps): string | undefined {
  const { hint, error, prefill } = ids(props.id);
  const list = [
    hintOf(props.options, props.readonly || props.disabled, ctxOf(props)) ? hint : '',
    props.options.prefillSource ? prefill : '',
    props.rawErrors && props.rawErrors.length > 0 ? error : '',
  ].filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

const invalid = (props: WidgetProps) => (props.rawErrors && props.rawErrors.length > 0 ? true : undefined);

function toValue(raw: string, inputType: unknown): unknown {
  if (raw === '') return undefined;
  if (inputType === 'number') {
    const n = Number(raw.replace(',', '.'));
    return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
  }
  if (inputType === 'date') return dayMonthYearToIso(raw) ?? raw;
  return raw;
}

function TextWidget(props: WidgetProps) {
  const inputType = props.options.inputType;
  // A date is a text input showing dd/mm/yyyy (a native date input shows the browser's locale,
  // not the page's) and holds `yyyy-mm-dd`; a text that is not a whole date is held as it is, so
  // that the form's validation says it is not a date.
  const isDate = inputType === 'date';
  const type = inputType === 'number' || isDate ? 'text' : typeof inputType === 'string' ? inputType : 'text';
  const value = props.value === undefined || props.value === null ? '' : String(props.value);
  const autocomplete = typeof props.options.autocomplete === 'string' ? props.options.autocomplete : undefined;
  return (
    <input
      id={props.id}
      name={props.htmlName ?? props.id}
      type={type}
      inputMode={inputType === 'number' ? 'decimal' : inputType === 'tel' ? 'tel' : isDate ? 'numeric' : undefined}
      className={`input${isDate ? ' input--short' : ''}`}
      value={isDate ? isoToDayMonthYear(value) : value}
      maxLength={isDate ? 10 : undefined}
      required={props.required}
      aria-required={props.required || undefined}
      readOnly={props.readonly}
      aria-readonly={props.readonly || undefined}
      disabled={props.disabled}
      placeholder={props.placeholder || (isDate ? ctxOf(props).texts.datePlaceholder : undefined)}
      autoComplete={autocomplete ?? (isDate ? 'off' : undefined)}
      aria-invalid={invalid(props)}
      aria-describedby={describedBy(props)}
      onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange(toValue(e.target.value, inputType))}
      onBlur={(e) => props.onBlur(props.id, e.target.value)}
      onFocus={(e) => props.onFocus(props.id, e.target.value)}
    />
  );
}

function TextareaWidget(props: WidgetProps) {
  return (
    <textarea
      id={props.id}
      name={props.htmlName ?? props.id}
      className="input textarea"
      rows={4}
      value={typeof props.value === 'string' ? props.value : ''}
      required={props.required}
      aria-required={props.required || undefined}
      readOnly={props.readonly}
      aria-readonly={props.readonly || undefined}
      disabled={props.disabled}
      aria-invalid={invalid(props)}
      aria-describedby={describedBy(props)}
      onChange={(e) => props.onChange(e.target.value === '' ? undefined : e.target.value)}
      onBlur={(e) => props.onBlur(props.id, e.target.value)}
      onFocus={(e) => props.onFocus(props.id, e.target.value)}
    />
  );
}

function SelectWidget(props: WidgetProps) {
  const ctx = ctxOf(props);
  const options = props.options.enumOptions ?? [];
  const index = options.findIndex((o) => o.value === props.value);
  return (
    <select
      id={props.id}
      name={props.htmlName ?? props.id}
      className="input select"
      value={index < 0 ? '' : String(index)}
      required={props.required}
      aria-required={props.required || undefined}
      disabled={props.disabled || props.readonly}
      aria-invalid={invalid(props)}
      aria-describedby={describedBy(props)}
      onChange={(e) => props.onChange(e.target.value === '' ? undefined : options[Number(e.target.value)]?.value)}
      onBlur={() => props.onBlur(props.id, props.value)}
      onFocus={() => props.onFocus(props.id, props.value)}
    >
      <option value="">{ctx.texts.choose}</option>
      {options.map((o, i) => (
        <option key={String(o.value)} value={String(i)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

function RadioWidget(props: WidgetProps) {
  const options = props.options.enumOptions ?? [];
  return (
    <div className="eform-choices" role="presentation">
      {options.map((o, i) => {
        const id = i === 0 ? props.id : `${props.id}-${i}`;
        return (
          <div className="eform-choice" key={String(o.value)}>
            <input
              id={id}
              type="radio"
              className="eform-choice__input"
              name={props.htmlName ?? props.id}
              value={String(i)}
              checked={props.value === o.value}
              disabled={props.disabled || (props.readonly && props.value !== o.value)}
              aria-invalid={invalid(props)}
              aria-describedby={i === 0 ? describedBy(props) : undefined}
              onChange={() => props.onChange(o.value)}
              onBlur={() => props.onBlur(props.id, props.value)}
              onFocus={() => props.onFocus(props.id, props.value)}
            />
            <label htmlFor={id}>{o.label}</label>
          </div>
        );
      })}
    </div>
  );
}

function CheckboxesWidget(props: WidgetProps) {
  const options = props.options.enumOptions ?? [];
  const value = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  return (
    <div className="eform-choices" role="presentation">
      {options.map((o, i) => {
        const id = i === 0 ? props.id : `${props.id}-${i}`;
        const checked = value.includes(o.value);
        return (
          <div className="eform-choice" key={String(o.value)}>
            <input
              id={id}
              type="checkbox"
              className="eform-choice__input"
              name={props.htmlName ?? props.id}
              checked={checked}
              disabled={props.disabled || props.readonly}
              aria-invalid={invalid(props)}
              aria-describedby={i === 0 ? describedBy(props) : undefined}
              onChange={(e) => {
                const next = e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value);
                // Keep the order of the options.
                props.onChange(options.map((x) => x.value).filter((v) => next.includes(v)));
              }}
              onBlur={() => props.onBlur(props.id, props.value)}
              onFocus={() => props.onFocus(props.id, props.value)}
            />
            <label htmlFor={id}>{o.label}</label>
          </div>
        );
      })}
    </div>
  );
}

function CheckboxWidget(props: WidgetProps) {
  const ctx = ctxOf(props);
  return (
    <div className="eform-choice eform-choice--single">
      <input
        id={props.id}
        type="checkbox"
        className="eform-choice__input"
        name={props.htmlName ?? props.id}
        checked={props.value === true}
        required={props.required}
        aria-required={props.required || undefined}
        disabled={props.disabled || props.readonly}
        aria-invalid={invalid(props)}
        aria-describedby={describedBy(props)}
        onChange={(e) => props.onChange(e.target.checked)}
        onBlur={() => props.onBlur(props.id, props.value)}
        onFocus={() => props.onFocus(props.id, props.value)}
      />
      <label htmlFor={props.id}>
        {props.label}
        {props.required && <span className="field__optional"> ({ctx.texts.required})</span>}
      </label>
    </div>
  );
}

function HiddenWidget(props: WidgetProps) {
  return <input type="hidden" id={props.id} name={props.htmlName ?? props.id} value={props.value === undefined ? '' : String(props.value)} />;
}

const WIDGETS: RegistryWidgetsType = {
  eformText: TextWidget,
  eformTextarea: TextareaWidget,
  eformSelect: SelectWidget,
  eformRadio: RadioWidget,
  eformCheckbox: CheckboxWidget,
  eformCheckboxes: CheckboxesWidget,
  eformHidden: HiddenWidget,
  // rjsf's defaults by schema type, in case a field has no UI entry.
  TextWidget,
  TextareaWidget,
  SelectWidget,
  RadioWidget,
  CheckboxWidget,
  CheckboxesWidget,
  HiddenWidget,
  DateWidget: TextWidget,
  EmailWidget: TextWidget,
  UpDownWidget: TextWidget,
};

function FieldTemplate(props: FieldTemplateProps) {
  const ctx = ctxOf(props);
  const type = props.schema.type;
  if (type === 'object' || props.fieldPathId.path.length === 0) return props.children;
  const pointer = toPointer(props.fieldPathId.path.map(String));
  if (!isVisible(ctx.definition, pointer, ctx.data)) return null;
  const options = (props.uiSchema?.['ui:options'] ?? {}) as Record<string, unknown>;
  const widget = props.uiSchema?.['ui:widget'];
  if (widget === 'eformHidden') return props.children;
  const { hint, error, prefill } = ids(props.id);
  const help = hintOf(options, props.readonly || props.disabled, ctx);
  const source = typeof options.prefillSource === 'string' ? options.prefillSource : undefined;
  const errors = props.rawErrors ?? [];
  const isGroup = widget === 'eformRadio' || widget === 'eformCheckboxes';
  const isCheckbox = widget === 'eformCheckbox';
  const title = props.uiSchema?.['ui:title'] ?? props.label;
  const requiredMark = props.required ? <span className="field__optional"> ({ctx.texts.required})</span> : null;
  const extras: ReactNode = (
    <>
      {help && (
        <p className="field__hint" id={hint}>
          {help}
        </p>
      )}
      {source && (
        <p className={`eform__prefill${options.prefillEditable ? ' eform__prefill--editable' : ''}`} id={prefill}>
          {options.prefillEditable ? ctx.texts.prefillEditable(source) : ctx.texts.prefillLocked(source)}
        </p>
      )}
      {errors.length > 0 && (
        <p className="field__error" id={error}>
          <span className="visually-hidden">{ctx.texts.errorPrefix} </span>
          {errors.join(' ')}
        </p>
      )}
    </>
  );
  const className = `field eform__field${errors.length ? ' field--invalid' : ''}${source ? ' eform__field--prefilled' : ''}`;
  if (isGroup) {
    return (
      <fieldset className={`${className} eform__group`} data-pointer={pointer}>
        <legend className="field__label">
          {title}
          {requiredMark}
        </legend>
        {extras}
        {props.children}
      </fieldset>
    );
  }
  if (isCheckbox) {
    return (
      <div className={`${className} field--checkbox-wide`} data-pointer={pointer}>
        {extras}
        {props.children}
      </div>
    );
  }
  return (
    <div className={className} data-pointer={pointer}>
      <label className="field__label" htmlFor={props.id}>
        {title}
        {requiredMark}
      </label>
      {extras}
      {props.children}
    </div>
  );
}

function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const ctx = ctxOf(props);
  if (props.fieldPathId.path.length > 0) {
    return <div className="eform__group-fields">{props.properties.map((p) => (p.hidden ? null : <div key={p.name}>{p.content}</div>))}</div>;
  }
  // The root: one fieldset per section, holding the top-level properties its fields belong to.
  const { definition, data, language } = ctx;
  const byName = new Map(props.properties.map((p) => [p.name, p]));
  const placed = new Set<string>();
  const sections = definition.uiSchema.sections.map((s) => {
    const names: string[] = [];
    for (const f of s.fields) {
      const top = f.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
      if (top !== undefined && byName.has(top) && !placed.has(top)) {
        placed.add(top);
        names.push(top);
      }
    }
    return { section: s, names };
  });
  const rest = props.properties.filter((p) => !placed.has(p.name));
  return (
    <div className="eform__sections">
      {sections.map(({ section, names }) => {
        if (names.length === 0) return null;
        if (section.visibleIf && !conditionHolds(section.visibleIf, data)) return null;
        return (
          <fieldset className="eform__section" key={section.id}>
            <legend className="eform__legend">{section.title[language]}</legend>
            {section.description && <p className="eform__section-description">{section.description[language]}</p>}
            {names.map((n) => {
              const p = byName.get(n)!;
              return p.hidden ? null : <div key={n}>{p.content}</div>;
            })}
          </fieldset>
        );
      })}
      {rest.map((p) => (p.hidden ? null : <div key={p.name}>{p.content}</div>))}
    </div>
  );
}

const NoErrors = () => null;

const TEMPLATES: Partial<TemplatesType> = {
  FieldTemplate,
  ObjectFieldTemplate,
  FieldErrorTemplate: NoErrors,
  FieldHelpTemplate: NoErrors,
  ErrorListTemplate: NoErrors,
  DescriptionFieldTemplate: NoErrors,
  TitleFieldTemplate: NoErrors,
};

export interface EformRendererProps {
  definition: EformDefinition;
  data: Record<string, unknown>;
  onChange(data: Record<string, unknown>): void;
  onSubmit(): void;
  /** Errors to show under their fields (from the browser's validation or the server's). */
  errors: readonly ShownFieldError[];
  /** Prefilled fields by pointer. */
  prefill?: ReadonlyMap<string, PrefillMark>;
  /** Prefix of the field ids (two forms on one page need different ones). */
  idPrefix: string;
  language: Language;
  /** The buttons. */
  children: ReactNode;
}

export function EformRenderer(props: EformRendererProps) {
  const { t } = useTranslation();
  const { definition, data, language } = props;
  const prefill = props.prefill ?? EMPTY;
  const schema = useMemo(() => renderSchema(definition, data), [definition, data]);
  const uiSchema = useMemo(() => rjsfUiSchema(definition, language, prefill), [definition, language, prefill]);
  const validator = useMemo(() => createEformValidator(definition, language), [definition, language]);
  const extraErrors = useMemo(() => toErrorSchema(props.errors, language), [props.errors, language]);
  const sourceName = (source: string) => t(`catalog.eform.source.${source === 'population' || source === 'organization' || source === 'account' || source === 'catalog' ? source : 'other'}`);
  const formContext: EformContext = {
    definition,
    data,
    language,
    texts: {
      required: t('catalog.eform.required'),
      prefillLocked: (s) => t('catalog.eform.prefillLocked', { source: sourceName(s) }),
      prefillEditable: (s) => t('catalog.eform.prefillEditable', { source: sourceName(s) }),
      choose: t('catalog.eform.choose'),
      errorPrefix: t('errors.prefix'),
      dateFormat: t('form.dateFormat'),
      datePlaceholder: t('form.datePlaceholder'),
    },
  };
  return (
    <Form
      className="eform"
      schema={schema as RJSFSchema}
      uiSchema={uiSchema}
      formData={data}
      validator={validator}
      widgets={WIDGETS}
      templates={TEMPLATES}
      formContext={formContext}
      idPrefix={props.idPrefix}
      extraErrors={extraErrors}
      // What the applicant did not touch is not sent: no `false` for an unticked required box
      // (the server then says "not ticked" through `required`, as it would for any client).
      experimental_defaultFormStateBehavior={{ requiredBooleanDefault: 'skip' }}
      noValidate
      noHtml5Validate
      showErrorList={false}
      onChange={(e) => props.onChange((e.formData ?? {}) as Record<string, unknown>)}
      onSubmit={() => props.onSubmit()}
    >
      {props.children}
    </Form>
  );
}

const EMPTY: ReadonlyMap<string, PrefillMark> = new Map();
