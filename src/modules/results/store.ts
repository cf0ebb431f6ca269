// SQL of the results module (result_document, result_sequence, result_template). No other module
// touches these tables.
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { ResultTemplate } from '../../core/results/index.ts';
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

export interface TemplateRow {
  version_number: number | null;
  format: 'html' | 'pdfmake';
  template: unknown;
  updated_at: Date;
  updated_by_label: string;
}

/** The template set for a version (a number) or for the procedure (null), if any. */
export async function findTemplate(db: Executor, procedureCode: string, versionNumber: number | null): Promise<TemplateRow | undefined> {
  const q = db.selectFrom('result_template').select(['version_number', 'format', 'template', 'updated_at', 'updated_by_label']).where('procedure_code', '=', procedureCode);
  return (versionNumber === null ? q.where('version_number', 'is', null) : q.where('version_number', '=', versionNumber)).executeTakeFirst();
}

/** Every template set for a procedure: its own and its versions'. */
export async function listTemplates(db: Executor, procedureCode: string): Promise<TemplateRow[]> {
  return db.selectFrom('result_template').select(['version_number', 'format', 'template', 'updated_at', 'updated_by_label']).where('procedure_code', '=', procedureCode).execute();
}

/** The template a row holds. */
export const templateOf = (row: Pick<TemplateRow, 'format' | 'template'>): ResultTemplate =>
  row.format === 'html' ? { format: 'html', html: row.template as string } : { format: 'pdfmake', definition: row.template as Record<string, unknown> };

export async function upsertTemplate(trx: Transaction<DB>, procedureCode: string, versionNumber: number | null, template: ResultTemplate, label: string): Promise<void> {
  const stored = JSON.stringify(template.format === 'html' ? template.html : template.definition);
  const values = { procedure_code: procedureCode, version_number: versionNumber, format: template.format, template: stored, updated_by_label: label };
  const update = { format: template.format, template: stored, updated_by_label: label, updated_at: sql<Date>`now()` };
  await trx
    .insertInto('result_template')
    .values(values)
    .onConflict((oc) =>
      versionNumber === null
        ? oc.column('procedure_code').where('version_number', 'is', null).doUpdateSet(update)
        : oc.columns(['procedure_code', 'version_number']).where('version_number', 'is not', null).doUpdateSet(update),
    )
    .execute();
}

export async function deleteTemplate(trx: Transaction<DB>, procedureCode: string, versionNumber: number | null): Promise<TemplateRow | undefined> {
  const q = trx.deleteFrom('result_template').where('procedure_code', '=', procedureCode);
  return (versionNumber === null ? q.where('version_number', 'is', null) : q.where('version_number', '=', versionNumber))
    .returning(['version_number', 'format', 'template', 'updated_at', 'updated_by_label'])
    .executeTakeFirst();
}
