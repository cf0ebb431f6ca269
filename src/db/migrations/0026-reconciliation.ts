// Reconciliation of a sector database with the national population database (plan 94/QĐ-BKHCN
// tasks 15–18; Decree 278/2025 master data "one trusted source"). A run compares every person of
// one registry; its items say, per person, the outcome, the fields that differ and, for a legacy
// 9-digit CMND, the 12-digit number to migrate to. Nothing else of the population's personal data
// is kept: the officer corrects from the fields named and the citizen's documents.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table registry_reconciliation_run (
      id uuid primary key default gen_random_uuid(),
      registry text not null check (registry in ('st', 'techmarket', 'ip', 'stameq')),
      started_by_id text,
      started_by text not null,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      state text not null default 'running' check (state in ('running', 'finished', 'failed')),
      total integer not null default 0,
      done integer not null default 0,
      matched integer not null default 0,
      mismatched integer not null default 0,
      unknown_number integer not null default 0,
      legacy_number integer not null default 0,
      unavailable integer not null default 0,
      error text
    )`.execute(db);
  await sql`create index registry_reconciliation_run_registry on registry_reconciliation_run (registry, started_at desc)`.execute(db);
  await sql`
    create table registry_reconciliation_item (
      run_id uuid not null references registry_reconciliation_run (id) on delete cascade,
      person_id uuid not null references registry_person (id),
      outcome text not null check (outcome in ('match', 'mismatch', 'unknown_number', 'legacy_number', 'unavailable')),
      -- fullName, birthDate: the fields that differ
      fields text[] not null default '{}',
      -- legacy_number: the 12-digit personal ID number the population database gave
      suggested_id text,
      -- MaYeuCau of the query (its row in population_query_log)
      request_id text,
      primary key (run_id, person_id)
    )`.execute(db);
  await sql`create index registry_reconciliation_item_outcome on registry_reconciliation_item (run_id, outcome, person_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table registry_reconciliation_item`.execute(db);
  await sql`drop table registry_reconciliation_run`.execute(db);
}
