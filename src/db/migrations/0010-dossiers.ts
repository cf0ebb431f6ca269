import { sql, type Kysely } from 'kysely';

// Dossiers (hồ sơ TTHC). The action log `dossier_action` is the record: rows are only ever
// inserted, each chained to the previous row of its dossier by SHA-256. `dossier` is the
// projection of the replayed log for queries, written in the same transaction as each action;
// `state` holds the whole replayed state and `facts` what the rules read besides the log (fixed
// at intake from the pinned procedure version), so `motcua dossiers verify` can replay without
// the catalog.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dossier (
      id uuid primary key default gen_random_uuid(),
      code text unique check (code ~ '^[0-9A-Z.]+-[0-9]{6}-[0-9]{4,}$'),
      lookup_secret text not null check (lookup_secret ~ '^[0-9A-Z]{6,12}$'),
      channel smallint not null check (channel in (1, 2, 3)),
      procedure_id uuid not null references procedure (id),
      procedure_code text not null,
      version_id uuid not null references procedure_version (id),
      unit_id text not null references unit (id),
      handling_unit_id text not null references unit (id),
      applicant_kind text not null check (applicant_kind in ('citizen', 'organization')),
      applicant_id_number text not null check (length(applicant_id_number) between 1 and 20),
      applicant_name text not null check (length(applicant_name) between 1 and 300),
      applicant_account_id uuid references account (id),
      applicant jsonb not null,
      submitter jsonb,
      submitter_account_id uuid references account (id),
      form_data jsonb not null,
      facts jsonb not null,
      state jsonb not null,
      status smallint not null check (status between 1 and 10),
      submitted_at timestamptz,
      received_at timestamptz,
      due_at timestamptz,
      finished_at timestamptz,
      returned_at timestamptz,
      on_time boolean,
      assignee_id uuid references account (id),
      step_kind text,
      step_due_at timestamptz,
      version integer not null check (version >= 0),
      last_hash text not null check (last_hash ~ '^[0-9a-f]{64}$'),
      idempotency_key text check (length(idempotency_key) between 1 and 200),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index dossier_idempotency_idx on dossier (submitter_account_id, idempotency_key) where idempotency_key is not null`.execute(db);
  // Worklists: by unit and status, sorted by due (keyset on due_at, id).
  await sql`create index dossier_unit_status_due_idx on dossier (unit_id, status, due_at, id)`.execute(db);
  await sql`create index dossier_handling_status_due_idx on dossier (handling_unit_id, status, due_at, id)`.execute(db);
  // Officers who see most units: by status and due, the unit checked on the rows; and the open
  // dossiers (the overdue, due-soon and waiting worklists) in due order, whatever their status.
  await sql`create index dossier_status_due_idx on dossier (status, due_at, id)`.execute(db);
  await sql`create index dossier_open_due_idx on dossier (due_at, id) where status in (2, 4, 5, 6)`.execute(db);
  await sql`create index dossier_assignee_idx on dossier (assignee_id, status, due_at, id) where assignee_id is not null`.execute(db);
  await sql`create index dossier_applicant_account_idx on dossier (applicant_account_id, created_at desc) where applicant_account_id is not null`.execute(db);
  await sql`create index dossier_submitter_account_idx on dossier (submitter_account_id, created_at desc) where submitter_account_id is not null`.execute(db);
  await sql`create index dossier_applicant_id_idx on dossier (applicant_id_number)`.execute(db);
  await sql`create index dossier_received_idx on dossier (received_at)`.execute(db);

  await sql`
    create table dossier_action (
      dossier_id uuid not null references dossier (id),
      seq integer not null check (seq >= 1),
      type text not null,
      at timestamptz not null,
      actor_id uuid,
      actor_kind text not null,
      actor_label text not null,
      payload jsonb not null,
      prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
      hash text not null check (hash ~ '^[0-9a-f]{64}$'),
      primary key (dossier_id, seq)
    )`.execute(db);

  // Units the dossier passed through (receiving unit and every unit it was transferred to): the
  // officers of these units (and their parents) may read it.
  await sql`
    create table dossier_unit (
      dossier_id uuid not null references dossier (id),
      unit_id text not null references unit (id),
      primary key (dossier_id, unit_id)
    )`.execute(db);
  await sql`create index dossier_unit_unit_idx on dossier_unit (unit_id, dossier_id)`.execute(db);

  // Files of the dossier: components at intake, supplements, results.
  await sql`
    create table dossier_file (
      dossier_id uuid not null references dossier (id),
      file_id uuid not null references file (id),
      component_code text not null,
      role text not null check (role in ('component', 'supplement', 'result')),
      added_seq integer not null,
      primary key (dossier_id, file_id)
    )`.execute(db);

  // Internal notes of officers; the applicant never sees them.
  await sql`
    create table dossier_note (
      id uuid primary key default gen_random_uuid(),
      dossier_id uuid not null references dossier (id),
      author_id uuid not null references account (id),
      author_label text not null,
      text text not null check (length(text) between 1 and 4000),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index dossier_note_dossier_idx on dossier_note (dossier_id, created_at)`.execute(db);

  // Drafts of online submissions, so an applicant can come back.
  await sql`
    create table dossier_draft (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references account (id),
      procedure_code text not null,
      version_id uuid not null references procedure_version (id),
      form_data jsonb not null,
      components jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index dossier_draft_account_idx on dossier_draft (account_id, updated_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['dossier_draft', 'dossier_note', 'dossier_file', 'dossier_unit', 'dossier_action', 'dossier']) {
    await sql`drop table ${sql.table(t)}`.execute(db);
  }
}
