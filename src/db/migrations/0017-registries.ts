// The people of the four sector databases (plan 94/QĐ-BKHCN tasks 15–18): every researcher,
// inventor, applicant, representative or business owner a sector registry holds is one row here,
// linked to the national population database by the personal ID number and checked through the
// population module (never by reading the emulator's tables). The sector modules' own tables refer
// to these rows; a correction keeps the old value in registry_person_change. Two query purposes
// are added for the population log: linking a registry record and reconciling a registry.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table registry_person (
      id uuid primary key default gen_random_uuid(),
      -- st: science and technology; techmarket: technology supply and demand;
      -- ip: intellectual property; stameq: standards, metrology and quality
      registry text not null check (registry in ('st', 'techmarket', 'ip', 'stameq')),
      -- 12-digit personal ID number, or a legacy 9-digit identity card number (CMND) to migrate
      personal_id text not null check (personal_id ~ '^([0-9]{12}|[0-9]{9})$'),
      full_name text not null check (length(full_name) between 1 and 200),
      birth_date date,
      -- the last check with the population database
      link_status text not null default 'unverified'
        check (link_status in ('unverified', 'verified', 'mismatch', 'not_found', 'legacy_id', 'unavailable')),
      -- fields that differ (fullName, birthDate) when link_status is mismatch
      link_mismatched jsonb not null default '[]',
      -- the 12-digit number the population database gave for a legacy 9-digit one
      link_suggested_id text,
      link_checked_at timestamptz,
      link_request_id text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by text not null,
      unique (registry, personal_id)
    )`.execute(db);
  await sql`create index registry_person_status on registry_person (registry, link_status)`.execute(db);
  await sql`
    create table registry_person_change (
      id bigint generated always as identity primary key,
      person_id uuid not null references registry_person (id),
      field text not null check (field in ('personalId', 'fullName', 'birthDate')),
      old_value text,
      new_value text,
      reason text not null,
      source text not null check (source in ('edit', 'reconciliation')),
      changed_by text not null,
      changed_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index registry_person_change_person on registry_person_change (person_id, id)`.execute(db);
  await sql`
    insert into population_purpose (code, name_vi, name_en, actor_kind, requires_dossier_ref, legal_basis) values
      ('registry_link', 'Liên kết hồ sơ trong CSDL chuyên ngành với CSDL quốc gia về dân cư',
       'Link a sector database record with the national population database', 'officer', false,
       'Quyết định 06/QĐ-TTg; Quyết định 94/QĐ-BKHCN (nhiệm vụ 15–18); Luật Dữ liệu 2024'),
      ('reconciliation', 'Đối soát dữ liệu CSDL chuyên ngành với CSDL quốc gia về dân cư',
       'Reconcile a sector database with the national population database', 'officer', false,
       'Quyết định 06/QĐ-TTg; Quyết định 94/QĐ-BKHCN (nhiệm vụ 15–18); Nghị định 278/2025/NĐ-CP')
    on conflict (code) do nothing`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from population_purpose where code in ('registry_link', 'reconciliation') and not exists (select 1 from population_query_log l where l.purpose_code = population_purpose.code)`.execute(db);
  await sql`drop table registry_person_change`.execute(db);
  await sql`drop table registry_person`.execute(db);
}
