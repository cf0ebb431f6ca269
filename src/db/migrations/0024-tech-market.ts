// The technology supply and demand database (cơ sở dữ liệu cung – cầu công nghệ; plan 94/QĐ-BKHCN
// task 16; Cục Phát triển thị trường và doanh nghiệp khoa học và công nghệ), its persons linked
// with the national population database through registry_person:
// - techmarket_field: the technology fields (lĩnh vực), level-2 codes of the classification of
//   science and technology fields (Decision 12/2008/QĐ-BKHCN; UNCONFIRMED: the subset and names as
//   commonly published). Data an administrator corrects.
// - techmarket_province: the 34 provincial-level units after Resolution 202/2025/QH15.
// - techmarket_provider: technology providers (tổ chức, cá nhân cung ứng công nghệ): an
//   organization (its legal representative a person) or an individual (a person).
// - techmarket_offer: technology offers (cung): field, readiness (TRL 1–9), transfer forms (Law on
//   Technology Transfer 2017 Art. 5) and rights (Art. 6), province, price or negotiable, status.
// - techmarket_demand: technology demands (cầu): the demanding organization and its
//   representative (a person), the same attributes asked for, and a deadline.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table techmarket_field (
      code text primary key check (code ~ '^[0-9]{3}$'),
      name_vi text not null,
      name_en text not null,
      sort_order integer not null default 0
    )`.execute(db);
  await sql`
    insert into techmarket_field (code, name_vi, name_en, sort_order) values
      ('102', 'Khoa học máy tính và thông tin', 'Computer and information sciences', 1),
      ('201', 'Kỹ thuật dân dụng', 'Civil engineering', 2),
      ('202', 'Kỹ thuật điện, điện tử, viễn thông', 'Electrical, electronic and information engineering', 3),
      ('203', 'Kỹ thuật cơ khí', 'Mechanical engineering', 4),
      ('204', 'Kỹ thuật hóa học', 'Chemical engineering', 5),
      ('205', 'Kỹ thuật vật liệu và luyện kim', 'Materials engineering and metallurgy', 6),
      ('207', 'Kỹ thuật môi trường', 'Environmental engineering', 7),
      ('209', 'Công nghệ sinh học công nghiệp', 'Industrial biotechnology', 8),
      ('211', 'Kỹ thuật thực phẩm và đồ uống', 'Food and beverage engineering', 9),
      ('303', 'Dược học', 'Pharmacy', 10),
      ('401', 'Trồng trọt', 'Crop science', 11),
      ('402', 'Chăn nuôi', 'Animal husbandry', 12),
      ('405', 'Thủy sản', 'Fisheries', 13),
      ('406', 'Công nghệ sinh học trong nông nghiệp', 'Agricultural biotechnology', 14)`.execute(db);

  await sql`
    create table techmarket_province (
      code text primary key check (code ~ '^[a-z-]{2,40}$'),
      name text not null unique,
      sort_order integer not null default 0
    )`.execute(db);
  await sql`
    insert into techmarket_province (code, name, sort_order) values
      ('ha-noi', 'Hà Nội', 1), ('hue', 'Huế', 2), ('hai-phong', 'Hải Phòng', 3), ('da-nang', 'Đà Nẵng', 4),
      ('ho-chi-minh', 'TP. Hồ Chí Minh', 5), ('can-tho', 'Cần Thơ', 6), ('lai-chau', 'Lai Châu', 7),
      ('dien-bien', 'Điện Biên', 8), ('son-la', 'Sơn La', 9), ('lang-son', 'Lạng Sơn', 10), ('cao-bang', 'Cao Bằng', 11),
      ('quang-ninh', 'Quảng Ninh', 12), ('tuyen-quang', 'Tuyên Quang', 13), ('lao-cai', 'Lào Cai', 14),
      ('thai-nguyen', 'Thái Nguyên', 15), ('phu-tho', 'Phú Thọ', 16), ('bac-ninh', 'Bắc Ninh', 17), ('hung-yen', 'Hưng Yên', 18),
      ('ninh-binh', 'Ninh Bình', 19), ('thanh-hoa', 'Thanh Hóa', 20), ('nghe-an', 'Nghệ An', 21), ('ha-tinh', 'Hà Tĩnh', 22),
      ('quang-tri', 'Quảng Trị', 23), ('quang-ngai', 'Quảng Ngãi', 24), ('gia-lai', 'Gia Lai', 25), ('khanh-hoa', 'Khánh Hòa', 26),
      ('lam-dong', 'Lâm Đồng', 27), ('dak-lak', 'Đắk Lắk', 28), ('dong-nai', 'Đồng Nai', 29), ('tay-ninh', 'Tây Ninh', 30),
      ('vinh-long', 'Vĩnh Long', 31), ('dong-thap', 'Đồng Tháp', 32), ('ca-mau', 'Cà Mau', 33), ('an-giang', 'An Giang', 34)`.execute(db);

  // Codes are numbered by sequences (never an in-process counter: several instances may write).
  await sql`create sequence techmarket_offer_no`.execute(db);
  await sql`create sequence techmarket_demand_no`.execute(db);

  await sql`
    create table techmarket_provider (
      id uuid primary key default gen_random_uuid(),
      -- organization: tổ chức (its legal representative a person); individual: cá nhân (the person)
      kind text not null check (kind in ('organization', 'individual')),
      org_name text check (length(org_name) between 1 and 300),
      tax_code text check (tax_code ~ '^[0-9]{10}([0-9]{3})?$'),
      person_id uuid not null references registry_person (id),
      address text not null default '' check (length(address) <= 500),
      province_code text not null references techmarket_province (code),
      -- a public contact (an organization's, or one the individual agreed to publish)
      contact_email text check (contact_email ~ '^[^@\\s]+@[^@\\s]+$' and length(contact_email) <= 200),
      status text not null default 'active' check (status in ('active', 'inactive')),
      unit_id text not null references unit (id),
      created_at timestamptz not null default now(),
      created_by text not null,
      updated_at timestamptz not null default now(),
      updated_by text not null,
      check ((kind = 'organization') = (org_name is not null)),
      check (kind = 'organization' or tax_code is null)
    )`.execute(db);
  await sql`create index techmarket_provider_person_idx on techmarket_provider (person_id)`.execute(db);
  await sql`create unique index techmarket_provider_tax_code_idx on techmarket_provider (tax_code) where tax_code is not null`.execute(db);

  await sql`
    create table techmarket_offer (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^CCN-[0-9]{4}-[0-9]{5}$'),
      provider_id uuid not null references techmarket_provider (id),
      name text not null check (length(name) between 3 and 300),
      summary text not null default '' check (length(summary) <= 4000),
      field_code text not null references techmarket_field (code),
      -- mức độ sẵn sàng của công nghệ
      trl smallint not null check (trl between 1 and 9),
      -- Law on Technology Transfer 2017 Art. 5 (JSON array of codes) and Art. 6
      transfer_forms jsonb not null check (jsonb_typeof(transfer_forms) = 'array' and jsonb_array_length(transfer_forms) > 0),
      transfer_right text not null check (transfer_right in ('ownership', 'use', 'either')),
      province_code text not null references techmarket_province (code),
      -- integer VND; null when only negotiable
      price_vnd bigint check (price_vnd >= 0),
      negotiable boolean not null default false,
      -- a patent or utility solution protecting the technology (số bằng), if any
      ip_ref text check (length(ip_ref) <= 60),
      status text not null default 'draft' check (status in ('draft', 'published', 'withdrawn', 'expired')),
      published_on date,
      valid_until date,
      unit_id text not null references unit (id),
      created_at timestamptz not null default now(),
      created_by text not null,
      updated_at timestamptz not null default now(),
      updated_by text not null,
      check (price_vnd is not null or negotiable),
      check (status <> 'published' or (published_on is not null and valid_until is not null)),
      check (valid_until is null or published_on is null or valid_until >= published_on)
    )`.execute(db);
  await sql`create index techmarket_offer_map_idx on techmarket_offer (status, field_code, province_code)`.execute(db);
  await sql`create index techmarket_offer_provider_idx on techmarket_offer (provider_id)`.execute(db);
  await sql`create index techmarket_offer_name_idx on techmarket_offer (lower(name))`.execute(db);

  await sql`
    create table techmarket_demand (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^NCCN-[0-9]{4}-[0-9]{5}$'),
      -- the demanding organization (tổ chức có nhu cầu) and its representative
      org_name text not null check (length(org_name) between 1 and 300),
      tax_code text check (tax_code ~ '^[0-9]{10}([0-9]{3})?$'),
      representative_person_id uuid not null references registry_person (id),
      name text not null check (length(name) between 3 and 300),
      description text not null default '' check (length(description) <= 4000),
      field_code text not null references techmarket_field (code),
      -- the least readiness the organization accepts
      min_trl smallint not null check (min_trl between 1 and 9),
      transfer_forms jsonb not null check (jsonb_typeof(transfer_forms) = 'array' and jsonb_array_length(transfer_forms) > 0),
      transfer_right text not null check (transfer_right in ('ownership', 'use', 'either')),
      province_code text not null references techmarket_province (code),
      budget_vnd bigint check (budget_vnd >= 0),
      negotiable boolean not null default false,
      status text not null default 'draft' check (status in ('draft', 'published', 'withdrawn', 'expired')),
      published_on date,
      -- hạn tiếp nhận đề xuất (the last day offers are received)
      deadline date,
      unit_id text not null references unit (id),
      created_at timestamptz not null default now(),
      created_by text not null,
      updated_at timestamptz not null default now(),
      updated_by text not null,
      check (budget_vnd is not null or negotiable),
      check (status <> 'published' or (published_on is not null and deadline is not null)),
      check (deadline is null or published_on is null or deadline >= published_on)
    )`.execute(db);
  await sql`create index techmarket_demand_map_idx on techmarket_demand (status, field_code, province_code)`.execute(db);
  await sql`create index techmarket_demand_rep_idx on techmarket_demand (representative_person_id)`.execute(db);
  await sql`create index techmarket_demand_name_idx on techmarket_demand (lower(name))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table techmarket_demand`.execute(db);
  await sql`drop table techmarket_offer`.execute(db);
  await sql`drop table techmarket_provider`.execute(db);
  await sql`drop sequence techmarket_demand_no`.execute(db);
  await sql`drop sequence techmarket_offer_no`.execute(db);
  await sql`drop table techmarket_province`.execute(db);
  await sql`drop table techmarket_field`.execute(db);
}
