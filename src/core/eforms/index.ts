// E-forms: the shared validation of form data (browser and server), prefill bindings, the UI
// schema format, the field-row builder and the definition checks. Pure code, no Node APIs.
export { createEformAjv, EFORM_FORMATS, PREFILL_EDITABLE_KEYWORD, PREFILL_KEYWORD, type EformAjv } from './ajv.ts';
export { buildEform, flattenEform, FIELD_PATH_PATTERN, FIELD_TYPES, type EformFieldSpec, type EformSectionSpec, type EformSpec, type FieldType } from './builder.ts';
export { checkEformDefinition, EFORM_MAX_BYTES, leafFields, prefillCatalog, type EformIssue } from './definition.ts';
export { localizeAjvError } from './messages.ts';
export {
  applyPrefill,
  bindingSource,
  CATALOG_PREFILL,
  findBindings,
  type BindingSource,
  type CatalogPrefillValues,
  type PrefillBinding,
  type PrefillInput,
  type PrefillOutcome,
  type PrefillOverride,
  type PrefilledField,
} from './prefill.ts';
export * from './ui-schema.ts';
export {
  compileEform,
  normalizeFormData,
  schemaAt,
  type CompiledEform,
  type EformDefinition,
  type FormFieldError,
  type FormValidation,
} from './validate.ts';
