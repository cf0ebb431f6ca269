// Prefill bindings of e-forms: `"x-prefill": "<name>"` on a property binds it to
//  - a population attribute (`fullName`, `permanentAddress`, ...: source population),
//  - the login (`phone`, `email`: source account),
//  - the logged-in organization (`organization.taxCode`, `organization.name`: source organization)
//    — all three from core/prefill/attributes.ts, the only valid names;
//  - or a catalog value (`catalog.procedureName`, ...: the procedure being filled in).
// A bound field is locked (the applicant cannot change it) unless `"x-prefill-editable": true`;
// when an editable prefilled value is changed, the difference is recorded (Project 06: data held in
// the national population database is not asked for again, and what the applicant changed is known).
import { findPrefillAttribute, type PrefillValues } from '../prefill/attributes.ts';
import { PREFILL_EDITABLE_KEYWORD, PREFILL_KEYWORD } from './ajv.ts';
import { getAt, setAt, toPointer, type LocalizedText } from './ui-schema.ts';

export type BindingSource = 'population' | 'account' | 'organization' | 'catalog';

/** Values of the procedure being filled in, for `catalog.*` bindings. */
export const CATALOG_PREFILL: ReadonlyArray<{ name: string; label: LocalizedText }> = [
  { name: 'catalog.procedureCode', label: { vi: 'Mã thủ tục hành chính', en: 'Procedure code' } },
  { name: 'catalog.procedureName', label: { vi: 'Tên thủ tục hành chính', en: 'Procedure name' } },
  { name: 'catalog.fieldName', label: { vi: 'Lĩnh vực', en: 'Field' } },
  { name: 'catalog.unitName', label: { vi: 'Cơ quan giải quyết', en: 'Deciding agency' } },
  { name: 'catalog.unitAgencyCode', label: { vi: 'Mã định danh cơ quan giải quyết', en: 'Deciding agency e-ID' } },
];

export type CatalogPrefillValues = Partial<Record<string, string>>;

export function bindingSource(name: string): BindingSource | undefined {
  if (CATALOG_PREFILL.some((c) => c.name === name)) return 'catalog';
  return findPrefillAttribute(name)?.source;
}

export interface PrefillBinding {
  /** JSON pointer of the field in the form data. */
  pointer: string;
  attribute: string;
  source: BindingSource;
  editable: boolean;
}

interface SchemaNode {
  [key: string]: unknown;
}

const isNode = (v: unknown): v is SchemaNode => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The bindings of a schema: `x-prefill` on properties reached from the root through `properties`
 * only (fields inside arrays or alternatives cannot be prefilled). Also returns the schema
 * pointers of any `x-prefill` found elsewhere, which the definition check reports.
 */
export function findBindings(schema: unknown): { bindings: PrefillBinding[]; misplaced: string[] } {
  const bindings: PrefillBinding[] = [];
  const reachable = new Set<unknown>();
  const visit = (node: unknown, path: string[]) => {
    if (!isNode(node)) return;
    reachable.add(node);
    const name = node[PREFILL_KEYWORD];
    if (typeof name === 'string' && path.length > 0) {
      const source = bindingSource(name);
      if (source) {
        bindings.push({
          pointer: toPointer(path),
          attribute: name,
          source,
          editable: source !== 'catalog' && node[PREFILL_EDITABLE_KEYWORD] === true,
        });
      }
    }
    const props = node.properties;
    if (isNode(props)) for (const [key, child] of Object.entries(props)) visit(child, [...path, key]);
  };
  visit(schema, []);
  const misplaced: string[] = [];
  const scan = (node: unknown, schemaPath: string[]) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => scan(child, [...schemaPath, String(i)]));
      return;
    }
    if (!isNode(node)) return;
    if (PREFILL_KEYWORD in node && (!reachable.has(node) || schemaPath.length === 0)) misplaced.push(toPointer(schemaPath));
    for (const [key, child] of Object.entries(node)) if (key !== 'const' && key !== 'enum' && key !== 'default' && key !== 'examples') scan(child, [...schemaPath, key]);
  };
  scan(schema, []);
  return { bindings, misplaced };
}

/** What the caller's prefill source gave. */
export type PrefillInput =
  | { status: 'applied'; source: string; values: PrefillValues }
  | { status: 'unavailable'; reason?: string }
  | { status: 'not_applicable' };

export interface PrefilledField {
  pointer: string;
  attribute: string;
  source: BindingSource;
  editable: boolean;
  /** The applicant changed the prefilled value (editable fields only). */
  overridden: boolean;
}

/** A change of an editable prefilled value: kept, and recorded. */
export interface PrefillOverride {
  pointer: string;
  attribute: string;
  prefilledValue: string;
  submittedValue: unknown;
}

export interface PrefillOutcome {
  status: PrefillInput['status'];
  source?: string;
  data: Record<string, unknown>;
  prefilled: PrefilledField[];
  overrides: PrefillOverride[];
  /** Values sent for locked fields that differed from the prefilled value: replaced, not stored. */
  replaced: PrefillOverride[];
}

/**
 * Fills the bound fields of `data` (a copy is returned). Locked fields take the prefilled value
 * whatever was sent; editable ones keep what the applicant sent and record the difference. A
 * field whose value is not available (population data unavailable, or no such value for this
 * person) is left to the applicant and is not marked as prefilled.
 */
export function applyPrefill(
  bindings: readonly PrefillBinding[],
  data: Record<string, unknown>,
  input: PrefillInput,
  catalogValues: CatalogPrefillValues = {},
): PrefillOutcome {
  const out = structuredClone(data);
  const prefilled: PrefilledField[] = [];
  const overrides: PrefillOverride[] = [];
  const replaced: PrefillOverride[] = [];
  for (const b of bindings) {
    const value =
      b.source === 'catalog'
        ? catalogValues[b.attribute]
        : input.status === 'applied'
          ? input.values[b.attribute]
          : undefined;
    if (value === undefined || value === null || value === '') continue;
    const sent = getAt(out, b.pointer);
    const sentSomething = sent !== undefined && sent !== null && sent !== '';
    if (b.editable && sentSomething && sent !== value) {
      overrides.push({ pointer: b.pointer, attribute: b.attribute, prefilledValue: value, submittedValue: sent });
      prefilled.push({ pointer: b.pointer, attribute: b.attribute, source: b.source, editable: true, overridden: true });
      continue;
    }
    if (!b.editable && sentSomething && sent !== value) {
      replaced.push({ pointer: b.pointer, attribute: b.attribute, prefilledValue: value, submittedValue: sent });
    }
    setAt(out, b.pointer, value);
    prefilled.push({ pointer: b.pointer, attribute: b.attribute, source: b.source, editable: b.editable, overridden: false });
  }
  return {
    status: input.status,
    ...(input.status === 'applied' ? { source: input.source } : {}),
    data: out,
    prefilled,
    overrides,
    replaced,
  };
}
