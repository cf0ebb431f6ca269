// The feed of the real-time 766 aggregates (aggregates.ts): every dossier action and every
// acknowledgement of the national portal queues, in its own transaction (the outbox), a job that
// reads the dossier's sync record after the commit and brings its fact and the counters to it.
// The index of a period is then read from the counters (`index`), with the few dossiers the
// counters cannot hold judged from their record. Dossiers written in bulk (the demo, an import)
// never raised an event: `applyMissing` gives them their facts. When what a fact counts changes
// (an upgrade that raises COUNTING_VERSION, other settings), `recountIfChanged` recounts every
// dossier in the background, in chunks of jobs, and records the new fingerprint at the end; a
// change of the days off recounts every dossier the same way.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { resolveSettings, type DeepPartial, type IndexResult, type Period, type QualityCalendar, type QualityDossier, type QualitySettings } from '../../core/quality/index.ts';
import { periodBounds } from '../../core/quality/index.ts';
import type { DB } from '../../db/types.ts';
import type { HoSoDongBoDVC } from '../dossiers/schema.ts';
import type { JobsModule } from '../jobs/module.ts';
import { aggregateIndex, applyFact, countingFingerprint, type AggregateScope, type FactStep } from './aggregates.ts';
import { procedureFacts, type BundleSources } from './bundle.ts';

export const QUALITY_FACT_TOPIC = 'quality.fact';
export const QUALITY_RECOUNT_TOPIC = 'quality.recount';
interface FactJob {
  dossierId: string;
}
/** One chunk of a recount: the dossiers after `after` in id order. */
interface RecountJob {
  fingerprint: string;
  /** Which recount: the fingerprint's (an upgrade, other settings), or a change of the days off. */
  run?: string;
  after: string | null;
}
const RECOUNT_CHUNK = 500;

export interface FactFeedDeps {
  db: Kysely<DB>;
  jobs: Pick<JobsModule, 'enqueue' | 'handle'>;
  /** The dossier as the index counts it (the dossiers module, read after the commit). */
  dossier(id: string): Promise<{ record: HoSoDongBoDVC; unitIds: string[]; procedureCode: string; lastEventAt: Date; steps: FactStep[]; officerIds: string[] } | undefined>;
  /** Whether the dossier reached the national portal (portal-sync); absent, every dossier counts as synced. */
  syncedToPortal?(codes: readonly string[]): Promise<ReadonlySet<string>>;
  /** Dossier ids in id order after `after`, for the facts of dossiers written in bulk. */
  dossierIds(after: string | null, limit: number): Promise<string[]>;
  /** How long after a change of the days off every instance reads the new calendar (the recount waits for it). */
  calendarSettleMs?: number;
  /** Where the feed hears of changes, in their transaction: every dossier action (its log position), and every acknowledgement of the portal. */
  onDossierEvent(listener: (trx: Kysely<DB>, dossierId: string, seq: number) => Promise<void>): void;
  onSynced?(listener: (trx: Kysely<DB>, dossierId: string) => Promise<void>): void;
  /** A change of the days off, in its transaction: what was late or on time may change. */
  onCalendarChanged?(listener: (trx: Kysely<DB>) => Promise<void>): void;
  sources: BundleSources;
  calendar(): Promise<QualityCalendar>;
  settings?: DeepPartial<QualitySettings>;
}

export interface FactFeed {
  /** Queues the dossier's fact in the caller's transaction; `key` names the change (one job per change). */
  queue(trx: Kysely<DB>, dossierId: string, key: string): Promise<void>;
  /** Brings one dossier's fact to its current record; false when it is gone or a later one was applied. */
  apply(dossierId: string): Promise<boolean>;
  /** Gives every dossier without a fact its fact; returns how many. */
  applyMissing(): Promise<number>;
  /**
   * Compares what the facts were counted with to this version's counting: the same, nothing; no
   * fact yet, the fingerprint is recorded; else a recount of every dossier is queued (once per
   * fingerprint, however many instances start). Says which.
   */
  recountIfChanged(): Promise<'current' | 'recorded' | 'queued'>;
  /** The fingerprint of this version's counting and the one the facts were counted with (null: never recorded). */
  countingState(): Promise<{ current: string; recorded: string | null }>;
  /** The index of a period and scope from the counters, with the number of dossiers in the scope. */
  index(period: Period, scope: AggregateScope, now: Date): Promise<IndexResult & { dossiers: number }>;
  /** The dossiers an officer finished a step of that matter to the period (as the bundle takes them), with their steps. */
  officerDossiers(officerId: string, period: Period): Promise<Array<{ record: QualityDossier; steps: FactStep[] }>>;
}

