import { sql, type Kysely } from 'kysely';

// The components a supplement brings are recorded as those of the intake are (digitized at the
// counter with the checks of Circular 01/2023 Art. 8(2), exempt, uploaded, reused from the
// warehouse): a component's record is now one per action that brought it, keyed by the log row's
// seq (1: the intake).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table dossier_component_record add column added_seq integer not null default 1 check (added_seq >= 1)`.execute(db);
  await sql`alter table dossier_component_record drop constraint dossier_component_record_pkey`.execute(db);
  await sql`alter table dossier_component_record add primary key (dossier_id, component_code, added_seq)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from dossier_component_record where added_seq > 1`.execute(db);
  await sql`alter table dossier_component_record drop constraint dossier_component_record_pkey`.execute(db);
  await sql`alter table dossier_component_record add primary key (dossier_id, component_code)`.execute(db);
  await sql`alter table dossier_component_record drop column added_seq`.execute(db);
}
