import { sql, type Kysely } from 'kysely';

// Retention follows the records (files module, service.ts cleanup): a file is deleted only when
// nothing attached it and no row references it.
// - A removed warehouse document lets go of its files: its warehouse_document_file rows are
//   deleted with the removal (warehouse service.ts remove). Documents removed before that still
//   hold theirs, which made the files they released undeletable (the foreign key refused the
//   cleanup's batch); their links go here. The documents and their reuses stay (the history).
// - The cleanup asks, for every orphan, whether a row of dossier_file, result_document or
//   warehouse_document_file references it: one index on file_id each, so that is a lookup and
//   not a read of the whole table (their primary keys start with the owner's id).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    delete from warehouse_document_file wf
    using warehouse_document d
    where d.id = wf.document_id and d.removed_at is not null`.execute(db);
  await sql`create index dossier_file_file_idx on dossier_file (file_id)`.execute(db);
  await sql`create index result_document_file_idx on result_document (file_id)`.execute(db);
  await sql`create index warehouse_document_file_file_idx on warehouse_document_file (file_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The deleted links are not restored: their documents were removed and their files released.
  await sql`drop index warehouse_document_file_file_idx`.execute(db);
  await sql`drop index result_document_file_idx`.execute(db);
  await sql`drop index dossier_file_file_idx`.execute(db);
}
