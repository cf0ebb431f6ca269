import { sql, type Kysely } from 'kysely';

// Result templates per procedure version: a template is set either for the procedure (every
// version; version_number null, what the table held until now) or for one version of it. The
// issuer takes the dossier's pinned version's template, else the procedure's, else the default.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table result_template drop constraint result_template_pkey`.execute(db);
  await sql`alter table result_template add column id uuid not null default gen_random_uuid() primary key`.execute(db);
  await sql`alter table result_template add column version_number integer check (version_number is null or version_number >= 1)`.execute(db);
  await sql`create unique index result_template_procedure on result_template (procedure_code) where version_number is null`.execute(db);
  await sql`create unique index result_template_version on result_template (procedure_code, version_number) where version_number is not null`.execute(db);
}
