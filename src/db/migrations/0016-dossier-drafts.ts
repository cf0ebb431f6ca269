// Server-side drafts of the submission wizard: one per account and procedure (the applicant comes
// back on another device), with the wizard's step and the submission's Idempotency-Key, so a
// submission retried from the draft returns the same dossier. The table from 0010 had no API and
// holds no rows.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table dossier_draft add column step smallint not null default 0`.execute(db);
  await sql`alter table dossier_draft add column idempotency_key text`.execute(db);
  await sql`create unique index dossier_draft_account_procedure_key on dossier_draft (account_id, procedure_code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index dossier_draft_account_procedure_key`.execute(db);
  await sql`alter table dossier_draft drop column idempotency_key`.execute(db);
  await sql`alter table dossier_draft drop column step`.execute(db);
}
