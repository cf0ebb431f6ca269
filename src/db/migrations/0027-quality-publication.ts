import { sql, type Kysely } from 'kysely';

// The monthly publication of the 766 index (issue 10 §5, plan task 5 "định kỳ hằng tháng công
// khai"): one row per month and scope (the ministry, or a unit with its sub-units) holding the
// IndexResult as it was frozen, the settings it was computed with, and when and by what it was
// frozen. A frozen month never changes: the trigger refuses every update and delete, so a later
// recompute can only be shown beside it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table quality_publication (
      month char(7) not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      -- 'ministry', or a unit id
      scope text not null,
      result jsonb not null,
      settings jsonb not null,
      dossiers integer not null,
      frozen_at timestamptz not null default now(),
      frozen_by text not null,
      primary key (month, scope)
    )
  `.execute(db);
  await sql`
    create function quality_publication_frozen() returns trigger language plpgsql as $$
    begin
      raise exception 'a frozen month of the 766 index never changes (%, %)', old.month, old.scope using errcode = 'P0001';
    end
    $$
  `.execute(db);
  await sql`
    create trigger quality_publication_frozen before update or delete on quality_publication
    for each row execute function quality_publication_frozen()
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table quality_publication`.execute(db);
  await sql`drop function quality_publication_frozen()`.execute(db);
}
