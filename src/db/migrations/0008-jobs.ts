import { sql, type Kysely } from 'kysely';

// The job table: the transactional outbox and the work queue in one. A use case inserts a row in
// its own transaction (nothing is sent if it rolls back); runners claim due rows with
// FOR UPDATE SKIP LOCKED and a lease (locked_until), so two instances never run one job at once
// and a crashed runner's job is claimed again once its lease has passed. (topic, key) is unique:
// a key names "this notification", "this schedule tick", and a second insert is ignored. NULL
// keys are distinct, so jobs without a key are never deduplicated.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table job (
      id bigint generated always as identity primary key,
      topic text not null,
      key text,
      payload jsonb not null default '{}'::jsonb,
      run_at timestamptz not null default now(),
      attempts integer not null default 0,
      max_attempts integer not null check (max_attempts >= 1),
      last_error text,
      locked_by text,
      locked_until timestamptz,
      done_at timestamptz,
      created_at timestamptz not null default now(),
      constraint job_topic_key_unique unique (topic, key)
    )
  `.execute(db);
  // What a runner looks for: pending jobs by due time (done jobs drop out of the index).
  await sql`create index job_pending_idx on job (run_at, id) where done_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table job`.execute(db);
}
