// SQL for the dossiers module's tables.
import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../../db/types.ts';

/**
 * Takes the next number of a unit's daily sequence. One atomic upsert: PostgreSQL serialises
 * concurrent upserts of the same (unit, day) row, so two instances can never take the same
 * number, and a rolled-back transaction gives its number back (no gaps from failed intakes).
 */
export async function nextDailySequence(
  db: Kysely<DB> | Transaction<DB>,
  unitCode: string,
  day: string,
): Promise<number> {
  const row = await db
    .insertInto('dossier_code_sequence')
    .values({ unit_code: unitCode, day, last_value: 1 })
    .onConflict((oc) =>
      oc.columns(['unit_code', 'day']).doUpdateSet({ last_value: sql`dossier_code_sequence.last_value + 1` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

// ---------- dossiers and their logs ----------

type Executor = Kysely<DB> | Transaction<DB>;

export type DossierRow = Selectable<DB['dossier']>;
export type ActionRow = Selectable<DB['dossier_action']>;

export async function insertDossier(trx: Executor, row: Insertable<DB['dossier']>): Promise<DossierRow> {
  return trx.insertInto('dossier').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findDossier(db: Executor, id: string, lock = false): Promise<DossierRow | undefined> {
  let q = db.selectFrom('dossier').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findDossierByCode(db: Executor, code: string): Promise<DossierRow | undefined> {
  return db.selectFrom('dossier').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findByIdempotencyKey(db: Executor, accountId: string, key: string): Promise<DossierRow | undefined> {
  return db.selectFrom('dossier').selectAll().where('submitter_account_id', '=', accountId).where('idempotency_key', '=', key).executeTakeFirst();
}

export async function updateProjection(trx: Executor, id: string, set: Updateable<DB['dossier']>): Promise<DossierRow> {
  return trx.updateTable('dossier').set({ ...set, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function insertAction(trx: Executor, row: Insertable<DB['dossier_action']>): Promise<void> {
  await trx.insertInto('dossier_action').values(row).execute();
}

export async function listActions(db: Executor, dossierId: string): Promise<ActionRow[]> {
  return db.selectFrom('dossier_action').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
}

/** Records units that have had the dossier (one statement for all of them). */
export async function addDossierUnits(trx: Executor, dossierId: string, unitIds: readonly string[]): Promise<void> {
  const unique = [...new Set(unitIds)];
  if (unique.length === 0) return;
  await trx
    .insertInto('dossier_unit')
    .values(unique.map((unitId) => ({ dossier_id: dossierId, unit_id: unitId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function dossierUnits(db: Executor, dossierId: string): Promise<string[]> {
  return (await db.selectFrom('dossier_unit').select('unit_id').where('dossier_id', '=', dossierId).execute()).map((r) => r.unit_id);
}

export async function addDossierFiles(trx: Executor, rows: Insertable<DB['dossier_file']>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('dossier_file').values(rows).onConflict((oc) => oc.doNothing()).execute();
}

export async function dossierFiles(db: Executor, dossierId: string) {
  return db
    .selectFrom('dossier_file as df')
    .innerJoin('file as f', 'f.id', 'df.file_id')
    .select(['df.file_id as id', 'df.component_code', 'df.role', 'df.added_seq', 'f.original_name as name', 'f.size_bytes as size', 'f.format', 'f.scan_status'])
    .where('df.dossier_id', '=', dossierId)
    .orderBy('df.added_seq')
    .orderBy('f.created_at')
    .execute();
}

export async function isDossierFile(db: Executor, dossierId: string, fileId: string): Promise<boolean> {
  return (await db.selectFrom('dossier_file').select('file_id').where('dossier_id', '=', dossierId).where('file_id', '=', fileId).executeTakeFirst()) !== undefined;
}

export async function insertNote(trx: Executor, row: Insertable<DB['dossier_note']>) {
  return trx.insertInto('dossier_note').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listNotes(db: Executor, dossierId: string) {
  return db.selectFrom('dossier_note').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').execute();
}

/** A page of dossiers in id order with what verify and the backfills need (one query, not one per dossier). */
export async function dossierPageAfter(db: Executor, after: string | null, limit: number) {
  let q = db.selectFrom('dossier').select(['id', 'code', 'version', 'received_at']).orderBy('id').limit(limit);
  if (after) q = q.where('id', '>', after);
  return q.execute();
}

export interface DossierFilter {
  /** Units whose dossiers the reader sees (receiving or handling unit); undefined: all. */
  unitIds?: readonly string[];
  /** Which unit of the dossier `unitIds` is matched against (a worklist of receipt or return reads the receiving unit). */
  unitColumn?: 'either' | 'receiving' | 'handling';
  statuses?: readonly number[];
  procedureCode?: string;
  channel?: number;
  code?: string;
  applicant?: string;
  receivedFrom?: Date;
  receivedTo?: Date;
  assigneeId?: string;
  unassigned?: boolean;
  stepKind?: string;
  dueBefore?: Date;
  dueAfter?: Date;
  applicantAccountId?: string;
}

function filtered(db: Executor, f: DossierFilter) {
  let q = db.selectFrom('dossier');
  if (f.unitIds) {
    const ids = [...f.unitIds];
    if (ids.length === 0) return q.where(sql<boolean>`false`);
    const column = f.unitColumn ?? 'either';
    if (column === 'receiving') q = q.where('unit_id', 'in', ids);
    else if (column === 'handling') q = q.where('handling_unit_id', 'in', ids);
    else q = q.where((eb) => eb.or([eb('unit_id', 'in', ids), eb('handling_unit_id', 'in', ids)]));
  }
  if (f.statuses) q = q.where('status', 'in', [...f.statuses]);
  if (f.procedureCode) q = q.where('procedure_code', '=', f.procedureCode);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.code) q = q.where('code', '=', f.code.toUpperCase());
  if (f.applicant) {
    const term = f.applicant;
    q = /^[0-9A-Z-]+$/.test(term) ? q.where('applicant_id_number', '=', term) : q.where('applicant_name', 'ilike', `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (f.receivedFrom) q = q.where('received_at', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('received_at', '<', f.receivedTo);
  if (f.assigneeId) q = q.where('assignee_id', '=', f.assigneeId);
  if (f.unassigned) q = q.where('assignee_id', 'is', null);
  if (f.stepKind) q = q.where('step_kind', '=', f.stepKind);
  if (f.dueBefore) q = q.where('due_at', '<', f.dueBefore);
  if (f.dueAfter) q = q.where('due_at', '>=', f.dueAfter);
  if (f.applicantAccountId) {
    const id = f.applicantAccountId;
    q = q.where((eb) => eb.or([eb('applicant_account_id', '=', id), eb('submitter_account_id', '=', id)]));
  }
  return q;
}

/**
 * The columns a list row shows (the summary and the ledger). A list never reads the state, facts,
 * form data or applicant documents: at 20 rows a page those JSON columns were most of the bytes
 * read, sent and parsed.
 */
export const LIST_COLUMNS = [
  'id',
  'code',
  'status',
  'channel',
  'procedure_code',
  'version_id',
  'applicant_name',
  'applicant_id_number',
  'unit_id',
  'handling_unit_id',
  'submitted_at',
  'received_at',
  'due_at',
  'finished_at',
  'returned_at',
  'on_time',
  'assignee_id',
  'step_kind',
  'version',
] as const satisfies readonly (keyof DossierRow)[];
export type ListRow = Pick<DossierRow, (typeof LIST_COLUMNS)[number]>;

/**
 * A page sorted by due date then id (dossiers without a due date last: ascending order puts nulls
 * last on PostgreSQL, matching the indexes), from the keyset `after`.
 */
export async function listDossiers(db: Executor, f: DossierFilter, page: { after?: { due: Date | null; id: string }; limit: number }) {
  // Two steps: the page's keys first, where an index that holds the filtered columns answers
  // without reading dossier rows (the open dossiers' index includes status and both units), then
  // those rows. In one step, the rows of every dossier skipped in due order were read: a small
  // unit's overdue list read 34 000 pages at 1M dossiers (4.3 s cold) where the keys take 15 ms.
  let keys = filtered(db, f).select('id');
  if (page.after) {
    const { due, id } = page.after;
    keys =
      due === null
        ? keys.where('due_at', 'is', null).where('id', '>', id)
        : keys.where((eb) => eb.or([eb('due_at', '>', due), eb.and([eb('due_at', '=', due), eb('id', '>', id)]), eb('due_at', 'is', null)]));
  }
  const rows: ListRow[] = await db
    .selectFrom('dossier')
    .select(LIST_COLUMNS)
    .where('id', 'in', keys.orderBy('due_at').orderBy('id').limit(page.limit + 1))
    .orderBy('due_at')
    .orderBy('id')
    .execute();
  const more = rows.length > page.limit;
  const items = more ? rows.slice(0, page.limit) : rows;
  const last = items.at(-1);
  return { items, next: more && last ? { due: last.due_at, id: last.id } : null };
}

/**
 * How many match, counted up to `cap`: a worklist says "1 000+" beyond it rather than scanning
 * millions (the count, not the page, was most of a worklist's cost). Where the reader's units are
 * matched against either unit of the dossier, each unit column is counted through its own index
 * and the two id sets are merged: one OR over both columns made PostgreSQL read every matching
 * heap row of a large unit (300 ms at 1M dossiers) where the two index-only scans read none.
 */
export async function countDossiers(db: Executor, f: DossierFilter, cap: number): Promise<number> {
  const ids = f.unitIds ? [...f.unitIds] : undefined;
  if (ids && ids.length > 0 && (f.unitColumn ?? 'either') === 'either') {
    // Each branch a subquery, so that its LIMIT is its own and not the union's.
    const branch = (column: 'receiving' | 'handling') =>
      db.selectFrom(filtered(db, { ...f, unitColumn: column }).select('id').limit(cap).as(column)).select('id');
    const row = await db
      .selectFrom(
        db
          .selectFrom(branch('receiving').union(branch('handling')).as('u'))
          .select('id')
          .limit(cap)
          .as('m'),
      )
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
  const limited = filtered(db, f).select(sql<number>`1`.as('one')).limit(cap);
  const row = await db
    .selectFrom(limited.as('m'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The applicant's own dossiers, newest first. */
export async function listOwnDossiers(db: Executor, accountId: string, limit: number): Promise<ListRow[]> {
  return filtered(db, { applicantAccountId: accountId }).select(LIST_COLUMNS).orderBy('created_at', 'desc').limit(limit).execute();
}

/** Open dossiers (received or being processed) whose step or legal due falls before `horizon`. */
export async function watchedDossiers(db: Executor, horizon: Date, limit = 5000) {
  return db
    .selectFrom('dossier')
    .select(['id', 'code', 'status', 'due_at', 'step_due_at', 'step_kind', 'assignee_id', 'unit_id', 'handling_unit_id', 'version_id', 'applicant_name', 'state'])
    .where('status', 'in', [2, 4])
    .where((eb) => eb.or([eb('step_due_at', '<=', horizon), eb('due_at', '<=', horizon)]))
    .orderBy('due_at')
    .limit(limit)
    .execute();
}
