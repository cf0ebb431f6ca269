// SQL of the warehouse module (its tables only; files and dossiers are reached through their use cases).
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type pg from 'pg';
import { copyInto } from '../../db/copy.ts';
import type { DB } from '../../db/types.ts';
import type { DossierComponentRecordTable, DossierDigitizationTable, WarehouseDocumentTable } from './tables.ts';

type Executor = Kysely<DB> | Transaction<DB>;
export type DocumentRow = Selectable<WarehouseDocumentTable>;
export type ComponentRecordRow = Selectable<DossierComponentRecordTable>;

export interface Owner {
  kind: 'citizen' | 'organization';
  identifier: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

export async function insertDocument(db: Executor, row: Insertable<WarehouseDocumentTable>): Promise<DocumentRow> {
  return db.insertInto('warehouse_document').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function addDocumentFiles(db: Executor, documentId: string, fileIds: readonly string[]): Promise<void> {
  if (fileIds.length === 0) return;
  await db
    .insertInto('warehouse_document_file')
    .values(fileIds.map((file_id, position) => ({ document_id: documentId, file_id, position })))
    .execute();
}

/** The owner's documents not removed, newest first. */
export async function ownerDocuments(db: Executor, owner: Owner): Promise<DocumentRow[]> {
  return db
    .selectFrom('warehouse_document')
    .selectAll()
    .where('owner_kind', '=', owner.kind)
    .where('owner_identifier', '=', owner.identifier)
    .where('removed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function findOwnerDocument(db: Executor, owner: Owner, id: string, lock = false): Promise<DocumentRow | undefined> {
  if (!isUuid(id)) return undefined;
  let q = db
    .selectFrom('warehouse_document')
    .selectAll()
    .where('id', '=', id)
    .where('owner_kind', '=', owner.kind)
    .where('owner_identifier', '=', owner.identifier)
    .where('removed_at', 'is', null);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function documentFiles(db: Executor, documentIds: readonly string[]) {
  if (documentIds.length === 0) return [];
  return db
    .selectFrom('warehouse_document_file as wf')
    .innerJoin('file as f', 'f.id', 'wf.file_id')
    .select(['wf.document_id', 'f.id', 'f.original_name as name', 'f.size_bytes as size', 'f.format', 'f.scan_status'])
    .where('wf.document_id', 'in', documentIds)
    .orderBy('wf.position')
    .execute();
}

export async function reusesOf(db: Executor, documentIds: readonly string[]) {
  if (documentIds.length === 0) return [];
  return db
    .selectFrom('warehouse_reuse')
    .select(['document_id', 'dossier_id', 'dossier_code', 'component_code', 'actor_label', 'at'])
    .where('document_id', 'in', documentIds)
    .orderBy('at')
    .execute();
}

/** Deletes the links of a document to its files (a removed document lets go of them). */
export async function deleteDocumentFiles(db: Executor, documentId: string): Promise<void> {
  await db.deleteFrom('warehouse_document_file').where('document_id', '=', documentId).execute();
}

export async function markRemoved(db: Executor, id: string): Promise<void> {
  await db.updateTable('warehouse_document').set({ removed_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

export async function insertReuse(db: Executor, row: Insertable<DB['warehouse_reuse']>): Promise<void> {
  await db.insertInto('warehouse_reuse').values(row).execute();
}

export async function insertComponentRecords(db: Executor, rows: Array<Insertable<DossierComponentRecordTable>>): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('dossier_component_record').values(rows).execute();
}

export async function componentRecords(db: Executor, dossierId: string): Promise<ComponentRecordRow[]> {
  if (!isUuid(dossierId)) return [];
  return db.selectFrom('dossier_component_record').selectAll().where('dossier_id', '=', dossierId).orderBy('added_seq').orderBy('component_code').execute();
}

export async function insertDigitization(db: Executor, row: Insertable<DossierDigitizationTable>): Promise<void> {
  await db.insertInto('dossier_digitization').values(row).execute();
}

export async function updateDigitization(db: Executor, dossierId: string, set: Partial<Insertable<DossierDigitizationTable>>): Promise<void> {
  await db.updateTable('dossier_digitization').set(set).where('dossier_id', '=', dossierId).execute();
}

export async function setReuseCodes(db: Executor, dossierId: string, code: string): Promise<void> {
  await db.updateTable('warehouse_reuse').set({ dossier_code: code }).where('dossier_id', '=', dossierId).where('dossier_code', 'is', null).execute();
}

export async function documentsByIds(db: Executor, ids: readonly string[]): Promise<DocumentRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db.selectFrom('warehouse_document').selectAll().where('id', 'in', valid).execute();
}

export interface StatsFilter {
  from: Date;
  /** Exclusive. */
  to: Date;
  unitIds?: readonly string[] | undefined;
  procedureCode?: string | undefined;
  /** Whether refusals count among the results (DIGITIZATION_REFUSALS_ARE_RESULTS). */
  refusalsAreResults: boolean;
}

/** The figures per unit and procedure: receipts in the period, and results issued in it. */
export async function digitizationStats(db: Executor, f: StatsFilter) {
  let received = db
    .selectFrom('dossier_digitization')
    .select((eb) => [
      'unit_id',
      'procedure_code',
      eb.fn.countAll<string>().as('dossiers'),
      eb.fn.sum<string>(eb.case().when('has_digitized', '=', true).then(1).else(0).end()).as('digitized'),
      eb.fn.sum<string>(eb.case().when('has_reused', '=', true).then(1).else(0).end()).as('reused'),
      eb.fn.sum<string>('population_replaced').as('population_replaced'),
    ])
    .where('received_at', '>=', f.from)
    .where('received_at', '<', f.to)
    .groupBy(['unit_id', 'procedure_code']);
  let results = db
    .selectFrom('dossier_digitization')
    .select((eb) => [
      'unit_id',
      'procedure_code',
      eb.fn.countAll<string>().as('results'),
      eb.fn.sum<string>(eb.case().when('result_electronic', '=', true).then(1).else(0).end()).as('electronic'),
    ])
    .where('produces_document', '=', true)
    .where('result_outcome', 'in', f.refusalsAreResults ? ['granted', 'refused'] : ['granted'])
    .where('result_issued_at', '>=', f.from)
    .where('result_issued_at', '<', f.to)
    .groupBy(['unit_id', 'procedure_code']);
  if (f.unitIds) {
    received = received.where('unit_id', 'in', f.unitIds.length ? f.unitIds : ['']);
    results = results.where('unit_id', 'in', f.unitIds.length ? f.unitIds : ['']);
  }
  if (f.procedureCode) {
    received = received.where('procedure_code', '=', f.procedureCode);
    results = results.where('procedure_code', '=', f.procedureCode);
  }
  return { received: await received.execute(), results: await results.execute() };
}

/** The rows the intake writes for dossiers: their components' records and their figures. */
export interface IntakeRows {
  componentRecords: Insertable<DossierComponentRecordTable>[];
  digitization: Insertable<DossierDigitizationTable>[];
}

/** Intake rows written in bulk (synthetic dossiers), in multi-row INSERTs (PGlite; any database). */
export async function insertIntakeRows(trx: Transaction<DB>, batch: IntakeRows): Promise<void> {
  // At most 65,535 parameters a statement: component records have 13 columns, figures 13.
  for (let i = 0; i < batch.componentRecords.length; i += 4000) await trx.insertInto('dossier_component_record').values(batch.componentRecords.slice(i, i + 4000)).execute();
  for (let i = 0; i < batch.digitization.length; i += 4000) await trx.insertInto('dossier_digitization').values(batch.digitization.slice(i, i + 4000)).execute();
}

const COMPONENT_RECORD_COLUMNS = [
  'dossier_id', 'component_code', 'added_seq', 'source', 'page_count', 'checks', 'exemption', 'note', 'warehouse_document_id', 'result_code',
  'recorded_by', 'recorded_by_label', 'recorded_at',
] as const;
const DIGITIZATION_COLUMNS = [
  'dossier_id', 'unit_id', 'procedure_code', 'channel', 'submitted_at', 'received_at', 'has_digitized', 'has_reused', 'population_replaced',
  'produces_document', 'result_issued_at', 'result_outcome', 'result_electronic',
] as const;

/** The same by COPY on a PostgreSQL connection (inside the caller's transaction). */
export async function copyIntakeRows(client: pg.ClientBase, batch: IntakeRows): Promise<void> {
  await copyInto(client, 'dossier_component_record', COMPONENT_RECORD_COLUMNS, batch.componentRecords);
  await copyInto(client, 'dossier_digitization', DIGITIZATION_COLUMNS, batch.digitization);
}
