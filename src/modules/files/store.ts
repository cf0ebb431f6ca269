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

/** Deletes files nothing attached, uploaded before `olderThan`; returns the deleted rows. */
export async function deleteOrphanRows(db: Executor, olderThan: Date, limit: number): Promise<FileRow[]> {
  return db
    .deleteFrom('file')
    .where('id', 'in', (eb) =>
      eb.selectFrom('file').select('id').where('attached_to', 'is', null).where('created_at', '<', olderThan).limit(limit),
    )
    .where('attached_to', 'is', null)
    .returningAll()
    .execute();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A text that PostgreSQL accepts as a uuid (anything else would make the query fail). */
export const isUuid = (value: string): boolean => UUID.test(value);
