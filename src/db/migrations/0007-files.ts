import { sql, type Kysely } from 'kysely';

// Uploaded files (files module). The bytes live in the file store, addressed by their SHA-256;
// a row is one upload of them (the same content uploaded twice is two rows over one blob).
// `attached_to` is an opaque reference set by the module that takes the file ("dossier:<id>");
// a file nothing attached is an orphan, deleted after FILE_ORPHAN_HOURS.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table file (
      id uuid primary key default gen_random_uuid(),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      size_bytes integer not null check (size_bytes >= 0),
      format text not null check (format in ('pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'png', 'tiff', 'xml', 'zip')),
      media_type text not null,
      original_name text not null check (length(original_name) between 1 and 255),
      uploaded_by uuid not null references account (id),
      created_at timestamptz not null default now(),
      attached_to text check (length(attached_to) between 1 and 200),
      attached_at timestamptz
    )`.execute(db);
  await sql`create index file_sha256_idx on file (sha256)`.execute(db);
  await sql`create index file_attached_to_idx on file (attached_to) where attached_to is not null`.execute(db);
  await sql`create index file_orphan_idx on file (created_at) where attached_to is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table file`.execute(db);
}
