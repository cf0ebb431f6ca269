import { sql, type Kysely } from 'kysely';

// The 766 index kept current with every dossier action (src/modules/quality/aggregates.ts).
// quality_dossier_fact: one row per dossier, what it last contributed (so that the next action
// changes the counters by the difference), its sync record as the engine reads it, and the
// officers who handled it. quality_counter: the contributions summed by grain (day, month), the
// dossier's units (one key per set of units, so that a dossier counts once in any scope),
// procedure, indicator and whether the dossier is on the national portal.
// quality_unit_key: which units each key stands for. Dossiers are referenced by id only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table quality_unit_key (
      unit_key text primary key,
      unit_ids text[] not null
    )
  `.execute(db);
  await sql`
    create table quality_dossier_fact (
      dossier_id uuid primary key,
      dossier_code text not null,
      procedure_code text not null,
      unit_key text not null,
      officer_ids text[] not null default '{}',
      received_at timestamptz,
      -- the last action: a period whose as-of instant is earlier is judged from the record
      last_event_at timestamptz not null,
      -- 2.1 without an end yet: judged at each period's end from the record
      open boolean not null,
      -- an open dossier, while nothing happens to it: whether 2.1 can judge it, and from which
      -- end instant it counts as overdue (null: not within 40 years), so that a period's open
      -- dossiers are counted in SQL, not judged one by one
      open_judged boolean not null default false,
      late_from timestamptz,
      synced boolean not null,
      record jsonb not null,
      steps jsonb not null default '[]',
      -- [indicator, local day, numerator 0/1, denominator 0/1, amount] as counted
      parts jsonb not null,
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  // The open dossiers of a period, counted from this index alone.
  await sql`create index quality_fact_open_idx on quality_dossier_fact (received_at) include (unit_key, procedure_code, synced, open_judged, late_from, last_event_at) where open`.execute(db);
  await sql`create index quality_fact_last_event_idx on quality_dossier_fact (last_event_at)`.execute(db);
  await sql`create index quality_fact_officers_idx on quality_dossier_fact using gin (officer_ids)`.execute(db);
  await sql`create index quality_fact_code_idx on quality_dossier_fact (dossier_code)`.execute(db);
  await sql`
    create table quality_counter (
      grain char(1) not null check (grain in ('d', 'm')),
      day date not null,
      unit_key text not null,
      procedure_code text not null,
      indicator text not null,
      synced boolean not null,
      numerator bigint not null default 0,
      denominator bigint not null default 0,
      amount bigint not null default 0,
      primary key (grain, day, unit_key, procedure_code, indicator, synced)
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table quality_counter`.execute(db);
  await sql`drop table quality_dossier_fact`.execute(db);
  await sql`drop table quality_unit_key`.execute(db);
}
