// Reconciliation with the national portal's published figures (SPEC §1.3): the portal's
// evaluation envelope `{code, data: {overview|parent, evaluation[]|children[]}}` with, per
// department, totalScore, totalMaxScore and groupScores; matched to this installation's units by
// agency code (departmentCode = the unit's mã định danh), and compared with the month's frozen
// figures (or, for a month not frozen, today's). The differences come per unit and group, with
// the dossiers that explain them where known: those received in the month that never reached the
// portal (the portal cannot count them; 1.4 and every dossier indicator differ by them).
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isWithin } from '../../core/access/index.ts';
import { GROUP_CODES, periodBounds, type GroupCode } from '../../core/quality/index.ts';
import type { DB } from '../../db/types.ts';
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
export const ReconciliationSchema = z
  .object({
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
  })
  .meta({ id: 'QualityReconciliation' });
export type Reconciliation = z.infer<typeof ReconciliationSchema>;

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
