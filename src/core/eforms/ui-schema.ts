// The UI schema of an e-form (format version 1): how the form renderer lays out the fields of the
// JSON Schema. The JSON Schema says what data is valid (validated by ajv in the browser and on the
// server); the UI schema says how it is shown: sections, field order, bilingual labels and help,
// widgets, option labels and conditional display.
//
// Fields are named by JSON pointers into the form data (`/applicant/fullName`), the same pointers
// that validation errors carry, so the renderer can put each error under its field.

export interface LocalizedText {
  vi: string;
  en: string;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Show a field (or section) only when another field has a value. Exactly one of `equals`, `in`,
 * `notEmpty` is given. When hidden, the field's value is dropped before validation
 * (normalizeFormData), so a hidden field never blocks submission nor is stored.
 */
export interface UiCondition {
  field: string;
  equals?: JsonValue;
  in?: JsonValue[];
  notEmpty?: boolean;
}

export type UiWidget =
  | 'text'
  | 'textarea'
  | 'number'
  | 'date'
  | 'email'
  | 'tel'
  | 'select'
  | 'radio'
  | 'checkbox'
  | 'checkboxes'
  | 'hidden';

export interface UiField {
  label: LocalizedText;
  help?: LocalizedText;
  placeholder?: LocalizedText;
  widget?: UiWidget;
  /** Labels of enum values, in display order. */
  options?: Array<{ value: string | number | boolean; label: LocalizedText }>;
  visibleIf?: UiCondition;
  /** Messages that replace the generic ones, keyed by ajv keyword (`pattern`, `required`, ...). */
  errorMessages?: Record<string, LocalizedText>;
}

export interface UiSection {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** Field pointers in display order. */
  fields: string[];
  visibleIf?: UiCondition;
}

export interface EformUiSchema {
  version: 1;
  sections: UiSection[];
  fields: Record<string, UiField>;
}

/** JSON pointer (RFC 6901) of a path of property names. */
export function toPointer(path: readonly string[]): string {
  return path.map((p) => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Property names of a JSON pointer; '' is the root. */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`Not a JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function getAt(data: unknown, pointer: string): unknown {
  let current: unknown = data;
  for (const key of fromPointer(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Sets a value, creating intermediate objects. `data` must be a plain object. */
export function setAt(data: Record<string, unknown>, pointer: string, value: unknown): void {
  const keys = fromPointer(pointer);
  let current: Record<string, unknown> = data;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      current[key] = value;
      return;
    }
    const next = current[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) current[key] = {};
    current = current[key] as Record<string, unknown>;
  });
}

export function deleteAt(data: unknown, pointer: string): void {
  const keys = fromPointer(pointer);
  let current: unknown = data;
  for (const [i, key] of keys.entries()) {
    if (current === null || typeof current !== 'object') return;
    if (i === keys.length - 1) {
      delete (current as Record<string, unknown>)[key];
      return;
    }
    current = (current as Record<string, unknown>)[key];
  }
}

/** Whether a condition holds for the data. */
export function conditionHolds(condition: UiCondition, data: unknown): boolean {
  const value = getAt(data, condition.field);
  if (condition.notEmpty) return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
  if (condition.in) return condition.in.some((v) => jsonEqual(v, value));
  if ('equals' in condition) return jsonEqual(condition.equals, value);
  return true;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
