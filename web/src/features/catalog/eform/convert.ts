// From an e-form definition (JSON Schema + the motcua UI schema, src/core/eforms/ui-schema.ts) to
// what @rjsf/core renders: a rendering schema (validation-only keywords removed, conditionally
// required fields marked while their condition holds) and an rjsf uiSchema (labels in the
// current language, widgets, option labels, field order). Validation is not rjsf's: it runs the
// shared e-form code (eform/validation.ts).
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { PREFILL_EDITABLE_KEYWORD, PREFILL_KEYWORD } from '@server/core/eforms/ajv.ts';
import { conditionHolds, fromPointer, toPointer, type UiField } from '@server/core/eforms/ui-schema.ts';
import type { EformDefinition } from '@server/core/eforms/validate.ts';
import type { Language } from '../../../i18n/index.ts';
import { interpretSchema } from './interpreter.ts';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Keywords that only validate: rjsf must not act on them (const/default would pre-fill values). */
const VALIDATION_ONLY = new Set(['allOf', 'if', 'then', 'else', 'const', 'default', PREFILL_KEYWORD, PREFILL_EDITABLE_KEYWORD, '$schema']);

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (!isNode(node)) return node;
  const out: Node = {};
  for (const [k, v] of Object.entries(node)) {
    if (VALIDATION_ONLY.has(k)) continue;
    out[k] = k === 'properties' && isNode(v) ? Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, strip(pv)])) : strip(v);
  }
  return out;
}

/** Adds the `required` of a `then` (nested through `properties`) to the rendering schema. */
function mergeRequired(target: Node, then: unknown): void {
  if (!isNode(then)) return;
  if (Array.isArray(then.required) && isNode(target.properties)) {
    const req = new Set([...((target.required as string[] | undefined) ?? []), ...(then.required as string[])]);
    target.required = [...req].filter((k) => k in (target.properties as Node));
  }
  if (isNode(then.properties) && isNode(target.properties)) {
    for (const [k, sub] of Object.entries(then.properties)) {
      const child = (target.properties as Node)[k];
      if (isNode(child)) mergeRequired(child, sub);
      // A `const: true` in a `then` is a checkbox that must be ticked: show it as required.
      if (isNode(sub) && sub.const === true && isNode(child)) {
        const req = new Set([...((target.required as string[] | undefined) ?? []), k]);
        target.required = [...req];
      }
    }
  }
}

function holds(condition: unknown, data: unknown): boolean {
  try {
    return interpretSchema(condition)(data);
  } catch {
    return false;
  }
}

/** The schema rjsf renders for the current data. */
export function renderSchema(definition: EformDefinition, data: Record<string, unknown>): RJSFSchema {
  const out = strip(definition.schema) as Node;
  const visit = (source: unknown, target: Node, value: unknown) => {
    if (!isNode(source)) return;
    const allOf = Array.isArray(source.allOf) ? (source.allOf as unknown[]) : [];
    for (const entry of [source, ...allOf]) {
      if (isNode(entry) && entry.if !== undefined && entry.then !== undefined && holds(entry.if, value ?? {})) mergeRequired(target, entry.then);
    }
    if (isNode(source.properties) && isNode(target.properties)) {
      for (const [k, child] of Object.entries(source.properties)) {
        const t = (target.properties as Node)[k];
        if (isNode(t)) visit(child, t, isNode(value) ? value[k] : undefined);
      }
    }
  };
  visit(definition.schema, out, data);
  return out as RJSFSchema;
}

export interface FieldMeta {
  pointer: string;
  label: string;
  help?: string;
  widget: EformWidget;
}

export type EformWidget = 'eformText' | 'eformTextarea' | 'eformSelect' | 'eformRadio' | 'eformCheckbox' | 'eformCheckboxes' | 'eformHidden';

