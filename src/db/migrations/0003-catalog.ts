import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A procedure (thủ tục hành chính) by its national code (SPEC §6: ^[123]\.\d{6}$).
  await sql`
    create table procedure (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[123][.][0-9]{6}$'),
      code_status text not null default 'verified' check (code_status in ('verified', 'demo')),
      owner_unit_id text not null references unit (id),
      created_at timestamptz not null default now(),
      created_by text not null
    )`.execute(db);

  // Versions: draft → published → superseded (or withdrawn). At most one draft and one published
  // version per procedure. Columns after `content` are copies of it, for the catalog search.
  await sql`
    create table procedure_version (
      id uuid primary key default gen_random_uuid(),
      procedure_id uuid not null references procedure (id),
      number integer not null check (number >= 1),
      status text not null check (status in ('draft', 'published', 'superseded', 'withdrawn')),
      revision integer not null default 1,
      content jsonb not null,
      name text not null,
      field_code text not null,
      field_name text not null,
      unit_ids text[] not null,
      subjects text[] not null,
      online_level text not null check (online_level in ('full', 'partial')),
      processing_value double precision,
      processing_unit text,
      fee_total bigint not null check (fee_total >= 0),
      public_parts_complete boolean not null,
      missing_public_parts text[] not null,
      search_name text not null,
      -- strip(to_tsvector('simple', folded words of everything searchable)), written by the app.
      -- Stripped (no positions) so that the row stays small enough to keep it inline: a toasted
      -- vector made every match read the TOAST table.
      search_vector tsvector not null,
      name_vector tsvector generated always as (to_tsvector('simple'::regconfig, search_name)) stored,
      created_at timestamptz not null default now(),
      created_by text not null,
      updated_at timestamptz not null default now(),
      updated_by text not null,
      published_at timestamptz,
      published_by text,
      superseded_at timestamptz,
      withdrawn_at timestamptz,
      withdrawn_by text,
      withdrawn_reason text,
      unique (procedure_id, number),
      check (status = 'draft' or status = 'withdrawn' or published_at is not null)
    )`.execute(db);
  await sql`create unique index procedure_version_one_draft on procedure_version (procedure_id) where status = 'draft'`.execute(db);
  await sql`create unique index procedure_version_one_published on procedure_version (procedure_id) where status = 'published'`.execute(db);
  // Search over the published catalog: full-text (prefix) on the folded words, and filters. The
  // large `content` goes to TOAST (external storage, no compression attempt inline).
  await sql`alter table procedure_version alter column content set storage external`.execute(db);
  // fastupdate off: the catalog is read far more than written, and a pending list would be
  // scanned by every search until the next vacuum.
  await sql`create index procedure_version_search_idx on procedure_version using gin (search_vector) with (fastupdate = off) where status = 'published'`.execute(db);
  await sql`create index procedure_version_name_idx on procedure_version (search_name) where status = 'published'`.execute(db);
  await sql`create index procedure_version_units_idx on procedure_version using gin (unit_ids) where status = 'published'`.execute(db);

  // Form data saved by an applicant, pinned to the version it was filled under.
  await sql`
    create table form_submission (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references account (id),
      procedure_version_id uuid not null references procedure_version (id),
      data jsonb not null,
      prefilled jsonb not null,
      overrides jsonb not null,
      prefill_status text not null check (prefill_status in ('applied', 'unavailable', 'not_applicable')),
      prefill_source text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index form_submission_account_idx on form_submission (account_id, created_at)`.execute(db);
  await sql`create index form_submission_version_idx on form_submission (procedure_version_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table form_submission`.execute(db);
  await sql`drop table procedure_version`.execute(db);
  await sql`drop table procedure`.execute(db);
}
