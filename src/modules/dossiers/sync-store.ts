// SQL for the national portal export and for synthetic dossiers (demo, benchmarks), over this
// module's tables: dossiers received in a range (keyset pages, so an export streams), the daily
// code sequences, and bulk writes (multi-row INSERTs; COPY on PostgreSQL).
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type pg from 'pg';
import { copyInto } from '../../db/copy.ts';
import type { DB } from '../../db/types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** Ids of the dossiers received in [from, to), in (received_at, id) order after the cursor. */
export async function dossierIdsReceivedBetween(
  db: Executor,
  range: { from: Date; to: Date },
  after: { receivedAt: Date; id: string } | null,
  limit: number,
): Promise<Array<{ id: string; receivedAt: Date }>> {
  let q = db.selectFrom('dossier').select(['id', 'received_at']).where('received_at', '>=', range.from).where('received_at', '<', range.to);
  if (after) {
    const { receivedAt, id } = after;
    q = q.where((eb) => eb.or([eb('received_at', '>', receivedAt), eb.and([eb('received_at', '=', receivedAt), eb('id', '>', id)])]));
  }
  const rows = await q.orderBy('received_at').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, receivedAt: r.received_at! }));
}

export async function countAllDossiers(db: Executor): Promise<number> {
  const row = await db.selectFrom('dossier').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The stored daily sequences, keyed `unitCode|YYYY-MM-DD`. */
export async function storedCodeSequences(db: Executor): Promise<Map<string, number>> {
  const rows = await db.selectFrom('dossier_code_sequence').selectAll().execute();
  return new Map(rows.map((r) => [`${r.unit_code}|${r.day}`, r.last_value]));
}

/** Raises the daily sequences to the numbers used, so that intake continues after them. */
export async function raiseCodeSequences(db: Executor, used: ReadonlyMap<string, number>): Promise<void> {
  const rows = [...used].map(([key, last_value]) => {
    const [unit_code, day] = key.split('|') as [string, string];
    return { unit_code, day, last_value };
  });
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('dossier_code_sequence')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['unit_code', 'day']).doUpdateSet({ last_value: sql`greatest(dossier_code_sequence.last_value, excluded.last_value)` }))
      .execute();
  }
}

export interface SyntheticBatch {
  dossiers: Insertable<DB['dossier']>[];
  actions: Insertable<DB['dossier_action']>[];
  units: Insertable<DB['dossier_unit']>[];
}

/** One batch in multi-row INSERTs (PGlite; any database). */
export async function insertBatch(trx: Executor, batch: SyntheticBatch): Promise<void> {
  // PostgreSQL takes at most 65,535 parameters a statement: dossiers have 30 columns.
  for (let i = 0; i < batch.dossiers.length; i += 1000) await trx.insertInto('dossier').values(batch.dossiers.slice(i, i + 1000)).execute();
  for (let i = 0; i < batch.actions.length; i += 5000) await trx.insertInto('dossier_action').values(batch.actions.slice(i, i + 5000)).execute();
  for (let i = 0; i < batch.units.length; i += 20000) await trx.insertInto('dossier_unit').values(batch.units.slice(i, i + 20000)).execute();
}


const DOSSIER_COLUMNS = [
  'id', 'code', 'lookup_secret', 'channel', 'procedure_id', 'procedure_code', 'version_id', 'unit_id', 'handling_unit_id', 'applicant_kind',
  'applicant_id_number', 'applicant_name', 'applicant_account_id', 'applicant', 'submitter', 'submitter_account_id', 'form_data', 'facts', 'state',
  'status', 'submitted_at', 'received_at', 'due_at', 'finished_at', 'returned_at', 'on_time', 'assignee_id', 'step_kind', 'step_due_at', 'version',
  'last_hash', 'created_at', 'updated_at',
] as const;
const ACTION_COLUMNS = ['dossier_id', 'seq', 'type', 'at', 'actor_id', 'actor_kind', 'actor_label', 'payload', 'prev_hash', 'hash'] as const;


/** One batch by COPY on a PostgreSQL connection (inside the caller's transaction). */
export async function copyBatch(client: pg.ClientBase, batch: SyntheticBatch): Promise<void> {
  await copyInto(client, 'dossier', DOSSIER_COLUMNS, batch.dossiers as Record<string, unknown>[]);
  await copyInto(client, 'dossier_action', ACTION_COLUMNS, batch.actions as Record<string, unknown>[]);
  await copyInto(client, 'dossier_unit', ['dossier_id', 'unit_id'], batch.units as Record<string, unknown>[]);
}

/**
 * Ids of the dossiers that matter to a period [from, to): taken in before its end (received, or
 * submitted and not yet received) and either still open or changed since its start, in id order
 * after the cursor. A superset of what the quality index counts for the period; the index decides.
 */
export async function dossierIdsActiveIn(db: Executor, range: { from: Date; to: Date }, after: string | null, limit: number): Promise<Array<{ id: string; unitId: string; handlingUnitId: string; procedureCode: string }>> {
  let q = db
    .selectFrom('dossier')
    .select(['id', 'unit_id', 'handling_unit_id', 'procedure_code'])
    .where(sql<Date>`coalesce(received_at, submitted_at)`, '<', range.to)
    .where((eb) => eb.or([eb('finished_at', 'is', null), eb('updated_at', '>=', range.from)]));
  if (after) q = q.where('id', '>', after);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, handlingUnitId: r.handling_unit_id, procedureCode: r.procedure_code }));
}
