import { sql, type Kysely } from 'kysely';

// Indexes for the worklists that filter on the current step or on the assignee. Without them,
// "to approve", "to issue" and "to assign" read dossier rows until enough matched (61 ms for a
// count of "to issue" at 1M dossiers); with them each is an index-only scan in due order, and the
// included unit columns let a unit's officers be served from the index as well. The open
// dossiers' index in due order now holds the status and both units too, so the keys of a unit's
// "overdue", "due soon" and "waiting" pages come from it alone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index dossier_open_due_idx`.execute(db);
  await sql`create index dossier_open_due_idx on dossier (due_at, id) include (status, unit_id, handling_unit_id, assignee_id) where status in (2, 4, 5, 6)`.execute(db);
  await sql`create index dossier_step_due_idx on dossier (step_kind, due_at, id) include (status, unit_id, handling_unit_id) where status in (4, 6)`.execute(db);
  await sql`create index dossier_unassigned_due_idx on dossier (due_at, id) include (status, unit_id, handling_unit_id) where assignee_id is null and status in (2, 4)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index dossier_unassigned_due_idx`.execute(db);
  await sql`drop index dossier_step_due_idx`.execute(db);
  await sql`drop index dossier_open_due_idx`.execute(db);
  await sql`create index dossier_open_due_idx on dossier (due_at, id) where status in (2, 4, 5, 6)`.execute(db);
}
