// The intellectual property database (plan 94/QĐ-BKHCN task 17; Cục Sở hữu trí tuệ): industrial
// property applications and the protection titles granted on them, linked with the national
// population database through registry_person:
// - ip_application: applications (đơn đăng ký) for patents (sáng chế), utility solutions (giải
//   pháp hữu ích), trademarks (nhãn hiệu) and industrial designs (kiểu dáng công nghiệp): number,
//   filing and priority dates, the subject (title of the invention, the mark, the product), its
//   IPC/Nice/Locarno classes, the status through examination (Law on IP Art. 108–119), the
//   applicant (a person or an organization) and the representative (đại diện sở hữu công nghiệp,
//   an IP agent: a person, with the agent firm's name).
// - ip_application_inventor: the inventors or authors (tác giả, Art. 122), persons, in order.
// - ip_title: protection titles (văn bằng bảo hộ): number, grant date, the end of protection
//   (Art. 93), renewals, status, the holder (chủ văn bằng) and, for a title issued through a
//   motcua dossier, the result code it was issued under (one title per result).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table ip_application (
      id uuid primary key default gen_random_uuid(),
      -- số đơn: kind digit, year of filing, sequence (1 patent, 2 utility solution, 3 design, 4 mark)
      application_no text not null unique check (application_no ~ '^[1-4]-[0-9]{4}-[0-9]{5}$'),
      kind text not null check (kind in ('patent', 'utility_solution', 'trademark', 'industrial_design')),
      filing_date date not null,
      -- ngày ưu tiên (Paris Convention priority, Law on IP Art. 91), with the earlier application
      priority_date date check (priority_date is null or priority_date <= filing_date),
      priority_no text check (length(priority_no) between 1 and 50),
      priority_country text check (length(priority_country) between 2 and 100),
      -- tên sáng chế / giải pháp hữu ích, the mark (nhãn hiệu), or the product bearing the design
      subject text not null check (length(subject) between 1 and 500),
      abstract text not null default '' check (length(abstract) <= 5000),
      -- IPC (patents, utility solutions), Nice (trademarks) or Locarno (designs): a JSON array
      classes jsonb not null default '[]',
      status text not null default 'filed' check (status in ('filed', 'formality_examined', 'published', 'substantive_examination', 'granted', 'refused', 'withdrawn')),
      status_date date not null,
      -- ngày công bố đơn (Công báo Sở hữu công nghiệp, tập A)
      published_on date,
      applicant_kind text not null check (applicant_kind in ('person', 'organization')),
      applicant_person_id uuid references registry_person (id),
      applicant_org_name text check (length(applicant_org_name) between 1 and 300),
      applicant_tax_code text check (applicant_tax_code ~ '^[0-9]{10}([0-9]{3})?$'),
      applicant_address text not null default '' check (length(applicant_address) <= 500),
      applicant_country text not null default 'VN' check (applicant_country ~ '^[A-Z]{2}$'),
      representative_person_id uuid references registry_person (id),
      -- tổ chức dịch vụ đại diện sở hữu công nghiệp the representative works for
      representative_firm text check (length(representative_firm) between 1 and 300),
      -- the motcua dossier the application was filed as, when it was
      dossier_code text,
      unit_id text not null references unit (id),
      created_at timestamptz not null default now(),
      created_by text not null,
      updated_at timestamptz not null default now(),
      updated_by text not null,
      check ((applicant_kind = 'person') = (applicant_person_id is not null)),
      check ((applicant_kind = 'organization') = (applicant_org_name is not null)),
      check (status_date >= filing_date),
      check (published_on is null or published_on >= filing_date),
      check (substring(application_no from 3 for 4) = to_char(filing_date, 'YYYY'))
    )`.execute(db);
  await sql`create index ip_application_kind_idx on ip_application (kind, status, filing_date)`.execute(db);
  await sql`create index ip_application_subject_idx on ip_application (lower(subject))`.execute(db);
  await sql`create index ip_application_applicant_idx on ip_application (applicant_person_id) where applicant_person_id is not null`.execute(db);
  await sql`create index ip_application_rep_idx on ip_application (representative_person_id) where representative_person_id is not null`.execute(db);
  await sql`create index ip_application_classes_idx on ip_application using gin (classes)`.execute(db);

  await sql`
    create table ip_application_inventor (
      application_id uuid not null references ip_application (id) on delete cascade,
      position smallint not null check (position between 1 and 50),
      person_id uuid not null references registry_person (id),
      primary key (application_id, position),
      unique (application_id, person_id)
    )`.execute(db);
  await sql`create index ip_application_inventor_person_idx on ip_application_inventor (person_id)`.execute(db);

  await sql`
    create table ip_title (
      id uuid primary key default gen_random_uuid(),
      -- số văn bằng (1-0034567), or the result code of a title issued electronically through motcua
      title_no text not null unique check (title_no ~ '^[1-4]-[0-9]{7}$' or title_no ~ '^[A-Z0-9.-]{6,60}$'),
      application_id uuid not null unique references ip_application (id),
      granted_on date not null,
      -- hiệu lực đến (Law on IP Art. 93), after the renewals (gia hạn) recorded
      expires_on date not null check (expires_on > granted_on),
      renewals smallint not null default 0 check (renewals >= 0),
      status text not null default 'in_force' check (status in ('in_force', 'terminated', 'invalidated')),
      holder_kind text not null check (holder_kind in ('person', 'organization')),
      holder_person_id uuid references registry_person (id),
      holder_org_name text check (length(holder_org_name) between 1 and 300),
      result_code text unique,
      unit_id text not null references unit (id),
      created_at timestamptz not null default now(),
      created_by text not null,
      updated_at timestamptz not null default now(),
      updated_by text not null,
      check ((holder_kind = 'person') = (holder_person_id is not null)),
      check ((holder_kind = 'organization') = (holder_org_name is not null))
    )`.execute(db);
  await sql`create index ip_title_holder_idx on ip_title (holder_person_id) where holder_person_id is not null`.execute(db);
  await sql`create index ip_title_expires_idx on ip_title (status, expires_on)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table ip_title`.execute(db);
  await sql`drop table ip_application_inventor`.execute(db);
  await sql`drop table ip_application`.execute(db);
}
