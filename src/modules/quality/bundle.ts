// The Decision 766 bundle built from this installation's own data, in the very shape
// `motcua index766 compute` reads (schema.ts), so that anyone can recompute a figure outside the
// system: the catalog's procedures (publication decisions, public parts, fees, online level), the
// portal sync records of the dossiers that matter to the period, and the feedback and ratings
// when the modules that hold them are present. A scope (a unit with its sub-units, a procedure)
// narrows the dossiers and procedures; the index is then the scope's.
import { toLocalDate, type LocalDate } from '../../core/calendar/index.ts';
import type { Period, QualityBundle, QualityFeedback, QualityProcedure, QualityRating } from '../../core/quality/index.ts';
import { periodBounds } from '../../core/quality/index.ts';
import type { ProcedureRow, VersionRow } from '../catalog/module.ts';
import type { HoSoDongBoDVC } from '../dossiers/schema.ts';

/** Where the bundle's parts come from (each module's use cases; feedback and sync state optional). */
export interface BundleSources {
  scopeLevel: 'ministry' | 'province';
  procedures(): Promise<Array<{ procedure: ProcedureRow; versions: VersionRow[] }>>;
  /**
   * One procedure's history as `procedures()` gives it (its versions that left draft, oldest
   * first), for the fact of one dossier; absent, it is found among all of them.
   */
  procedure?(code: string): Promise<{ procedure: ProcedureRow; versions: VersionRow[] } | undefined>;
  dossiers(range: { from: Date; to: Date }): AsyncIterable<{ record: HoSoDongBoDVC; unitIds: string[]; procedureCode: string }>;
  /** Which of these dossier codes reached the national portal; absent, every record counts as synced. */
  syncedToPortal?(codes: readonly string[]): Promise<ReadonlySet<string>>;
  /** PAKN first received in the period (local dates, inclusive). */
  feedback?(period: { from: string; to: string }): Promise<Array<QualityFeedback & { unitId: string | null; procedureCode: string | null }>>;
  /** Ratings given in the period. */
  ratings?(period: { from: string; to: string }): Promise<Array<QualityRating & { unitId: string; procedureCode: string }>>;
  /** The national reporting system's counts, when an administrator entered them (else null). */
  reportCounts?(period: Period): Promise<QualityBundle['reportCounts']>;
}

export interface BundleScope {
  /** The units counted (a unit and its sub-units); absent, all. */
  unitIds?: ReadonlySet<string>;
  procedureCode?: string;
}

const localDate = (d: Date | null): LocalDate | null => (d ? toLocalDate(new Date(d)) : null);

/** A procedure's facts for the index, from its versions that left draft (SPEC §1.4 groups CKMB, CLGQ, TTTT, MDSH). */
export function procedureFacts(procedure: ProcedureRow, versions: readonly VersionRow[]): QualityProcedure {
  const current = versions.find((v) => v.status === 'published');
  const latest = current ?? versions.at(-1)!;
  const content = latest.content;
  const decisions = versions.flatMap((v) => v.content.publicationDecisions.map((d) => ({ d, v })));
  const seen = new Set<string>();
  const publications = [];
  for (const { d, v } of decisions) {
    const key = `${d.number}|${d.decidedOn}|${d.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const effective = v.content.legalBasis.map((b) => b.effectiveFrom).sort().at(-1);
    publications.push({
      decidedOn: d.decidedOn,
      kind: d.kind,
      legalBasisEffectiveFrom: effective ?? d.decidedOn,
      // The "Công khai" click: the decision's own date when recorded, else when the version went public here.
      publishedOn: d.publishedOn ?? localDate(v.publishedAt),
    });
  }
  const abolished = content.publicationDecisions.some((d) => d.kind === 'abolished');
  const publicStatus: QualityProcedure['publicStatus'] = !current ? (abolished ? 'abolished' : 'unpublished') : abolished ? 'abolished' : current.number > 1 ? 'published_amended' : 'published';
  const pt = content.processingTime;
  return {
    code: procedure.code,
    requiresDocumentResult: content.result.producesDocument,
    fullOnlineEligible: content.fullOnlineEligible,
    onlineLevel: content.methods.channels.includes('online') ? content.onlineLevel : null,
    hasFees: content.fees.some((f) => f.amountVnd > 0 || !!f.basis),
    subjects: [...content.subjects.kinds],
    publicPartsComplete: latest.publicPartsComplete,
    publicStatus,
    publications,
    ...(pt && pt.unit !== 'months' ? { processingTime: { value: pt.value, unit: pt.unit } } : {}),
  };
}

/** The bundle of a period for a scope, from the sources. */
export async function buildBundle(sources: BundleSources, period: Period, scope: BundleScope = {}): Promise<QualityBundle & { dossiers: Array<HoSoDongBoDVC & { syncedToPortal: boolean }> }> {
  const { startMs, endMs } = periodBounds(period);
  const range = { from: new Date(startMs), to: new Date(endMs) };
  const inUnits = (ids: readonly (string | null)[]) => !scope.unitIds || ids.some((id) => id !== null && scope.unitIds!.has(id));
  const inProcedure = (code: string | null) => !scope.procedureCode || code === scope.procedureCode;

  const records: HoSoDongBoDVC[] = [];
  const procedureCodes = new Set<string>();
  for await (const d of sources.dossiers(range)) {
    if (!inUnits(d.unitIds) || !inProcedure(d.procedureCode)) continue;
    records.push(d.record);
    procedureCodes.add(d.procedureCode);
  }
  const synced = sources.syncedToPortal ? await sources.syncedToPortal(records.map((r) => r.MaHoSo)) : undefined;

  const procedures = [];
  for (const { procedure, versions } of await sources.procedures()) {
    if (!inProcedure(procedure.code)) continue;
    // A unit's scope: the procedures its dossiers are of, and those it owns.
    if (scope.unitIds && !scope.unitIds.has(procedure.ownerUnitId) && !procedureCodes.has(procedure.code)) continue;
    procedures.push(procedureFacts(procedure, versions));
  }
  // Every dossier's procedure must be in the bundle (the schema refuses an unknown one).
  const known = new Set(procedures.map((p) => p.code));
  const dossiers = records.filter((r) => known.has(r.MaTTHC)).map((r) => ({ ...r, syncedToPortal: synced ? synced.has(r.MaHoSo) : true }));

  const feedback = sources.feedback ? (await sources.feedback({ from: period.from, to: period.to })).filter((f) => inUnits([f.unitId]) && inProcedure(f.procedureCode)) : [];
  const ratings = sources.ratings ? (await sources.ratings({ from: period.from, to: period.to })).filter((r) => inUnits([r.unitId]) && inProcedure(r.procedureCode)) : [];
  return {
    scope: { level: sources.scopeLevel },
    procedures,
    dossiers,
    feedback: feedback.map(({ unitId: _u, procedureCode: _p, ...f }) => f),
    ratings: ratings.map(({ unitId: _u, procedureCode: _p, ...r }) => r),
    reportCounts: sources.reportCounts ? await sources.reportCounts(period) : { bcqgReceived: null, previousYearBcqgTotal: null },
  };
}