export function createFactFeed(deps: FactFeedDeps): FactFeed {
  const settings = resolveSettings(deps.settings);
  const fingerprint = countingFingerprint(settings);
  const { db } = deps;

  async function procedures() {
    return (await deps.sources.procedures()).map(({ procedure, versions }) => ({ facts: procedureFacts(procedure, versions), ownerUnitId: procedure.ownerUnitId }));
  }

  async function apply(dossierId: string): Promise<boolean> {
    const source = await deps.dossier(dossierId);
    if (!source) return false;
    const synced = deps.syncedToPortal ? (await deps.syncedToPortal([source.record.MaHoSo])).has(source.record.MaHoSo) : true;
    // One procedure's history, not the whole catalog's: a fact job read every published version
    // of every procedure (their contents) to find one.
    const procedure = deps.sources.procedure
      ? await deps.sources.procedure(source.procedureCode).then((h) => (h ? procedureFacts(h.procedure, h.versions) : undefined))
      : (await procedures()).find((p) => p.facts.code === source.procedureCode)?.facts;
    const calendar = await deps.calendar();
    const record: QualityDossier = { ...source.record, syncedToPortal: synced };
    return db.transaction().execute((trx) =>
      applyFact(trx, { dossierId, record, procedure, unitIds: source.unitIds, officerIds: source.officerIds, steps: source.steps, lastEventAt: source.lastEventAt }, settings, calendar),
    );
  }

  deps.jobs.handle<FactJob>(QUALITY_FACT_TOPIC, async (job) => {
    await apply(job.dossierId);
  });
  // A recount chunk: every dossier of the chunk brought to this counting (a fact at the same
  // action is recomputed, a missing one made), then the next chunk, or the fingerprint when none
  // is left. Re-running a chunk (a runner that died) recounts the same dossiers again: harmless.
  deps.jobs.handle<RecountJob>(QUALITY_RECOUNT_TOPIC, async (job) => {
    if (job.fingerprint !== fingerprint) return; // queued by an instance counting otherwise
    const ids = await deps.dossierIds(job.after, RECOUNT_CHUNK);
    for (const id of ids) await apply(id);
    await db.transaction().execute(async (trx) => {
      if (ids.length === RECOUNT_CHUNK) {
        await enqueueRecount(trx, ids.at(-1)!, job.run);
        return;
      }
      if (job.run !== undefined && job.run !== fingerprint) return; // a calendar recount leaves the fingerprint as it is
      await trx
        .insertInto('quality_fact_state')
        .values({ id: 1, fingerprint, recounted_at: new Date(), updated_at: new Date() })
        .onConflict((oc) => oc.column('id').doUpdateSet({ fingerprint, recounted_at: new Date(), updated_at: new Date() }))
        .execute();
    });
  });
  const enqueueRecount = (trx: Kysely<DB>, after: string | null, run: string = fingerprint, runAt?: Date) =>
    deps.jobs.enqueue(trx, { topic: QUALITY_RECOUNT_TOPIC, key: `${run}:${after ?? ''}`, payload: { fingerprint, run, after } satisfies RecountJob, ...(runAt ? { runAt } : {}) });
  // Every dossier is judged again by the new days off once every instance reads them.
  deps.onCalendarChanged?.((trx) => enqueueRecount(trx, null, `calendar:${randomUUID()}`, new Date(Date.now() + (deps.calendarSettleMs ?? 0))));
  const queue = (trx: Kysely<DB>, dossierId: string, key: string) => deps.jobs.enqueue(trx, { topic: QUALITY_FACT_TOPIC, key: `${dossierId}:${key}`, payload: { dossierId } satisfies FactJob });
  deps.onDossierEvent((trx, dossierId, seq) => queue(trx, dossierId, String(seq)));
  deps.onSynced?.((trx, dossierId) => queue(trx, dossierId, 'synced'));

  return {
    queue,

    apply,

    async applyMissing() {
      let applied = 0;
      let after: string | null = null;
      for (;;) {
        const ids = await deps.dossierIds(after, 500);
        if (ids.length === 0) return applied;
        const have = new Set((await db.selectFrom('quality_dossier_fact').select('dossier_id').where('dossier_id', 'in', ids).execute()).map((r) => r.dossier_id));
        for (const id of ids) if (!have.has(id) && (await apply(id))) applied++;
        after = ids.at(-1)!;
      }
    },

    async countingState() {
      const row = await db.selectFrom('quality_fact_state').select('fingerprint').where('id', '=', 1).executeTakeFirst();
      return { current: fingerprint, recorded: row?.fingerprint ?? null };
    },

    async recountIfChanged() {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('quality_fact_state').select('fingerprint').where('id', '=', 1).forUpdate().executeTakeFirst();
        if (row?.fingerprint === fingerprint) return 'current';
        const anyFact = await trx.selectFrom('quality_dossier_fact').select('dossier_id').limit(1).executeTakeFirst();
        if (!row && !anyFact) {
          await trx.insertInto('quality_fact_state').values({ id: 1, fingerprint }).onConflict((oc) => oc.column('id').doNothing()).execute();
          return 'recorded';
        }
        await enqueueRecount(trx, null);
        return 'queued';
      });
    },

    async officerDossiers(officerId, period) {
      const { startMs, endMs } = periodBounds(period);
      const rows = await db
        .selectFrom('quality_dossier_fact')
        .select(['record', 'synced', 'steps'])
        .where(sql<boolean>`officer_ids @> array[${officerId}]::text[]`)
        .where('received_at', '<', new Date(endMs))
        .where((eb) => eb.or([eb('open', '=', true), eb('last_event_at', '>=', new Date(startMs))]))
        .orderBy('dossier_code')
        .execute();
      return rows.map((r) => ({ record: { ...(r.record as QualityDossier), syncedToPortal: r.synced }, steps: r.steps as FactStep[] }));
    },

    async index(period, scope, now) {
      const { startMs, endMs } = periodBounds(period);
      const keys = scope.unitIds
        ? (await db.selectFrom('quality_unit_key').selectAll().execute()).filter((r) => r.unit_ids.some((u) => scope.unitIds!.has(u))).map((r) => r.unit_key)
        : undefined;
      // The dossiers that matter to the period (as the bundle takes them): received before its end,
      // and open or written since its start.
      let active = db
        .selectFrom('quality_dossier_fact')
        .select(['procedure_code'])
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('received_at', '<', new Date(endMs))
        .where((eb) => eb.or([eb('open', '=', true), eb('last_event_at', '>=', new Date(startMs))]));
      if (keys) active = active.where('unit_key', 'in', keys.length ? keys : ['']);
      if (scope.procedureCode) active = active.where('procedure_code', '=', scope.procedureCode);
      const activeByProcedure = new Map((await active.groupBy('procedure_code').execute()).map((r) => [r.procedure_code, Number(r.n)]));

      const all = await procedures();
      const inScope = all
        .filter((p) => !scope.procedureCode || p.facts.code === scope.procedureCode)
        .filter((p) => !scope.unitIds || scope.unitIds.has(p.ownerUnitId) || activeByProcedure.has(p.facts.code))
        .map((p) => p.facts);
      const known = new Set(inScope.map((p) => p.code));
      const inUnits = (id: string | null) => !scope.unitIds || (id !== null && scope.unitIds.has(id));
      const inProcedure = (code: string | null) => !scope.procedureCode || code === scope.procedureCode;
      const range = { from: period.from, to: period.to };
      const feedback = deps.sources.feedback ? (await deps.sources.feedback(range)).filter((f) => inUnits(f.unitId) && inProcedure(f.procedureCode)) : [];
      const ratings = deps.sources.ratings ? (await deps.sources.ratings(range)).filter((r) => inUnits(r.unitId) && inProcedure(r.procedureCode)) : [];
      const result = await aggregateIndex(
        db,
        period,
        scope,
        {
          level: deps.sources.scopeLevel,
          procedures: inScope,
          feedback: feedback.map(({ unitId: _u, procedureCode: _p, ...f }) => f),
          ratings: ratings.map(({ unitId: _u, procedureCode: _p, ...r }) => r),
          reportCounts: deps.sources.reportCounts ? await deps.sources.reportCounts(period) : { bcqgReceived: null, previousYearBcqgTotal: null },
        },
        settings,
        { workingDays: await deps.calendar(), now },
      );
      const dossiers = [...activeByProcedure].filter(([code]) => known.has(code)).reduce((sum, [, n]) => sum + n, 0);
      const { live: _live, ...index } = result;
      return { ...index, dossiers };
    },
  };
}
