// A simple e-form model, one row per field, that officials can fill in a spreadsheet (the Excel
// template's "Biểu mẫu" sheet) and that the seed catalog is written in. buildEform turns it into
// a JSON Schema and a UI schema; flattenEform turns a form back into rows when, and only when,
// rebuilding the rows gives exactly the same form (otherwise the form is exchanged as JSON).
import { PREFILL_EDITABLE_KEYWORD, PREFILL_KEYWORD } from './ajv.ts';
import { fromPointer, jsonEqual, toPointer, type EformUiSchema, type LocalizedText, type UiField } from './ui-schema.ts';
import { schemaAt, type EformDefinition } from './validate.ts';

export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'integer',
  'date',
  'email',
  'phone',
  'personal_id',
  'tax_code',
  'select',
  'radio',
  'checkbox',
  'multiselect',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface EformFieldSpec {
  /** Dotted path of the value in the form data, e.g. `applicant.fullName`. */
  path: string;
  /** Id of the section the field is shown in. */
  section: string;
  type: FieldType;
  label: LocalizedText;
  help?: LocalizedText;
  /** For a checkbox: must be ticked. For multiselect: at least one. */
  required?: boolean;
  options?: Array<{ value: string; label: LocalizedText }>;
  /** `x-prefill` binding. */
  prefill?: string;
  prefillEditable?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  /** Shown (and, when required, required) only when another field has a value. */
  visibleIf?: { field: string; equals: string | number | boolean };
}

export interface EformSectionSpec {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
}

export interface EformSpec {
  sections: EformSectionSpec[];
  fields: EformFieldSpec[];
}

export const FIELD_PATH_PATTERN = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

const DEFAULT_MAX_LENGTH: Partial<Record<FieldType, number>> = { text: 500, textarea: 5000, email: 254 };

const dottedToPointer = (path: string) => toPointer(path.split('.'));
const pointerToDotted = (pointer: string) => fromPointer(pointer).join('.');

type Node = Record<string, unknown>;

function fieldSchema(f: EformFieldSpec): Node {
  const s: Node = { title: f.label.vi };
  switch (f.type) {
    case 'text':
    case 'textarea':
      s.type = 'string';
      break;
    case 'number':
      s.type = 'number';
      break;
    case 'integer':
      s.type = 'integer';
      break;
    case 'date':
      Object.assign(s, { type: 'string', format: 'date' });
      break;
    case 'email':
      Object.assign(s, { type: 'string', format: 'email' });
      break;
    case 'phone':
      Object.assign(s, { type: 'string', format: 'phone-vn' });
      break;
    case 'personal_id':
      Object.assign(s, { type: 'string', format: 'personal-id' });
      break;
    case 'tax_code':
      Object.assign(s, { type: 'string', format: 'tax-code' });
      break;
    case 'select':
    case 'radio':
      Object.assign(s, { type: 'string', enum: (f.options ?? []).map((o) => o.value) });
      break;
    case 'checkbox':
      s.type = 'boolean';
      if (f.required && !f.visibleIf) s.const = true;
      break;
    case 'multiselect':
      Object.assign(s, { type: 'array', items: { type: 'string', enum: (f.options ?? []).map((o) => o.value) }, uniqueItems: true });
      if (f.required) s.minItems = 1;
      break;
  }
  if (s.type === 'string') {
    if (f.minLength !== undefined) s.minLength = f.minLength;
    const max = f.maxLength ?? DEFAULT_MAX_LENGTH[f.type];
    if (max !== undefined) s.maxLength = max;
    if (f.pattern !== undefined) s.pattern = f.pattern;
  }
  if (s.type === 'number' || s.type === 'integer') {
    if (f.minimum !== undefined) s.minimum = f.minimum;
    if (f.maximum !== undefined) s.maximum = f.maximum;
  }
  if (f.prefill) {
    s[PREFILL_KEYWORD] = f.prefill;
    if (f.prefillEditable) s[PREFILL_EDITABLE_KEYWORD] = true;
  }
  return s;
}

