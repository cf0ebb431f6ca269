import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Who changed what, when: one row per administrative change (before/after as JSON).
  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor text not null,
      action text not null,
      entity text not null,
      entity_id text not null,
      before jsonb,
      after jsonb,
      request_id text
    )`.execute(db);
  await sql`create index audit_log_entity_idx on audit_log (entity, entity_id, at)`.execute(db);

  // A year's days off as entered by an administrator from the Government's notice. It takes
  // precedence over the schedules bundled with the release and over the rule-based estimate.
  await sql`
    create table calendar_year_schedule (
      year integer primary key check (year between 1976 and 2199),
      schedule jsonb not null,
      updated_at timestamptz not null default now(),
      updated_by text not null
    )`.execute(db);

  // Daily dossier-code sequence per receiving unit (Circular 01/2018/TT-VPCP Art. 19: XXXX is the
  // sequence of the day). Incremented with one atomic upsert, so concurrent instances never
  // issue the same number.
  await sql`
    create table dossier_code_sequence (
      unit_code text not null,
      day date not null,
      last_value integer not null,
      primary key (unit_code, day)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table dossier_code_sequence`.execute(db);
  await sql`drop table calendar_year_schedule`.execute(db);
  await sql`drop table audit_log`.execute(db);
}
