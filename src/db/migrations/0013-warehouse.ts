import { sql, type Kysely } from 'kysely';

// Virus scan state of files, digitization at receipt and the applicant's data warehouse
// (warehouse module).
// - file.scan_status: `clean` (scanned by ClamAV) or `not_scanned` (no scanner configured).
// - dossier_component_record: per dossier component, where its content came from (uploaded,
//   digitized at the counter with the checks of Circular 01/2023 Art. 8(2), exempt under Circular
//   03/2025 Art. 5(2), reused from the warehouse, replaced by population data); the portal flags
//   DuocSoHoa, DuocTaiSuDung, DuocLayTuKhoDMQG, MaKetQuaThayThe are derived from it.
// - dossier_digitization: one row per dossier with what the ministry's figures count (unit,
//   procedure, receipt date, the result and whether it was issued electronically).
// - warehouse_document (+ its files): the Kho quản lý dữ liệu điện tử (Decree 45/2020 Art. 16) of
//   every citizen and organization, keyed by the owner's identifier (personal ID or tax code).
// - warehouse_reuse: who reused which document in which dossier.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table file add column scan_status text not null default 'not_scanned' check (scan_status in ('not_scanned', 'clean'))`.execute(db);
  await sql`alter table file add column scanned_at timestamptz`.execute(db);

  await sql`
    create table warehouse_document (
      id uuid primary key default gen_random_uuid(),
      owner_kind text not null check (owner_kind in ('citizen', 'organization')),
      owner_identifier text not null check (length(owner_identifier) between 1 and 20),
      document_type text not null check (length(document_type) between 1 and 40),
      title text not null check (length(title) between 1 and 500),
      issuer text not null default '' check (length(issuer) <= 500),
      number text not null default '' check (length(number) <= 100),
      issued_on date,
      valid_until date,
      provenance text not null check (provenance in ('issued_result', 'digitized', 'owner_upload', 'national_warehouse')),
      result_code text check (length(result_code) <= 100),
      source_dossier_id uuid references dossier (id) on delete set null,
      national_id text check (length(national_id) <= 200),
      created_by uuid references account (id),
      created_at timestamptz not null default now(),
      removed_at timestamptz
    )`.execute(db);
  await sql`create index warehouse_document_owner_idx on warehouse_document (owner_kind, owner_identifier) where removed_at is null`.execute(db);
  await sql`create unique index warehouse_document_national_idx on warehouse_document (owner_kind, owner_identifier, national_id) where national_id is not null`.execute(db);
  await sql`create unique index warehouse_document_result_idx on warehouse_document (source_dossier_id, result_code) where provenance = 'issued_result'`.execute(db);

  await sql`
    create table warehouse_document_file (
      document_id uuid not null references warehouse_document (id),
      file_id uuid not null references file (id),
      position smallint not null,
      primary key (document_id, file_id)
    )`.execute(db);

  await sql`
    create table warehouse_reuse (
      id uuid primary key default gen_random_uuid(),
      document_id uuid not null references warehouse_document (id),
      dossier_id uuid not null references dossier (id) on delete cascade,
      dossier_code text,
      component_code text not null,
      actor_id uuid not null references account (id),
      actor_label text not null,
      from_national boolean not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index warehouse_reuse_document_idx on warehouse_reuse (document_id)`.execute(db);
  await sql`create index warehouse_reuse_dossier_idx on warehouse_reuse (dossier_id)`.execute(db);

  await sql`
    create table dossier_component_record (
      dossier_id uuid not null references dossier (id) on delete cascade,
      component_code text not null,
      source text not null check (source in ('uploaded', 'digitized', 'exempt', 'not_digitized', 'warehouse', 'national_warehouse', 'population_data')),
      page_count integer check (page_count between 1 and 10000),
      checks jsonb,
      exemption text check (exemption in ('submitted_electronically', 'shown_only', 'agency_verification', 'classified')),
      note text check (length(note) <= 1000),
      warehouse_document_id uuid references warehouse_document (id),
      result_code text,
      recorded_by uuid not null references account (id),
      recorded_by_label text not null,
      recorded_at timestamptz not null,
      primary key (dossier_id, component_code)
    )`.execute(db);

  await sql`
    create table dossier_digitization (
      dossier_id uuid primary key references dossier (id) on delete cascade,
      unit_id text not null,
      procedure_code text not null,
      channel smallint not null,
      submitted_at timestamptz not null,
      received_at timestamptz,
      has_digitized boolean not null,
      has_reused boolean not null,
      population_replaced integer not null default 0,
      produces_document boolean not null,
      result_issued_at timestamptz,
      result_electronic boolean not null default false
    )`.execute(db);
  await sql`create index dossier_digitization_period_idx on dossier_digitization (received_at, unit_id, procedure_code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table dossier_digitization`.execute(db);
  await sql`drop table dossier_component_record`.execute(db);
  await sql`drop table warehouse_reuse`.execute(db);
  await sql`drop table warehouse_document_file`.execute(db);
  await sql`drop table warehouse_document`.execute(db);
  await sql`alter table file drop column scanned_at`.execute(db);
  await sql`alter table file drop column scan_status`.execute(db);
}