const WIDGETS: Partial<Record<FieldType, UiField['widget']>> = {
  textarea: 'textarea',
  radio: 'radio',
  select: 'select',
  checkbox: 'checkbox',
  multiselect: 'checkboxes',
  phone: 'tel',
};

function nestedCondition(path: string[], leaf: Node): Node {
  // { a: { b: leaf } } expressed as nested `properties` + `required`, so the condition holds only
  // when the value is present.
  let node: Node = leaf;
  for (let i = path.length - 1; i >= 0; i--) {
    node = { type: 'object', properties: { [path[i]!]: node }, required: [path[i]!] };
  }
  return node;
}

function nestedRequired(path: string[]): Node {
  const last = path.at(-1)!;
  let node: Node = { type: 'object', required: [last] };
  for (let i = path.length - 2; i >= 0; i--) {
    node = { type: 'object', properties: { [path[i]!]: node }, required: [path[i]!] };
  }
  return node;
}

/** JSON Schema + UI schema of a field-row form. Throws on an inconsistent spec (bad path, unknown section). */
export function buildEform(spec: EformSpec): EformDefinition {
  const root: Node = { type: 'object', additionalProperties: false, properties: {} };
  const allOf: Node[] = [];
  const sectionIds = new Set(spec.sections.map((s) => s.id));
  const uiFields: EformUiSchema['fields'] = {};
  const sectionFields = new Map<string, string[]>(spec.sections.map((s) => [s.id, []]));

  for (const f of spec.fields) {
    if (!FIELD_PATH_PATTERN.test(f.path)) throw new Error(`Invalid field path: ${f.path}`);
    if (!sectionIds.has(f.section)) throw new Error(`Unknown section ${f.section} of ${f.path}`);
    const keys = f.path.split('.');
    let parent = root;
    keys.slice(0, -1).forEach((key, i) => {
      const props = parent.properties as Record<string, Node>;
      const existing = props[key];
      if (existing && existing.type !== 'object') throw new Error(`${keys.slice(0, i + 1).join('.')} is both a field and a group`);
      props[key] ??= { type: 'object', additionalProperties: false, properties: {} };
      parent = props[key]!;
    });
    const leafKey = keys.at(-1)!;
    const props = parent.properties as Record<string, Node>;
    if (props[leafKey]) throw new Error(`Duplicate field ${f.path}`);
    props[leafKey] = fieldSchema(f);

    const required = f.required === true;
    if (required && !f.visibleIf) {
      // Unconditionally required: in its parent's `required`, and every group above it too (so an
      // absent group is reported field by field after normalization creates it empty).
      let node = root;
      keys.forEach((key) => {
        const req = (node.required as string[] | undefined) ?? [];
        if (!req.includes(key)) node.required = [...req, key];
        node = (node.properties as Record<string, Node>)[key]!;
      });
    } else if (required && f.visibleIf) {
      const condPath = f.visibleIf.field.split('.');
      allOf.push({
        if: nestedCondition(condPath, { const: f.visibleIf.equals }),
        then: f.type === 'checkbox' ? nestedCondition(keys, { const: true }) : nestedRequired(keys),
      });
    }

    const pointer = dottedToPointer(f.path);
    const ui: UiField = { label: f.label };
    if (f.help) ui.help = f.help;
    const widget = WIDGETS[f.type];
    if (widget) ui.widget = widget;
    if (f.options) ui.options = f.options.map((o) => ({ value: o.value, label: o.label }));
    if (f.visibleIf) ui.visibleIf = { field: dottedToPointer(f.visibleIf.field), equals: f.visibleIf.equals };
    uiFields[pointer] = ui;
    sectionFields.get(f.section)!.push(pointer);
  }
  if (allOf.length > 0) root.allOf = allOf;
  const uiSchema: EformUiSchema = {
    version: 1,
    sections: spec.sections.map((s) => ({
      id: s.id,
      title: s.title,
      ...(s.description ? { description: s.description } : {}),
      fields: sectionFields.get(s.id)!,
    })),
    fields: uiFields,
  };
  return { schema: root, uiSchema };
}

