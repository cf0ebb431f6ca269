import { sql, type Kysely } from 'kysely';

// The purpose of the counter's prefill: a receiver of the One-Stop Unit identifies the applicant
// standing at the counter by ID number and name, and the e-form fields the procedure binds to
// population data are filled from the national population database. Its own purpose, so the
// query log and its report tell these queries from verifications.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into population_purpose (code, name_vi, name_en, actor_kind, requires_dossier_ref, legal_basis) values
      ('counter_intake', 'Tiếp nhận hồ sơ tại Bộ phận Một cửa: điền biểu mẫu từ CSDL quốc gia về dân cư',
       'Counter intake at the One-Stop Unit: fill the e-form from the national population database', 'officer', false,
       'Nghị định 61/2018/NĐ-CP (sửa đổi bởi Nghị định 107/2021/NĐ-CP); Quyết định 06/QĐ-TTg; Nghị định 13/2023/NĐ-CP')
    on conflict (code) do nothing`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from population_purpose where code = 'counter_intake' and not exists (select 1 from population_query_log l where l.purpose_code = population_purpose.code)`.execute(db);
}
