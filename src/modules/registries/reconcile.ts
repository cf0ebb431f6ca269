// Reconciliation of a sector database with the national population database (plan 94/QĐ-BKHCN
// tasks 15–18; SPEC §4.1, §4.4, §5): every person of one registry is compared, by name, date of
// birth and ID number, with the population database through the population module's logged
// lookups (purpose `reconciliation`), in batches. The outcome of each person follows the pure
// rules of core/registries/reconcile.ts.
//
// The registry is read in keyset pages (by id), never loaded whole; each page is asked in one
// lookupManyFor call (its log rows written in bulk) and its items, the people's link_* columns
// and the run's counters are written in one transaction per page. The next page is read and
// asked while the previous one is written. Start and finish are audited.
//
// One run per registry at a time, across every instance: a unique partial index admits one running
// run per registry (a second start is RunInProgressError). A running run beats its heartbeat every
// RUN_HEARTBEAT_MS; one silent for RUN_STALE_AFTER_MS was interrupted (its instance stopped): it is
// shown as failed, and the next start closes it so.
import { sql, type Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/errors.ts';
import { checkPersonalId } from '../../core/identifiers/index.ts';
import { linkStatusOf, reconcilePerson, type CompareField, type ReconcileAnswer, type ReconcileOutcome } from '../../core/registries/index.ts';
import type { DB } from '../../db/types.ts';
import { recordAudit, type AuditActor } from '../audit/service.ts';
import type { PopulationActor as Actor, PopulationService } from '../population/module.ts';
import type { RegistryCode } from './people.ts';
import type { ReconcileOutcomeKind } from './tables.ts';

export const RECONCILE_PURPOSE = 'reconciliation';

/** How often a running run writes its heartbeat. */
export const RUN_HEARTBEAT_MS = 30_000;
/** A running run without a heartbeat for this long was interrupted (four missed beats). */
export const RUN_STALE_AFTER_MS = 120_000;
/** The `error` of a run closed because its instance stopped. */
export const RUN_INTERRUPTED = 'interrupted';

/** A run of the registry is running already (on this instance or another). */
export class RunInProgressError extends Error {
  constructor(readonly registry: RegistryCode) {
    super(`registry ${registry} is being reconciled already`);
    this.name = 'RunInProgressError';
  }
}

/** The state a stored run stands in: a running run whose heartbeat stopped was interrupted. */
export function runStateOf(
  row: { state: 'running' | 'finished' | 'failed'; error: string | null; heartbeat_at: Date | string },
  now: Date = new Date(),
): { state: 'running' | 'finished' | 'failed'; interrupted: boolean } {
  if (row.state === 'running' && now.getTime() - new Date(row.heartbeat_at).getTime() > RUN_STALE_AFTER_MS) return { state: 'failed', interrupted: true };
  return { state: row.state, interrupted: row.state === 'failed' && row.error === RUN_INTERRUPTED };
}

export interface RunCounts {
  total: number;
  done: number;
  match: number;
  mismatch: number;
  unknown_number: number;
  legacy_number: number;
  unavailable: number;
}

export interface RunSummary extends RunCounts {
  id: string;
  registry: RegistryCode;
  state: 'running' | 'finished' | 'failed';
  startedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface ReconcileOptions {
  /** Called once the run's row is written (its id is known from then on). */
  onStart?: (runId: string) => void;
  onProgress?: (counts: RunCounts) => void;
  /** People per page (one population batch call, one write transaction). Default 1000. */
  pageSize?: number;
  httpRequestId?: string;
}

interface PersonRow {
  id: string;
  personal_id: string;
  full_name: string;
  birth_date: string | null;
}

interface Item {
  personId: string;
  outcome: ReconcileOutcome;
  requestId: string | null;
}

const emptyCounts = (total: number): RunCounts => ({ total, done: 0, match: 0, mismatch: 0, unknown_number: 0, legacy_number: 0, unavailable: 0 });

/** The query for one person: by the 12-digit number or the legacy CMND; the year from the number when the registry has no date. */
function queryOf(p: PersonRow) {
  const legacy = /^[0-9]{9}$/.test(p.personal_id);
  const birth = p.birth_date
    ? { birthDate: p.birth_date }
    : (() => {
        const decoded = legacy ? undefined : checkPersonalId(p.personal_id);
        return decoded?.valid && decoded.kind === 'personal_id' ? { birthYear: decoded.birthYear } : {};
      })();
  return { ...(legacy ? { oldIdNumber: p.personal_id } : { personalId: p.personal_id }), fullName: p.full_name, ...birth };
}

type Answer = Awaited<ReturnType<PopulationService['lookupManyFor']>>[number];

function toReconcileAnswer(answer: Answer): ReconcileAnswer {
  switch (answer.status) {
    case 'found':
      return {
        status: 'found',
        identity: { personalId: answer.record.personalId, oldIdNumber: answer.record.oldIdNumber, fullName: answer.record.fullName, birthDate: answer.record.birthDate },
      };
    case 'mismatch':
      return {
        status: 'mismatch',
        fields:
          answer.mismatched === null
            ? null
            : [...new Set(answer.mismatched.flatMap((f): CompareField[] => (f === 'fullName' ? ['fullName'] : f === 'birthDate' || f === 'birthYear' ? ['birthDate'] : [])))],
        identity: null,
      };
    case 'not_found':
      return { status: 'not_found' };
    case 'unavailable':
      return { status: 'unavailable' };
  }
}

const fieldsOf = (o: ReconcileOutcome): CompareField[] => (o.kind === 'mismatch' || o.kind === 'legacy_number' ? o.fields : []);
const suggestedOf = (o: ReconcileOutcome): string | null => (o.kind === 'legacy_number' ? o.newPersonalId : null);

async function writePage(db: Kysely<DB>, runId: string, items: Item[], counts: RunCounts, now: Date): Promise<void> {
  const col = <T>(pick: (i: Item) => T) => items.map(pick);
  const kinds = col((i) => i.outcome.kind as ReconcileOutcomeKind);
  // Postgres text[][] must be rectangular: the fields travel as a comma-joined text per item.
  const fields = col((i) => fieldsOf(i.outcome).join(','));
  const suggested = col((i) => suggestedOf(i.outcome));
  const requestIds = col((i) => i.requestId);
  const ids = col((i) => i.personId);
  const statuses = col((i) => linkStatusOf(i.outcome));
  const mismatchedJson = col((i) => (i.outcome.kind === 'mismatch' ? JSON.stringify(fieldsOf(i.outcome)) : '[]'));
  await db.transaction().execute(async (trx) => {
    await sql`
      insert into registry_reconciliation_item (run_id, person_id, outcome, fields, suggested_id, request_id)
      select ${runId}::uuid, v.person_id, v.outcome, case when v.fields = '' then '{}'::text[] else string_to_array(v.fields, ',') end,
        v.suggested_id, v.request_id
      from unnest(${ids}::uuid[], ${kinds}::text[], ${fields}::text[], ${suggested}::text[], ${requestIds}::text[])
        as v (person_id, outcome, fields, suggested_id, request_id)`.execute(trx);
    await sql`
      update registry_person p set link_status = v.status, link_mismatched = v.mismatched::jsonb,
        link_suggested_id = v.suggested_id, link_checked_at = ${now}, link_request_id = v.request_id
      from unnest(${ids}::uuid[], ${statuses}::text[], ${mismatchedJson}::text[], ${suggested}::text[], ${requestIds}::text[])
        as v (id, status, mismatched, suggested_id, request_id)
      where p.id = v.id`.execute(trx);
    const still = await trx
      .updateTable('registry_reconciliation_run')
      .set({
        heartbeat_at: sql`now()`,
        done: counts.done,
        matched: counts.match,
        mismatched: counts.mismatch,
        unknown_number: counts.unknown_number,
        legacy_number: counts.legacy_number,
        unavailable: counts.unavailable,
      })
      .where('id', '=', runId)
      .where('state', '=', 'running')
      .executeTakeFirst();
    // Another instance took the run for interrupted (no heartbeat for RUN_STALE_AFTER_MS): stop.
    if (still.numUpdatedRows === 0n) throw new Error(`run ${runId} was closed as interrupted`);
  });
}

async function readPage(db: Kysely<DB>, registry: RegistryCode, after: string | null, size: number): Promise<PersonRow[]> {
  let q = db
    .selectFrom('registry_person')
    .select(['id', 'personal_id', 'full_name', sql<string | null>`to_char(birth_date, 'YYYY-MM-DD')`.as('birth_date')])
    .where('registry', '=', registry);
  if (after) q = q.where('id', '>', after);
  return q.orderBy('id').limit(size).execute();
}

/**
 * Reconciles one registry: returns the finished run. Never throws for the population database's
 * failures (those people are `unavailable`); a failure of this system marks the run failed and throws.
 */
export async function reconcileRegistry(
  deps: { db: Kysely<DB>; population: Pick<PopulationService, 'lookupManyFor'> },
  actor: Actor,
  auditActor: AuditActor,
  registry: RegistryCode,
  options: ReconcileOptions = {},
): Promise<RunSummary> {
  const { db, population } = deps;
  const pageSize = options.pageSize ?? 1000;
  const { n } = await db
    .selectFrom('registry_person')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('registry', '=', registry)
    .executeTakeFirstOrThrow();
  const counts = emptyCounts(Number(n));
  const run = await db
    .transaction()
    .execute(async (trx) => {
      // A run of this registry whose instance stopped is closed first: it holds the registry's slot.
      await trx
        .updateTable('registry_reconciliation_run')
        .set({ state: 'failed', finished_at: sql`now()`, error: RUN_INTERRUPTED })
        .where('registry', '=', registry)
        .where('state', '=', 'running')
        .where('heartbeat_at', '<', sql<Date>`now() - ${RUN_STALE_AFTER_MS} * interval '1 millisecond'`)
        .execute();
      const row = await trx
        .insertInto('registry_reconciliation_run')
        .values({ registry, started_by_id: auditActor.id, started_by: auditActor.label, total: counts.total })
        .returning(['id', 'started_at'])
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: auditActor,
        action: 'registry.reconcile.start',
        entity: 'registry_reconciliation_run',
        entityId: row.id,
        after: { registry, total: counts.total },
        ...(options.httpRequestId ? { requestId: options.httpRequestId } : {}),
      });
      return row;
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? new RunInProgressError(registry) : error;
    });
  options.onStart?.(run.id);
  options.onProgress?.({ ...counts });
  const heartbeat = setInterval(() => {
    db.updateTable('registry_reconciliation_run')
      .set({ heartbeat_at: sql`now()` })
      .where('id', '=', run.id)
      .where('state', '=', 'running')
      .execute()
      .catch(() => undefined);
  }, RUN_HEARTBEAT_MS);
  heartbeat.unref();

  const ask = async (page: PersonRow[]): Promise<Item[]> => {
    const answers = await population.lookupManyFor(actor, RECONCILE_PURPOSE, page.map(queryOf), { httpRequestId: options.httpRequestId ?? null });
    return page.map((p, i) => {
      const answer = answers[i]!;
      return {
        personId: p.id,
        outcome: reconcilePerson({ personalId: p.personal_id, fullName: p.full_name, birthDate: p.birth_date }, toReconcileAnswer(answer)),
        requestId: answer.status === 'unavailable' && !answer.requestId ? null : answer.requestId,
      };
    });
  };

  try {
    let page = await readPage(db, registry, null, pageSize);
    let pending: Promise<void> = Promise.resolve();
    while (page.length > 0) {
      const items = await ask(page);
      const last = page.at(-1)!.id;
      // Read the next page while the previous one is written.
      const [next] = await Promise.all([
        page.length === pageSize ? readPage(db, registry, last, pageSize) : Promise.resolve([]),
        pending,
      ]);
      for (const item of items) counts[item.outcome.kind]++;
      counts.done += items.length;
      const snapshot = { ...counts };
      pending = writePage(db, run.id, items, snapshot, new Date()).then(() => options.onProgress?.(snapshot));
      // Its failure is awaited with the next page; until then it must not count as unhandled.
      void pending.catch(() => undefined);
      page = next;
    }
    await pending;
  } catch (error) {
    clearInterval(heartbeat);
    await db
      .updateTable('registry_reconciliation_run')
      .set({ state: 'failed', finished_at: new Date(), error: (error as Error).message?.slice(0, 500) ?? String(error) })
      .where('id', '=', run.id)
      .where('state', '=', 'running')
      .execute();
    throw error;
  }
  clearInterval(heartbeat);

  const finishedAt = new Date();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('registry_reconciliation_run').set({ state: 'finished', finished_at: finishedAt }).where('id', '=', run.id).execute();
    await recordAudit(trx, {
      actor: auditActor,
      action: 'registry.reconcile.finish',
      entity: 'registry_reconciliation_run',
      entityId: run.id,
      after: counts,
      ...(options.httpRequestId ? { requestId: options.httpRequestId } : {}),
    });
  });
  return { id: run.id, registry, state: 'finished', startedBy: auditActor.label, startedAt: run.started_at, finishedAt, ...counts };
}

