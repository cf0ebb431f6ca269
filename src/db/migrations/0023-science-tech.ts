// The national science and technology database (plan 94/QĐ-BKHCN task 15; Cục Thông tin khoa học
// và công nghệ quốc gia), linked with the national population database through registry_person:
// - st_organization: science and technology organizations (tổ chức khoa học và công nghệ) with their
//   registration of S&T activity (giấy chứng nhận đăng ký hoạt động khoa học và công nghệ, Decree
//   08/2014/NĐ-CP Art. 5–8 and Circular 03/2014/TT-BKHCN), kind (Law on Science and Technology
//   2013 Art. 9), field of activity, address and province, status; their head a person.
// - st_programme: S&T programmes (chương trình khoa học và công nghệ) a task may belong to.
// - st_task: S&T tasks (nhiệm vụ khoa học và công nghệ, Law on S&T 2013 Art. 25–33): code, level
//   (national / ministry / provincial / grassroots), host organization (tổ chức chủ trì), principal
//   investigator (chủ nhiệm, a person), budget in integer VND, period, status and acceptance
//   (nghiệm thu).
// - st_task_member: the members of a task (thành viên thực hiện chính, thư ký khoa học), persons.
// - st_researcher: researchers (nhân lực khoa học và công nghệ), a person with degree, academic title,
//   field and organization.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table st_organization (
      id uuid primary key default gen_random_uuid(),
      -- số giấy chứng nhận đăng ký hoạt động khoa học và công nghệ (format UNCONFIRMED: see core/science-tech)
      registration_no text not null unique check (registration_no ~ '^[A-Z0-9Đ]{1,6}(-[A-Z0-9Đ]{1,6})?-[0-9]{1,6}$'),
      registered_on date not null,
      -- cơ quan cấp (Bộ Khoa học và Công nghệ, or the provincial Department of Science and Technology)
      issuing_agency text not null check (length(issuing_agency) between 1 and 300),
      name text not null check (length(name) between 1 and 300),
      name_en text not null default '' check (length(name_en) <= 300),
      abbreviation text not null default '' check (length(abbreviation) <= 40),
      -- Law on S&T 2013 Art. 9: research (tổ chức nghiên cứu khoa học, nghiên cứu và phát triển công nghệ),
      -- higher education (cơ sở giáo dục đại học), service (tổ chức dịch vụ khoa học và công nghệ)
      kind text not null check (kind in ('research', 'higher-education', 'service')),
      -- Law on S&T 2013 Art. 12: public (công lập), non-public (ngoài công lập), foreign-invested
      ownership text not null check (ownership in ('public', 'non-public', 'foreign')),
      -- lĩnh vực hoạt động: codes of the first level of the S&T classification, a JSON array
      fields jsonb not null default '[]',
      tax_code text check (tax_code ~ '^[0-9]{10}([0-9]{3})?$'),
      address text not null default '' check (length(address) <= 500),
      province text not null check (length(province) between 1 and 100),
      -- người đứng đầu (head of the organization)
      head_person_id uuid references registry_person (id),
      status text not null default 'active' check (status in ('active', 'suspended', 'dissolved')),
      unit_id text not null references unit (id),
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by text not null
    )`.execute(db);
  await sql`create index st_organization_name_idx on st_organization (lower(name))`.execute(db);
  await sql`create index st_organization_province_idx on st_organization (province, status)`.execute(db);
  await sql`create index st_organization_head_idx on st_organization (head_person_id) where head_person_id is not null`.execute(db);

  await sql`
    create table st_programme (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[A-Z0-9Đ][A-Z0-9Đ./-]{1,39}$'),
      name text not null check (length(name) between 1 and 500),
      level text not null check (level in ('national', 'ministry', 'provincial', 'grassroots')),
      -- cơ quan quản lý chương trình
      managing_agency text not null check (length(managing_agency) between 1 and 300),
      start_year integer not null check (start_year between 1990 and 2100),
      end_year integer not null check (end_year between 1990 and 2100),
      created_by text not null,
      created_at timestamptz not null default now(),
      check (end_year >= start_year)
    )`.execute(db);

  await sql`
    create table st_task (
      id uuid primary key default gen_random_uuid(),
      -- mã số nhiệm vụ (format UNCONFIRMED: see core/science-tech)
      code text not null unique check (code ~ '^[A-Z0-9Đ][A-Z0-9Đ./-]{2,39}$'),
      title text not null check (length(title) between 1 and 1000),
      level text not null check (level in ('national', 'ministry', 'provincial', 'grassroots')),
      programme_id uuid references st_programme (id),
      field text not null check (field in ('natural', 'engineering', 'medical', 'agricultural', 'social', 'humanities')),
      -- tổ chức chủ trì
      host_org_id uuid not null references st_organization (id),
      -- chủ nhiệm nhiệm vụ
      pi_person_id uuid not null references registry_person (id),
      -- kinh phí từ ngân sách nhà nước (integer VND)
      budget_vnd bigint not null check (budget_vnd >= 0),
      start_on date not null,
      end_on date not null,
      status text not null default 'proposed' check (status in ('proposed', 'approved', 'in_progress', 'accepted', 'cancelled')),
      -- ngày nghiệm thu and kết quả đánh giá (đạt / không đạt) of the acceptance
      accepted_on date,
      acceptance_result text check (acceptance_result in ('excellent', 'pass', 'fail')),
      unit_id text not null references unit (id),
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by text not null,
      check (end_on > start_on),
      check ((status = 'accepted') = (accepted_on is not null)),
      check ((accepted_on is null) = (acceptance_result is null)),
      check (accepted_on is null or accepted_on >= start_on)
    )`.execute(db);
  await sql`create index st_task_host_idx on st_task (host_org_id)`.execute(db);
  await sql`create index st_task_pi_idx on st_task (pi_person_id)`.execute(db);
  await sql`create index st_task_level_idx on st_task (level, status)`.execute(db);
  await sql`create index st_task_title_idx on st_task (lower(title))`.execute(db);

  await sql`
    create table st_task_member (
      task_id uuid not null references st_task (id) on delete cascade,
      person_id uuid not null references registry_person (id),
      -- member: thành viên thực hiện chính; secretary: thư ký khoa học
      role text not null default 'member' check (role in ('member', 'secretary')),
      sort_order integer not null default 0,
      primary key (task_id, person_id)
    )`.execute(db);
  await sql`create index st_task_member_person_idx on st_task_member (person_id)`.execute(db);

  await sql`
    create table st_researcher (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null unique references registry_person (id),
      -- trình độ: bachelor (cử nhân/kỹ sư), master (thạc sĩ), doctor (tiến sĩ), dsc (tiến sĩ khoa học)
      degree text not null check (degree in ('bachelor', 'master', 'doctor', 'dsc')),
      -- chức danh: giáo sư, phó giáo sư
      title text check (title in ('professor', 'associate-professor')),
      field text not null check (field in ('natural', 'engineering', 'medical', 'agricultural', 'social', 'humanities')),
      specialization text not null default '' check (length(specialization) <= 300),
      organization_id uuid references st_organization (id),
      position text not null default '' check (length(position) <= 200),
      unit_id text not null references unit (id),
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by text not null,
      check (title is null or degree in ('doctor', 'dsc'))
    )`.execute(db);
  await sql`create index st_researcher_org_idx on st_researcher (organization_id)`.execute(db);
  await sql`create index st_researcher_field_idx on st_researcher (field)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table st_researcher`.execute(db);
  await sql`drop table st_task_member`.execute(db);
  await sql`drop table st_task`.execute(db);
  await sql`drop table st_programme`.execute(db);
  await sql`drop table st_organization`.execute(db);
}
