import { sql, type Kysely } from 'kysely';

// Electronic results (kết quả giải quyết TTHC điện tử, Decree 45/2020 Art. 14): one row per signed
// result document, written in the same transaction as the dossier's issue_result action; the
// per-unit, per-year sequence of result codes; and the templates administrators edit per procedure.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table result_document (
      code text primary key check (code ~ '^[A-Z]{1,8}-[0-9A-Z.]{1,35}-[0-9]{4}-[0-9]{6,}$'),
      dossier_id uuid not null references dossier (id),
      dossier_code text not null,
      action_seq integer not null,
      unit_id text not null references unit (id),
      procedure_code text not null,
      document_name text not null check (length(document_name) between 1 and 500),
      file_id uuid not null references file (id),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      signed_by text not null,
      signer_kind text not null,
      legally_valid boolean not null,
      issued_at timestamptz not null,
      issued_by uuid,
      revoked_at timestamptz,
      revoked_reason text check (revoked_reason is null or length(revoked_reason) between 1 and 2000),
      revoked_by uuid,
      revoked_by_label text,
      unique (dossier_id, action_seq),
      check ((revoked_at is null) = (revoked_reason is null))
    )
  `.execute(db);
  await sql`create index result_document_sha256 on result_document (sha256)`.execute(db);
  await sql`create index result_document_dossier on result_document (dossier_id)`.execute(db);
  await sql`
    create table result_sequence (
      unit_id text not null references unit (id),
      year integer not null check (year between 2000 and 9999),
      last integer not null check (last > 0),
      primary key (unit_id, year)
    )
  `.execute(db);
  await sql`
    create table result_template (
      procedure_code text primary key,
      template jsonb not null,
      updated_at timestamptz not null default now(),
      updated_by_label text not null
    )
  `.execute(db);
}
