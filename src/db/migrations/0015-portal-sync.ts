import { sql, type Kysely } from 'kysely';

// Delivery of dossiers to the national public service portal (Cổng DVCQG, SPEC §6). One row per
// dossier: where its delivery stands (the log position the portal holds, how many process-history
// entries it acknowledged, whether it knows the dossier at all), the last failure, and the
// bookkeeping of its one delivery job (a generation number for the job key, whether a job is
// open, a lease so that two deliveries of one dossier never overlap). One row per call made to
// the portal: what was sent (its SHA-256), what came back, the HTTP status and the time it took.
// The dossier is referenced by id only (the dossiers module owns it; no foreign key across modules).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table portal_sync (
      dossier_id uuid primary key,
      -- MaHoSo
      dossier_code text not null,
      -- the dossier's receipt (NgayTiepNhan), for the quality index's periods
      received_at timestamptz,
      state text not null check (state in ('pending', 'synced', 'error')),
      -- the portal holds the dossier (a "thêm mới" succeeded or answered "đã tồn tại")
      on_portal boolean not null default false,
      -- the dossier's latest log position to deliver, and the one the portal acknowledged
      wanted_seq integer not null,
      synced_seq integer not null default 0,
      -- QuaTrinhXuLy entries the portal acknowledged (the log is append-only: a count suffices)
      process_sent integer not null default 0,
      -- failed attempts since the last success
      attempts integer not null default 0,
      last_attempt_at timestamptz,
      last_error text,
      last_error_code text,
      synced_at timestamptz,
      job_generation integer not null default 0,
      job_open boolean not null default false,
      lease_token text,
      lease_until timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index portal_sync_state_idx on portal_sync (state, updated_at)`.execute(db);
  await sql`create index portal_sync_code_idx on portal_sync (dossier_code)`.execute(db);
  await sql`create index portal_sync_received_idx on portal_sync (received_at) where state = 'synced'`.execute(db);
  await sql`
    create table portal_sync_attempt (
      id bigint generated always as identity primary key,
      dossier_id uuid not null,
      dossier_code text not null,
      operation text not null check (operation in ('create', 'update', 'process')),
      -- for 'process': the position of the chunk's first entry in QuaTrinhXuLy
      chunk_start integer,
      entries integer not null default 1,
      -- SHA-256 (hex) of the request body as sent
      request_digest text not null,
      http_status integer,
      error_code text,
      message text not null,
      outcome text not null check (outcome in ('ok', 'exists', 'failed')),
      duration_ms integer not null,
      at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index portal_sync_attempt_dossier_idx on portal_sync_attempt (dossier_id, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table portal_sync_attempt`.execute(db);
  await sql`drop table portal_sync`.execute(db);
}
