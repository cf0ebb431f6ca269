import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table unit (
      id text primary key check (id ~ '^[a-z0-9-]{2,64}$'),
      parent_id text references unit (id),
      agency_code text not null unique check (length(agency_code) <= 35),
      name_vi text not null,
      name_en text not null,
      kind text not null check (kind in ('ministry', 'department', 'division', 'centre', 'office')),
      sort_order integer not null default 0,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index unit_parent_idx on unit (parent_id)`.execute(db);

  await sql`
    create table account (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('citizen', 'organization', 'officer')),
      personal_id text unique check (personal_id ~ '^[0-9]{12}$'),
      tax_code text unique,
      username text unique,
      full_name text not null,
      email text,
      phone text,
      oidc_issuer text,
      oidc_subject text,
      password_hash text,
      totp_secret text,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      disabled_at timestamptz,
      last_login_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (oidc_issuer, oidc_subject),
      check (kind <> 'citizen' or personal_id is not null),
      check (kind <> 'organization' or tax_code is not null),
      check (kind <> 'officer' or username is not null)
    )`.execute(db);

  await sql`
    create table role_grant (
      account_id uuid not null references account (id) on delete cascade,
      unit_id text not null references unit (id),
      role text not null check (role in ('receiver', 'specialist', 'unit_leader', 'ministry_leader', 'admin', 'auditor')),
      granted_at timestamptz not null default now(),
      granted_by text not null,
      primary key (account_id, unit_id, role)
    )`.execute(db);

  await sql`
    create table session (
      id_hash text primary key,
      account_id uuid not null references account (id) on delete cascade,
      method text not null,
      acr text,
      csrf_token text not null,
      id_token text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index session_account_idx on session (account_id)`.execute(db);
  await sql`create index session_expires_idx on session (expires_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table session`.execute(db);
  await sql`drop table role_grant`.execute(db);
  await sql`drop table account`.execute(db);
  await sql`drop table unit`.execute(db);
}
