// Validation of e-form data: normalize (trim, drop empty and hidden fields), then ajv against the
// version's JSON Schema, with messages in Vietnamese and English per field. The browser renderer
// and the server run this same code with the same ajv configuration; the server's answer is the
// truth.
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { EformAjv } from './ajv.ts';
import { localizeAjvError } from './messages.ts';
import { findBindings, type PrefillBinding } from './prefill.ts';
import { conditionHolds, deleteAt, fromPointer, toPointer, type EformUiSchema, type LocalizedText } from './ui-schema.ts';

export interface EformDefinition {
  schema: Record<string, unknown>;
  uiSchema: EformUiSchema;
}

export interface FormFieldError {
  /** JSON pointer into the form data, e.g. `/applicant/fullName`. */
  pointer: string;
  /** The ajv keyword (`required`, `format`, `pattern`, ...). */
  code: string;
  message: LocalizedText;
}

export interface FormValidation {
  valid: boolean;
  /** The normalized data that was validated. */
  data: Record<string, unknown>;
  errors: FormFieldError[];
}

export interface CompiledEform {
  definition: EformDefinition;
  bindings: PrefillBinding[];
  normalize(data: unknown): Record<string, unknown>;
  /** Validates data that is already normalized (and prefilled). */
  validateNormalized(data: Record<string, unknown>): FormValidation;
  /** normalize + validateNormalized. */
  validate(data: unknown): FormValidation;
  labelOf(pointer: string): LocalizedText;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function clean(value: unknown): unknown {
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? undefined : t;
  }
  if (Array.isArray(value)) return value.map(clean).filter((v) => v !== undefined);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v);
      if (c !== undefined) out[k] = c;
    }
    return out;
  }
  return value;
}

/**
 * Trims strings, drops empty strings (an empty input is "not filled": `required` catches it) and
 * drops the values of fields and sections hidden by their `visibleIf` condition.
 */
export function normalizeFormData(data: unknown, definition: EformDefinition): Record<string, unknown> {
  const { uiSchema } = definition;
  const cleaned = clean(data);
  if (!isPlainObject(cleaned)) return cleaned as Record<string, unknown>;
  ensureRequiredGroups(definition.schema, cleaned);
  const hidden: Array<{ pointers: string[]; condition: NonNullable<EformUiSchema['fields'][string]['visibleIf']> }> = [];
  for (const [pointer, field] of Object.entries(uiSchema.fields)) {
    if (field.visibleIf) hidden.push({ pointers: [pointer], condition: field.visibleIf });
  }
  for (const section of uiSchema.sections) {
    if (section.visibleIf) hidden.push({ pointers: section.fields, condition: section.visibleIf });
  }
  // A condition may depend on a field that is itself hidden: repeat until nothing changes.
  for (let round = 0; round < 5; round++) {
    let changed = false;
    for (const h of hidden) {
      if (conditionHolds(h.condition, cleaned)) continue;
      for (const p of h.pointers) {
        if (lookup(cleaned, p) !== undefined) {
          deleteAt(cleaned, p);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return cleaned;
}

/**
 * A required group (an object property with its own properties) that was not sent at all is
 * created empty, so that its missing fields are reported one by one rather than as one missing
 * group.
 */
function ensureRequiredGroups(schema: unknown, data: Record<string, unknown>): void {
  if (!isPlainObject(schema) || !isPlainObject(schema.properties) || !Array.isArray(schema.required)) return;
  for (const key of schema.required) {
    if (typeof key !== 'string') continue;
    const child = schema.properties[key];
    if (!isPlainObject(child) || !isPlainObject(child.properties)) continue;
    if (data[key] === undefined) data[key] = {};
    const value = data[key];
    if (isPlainObject(value)) ensureRequiredGroups(child, value);
  }
}

function lookup(data: unknown, pointer: string): unknown {
  let current = data;
  for (const key of fromPointer(pointer)) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The schema node of a data pointer, following `properties` (and `items` for array indexes). */
export function schemaAt(schema: unknown, pointer: string): Record<string, unknown> | undefined {
  let node: unknown = schema;
  for (const key of fromPointer(pointer)) {
    if (!isPlainObject(node)) return undefined;
    if (/^[0-9]+$/.test(key) && isPlainObject(node.items)) {
      node = node.items;
      continue;
    }
    const props = node.properties;
    if (!isPlainObject(props) || !(key in props)) return undefined;
    node = props[key];
  }
  return isPlainObject(node) ? node : undefined;
}

export function compileEform(ajv: EformAjv, definition: EformDefinition): CompiledEform {
  const fn: ValidateFunction = ajv.compile(definition.schema);
  const { bindings } = findBindings(definition.schema);

  const labelOf = (pointer: string): LocalizedText => {
    const ui = definition.uiSchema.fields[pointer];
    if (ui) return ui.label;
    // Array items share their field's label: /authors/0/name → /authors/name.
    const generic = toPointer(fromPointer(pointer).filter((k) => !/^[0-9]+$/.test(k)));
    const uiGeneric = definition.uiSchema.fields[generic];
    if (uiGeneric) return uiGeneric.label;
    const title = schemaAt(definition.schema, pointer)?.title;
    if (typeof title === 'string' && title !== '') return { vi: title, en: title };
    const last = fromPointer(pointer).at(-1) ?? '';
    return { vi: last || 'biểu mẫu', en: last || 'form' };
  };

  const toFieldError = (e: ErrorObject): FormFieldError => {
    const p = e.params as Record<string, unknown>;
    let pointer = e.instancePath;
    if ((e.keyword === 'required' || e.keyword === 'dependentRequired') && typeof p.missingProperty === 'string') {
      pointer += toPointer([p.missingProperty]);
    } else if (e.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string') {
      pointer += toPointer([p.additionalProperty]);
    } else if (e.keyword === 'unevaluatedProperties' && typeof p.unevaluatedProperty === 'string') {
      pointer += toPointer([p.unevaluatedProperty]);
    }
    const custom = definition.uiSchema.fields[pointer]?.errorMessages?.[e.keyword];
    return { pointer, code: e.keyword, message: custom ?? localizeAjvError(e, labelOf(pointer), schemaAt(definition.schema, pointer)) };
  };

  const validateNormalized = (data: Record<string, unknown>): FormValidation => {
    const ok = fn(data) as boolean;
    if (ok) return { valid: true, data, errors: [] };
    const seen = new Set<string>();
    const errors: FormFieldError[] = [];
    for (const e of fn.errors ?? []) {
      // `if` only says that a `then` failed; the failing `then` keyword has its own error.
      if (e.keyword === 'if') continue;
      const fe = toFieldError(e);
      const key = `${fe.pointer}\u0000${fe.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push(fe);
    }
    // In the order the form shows its fields, so the first error is the first field to fix.
    const order = new Map<string, number>();
    definition.uiSchema.sections.forEach((s) => s.fields.forEach((f) => order.set(f, order.size)));
    const rank = (pointer: string) => {
      for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
        const r = order.get(p);
        if (r !== undefined) return r;
      }
      return Number.MAX_SAFE_INTEGER;
    };
    const sorted = errors.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e.pointer) - rank(b.e.pointer) || a.i - b.i).map((x) => x.e);
    return { valid: false, data, errors: sorted };
  };

  const normalize = (data: unknown) => normalizeFormData(data, definition);

  return {
    definition,
    bindings,
    normalize,
    validateNormalized,
    validate: (data) => validateNormalized(normalize(data)),
    labelOf,
  };
}
