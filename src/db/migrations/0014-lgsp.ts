import { sql, type Kysely } from 'kysely';

// The data-exchange gateway (LGSP). `lgsp_message` is the message log: rows are only ever inserted
// (a trigger refuses updates and deletes), in seq order by one writer per batch that holds the
// one `lgsp_chain` row, each chained to the previous by SHA-256; `lgsp_head` holds the chain head
// signed at intervals with the gateway's key (`lgsp_key`). Consumers are systems with OAuth2
// client credentials; `lgsp_acl` says which services each may call; `lgsp_usage` counts calls per
// consumer and local day for the quotas; `lgsp_assertion_jti` refuses a replayed client assertion.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table lgsp_key (
      kid text primary key,
      alg text not null,
      public_jwk jsonb not null,
      private_jwk jsonb not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table lgsp_consumer (
      id text primary key check (id ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
      name text not null check (length(name) between 1 and 300),
      unit_id text references unit (id),
      auth_method text not null check (auth_method in ('client_secret_basic', 'private_key_jwt')),
      secret_hash text,
      jwks jsonb,
      enabled boolean not null default true,
      per_minute integer check (per_minute > 0),
      per_day integer check (per_day > 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      secret_rotated_at timestamptz,
      check (auth_method <> 'client_secret_basic' or secret_hash is not null),
      check (auth_method <> 'private_key_jwt' or jwks is not null)
    )`.execute(db);
  await sql`
    create table lgsp_service (
      code text primary key check (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
      name_vi text not null,
      name_en text not null,
      owner_unit_id text not null,
      provider_kind text not null check (provider_kind in ('internal', 'motcua', 'national')),
      provider_name text not null,
      version integer not null check (version >= 1),
      enabled boolean not null default true,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table lgsp_acl (
      consumer_id text not null references lgsp_consumer (id),
      service_code text not null,
      granted_at timestamptz not null default now(),
      granted_by text not null,
      primary key (consumer_id, service_code)
    )`.execute(db);
  await sql`
    create table lgsp_assertion_jti (
      consumer_id text not null,
      jti text not null,
      expires_at timestamptz not null,
      primary key (consumer_id, jti)
    )`.execute(db);
  await sql`create index lgsp_assertion_jti_expires_idx on lgsp_assertion_jti (expires_at)`.execute(db);
  await sql`
    create table lgsp_chain (
      id smallint primary key check (id = 1),
      last_seq bigint not null,
      last_hash text not null
    )`.execute(db);
  await sql`insert into lgsp_chain (id, last_seq, last_hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
  await sql`
    create table lgsp_message (
      seq bigint primary key,
      at timestamptz not null,
      consumer_id text,
      service_code text,
      service_version integer,
      purpose text,
      request_id text not null,
      request_digest text not null,
      response_digest text not null,
      status smallint not null,
      outcome text not null,
      request_bytes integer not null,
      response_bytes integer not null,
      latency_us integer not null,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
  await sql`create index lgsp_message_at_idx on lgsp_message (at)`.execute(db);
  await sql`create index lgsp_message_consumer_idx on lgsp_message (consumer_id, seq)`.execute(db);
  await sql`create index lgsp_message_service_idx on lgsp_message (service_code, seq)`.execute(db);
  await sql`
    create function lgsp_message_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'lgsp_message is append-only';
    end $$`.execute(db);
  await sql`
    create trigger lgsp_message_append_only before update or delete on lgsp_message
    for each row execute function lgsp_message_append_only()`.execute(db);
  await sql`
    create table lgsp_head (
      seq bigint primary key,
      hash text not null,
      at timestamptz not null,
      jws text not null
    )`.execute(db);
  await sql`
    create table lgsp_usage (
      consumer_id text not null,
      day date not null,
      calls bigint not null,
      primary key (consumer_id, day)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['lgsp_usage', 'lgsp_head', 'lgsp_message', 'lgsp_chain', 'lgsp_assertion_jti', 'lgsp_acl', 'lgsp_service', 'lgsp_consumer', 'lgsp_key']) {
    await sql`drop table ${sql.table(t)}`.execute(db);
  }
  await sql`drop function lgsp_message_append_only()`.execute(db);
}