export interface RunItem {
  personId: string;
  personalId: string;
  fullName: string;
  birthDate: string | null;
  outcome: ReconcileOutcomeKind;
  fields: CompareField[];
  suggestedId: string | null;
}

/** A run's items with the registry's current values, by outcome, keyset-paged by person id. */
export async function listRunItems(
  db: Kysely<DB>,
  runId: string,
  filter: { outcome?: ReconcileOutcomeKind; after?: string; limit: number },
): Promise<RunItem[]> {
  let q = db
    .selectFrom('registry_reconciliation_item as i')
    .innerJoin('registry_person as p', 'p.id', 'i.person_id')
    .select(['i.person_id', 'p.personal_id', 'p.full_name', sql<string | null>`to_char(p.birth_date, 'YYYY-MM-DD')`.as('birth_date'), 'i.outcome', 'i.fields', 'i.suggested_id'])
    .where('i.run_id', '=', runId);
  if (filter.outcome) q = q.where('i.outcome', '=', filter.outcome);
  if (filter.after) q = q.where('i.person_id', '>', filter.after);
  const rows = await q.orderBy('i.person_id').limit(filter.limit).execute();
  return rows.map((r) => ({
    personId: r.person_id,
    personalId: r.personal_id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    outcome: r.outcome,
    fields: r.fields as CompareField[],
    suggestedId: r.suggested_id,
  }));
}
