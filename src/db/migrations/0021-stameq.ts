// The standards, metrology and quality databases (plan 94/QĐ-BKHCN task 18; Tổng cục Tiêu chuẩn Đo
// lường Chất lượng), linked with the national population database through registry_person:
// - stameq_instrument_type: the list of Group 2 measuring instruments (phương tiện đo nhóm 2,
//   Circular 23/2013/TT-BKHCN as amended by Circular 07/2019/TT-BKHCN) with their verification
//   cycle (chu kỳ kiểm định). The cycles are data an administrator corrects, not constants
//   (UNCONFIRMED: taken from the ĐLVN procedures as commonly published, not from the annex itself).
// - stameq_body: conformity assessment bodies registered under Decree 107/2016/NĐ-CP (certification,
//   testing, inspection) and verification bodies (Decree 105/2016/NĐ-CP), their head a person.
// - stameq_verification: the verifications of measuring instruments (kiểm định phương tiện đo):
//   certificate and stamp numbers, the instrument, its owner (an organization, or a person),
//   the verifying body, dates and result (Law on Metrology 2011 Art. 16–17).
// - stameq_certificate: certificates of conformity (giấy chứng nhận sự phù hợp) issued by bodies.
// - stameq_announcement: conformity announcements (công bố hợp chuẩn / hợp quy, Circular
//   28/2012/TT-BKHCN as amended by 02/2017/TT-BKHCN): product, TCVN/QCVN applied, the announcing
//   organization and its representative (a person), the receiving agency.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table stameq_instrument_type (
      code text primary key check (code ~ '^[a-z0-9-]{2,40}$'),
      name_vi text not null,
      name_en text not null,
      -- chu kỳ kiểm định (months): also the longest validity of a verification certificate
      cycle_months integer not null check (cycle_months between 1 and 120),
      legal_basis text not null,
      sort_order integer not null default 0
    )`.execute(db);
  await sql`
    insert into stameq_instrument_type (code, name_vi, name_en, cycle_months, legal_basis, sort_order) values
      ('cong-to-dien-1-pha', 'Công tơ điện xoay chiều 1 pha', 'Single-phase AC electricity meter', 60, 'Thông tư 23/2013/TT-BKHCN; ĐLVN 07', 1),
      ('cong-to-dien-3-pha', 'Công tơ điện xoay chiều 3 pha', 'Three-phase AC electricity meter', 24, 'Thông tư 23/2013/TT-BKHCN; ĐLVN 39', 2),
      ('dong-ho-nuoc', 'Đồng hồ đo nước lạnh', 'Cold water meter', 60, 'Thông tư 23/2013/TT-BKHCN; ĐLVN 17', 3),
      ('dong-ho-xang-dau', 'Cột đo xăng dầu', 'Fuel dispenser', 12, 'Thông tư 23/2013/TT-BKHCN; ĐLVN 10', 4),
      ('can-o-to', 'Cân ô tô', 'Vehicle weighbridge', 12, 'Thông tư 23/2013/TT-BKHCN; ĐLVN 13', 5),
      ('can-ban', 'Cân bàn', 'Platform scale', 12, 'Thông tư 23/2013/TT-BKHCN; ĐLVN 14', 6),
      ('can-dong-ho-lo-xo', 'Cân đồng hồ lò xo', 'Spring dial scale', 12, 'Thông tư 23/2013/TT-BKHCN; ĐLVN 30', 7),
      ('taximet', 'Taximet', 'Taximeter', 12, 'Thông tư 23/2013/TT-BKHCN; ĐLVN 01', 8),
      ('huyet-ap-ke', 'Huyết áp kế', 'Sphygmomanometer', 12, 'Thông tư 23/2013/TT-BKHCN; ĐLVN 09', 9),
      ('dong-ho-khi', 'Đồng hồ đo khí', 'Gas meter', 36, 'Thông tư 23/2013/TT-BKHCN; ĐLVN 31', 10),
      ('do-nong-do-con', 'Phương tiện đo nồng độ cồn trong hơi thở', 'Breath alcohol analyser', 12, 'Thông tư 23/2013/TT-BKHCN; ĐLVN 108', 11),
      ('toc-do-xe', 'Phương tiện đo tốc độ phương tiện giao thông', 'Vehicle speed meter', 12, 'Thông tư 23/2013/TT-BKHCN; ĐLVN 123', 12)`.execute(db);

  await sql`
    create table stameq_body (
      id uuid primary key default gen_random_uuid(),
      -- số đăng ký hoạt động (registration number of the activity)
      registration_no text not null unique check (length(registration_no) between 3 and 40),
      name text not null check (length(name) between 1 and 300),
      -- certification: chứng nhận; testing: thử nghiệm; inspection: giám định; verification: kiểm định
      kind text not null check (kind in ('certification', 'testing', 'inspection', 'verification')),
      -- lĩnh vực (codes of the fields the registration covers), a JSON array of strings
      fields jsonb not null default '[]',
      -- phạm vi đăng ký (scope: products, standards, instrument types)
      scope text not null default '' check (length(scope) <= 2000),
      tax_code text check (tax_code ~ '^[0-9]{10}([0-9]{3})?$'),
      address text not null default '' check (length(address) <= 500),
      province text not null default '' check (length(province) <= 100),
      -- người đứng đầu (head of the body)
      head_person_id uuid references registry_person (id),
      status text not null default 'active' check (status in ('active', 'suspended', 'revoked')),
      registered_on date not null,
      valid_until date,
      unit_id text not null references unit (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by text not null
    )`.execute(db);
  await sql`create index stameq_body_kind_idx on stameq_body (kind, status)`.execute(db);

  await sql`
    create table stameq_verification (
      id uuid primary key default gen_random_uuid(),
      -- số giấy chứng nhận kiểm định (certificate number) and số tem kiểm định (stamp number)
      certificate_no text not null unique check (length(certificate_no) between 3 and 40),
      stamp_no text not null unique check (stamp_no ~ '^[A-Z0-9][A-Z0-9./-]{2,39}$'),
      instrument_type text not null references stameq_instrument_type (code),
      model text not null default '' check (length(model) <= 100),
      manufacturer text not null default '' check (length(manufacturer) <= 200),
      serial_no text not null check (length(serial_no) between 1 and 60),
      -- owner: an organization (name, tax code) or a household/person (registry_person)
      owner_kind text not null check (owner_kind in ('organization', 'person')),
      owner_person_id uuid references registry_person (id),
      owner_org_name text check (length(owner_org_name) between 1 and 300),
      owner_tax_code text check (owner_tax_code ~ '^[0-9]{10}([0-9]{3})?$'),
      -- nơi sử dụng (where the instrument is used)
      location text not null default '' check (length(location) <= 500),
      body_id uuid not null references stameq_body (id),
      verified_on date not null,
      -- hiệu lực đến (null when the instrument failed)
      valid_until date,
      result text not null check (result in ('pass', 'fail')),
      unit_id text not null references unit (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by text not null,
      check ((owner_kind = 'person') = (owner_person_id is not null)),
      check ((owner_kind = 'organization') = (owner_org_name is not null)),
      check ((result = 'pass') = (valid_until is not null)),
      check (valid_until is null or valid_until > verified_on)
    )`.execute(db);
  await sql`create index stameq_verification_serial_idx on stameq_verification (instrument_type, serial_no)`.execute(db);
  await sql`create index stameq_verification_owner_idx on stameq_verification (owner_person_id) where owner_person_id is not null`.execute(db);
  await sql`create index stameq_verification_body_idx on stameq_verification (body_id, verified_on)`.execute(db);

  await sql`
    create table stameq_certificate (
      id uuid primary key default gen_random_uuid(),
      certificate_no text not null unique check (length(certificate_no) between 3 and 40),
      body_id uuid not null references stameq_body (id),
      holder_name text not null check (length(holder_name) between 1 and 300),
      holder_tax_code text check (holder_tax_code ~ '^[0-9]{10}([0-9]{3})?$'),
      product text not null check (length(product) between 1 and 300),
      -- TCVN or QCVN the product conforms to
      standard_code text not null check (length(standard_code) between 3 and 80),
      -- phương thức đánh giá sự phù hợp (Circular 28/2012/TT-BKHCN Annex II: 1–8)
      scheme smallint not null check (scheme between 1 and 8),
      issued_on date not null,
      valid_until date not null check (valid_until > issued_on),
      status text not null default 'valid' check (status in ('valid', 'suspended', 'revoked')),
      unit_id text not null references unit (id),
      created_at timestamptz not null default now(),
      updated_by text not null
    )`.execute(db);
  await sql`create index stameq_certificate_body_idx on stameq_certificate (body_id)`.execute(db);

  await sql`
    create table stameq_announcement (
      id uuid primary key default gen_random_uuid(),
      -- số tiếp nhận bản công bố (number given by the receiving agency)
      announcement_no text not null unique check (length(announcement_no) between 3 and 40),
      -- standard: công bố hợp chuẩn (TCVN); regulation: công bố hợp quy (QCVN)
      kind text not null check (kind in ('standard', 'regulation')),
      product text not null check (length(product) between 1 and 300),
      standard_code text not null check (length(standard_code) between 3 and 80),
      org_name text not null check (length(org_name) between 1 and 300),
      org_tax_code text check (org_tax_code ~ '^[0-9]{10}([0-9]{3})?$'),
      org_address text not null default '' check (length(org_address) <= 500),
      -- người đại diện theo pháp luật (the organization's representative)
      representative_person_id uuid not null references registry_person (id),
      -- cơ quan tiếp nhận (e.g. the provincial Department of Science and Technology)
      receiving_agency text not null check (length(receiving_agency) between 1 and 300),
      announced_on date not null,
      -- based on a certificate of a body (third party) or on the organization's own assessment
      certificate_id uuid references stameq_certificate (id),
      status text not null default 'valid' check (status in ('valid', 'withdrawn')),
      unit_id text not null references unit (id),
      created_at timestamptz not null default now(),
      updated_by text not null
    )`.execute(db);
  await sql`create index stameq_announcement_product_idx on stameq_announcement (lower(product))`.execute(db);
  await sql`create index stameq_announcement_rep_idx on stameq_announcement (representative_person_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table stameq_announcement`.execute(db);
  await sql`drop table stameq_certificate`.execute(db);
  await sql`drop table stameq_verification`.execute(db);
  await sql`drop table stameq_body`.execute(db);
  await sql`drop table stameq_instrument_type`.execute(db);
}