/**
 * The field rows of a form, or null when the form uses more than the row model can say (then
 * it is kept as JSON). Guaranteed: buildEform(flattenEform(f)) equals f.
 */
export function flattenEform(definition: EformDefinition): EformSpec | null {
  try {
    const { schema, uiSchema } = definition;
    const sections: EformSectionSpec[] = uiSchema.sections.map((s) => ({
      id: s.id,
      title: s.title,
      ...(s.description ? { description: s.description } : {}),
    }));
    const conditionalRequired = new Set<string>();
    const allOf = Array.isArray(schema.allOf) ? (schema.allOf as Node[]) : [];
    for (const entry of allOf) {
      let then = entry.then as Node | undefined;
      const path: string[] = [];
      while (then) {
        const req = then.required as string[] | undefined;
        const props = then.properties as Record<string, Node> | undefined;
        if (props && Object.keys(props).length === 1) {
          const key = Object.keys(props)[0]!;
          path.push(key);
          then = props[key];
          if (then && 'const' in then) break;
        } else {
          if (req?.length === 1) path.push(req[0]!);
          break;
        }
      }
      conditionalRequired.add(path.join('.'));
    }
    const fields: EformFieldSpec[] = [];
    for (const section of uiSchema.sections) {
      for (const pointer of section.fields) {
        const node = schemaAt(schema, pointer);
        const ui = uiSchema.fields[pointer];
        if (!node || !ui) return null;
        const keys = fromPointer(pointer);
        const parent = schemaAt(schema, toPointer(keys.slice(0, -1)))!;
        const path = pointerToDotted(pointer);
        const type = detectType(node, ui);
        if (!type) return null;
        const inRequired = ((parent.required as string[] | undefined) ?? []).includes(keys.at(-1)!);
        const f: EformFieldSpec = { path, section: section.id, type, label: ui.label };
        if (ui.help) f.help = ui.help;
        if (inRequired || conditionalRequired.has(path) || (type === 'checkbox' && node.const === true)) f.required = true;
        if (ui.options) f.options = ui.options.map((o) => ({ value: String(o.value), label: o.label }));
        if (typeof node[PREFILL_KEYWORD] === 'string') f.prefill = node[PREFILL_KEYWORD] as string;
        if (node[PREFILL_EDITABLE_KEYWORD] === true) f.prefillEditable = true;
        if (typeof node.minLength === 'number') f.minLength = node.minLength;
        if (typeof node.maxLength === 'number' && node.maxLength !== DEFAULT_MAX_LENGTH[type]) f.maxLength = node.maxLength;
        if (typeof node.pattern === 'string') f.pattern = node.pattern;
        if (typeof node.minimum === 'number') f.minimum = node.minimum;
        if (typeof node.maximum === 'number') f.maximum = node.maximum;
        if (ui.visibleIf) {
          const eq = ui.visibleIf.equals;
          if (typeof eq !== 'string' && typeof eq !== 'number' && typeof eq !== 'boolean') return null;
          f.visibleIf = { field: pointerToDotted(ui.visibleIf.field), equals: eq };
        }
        fields.push(f);
      }
    }
    const spec = { sections, fields };
    return jsonEqual(buildEform(spec), definition) ? spec : null;
  } catch {
    return null;
  }
}

function detectType(node: Node, ui: UiField): FieldType | undefined {
  switch (node.type) {
    case 'boolean':
      return 'checkbox';
    case 'array':
      return 'multiselect';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'string':
      if (Array.isArray(node.enum)) return ui.widget === 'radio' ? 'radio' : 'select';
      switch (node.format) {
        case 'date':
          return 'date';
        case 'email':
          return 'email';
        case 'phone-vn':
          return 'phone';
        case 'personal-id':
          return 'personal_id';
        case 'tax-code':
          return 'tax_code';
        case undefined:
          return ui.widget === 'textarea' ? 'textarea' : 'text';
        default:
          return undefined;
      }
    default:
      return undefined;
  }
}
