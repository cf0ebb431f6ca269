import { sql, type Kysely } from 'kysely';

// Population module: the purposes a query of the national population database may serve (a code
// table administrators maintain), and the log of every query (SPEC §4.4: "every query is logged:
// user, time, unit and request"; the provincial police monitor usage statistics).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table population_purpose (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{2,63}$'),
      name_vi text not null,
      name_en text not null,
      -- who may query for this purpose: a citizen about themself, or an officer
      actor_kind text not null check (actor_kind in ('citizen', 'officer')),
      requires_dossier_ref boolean not null default false,
      legal_basis text,
      active boolean not null default true,
      updated_at timestamptz not null default now(),
      updated_by text not null default 'migration'
    )`.execute(db);
  await sql`
    insert into population_purpose (code, name_vi, name_en, actor_kind, requires_dossier_ref, legal_basis) values
      ('citizen_profile', 'Công dân xem thông tin của mình', 'A citizen views their own data', 'citizen', false,
       'Luật Căn cước 2023; Quyết định 06/QĐ-TTg'),
      ('citizen_prefill', 'Điền sẵn biểu mẫu điện tử cho công dân', 'Prefill a citizen''s e-form', 'citizen', false,
       'Quyết định 06/QĐ-TTg (không yêu cầu công dân cung cấp lại thông tin đã có)'),
      ('dossier_verification', 'Xác minh thông tin người nộp hồ sơ thủ tục hành chính',
       'Verify the applicant of an administrative-procedure dossier', 'officer', true, 'Nghị định 118/2025/NĐ-CP'),
      ('counter_identity_check', 'Xác thực nhân thân công dân tại Bộ phận Một cửa',
       'Identity check of a citizen at the one-stop counter', 'officer', false,
       'Quyết định 06/QĐ-TTg; Nghị định 118/2025/NĐ-CP')`.execute(db);

  await sql`
    create table population_query_log (
      id bigint generated always as identity primary key,
      -- MaYeuCau sent to the population database (unique per query; reused by retries)
      request_id text not null unique,
      at timestamptz not null default now(),
      account_id uuid not null,
      actor_kind text not null check (actor_kind in ('citizen', 'officer')),
      -- names as they were at query time: the log outlives renames
      actor_name text not null,
      officer_code text,
      unit_id text,
      purpose_code text not null references population_purpose (code),
      dossier_ref text,
      subject_personal_id text,
      http_request_id text,
      result text not null default 'pending'
        check (result in ('pending', 'found', 'not_found', 'mismatch', 'unavailable')),
      failure_reason text,
      error_code text,
      source text check (source in ('network', 'cache')),
      latency_ms integer,
      completed_at timestamptz
    )`.execute(db);
  await sql`create index population_query_log_at_idx on population_query_log (at)`.execute(db);
  await sql`create index population_query_log_unit_idx on population_query_log (unit_id, at)`.execute(db);
  await sql`create index population_query_log_account_idx on population_query_log (account_id, at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table population_query_log`.execute(db);
  await sql`drop table population_purpose`.execute(db);
}
