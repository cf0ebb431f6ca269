import { sql, type Kysely } from 'kysely';

// Result templates may be HTML (what the editor writes, and the new default) as well as pdfmake
// JSON (what every template stored until now is). `template` holds the HTML as a JSON string.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table result_template add column format text not null default 'pdfmake' check (format in ('pdfmake', 'html'))`.execute(db);
  await sql`alter table result_template add constraint result_template_html_is_text check (format <> 'html' or jsonb_typeof(template) = 'string')`.execute(db);
}
