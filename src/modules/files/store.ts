// SQL of the files module (the `file` table). No other module touches it: they use the module's
// exported use cases (module.ts).
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { FileTable } from './tables.ts';

export type FileRow = Selectable<FileTable>;
type Executor = Kysely<DB> | Transaction<DB>;

export async function insertFile(db: Executor, row: Insertable<FileTable>): Promise<FileRow> {
  return db.insertInto('file').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findFileRows(db: Executor, ids: readonly string[]): Promise<FileRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db.selectFrom('file').selectAll().where('id', 'in', valid).execute();
}

/** Locks the rows (FOR UPDATE), so that two attachments of one file cannot both succeed. */
export async function lockFileRows(trx: Transaction<DB>, ids: readonly string[]): Promise<FileRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return trx.selectFrom('file').selectAll().where('id', 'in', valid).orderBy('id').forUpdate().execute();
}

export async function setAttachedTo(trx: Transaction<DB>, ids: readonly string[], ownerRef: string): Promise<FileRow[]> {
  return trx
    .updateTable('file')
    .set({ attached_to: ownerRef, attached_at: sql<Date>`now()` })
    .where('id', 'in', ids)
    .returningAll()
    .execute();
}

/** Serializes the steps that add or remove the last reference to one blob (see service.ts). */
export async function lockBlob(trx: Transaction<DB>, sha256: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`file:${sha256}`}, 0))`.execute(trx);
}

export async function countBlobReferences(db: Executor, sha256: string): Promise<number> {
  const row = await db
    .selectFrom('file')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('sha256', '=', sha256)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A column of another table that references `file` (id) with a foreign key. */
export interface FileReference {
  schema: string;
  table: string;
  column: string;
}

/**
 * Every column that references `file` by a foreign key, read from the catalog (dossier_file,
 * result_document, warehouse_document_file today, and any a later migration adds): the files
 * module knows what refers to a file without naming other modules' tables.
 */
export async function fileReferences(db: Executor): Promise<FileReference[]> {
  const { rows } = await sql<FileReference>`
    select n.nspname as "schema", c.relname as "table", a.attname as "column"
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
    where k.contype = 'f' and k.confrelid = 'file'::regclass and cardinality(k.conkey) = 1
    order by 1, 2, 3`.execute(db);
  return rows;
}

/** Where a cleanup's walk over the candidates is: after this upload time (to the microsecond) and id. */
export interface OrphanCursor {
  /** created_at in UTC, 'YYYY-MM-DD HH24:MI:SS.US' (a Date would lose the microseconds). */
  createdAt: string;
  id: string;
}

/** The conditions of an orphan, on `file as f`: unattached, older than `olderThan`, no reference row. */
function orphansOf(db: Executor, olderThan: Date, references: readonly FileReference[]) {
  let orphans = db.selectFrom('file as f').where('f.attached_to', 'is', null).where('f.created_at', '<', olderThan);
  for (const r of references) {
    orphans = orphans.where(sql<boolean>`not exists (select 1 from ${sql.id(r.schema, r.table)} as r where ${sql.id('r', r.column)} = f.id)`);
  }
  return orphans;
}

/**
 * The next `limit` candidates of a cleanup (the conditions of deleteOrphanRows, not locked), in
 * the order of (created_at, id) after `after`, each with the cursor that follows it.
 */
export async function findOrphanCandidates(
  db: Executor,
  olderThan: Date,
  limit: number,
  references: readonly FileReference[],
  after?: OrphanCursor,
): Promise<Array<{ id: string; cursor: OrphanCursor }>> {
  let candidates = orphansOf(db, olderThan, references).select([
    'f.id',
    sql<string>`to_char(f.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')`.as('created_at_utc'),
  ]);
  if (after) {
    candidates = candidates.where(sql<boolean>`(f.created_at, f.id) > ((${after.createdAt}::timestamp at time zone 'UTC'), ${after.id}::uuid)`);
  }
  const rows = await candidates.orderBy('f.created_at').orderBy('f.id').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, cursor: { createdAt: r.created_at_utc, id: r.id } }));
}

/**
 * Deletes up to `limit` files that nothing attached and no row of `references` refers to,
 * uploaded (or released) before `olderThan` — among `among` only, when given (the candidates no
 * other module keeps: service.ts cleanup); returns the deleted rows. One statement: the rows
 * are chosen and locked (FOR UPDATE SKIP LOCKED) and deleted together, so a file being attached
 * (its row locked by attach) or being referenced (a new referencing row holds a key-share lock
 * on it) by a transaction still open is left for a later run, and one whose attachment committed
 * meanwhile is re-checked on its latest version and left.
 */
export async function deleteOrphanRows(db: Executor, olderThan: Date, limit: number, references: readonly FileReference[], among?: readonly string[]): Promise<FileRow[]> {
  if (among && among.length === 0) return [];
  return db
    .deleteFrom('file')
    .where('id', 'in', () => {
      let orphans = orphansOf(db, olderThan, references).select('f.id');
      if (among) orphans = orphans.where('f.id', 'in', among);
      return orphans.orderBy('f.created_at').limit(limit).forUpdate().skipLocked();
    })
    .where('attached_to', 'is', null)
    .returningAll()
    .execute();
}

/** A foreign key refused the statement (SQLSTATE 23503). */
export const isForeignKeyViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23503';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A text that PostgreSQL accepts as a uuid (anything else would make the query fail). */
export const isUuid = (value: string): boolean => UUID.test(value);
