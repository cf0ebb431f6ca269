// Reconciliation with the national portal's published figures (SPEC §1.3): the portal's
// evaluation envelope `{code, data: {overview|parent, evaluation[]|children[]}}` with, per
// department, totalScore, totalMaxScore and groupScores; matched to this installation's units by
// agency code (departmentCode = the unit's mã định danh), and compared with the month's frozen
// figures (or, for a month not frozen, today's). The differences come per unit and group, with
// the dossiers that explain them where known: those received in the month that never reached the
// portal (the portal cannot count them; 1.4 and every dossier indicator differ by them).
// Every import is kept with the differences found then (migration 0029, insert-only): the
// portal's figures are evidence the ministry answers to, and a later import stands beside it.
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { isWithin } from '../../core/access/index.ts';
import { GROUP_CODES, periodBounds, type GroupCode } from '../../core/quality/index.ts';
import type { DB } from '../../db/types.ts';
import { recordAudit, type AuditActor } from '../audit/service.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import { MINISTRY_SCOPE, monthPeriod, type Publication, type PublishedIndex } from './publication.ts';

const score = z.number().nullable().optional();
const PortalItem = z.object({
  departmentId: z.union([z.string(), z.number()]).optional(),
  departmentCode: z.string().min(1),
  departmentName: z.string().optional(),
  totalScore: z.number(),
  totalMaxScore: z.number().optional(),
  groupScores: z.object({ CKMB: score, TDGQ: score, CLGQ: score, TTTT: score, MDSH: score, MDHL: score }).partial().default({}),
});
export const PortalEvaluationSchema = z
  .object({
    code: z.string().optional(),
    data: z.object({
      overview: PortalItem.optional(),
      parent: PortalItem.optional(),
      evaluation: z.array(PortalItem).optional(),
      children: z.array(PortalItem).optional(),
    }),
  })
  .meta({ id: 'PortalEvaluation' });
export type PortalEvaluation = z.infer<typeof PortalEvaluationSchema>;

const Diff = z.object({ portal: z.number().nullable(), local: z.number().nullable(), difference: z.number().nullable() });
const ReconciliationShape = z.object({
    month: z.string(),
    basis: z.enum(['frozen', 'recomputed']),
    items: z.array(
      z.object({
        departmentCode: z.string(),
        departmentName: z.string().nullable(),
        unitId: z.string().nullable().describe('null: no unit of this installation has the code (or the ministry when it is the root’s)'),
        total: Diff,
        groups: z.record(z.string(), Diff),
        unsyncedDossiers: z.array(z.string()).describe('dossiers received in the month that never reached the portal'),
      }),
    ),
  });
export const ReconciliationSchema = ReconciliationShape.meta({ id: 'QualityReconciliation' });
export type Reconciliation = z.infer<typeof ReconciliationSchema>;

const ImportFacts = {
  id: z.string(),
  importedAt: z.iso.datetime(),
  importedBy: z.string().describe('the officer who imported the figures'),
  fileName: z.string().nullable(),
};
export const ReconciliationImportSchema = ReconciliationShape.extend(ImportFacts).meta({ id: 'QualityReconciliationImport' });
export type ReconciliationImport = z.infer<typeof ReconciliationImportSchema>;

