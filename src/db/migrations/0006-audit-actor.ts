import { sql, type Kysely } from 'kysely';

// One actor shape in the audit trail: the account id (null for the system, a seed or a machine
// credential) plus the label shown to readers, and the kind of actor. Rows written before this
// migration keep their text as the label.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log rename column actor to actor_label`.execute(db);
  await sql`alter table audit_log add column actor_id text`.execute(db);
  await sql`alter table audit_log add column actor_kind text not null default 'system'`.execute(db);
  await sql`create index audit_log_actor_idx on audit_log (actor_id, at) where actor_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index audit_log_actor_idx`.execute(db);
  await sql`alter table audit_log drop column actor_kind`.execute(db);
  await sql`alter table audit_log drop column actor_id`.execute(db);
  await sql`alter table audit_log rename column actor_label to actor`.execute(db);
}
