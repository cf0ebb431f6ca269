import { sql, type Kysely } from 'kysely';

// Login: officers' home unit, TOTP enrolment state, invitations, profile data from the national
// SSO, and the short-lived state of an OpenID Connect login between /auth/login and the callback.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table account add column unit_id text references unit (id)`.execute(db);
  await sql`alter table account add column totp_pending_secret text`.execute(db);
  await sql`alter table account add column totp_enabled_at timestamptz`.execute(db);
  // The last accepted TOTP time step: a code is accepted once (no replay within its window).
  await sql`alter table account add column totp_last_step bigint`.execute(db);
  await sql`alter table account add column password_changed_at timestamptz`.execute(db);
  // TechID of the national SSO (sent back as MaDoiTuong when syncing dossiers, SPEC §4.3).
  await sql`alter table account add column tech_id text`.execute(db);
  // The other claims of the last SSO login (birth date, gender, addresses, company name...).
  await sql`alter table account add column profile jsonb`.execute(db);
  await sql`create index account_unit_idx on account (unit_id)`.execute(db);

  await sql`
    create table oidc_login (
      id_hash text primary key,
      purpose text not null check (purpose in ('citizen', 'officer')),
      state text not null,
      nonce text not null,
      code_verifier text not null,
      acr_required text,
      return_to text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index oidc_login_expires_idx on oidc_login (expires_at)`.execute(db);

  await sql`
    create table officer_invitation (
      token_hash text primary key,
      account_id uuid not null references account (id) on delete cascade,
      created_by text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);
  await sql`create index officer_invitation_account_idx on officer_invitation (account_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table officer_invitation`.execute(db);
  await sql`drop table oidc_login`.execute(db);
  await sql`drop index account_unit_idx`.execute(db);
  for (const column of ['profile', 'tech_id', 'password_changed_at', 'totp_last_step', 'totp_enabled_at', 'totp_pending_secret', 'unit_id']) {
    await sql`alter table account drop column ${sql.ref(column)}`.execute(db);
  }
}