function widgetFor(ui: UiField | undefined, schema: Node | undefined): { widget: EformWidget; inputType?: string } {
  const type = schema?.type;
  switch (ui?.widget) {
    case 'textarea':
      return { widget: 'eformTextarea' };
    case 'select':
      return { widget: 'eformSelect' };
    case 'radio':
      return { widget: 'eformRadio' };
    case 'checkbox':
      return { widget: 'eformCheckbox' };
    case 'checkboxes':
      return { widget: 'eformCheckboxes' };
    case 'hidden':
      return { widget: 'eformHidden' };
    case 'date':
      return { widget: 'eformText', inputType: 'date' };
    case 'email':
      return { widget: 'eformText', inputType: 'email' };
    case 'tel':
      return { widget: 'eformText', inputType: 'tel' };
    case 'number':
      return { widget: 'eformText', inputType: 'number' };
    default:
      break;
  }
  if (type === 'boolean') return { widget: 'eformCheckbox' };
  if (type === 'array') return { widget: 'eformCheckboxes' };
  if (Array.isArray(schema?.enum)) return { widget: 'eformSelect' };
  if (type === 'number' || type === 'integer') return { widget: 'eformText', inputType: 'number' };
  switch (schema?.format) {
    case 'date':
      return { widget: 'eformText', inputType: 'date' };
    case 'email':
      return { widget: 'eformText', inputType: 'email' };
    case 'phone-vn':
      return { widget: 'eformText', inputType: 'tel' };
    default:
      return { widget: 'eformText' };
  }
}

function schemaNode(schema: unknown, pointer: string): Node | undefined {
  let node: unknown = schema;
  for (const key of fromPointer(pointer)) {
    if (!isNode(node) || !isNode(node.properties)) return undefined;
    node = node.properties[key];
  }
  return isNode(node) ? node : undefined;
}

/** Every field pointer in display order: the sections' order, then fields no section lists. */
export function fieldOrder(definition: EformDefinition): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of definition.uiSchema.sections) for (const f of s.fields) if (!seen.has(f)) (seen.add(f), out.push(f));
  for (const f of Object.keys(definition.uiSchema.fields)) if (!seen.has(f)) (seen.add(f), out.push(f));
  return out;
}

export interface PrefillMark {
  source: string;
  editable: boolean;
}

/** The rjsf uiSchema of a definition in a language. */
export function rjsfUiSchema(definition: EformDefinition, language: Language, prefill: ReadonlyMap<string, PrefillMark>): UiSchema {
  const root: Node = {};
  const nodeAt = (keys: string[]): Node => {
    let n = root;
    for (const k of keys) n = (n[k] ??= {}) as Node;
    return n;
  };
  const orders = new Map<string, string[]>();
  for (const pointer of fieldOrder(definition)) {
    const keys = fromPointer(pointer);
    keys.forEach((key, i) => {
      const parent = toPointer(keys.slice(0, i));
      const list = orders.get(parent) ?? [];
      if (!list.includes(key)) list.push(key);
      orders.set(parent, list);
    });
    const ui = definition.uiSchema.fields[pointer];
    const schema = schemaNode(definition.schema, pointer);
    const { widget, inputType } = widgetFor(ui, schema);
    const node = nodeAt(keys);
    const mark = prefill.get(pointer);
    node['ui:widget'] = widget;
    node['ui:title'] = ui?.label[language] ?? (typeof schema?.title === 'string' ? schema.title : keys.at(-1));
    node['ui:options'] = {
      pointer,
      label: false,
      ...(ui?.help ? { eformHelp: ui.help[language] } : {}),
      ...(ui?.placeholder ? { placeholder: ui.placeholder[language] } : {}),
      ...(inputType ? { inputType } : {}),
      ...(mark ? { prefillSource: mark.source, prefillEditable: mark.editable } : {}),
      ...(ui?.options ? { enumNames: Object.fromEntries(ui.options.map((o) => [String(o.value), o.label[language]])) } : {}),
    };
    if (mark && !mark.editable) node['ui:readonly'] = true;
  }
  for (const [parent, keys] of orders) nodeAt(fromPointer(parent))['ui:order'] = [...keys, '*'];
  return root as UiSchema;
}

/** Whether a field (or its section) is shown for the current data. */
export function isVisible(definition: EformDefinition, pointer: string, data: unknown): boolean {
  const ui = definition.uiSchema.fields[pointer];
  if (ui?.visibleIf && !conditionHolds(ui.visibleIf, data)) return false;
  for (const s of definition.uiSchema.sections) {
    if (s.visibleIf && s.fields.includes(pointer) && !conditionHolds(s.visibleIf, data)) return false;
  }
  return true;
}

/** The id rjsf gives the input of a field: `<prefix>_<key>_<key>`. */
export const fieldId = (idPrefix: string, pointer: string) => [idPrefix, ...fromPointer(pointer)].join('_');
