import { sql, type Kysely } from 'kysely';

// Ratings of returned dossiers and PAKN (phản ánh, kiến nghị). `rating`: one per dossier (its
// applicant's), online or given at the counter's kiosk. `feedback`: the PAKN and the projection of
// its history; `feedback_event` is the history, rows only ever inserted; `feedback_vote`: the
// public's like or dislike of a published answer, one per voter (account or browser).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rating (
      id uuid primary key default gen_random_uuid(),
      dossier_id uuid not null unique references dossier (id),
      dossier_code text not null,
      unit_id text not null references unit (id),
      procedure_code text not null,
      value text not null check (value in ('like', 'dislike')),
      scores jsonb not null,
      comment text check (length(comment) <= 2000),
      channel text not null check (channel in ('online', 'kiosk')),
      rater_account_id uuid references account (id),
      kiosk_officer_id uuid references account (id),
      kiosk_officer_label text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((channel = 'kiosk') = (kiosk_officer_id is not null))
    )`.execute(db);
  await sql`create index rating_unit_created_idx on rating (unit_id, created_at)`.execute(db);
  await sql`create index rating_procedure_created_idx on rating (procedure_code, created_at)`.execute(db);
  await sql`create index rating_created_idx on rating (created_at)`.execute(db);

  // PAKN codes: one sequence, so that two instances never take the same number.
  await sql`create sequence feedback_number_seq`.execute(db);
  await sql`
    create table feedback (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^PAKN-[0-9]{4}-[0-9]{6,}$'),
      title text not null check (length(title) between 1 and 300),
      content text not null check (length(content) between 1 and 10000),
      about text not null check (about in ('procedure', 'dossier', 'conduct')),
      procedure_code text,
      dossier_code text,
      unit_id text not null references unit (id),
      filer_name text not null check (length(filer_name) between 1 and 200),
      filer_phone text,
      filer_email text,
      filer_address text,
      filer_account_id uuid references account (id),
      channel text not null check (channel in ('portal', 'vpcp', 'bndp', 'counter')),
      status text not null check (status in ('received', 'supplement_requested', 'processing', 'approved', 'published', 'rejected')),
      classification text check (classification in ('tthc', 'conduct')),
      state jsonb not null,
      received_at timestamptz not null,
      due_at timestamptz,
      due_kind text check (due_kind in ('process', 'publish')),
      published_at timestamptz,
      likes integer not null default 0 check (likes >= 0),
      dislikes integer not null default 0 check (dislikes >= 0),
      version integer not null check (version >= 1),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (filer_phone is not null or filer_email is not null)
    )`.execute(db);
  await sql`create index feedback_unit_status_due_idx on feedback (unit_id, status, due_at, id)`.execute(db);
  await sql`create index feedback_open_due_idx on feedback (due_at, id) where due_at is not null`.execute(db);
  await sql`create index feedback_published_idx on feedback (published_at desc, id) where status = 'published'`.execute(db);
  await sql`create index feedback_received_idx on feedback (received_at)`.execute(db);

  await sql`
    create table feedback_event (
      feedback_id uuid not null references feedback (id),
      seq integer not null check (seq >= 1),
      type text not null,
      at timestamptz not null,
      actor_id uuid,
      actor_kind text not null,
      actor_label text not null,
      payload jsonb not null,
      primary key (feedback_id, seq)
    )`.execute(db);

  await sql`
    create table feedback_vote (
      feedback_id uuid not null references feedback (id),
      voter_key text not null check (voter_key ~ '^[a-z]+:[A-Za-z0-9_-]{8,64}$'),
      value text not null check (value in ('like', 'dislike')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (feedback_id, voter_key)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['feedback_vote', 'feedback_event', 'feedback', 'rating']) await sql`drop table if exists ${sql.id(table)}`.execute(db);
  await sql`drop sequence if exists feedback_number_seq`.execute(db);
}
