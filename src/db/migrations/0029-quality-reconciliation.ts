import { sql, type Kysely } from 'kysely';

// The national portal's published 766 figures of a month, as an officer imported them (issue 10
// §5 "Reconciliation"), with the differences found at the time of the import: the figures the
// portal published are evidence for the ministry's answer to them, so an import is kept as it was
// taken (the trigger refuses every update and delete) and a later import of the same month stands
// beside it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table quality_reconciliation (
      id uuid primary key default gen_random_uuid(),
      month char(7) not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      -- the portal's evaluation JSON as imported (SPEC §1.3)
      evaluation jsonb not null,
      -- the differences per unit and group at the time of the import
      result jsonb not null,
      file_name text,
      imported_at timestamptz not null default now(),
      imported_by_id text not null,
      imported_by text not null
    )`.execute(db);
  await sql`create index quality_reconciliation_month on quality_reconciliation (month, imported_at desc)`.execute(db);
  await sql`
    create function quality_reconciliation_kept() returns trigger language plpgsql as $$
    begin
      raise exception 'an import of the national portal''s figures is kept as it was taken (%)', old.id using errcode = 'P0001';
    end
    $$
  `.execute(db);
  await sql`
    create trigger quality_reconciliation_kept before update or delete on quality_reconciliation
    for each row execute function quality_reconciliation_kept()
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table quality_reconciliation`.execute(db);
  await sql`drop function quality_reconciliation_kept()`.execute(db);
}
