// SQL of the results module (result_document, result_sequence, result_template). No other module
// touches these tables.
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { ResultDocumentTable } from './tables.ts';

export type ResultRow = Selectable<ResultDocumentTable>;
type Executor = Kysely<DB> | Transaction<DB>;

/** The next sequence number of a unit's results in a year (atomic across instances). */
export async function nextSequence(db: Executor, unitId: string, year: number): Promise<number> {
  const row = await db
    .insertInto('result_sequence')
    .values({ unit_id: unitId, year, last: 1 })
    .onConflict((oc) => oc.columns(['unit_id', 'year']).doUpdateSet({ last: sql<number>`result_sequence.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export async function insertResult(trx: Transaction<DB>, row: Insertable<ResultDocumentTable>): Promise<ResultRow> {
  return trx.insertInto('result_document').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findResult(db: Executor, code: string, lock = false): Promise<ResultRow | undefined> {
  let q = db.selectFrom('result_document').selectAll().where('code', '=', code);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findResultsBySha256(db: Executor, sha256: string): Promise<ResultRow[]> {
  return db.selectFrom('result_document').selectAll().where('sha256', '=', sha256).execute();
}

export async function findResultsOfDossier(db: Executor, dossierId: string): Promise<ResultRow[]> {
  return db.selectFrom('result_document').selectAll().where('dossier_id', '=', dossierId).orderBy('action_seq').execute();
}

export async function setRevoked(trx: Transaction<DB>, code: string, revoked: { at: Date; reason: string; by: string; label: string }): Promise<ResultRow> {
  return trx
    .updateTable('result_document')
    .set({ revoked_at: revoked.at, revoked_reason: revoked.reason, revoked_by: revoked.by, revoked_by_label: revoked.label })
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findTemplate(db: Executor, procedureCode: string): Promise<{ template: unknown; updated_at: Date; updated_by_label: string } | undefined> {
  return db.selectFrom('result_template').select(['template', 'updated_at', 'updated_by_label']).where('procedure_code', '=', procedureCode).executeTakeFirst();
}

export async function upsertTemplate(trx: Transaction<DB>, procedureCode: string, template: unknown, label: string): Promise<void> {
  await trx
    .insertInto('result_template')
    .values({ procedure_code: procedureCode, template: JSON.stringify(template), updated_by_label: label })
    .onConflict((oc) => oc.column('procedure_code').doUpdateSet({ template: JSON.stringify(template), updated_by_label: label, updated_at: sql<Date>`now()` }))
    .execute();
}

export async function deleteTemplate(trx: Transaction<DB>, procedureCode: string): Promise<boolean> {
  const r = await trx.deleteFrom('result_template').where('procedure_code', '=', procedureCode).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
