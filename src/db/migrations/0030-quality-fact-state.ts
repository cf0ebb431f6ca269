import { sql, type Kysely } from 'kysely';

// What the real-time 766 facts were counted with (the counting version and settings, as a
// fingerprint): when an upgrade or a settings change makes it differ, the facts are recounted in
// the background and the fingerprint is written when the last of them is done. One row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table quality_fact_state (
      id smallint primary key default 1 check (id = 1),
      fingerprint text not null,
      -- when the facts were last recounted to the fingerprint (null: counted with it from the start)
      recounted_at timestamptz,
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table quality_fact_state`.execute(db);
}
