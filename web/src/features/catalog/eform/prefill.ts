// Prefill in the browser: the values the server will put in the bound fields (x-prefill), shown
// before the applicant types anything. The same bindings as the server (findBindings); values
// from the population data (citizens), the organization account, and the procedure itself. The
// server applies them again on submission (locked fields keep the prefilled value whatever the
// browser sends), so this is a display of what will happen, not a trust boundary.
import { findBindings, type PrefillBinding } from '@server/core/eforms/prefill.ts';
import { getAt, setAt } from '@server/core/eforms/ui-schema.ts';
import type { EformDefinition } from '@server/core/eforms/validate.ts';
import type { Language } from '../../../i18n/index.ts';
import type { Me } from '../../../lib/session.tsx';
import { catalogApi, type PrefillReport, type ProcedureVersionView } from '../api.ts';
import type { PrefillMark } from './convert.ts';

export type PrefillState = 'applied' | 'unavailable' | 'not_applicable';

export interface PrefillResult {
  status: PrefillState;
  data: Record<string, unknown>;
  marks: Map<string, PrefillMark>;
}

/** Values of `catalog.*` bindings, as the server computes them (modules/catalog/forms.ts). Keys in
 * backticks: they are binding names, not texts to translate. */
export function catalogValues(view: ProcedureVersionView): Record<string, string> {
  const decider = view.content.implementingUnits.find((u) => u.role === 'decides')?.unitId ?? view.ownerUnit.id;
  const unit = view.units[decider];
  return {
    [`catalog.procedureCode`]: view.code,
    [`catalog.procedureName`]: view.content.name,
    [`catalog.fieldName`]: view.content.field.name,
    ...(unit ? { [`catalog.unitName`]: unit.name.vi, ...(unit.agencyCode ? { [`catalog.unitAgencyCode`]: unit.agencyCode } : {}) } : {}),
  };
}

/** Organization attributes the server fills from the organization's login (modules/catalog/prefill-source.ts). */
const ORGANIZATION_FILLED = new Set(['organization.taxCode', 'organization.name']);

/**
 * Does the server really fill this binding? Population data (citizens), the procedure's own
 * values, and an organization's tax code and name do; the login account has no phone nor e-mail
 * to give (source `account`), and neither is an organization's address known. The form must not
 * promise what will not happen: such fields are the applicant's to fill.
 */
export function isFilledByServer(binding: Pick<PrefillBinding, 'attribute' | 'source'>): boolean {
  if (binding.source === 'population' || binding.source === 'catalog') return true;
  if (binding.source === 'organization') return ORGANIZATION_FILLED.has(binding.attribute);
  return false;
}

/** Sources of the applicant's own details (not the procedure's). */
export const isPersonalSource = (source: string): boolean => source === 'population' || source === 'organization';

/** Fills bound fields from the values; returns the data and the marks of the fields filled. */
export function applyValues(
  bindings: readonly PrefillBinding[],
  data: Record<string, unknown>,
  values: Record<string, string | undefined>,
): { data: Record<string, unknown>; marks: Map<string, PrefillMark> } {
  const out = structuredClone(data);
  const marks = new Map<string, PrefillMark>();
  for (const b of bindings) {
    if (!isFilledByServer(b)) continue;
    const value = values[b.attribute];
    if (value === undefined || value === '') continue;
    const current = getAt(out, b.pointer);
    if (!b.editable || current === undefined || current === '') setAt(out, b.pointer, value);
    marks.set(b.pointer, { source: b.source, editable: b.editable });
  }
  return { data: out, marks };
}

/** The prefill of a published form for the logged-in applicant. */
export async function loadPrefill(view: ProcedureVersionView, me: Me, language: Language): Promise<PrefillResult> {
  const definition = view.content.eform as EformDefinition;
  const { bindings } = findBindings(definition.schema);
  const values: Record<string, string | undefined> = { ...catalogValues(view) };
  let status: PrefillState = 'not_applicable';
  if (me.kind === 'citizen' && bindings.some((b) => b.source === 'population')) {
    const r = await catalogApi.myPrefill(language);
    if (r.kind === 'ok') {
      Object.assign(values, r.data.values);
      status = 'applied';
    } else {
      status = 'unavailable';
    }
  } else if (me.kind === 'organization') {
    Object.assign(values, { 'organization.taxCode': me.taxCode, 'organization.name': me.fullName });
    status = 'applied';
  }
  const { data, marks } = applyValues(bindings, {}, values);
  return { status, data, marks };
}

/**
 * The prefill the server itself will apply on submission: it validates an empty form under the
 * version (POST …/validate, no write) and answers with the data as prefilled and its report,
 * whatever its population source is. The values of the fields it filled are spread to every
 * binding of the same attribute (a field of a branch not yet shown gets them too); the
 * procedure's own values are known in the browser. A failure of that request falls back to the
 * browser's own prefill (loadPrefill).
 */
export async function loadServerPrefill(view: ProcedureVersionView, me: Me, language: Language): Promise<PrefillResult> {
  const definition = view.content.eform as EformDefinition;
  const { bindings } = findBindings(definition.schema);
  const r = await catalogApi.validate(view.code, view.version.number, { data: {} }, language);
  let report: PrefillReport | undefined;
  let prefilled: Record<string, unknown> | undefined;
  if (r.kind === 'ok') {
    report = r.data.prefill;
    prefilled = r.data.data;
  } else if (r.kind === 'problem' && r.problem.status === 422) {
    const ext = r.problem.extensions ?? {};
    if (isReport(ext.prefill) && isRecord(ext.data)) {
      report = ext.prefill;
      prefilled = ext.data;
    }
  }
  if (!report || !prefilled) return loadPrefill(view, me, language);
  const values: Record<string, string | undefined> = { ...catalogValues(view) };
  for (const f of report.fields) {
    const value = getAt(prefilled, f.pointer);
    if (typeof value === 'string' && value !== '') values[f.attribute] = value;
  }
  // Only values the server filled (or the procedure's own): nothing is promised that will not happen.
  const data: Record<string, unknown> = {};
  const marks = new Map<string, PrefillMark>();
  for (const b of bindings) {
    const value = values[b.attribute];
    if (value === undefined || value === '') continue;
    setAt(data, b.pointer, value);
    marks.set(b.pointer, { source: b.source, editable: b.editable });
  }
  return { status: report.status, data, marks };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isReport = (v: unknown): v is PrefillReport => isRecord(v) && typeof v.status === 'string' && Array.isArray(v.fields);