export const ReconciliationImportsSchema = z
  .object({
    items: z.array(
      z.object({
        ...ImportFacts,
        month: z.string(),
        basis: z.enum(['frozen', 'recomputed']),
        departments: z.number().int().describe('departments in the portal’s figures'),
        unmatched: z.number().int().describe('departments no unit of this installation has the code of'),
        largestDifference: z.number().nullable().describe('the largest difference of a total, in points (either sign); null when no total could be compared'),
        unsyncedDossiers: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'QualityReconciliationImports' });
export type ReconciliationImports = z.infer<typeof ReconciliationImportsSchema>;

const round2 = (n: number) => Math.round(n * 100) / 100;
const diff = (portal: number | null | undefined, local: number | null | undefined) => ({
  portal: portal ?? null,
  local: local ?? null,
  difference: portal === null || portal === undefined || local === null || local === undefined ? null : round2(local - portal),
});

export async function reconcile(
  deps: { db: Kysely<DB>; units: Pick<UnitDirectory, 'tree' | 'all'>; publication: Publication; index: (unitId: string | null) => Promise<PublishedIndex> },
  month: string,
  evaluation: PortalEvaluation,
): Promise<Reconciliation> {
  const period = monthPeriod(month);
  const tree = await deps.units.tree();
  const units = await deps.units.all();
  const byCode = new Map(units.map((u) => [u.agencyCode, u]));
  const frozen = new Map((await deps.db.selectFrom('quality_publication').select(['scope', 'result']).where('month', '=', month).execute()).map((r) => [r.scope, r.result as PublishedIndex]));
  const basis = frozen.size > 0 ? 'frozen' : 'recomputed';
  const { startMs, endMs } = periodBounds(period);
  const unsynced = await deps.db
    .selectFrom('quality_dossier_fact')
    .innerJoin('quality_unit_key', 'quality_unit_key.unit_key', 'quality_dossier_fact.unit_key')
    .select(['dossier_code', 'unit_ids'])
    .where('synced', '=', false)
    .where('received_at', '>=', new Date(startMs))
    .where('received_at', '<', new Date(endMs))
    .execute();

  const items = [evaluation.data.overview, evaluation.data.parent, ...(evaluation.data.evaluation ?? []), ...(evaluation.data.children ?? [])].filter((i) => i !== undefined);
  const out: Reconciliation['items'] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.departmentCode)) continue;
    seen.add(item.departmentCode);
    const unit = byCode.get(item.departmentCode);
    // A root unit is the ministry itself.
    const scope = unit ? (tree.parentOf(unit.id) === null ? MINISTRY_SCOPE : unit.id) : undefined;
    const local = scope === undefined ? undefined : (frozen.get(scope) ?? (await deps.index(scope === MINISTRY_SCOPE ? null : scope)));
    const groups: Record<string, ReturnType<typeof diff>> = {};
    for (const g of GROUP_CODES) groups[g] = diff(item.groupScores[g as GroupCode], local?.groups[g].score);
    const within = (ids: string[]) => scope === MINISTRY_SCOPE || (scope !== undefined && ids.some((id) => isWithin(tree, id, scope)));
    out.push({
      departmentCode: item.departmentCode,
      departmentName: item.departmentName ?? null,
      unitId: unit?.id ?? null,
      total: diff(item.totalScore, local?.total),
      groups,
      unsyncedDossiers: scope === undefined ? [] : unsynced.filter((d) => within(d.unit_ids)).map((d) => d.dossier_code).sort(),
    });
  }
  return { month, basis, items: out };
}

/** Keeps an import with its differences, audited, in the caller's transaction. */
export async function storeReconciliation(
  trx: Transaction<DB>,
  input: { evaluation: PortalEvaluation; result: Reconciliation; fileName: string | null; by: { id: string; name: string; audit: AuditActor }; at: Date },
): Promise<ReconciliationImport> {
  const row = await trx
    .insertInto('quality_reconciliation')
    .values({
      month: input.result.month,
      evaluation: JSON.stringify(input.evaluation),
      result: JSON.stringify(input.result),
      file_name: input.fileName,
      imported_at: input.at,
      imported_by_id: input.by.id,
      imported_by: input.by.name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const summary = summarize(input.result);
  await recordAudit(trx, {
    actor: input.by.audit,
    action: 'quality.reconciliation.import',
    entity: 'quality_reconciliation',
    entityId: row.id,
    after: { month: input.result.month, fileName: input.fileName, departments: summary.departments, largestDifference: summary.largestDifference },
  });
  return { ...input.result, id: row.id, importedAt: input.at.toISOString(), importedBy: input.by.name, fileName: input.fileName };
}

function summarize(result: Reconciliation) {
  const differences = result.items.map((i) => i.total.difference).filter((d): d is number => d !== null);
  const largestDifference = differences.length === 0 ? null : differences.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
  return {
    departments: result.items.length,
    unmatched: result.items.filter((i) => i.unitId === null).length,
    largestDifference,
    unsyncedDossiers: new Set(result.items.flatMap((i) => i.unsyncedDossiers)).size,
  };
}

/** The imports, newest first (of one month, when given). */
export async function listReconciliations(db: Kysely<DB>, month?: string, limit = 100): Promise<ReconciliationImports> {
  let q = db.selectFrom('quality_reconciliation').select(['id', 'month', 'result', 'file_name', 'imported_at', 'imported_by']).orderBy('imported_at', 'desc').orderBy('id').limit(limit);
  if (month) q = q.where('month', '=', month);
  const rows = await q.execute();
  return {
    items: rows.map((r) => {
      const result = r.result as Reconciliation;
      return { id: r.id, month: r.month, importedAt: new Date(r.imported_at).toISOString(), importedBy: r.imported_by, fileName: r.file_name, basis: result.basis, ...summarize(result) };
    }),
  };
}

/** One import as it was taken; undefined when there is none with this id. */
export async function readReconciliation(db: Kysely<DB>, id: string): Promise<ReconciliationImport | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const r = await db.selectFrom('quality_reconciliation').select(['id', 'result', 'file_name', 'imported_at', 'imported_by']).where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return { ...(r.result as Reconciliation), id: r.id, importedAt: new Date(r.imported_at).toISOString(), importedBy: r.imported_by, fileName: r.file_name };
}
