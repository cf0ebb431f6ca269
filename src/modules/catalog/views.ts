// Presentation of catalog rows as API objects (the shapes of schema.ts).
import { contentFieldLabel } from '../../core/catalog/field-labels.ts';
import { checkPublicParts, type PublicPart } from '../../core/catalog/public-parts.ts';
import { toSearchText } from '../../core/catalog/vietnamese.ts';
import type { ProcedureContent } from '../../core/catalog/types.ts';
import type { UnitDirectory, UnitNode } from '../identity/units/directory.ts';

/**
 * The unit tree read once per use case, before its transaction: on PGlite a query through the
 * outer connection inside a transaction would wait for itself.
 */
export interface UnitSnapshot {
  byId: ReadonlyMap<string, UnitNode>;
  ids: ReadonlySet<string>;
}

export async function snapshotUnits(units: UnitDirectory): Promise<UnitSnapshot> {
  const all = await units.all();
  return { byId: new Map(all.map((u) => [u.id, u])), ids: new Set(all.map((u) => u.id)) };
}
import type { DerivedColumns, ProcedureRow, VersionRow } from './store.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function versionMeta(v: VersionRow) {
  return {
    number: v.number,
    status: v.status,
    revision: v.revision,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
    publishedAt: iso(v.publishedAt),
    supersededAt: iso(v.supersededAt),
    withdrawnAt: iso(v.withdrawnAt),
    withdrawnReason: v.withdrawnReason,
  };
}

export const feeTotalOf = (content: ProcedureContent) => content.fees.reduce((sum, f) => sum + f.amountVnd, 0);

/**
 * Whether the procedure costs anything: `none_declared` (no fee line: the page says the fee is
 * not stated, not that it is free), `free` (lines declared, every one 0 VND and not a rate),
 * `charged` (an amount, or an amount set by a rate, `basis`).
 */
export type FeeStatus = 'none_declared' | 'free' | 'charged';

export function feeStatusOf(content: ProcedureContent): FeeStatus {
  if (content.fees.length === 0) return 'none_declared';
  return content.fees.every((f) => f.amountVnd === 0 && !f.basis?.trim()) ? 'free' : 'charged';
}

/**
 * Which texts of a version exist in English. The catalog is kept in Vietnamese; only the name has
 * an English version (`nameEn`). Parts made of codes (channels, who may apply, units, the time
 * limit) are shown in either language; parts made of free text (the steps, the dossier
 * components) are Vietnamese only, and `vietnameseOnly` lists those texts by pointer and label.
 */
export function translationOf(content: ProcedureContent) {
  const free = (pointer: string, text: string | undefined) => (text?.trim() ? [{ pointer, field: contentFieldLabel(pointer, content) }] : []);
  const vietnameseOnly = [
    ...(content.nameEn?.trim() ? [] : free('/name', content.name)),
    ...free('/field/name', content.field.name),
    ...content.sequence.flatMap((t, i) => free(`/sequence/${i}`, t)),
    ...free('/methods/description', content.methods.description),
    ...free('/requirements', content.requirements),
    ...free('/processingTime/note', content.processingTime?.note),
    ...content.fees.flatMap((f, i) => [...free(`/fees/${i}/name`, f.name), ...free(`/fees/${i}/basis`, f.basis)]),
    ...content.components.flatMap((c, i) => [...free(`/components/${i}/name`, c.name), ...free(`/components/${i}/condition`, c.condition)]),
    ...free('/result/name', content.result.name),
  ];
  const translatedPart: Record<PublicPart, boolean> = {
    name: Boolean(content.nameEn?.trim()),
    sequence: false,
    method: !content.methods.description?.trim(),
    components: content.components.length === 0,
    timeLimit: !content.processingTime?.note?.trim(),
    subjects: true,
    agency: true,
  };
  return {
    name: { vi: content.name, en: content.nameEn?.trim() ? content.nameEn.trim() : null, lang: content.nameEn?.trim() ? ('vi+en' as const) : ('vi' as const) },
    parts: checkPublicParts(content).items.map((p) => ({ part: p.part, label: p.label, lang: translatedPart[p.part] ? ('vi+en' as const) : ('vi' as const) })),
    vietnameseOnly,
  };
}

/** The unit shown for a procedure: its deciding implementing unit, else the owner. */
export const displayUnitOf = (content: ProcedureContent, ownerUnitId: string) =>
  content.implementingUnits.find((u) => u.role === 'decides')?.unitId ?? ownerUnitId;

export function unitIdsOf(content: ProcedureContent, ownerUnitId: string): string[] {
  return [
    ...new Set([
      displayUnitOf(content, ownerUnitId),
      ownerUnitId,
      ...content.implementingUnits.map((u) => u.unitId),
      ...content.steps.flatMap((s) => (s.unitId ? [s.unitId] : [])),
    ]),
  ];
}

const unitName = (u: UnitNode | undefined, id: string) => (u ? { vi: u.nameVi, en: u.nameEn } : { vi: id, en: id });

export function deriveColumns(code: string, ownerUnitId: string, content: ProcedureContent, units: UnitSnapshot): DerivedColumns {
  const parts = checkPublicParts(content);
  const unitIds = unitIdsOf(content, ownerUnitId);
  const unitNodes = unitIds.map((id) => units.byId.get(id));
  return {
    name: content.name,
    fieldCode: content.field.code,
    fieldName: content.field.name,
    unitIds,
    subjects: [...content.subjects.kinds, ...content.subjects.origins],
    onlineLevel: content.onlineLevel,
    processingValue: content.processingTime?.value ?? null,
    processingUnit: content.processingTime?.unit ?? null,
    feeTotal: feeTotalOf(content),
    publicPartsComplete: parts.complete,
    missingPublicParts: parts.missing,
    searchName: toSearchText(content.name),
    searchText: toSearchText(
      code,
      content.name,
      content.nameEn,
      content.field.name,
      ...unitNodes.flatMap((u) => (u ? [u.nameVi, u.nameEn] : [])),
      content.result.name,
      ...content.components.map((c) => c.name),
      ...content.legalBasis.map((l) => l.number),
    ),
  };
}

export async function versionView(procedure: ProcedureRow, version: VersionRow, units: UnitDirectory | UnitSnapshot) {
  const snap = 'byId' in units ? units : await snapshotUnits(units);
  const ids = unitIdsOf(version.content, procedure.ownerUnitId);
  const lookup: Record<string, { name: { vi: string; en: string }; agencyCode: string }> = {};
  for (const id of ids) {
    const u = snap.byId.get(id);
    lookup[id] = { name: unitName(u, id), agencyCode: u?.agencyCode ?? '' };
  }
  const owner = snap.byId.get(procedure.ownerUnitId);
  return {
    id: procedure.id,
    code: procedure.code,
    codeStatus: procedure.codeStatus,
    ownerUnit: { id: procedure.ownerUnitId, name: unitName(owner, procedure.ownerUnitId), agencyCode: owner?.agencyCode ?? '' },
    version: versionMeta(version),
    content: version.content,
    feeTotal: feeTotalOf(version.content),
    feeStatus: feeStatusOf(version.content),
    publicParts: checkPublicParts(version.content),
    translation: translationOf(version.content),
    units: lookup,
  };
}

export type ProcedureVersionView = Awaited<ReturnType<typeof versionView>>;
