import { sql, type Kysely } from 'kysely';

// One reconciliation run per registry at a time, across every instance, and runs whose instance
// stopped are seen as interrupted: a running run beats a heartbeat while it works; a unique
// partial index admits one running run per registry. Running runs that an older running run of the
// same registry overlapped (possible before this index) are closed as interrupted, except the newest.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table registry_reconciliation_run add column heartbeat_at timestamptz not null default now()`.execute(db);
  await sql`
    update registry_reconciliation_run r set state = 'failed', finished_at = now(), error = 'interrupted'
    where r.state = 'running' and exists (
      select 1 from registry_reconciliation_run n
      where n.registry = r.registry and n.state = 'running' and (n.started_at, n.id) > (r.started_at, r.id))`.execute(db);
  await sql`create unique index registry_reconciliation_run_one_running on registry_reconciliation_run (registry) where state = 'running'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index registry_reconciliation_run_one_running`.execute(db);
  await sql`alter table registry_reconciliation_run drop column heartbeat_at`.execute(db);
}
