// Queries of the ip module's tables (no other module touches them).
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { ApplicationStatus, IpKind } from '../../core/ip/index.ts';
import type { DB } from '../../db/types.ts';
import type { IpApplicationTable, IpTitleTable } from './tables.ts';

export type Executor = Kysely<DB> | Transaction<DB>;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;

/** Applications with their title (if granted) and the applicant's display name. */
export function applications(db: Executor) {
  return db
    .selectFrom('ip_application as a')
    .leftJoin('ip_title as t', 't.application_id', 'a.id')
    .leftJoin('registry_person as ap', 'ap.id', 'a.applicant_person_id')
    .selectAll('a')
    .select([
      't.id as title_id',
      't.title_no',
      't.granted_on',
      't.expires_on',
      't.renewals',
      't.status as title_status',
      't.holder_kind',
      't.holder_person_id',
      't.holder_org_name',
      't.result_code',
      sql<string>`coalesce(a.applicant_org_name, ap.full_name)`.as('applicant_name'),
    ]);
}
export type ApplicationJoined = Awaited<ReturnType<ReturnType<typeof applications>['execute']>>[number];

export async function listApplications(
  db: Executor,
  q: { q?: string | undefined; kind?: IpKind | undefined; status?: string | undefined; class?: string | undefined; publicOnly: boolean; unitIds?: string[]; limit: number; offset: number },
) {
  if (q.unitIds && q.unitIds.length === 0) return { total: 0, rows: [] };
  let query = applications(db);
  // An application is public once published in the Industrial Property Gazette (Law on IP Art. 110), or granted.
  if (q.publicOnly) query = query.where((eb) => eb.or([eb('a.published_on', 'is not', null), eb('a.status', '=', 'granted')]));
  if (q.unitIds) query = query.where('a.unit_id', 'in', q.unitIds);
  if (q.q) {
    const text = like(q.q);
    query = query.where((eb) =>
      eb.or([
        eb(sql<string>`lower(a.subject)`, 'like', text),
        eb(sql<string>`lower(a.application_no)`, 'like', text),
        eb(sql<string>`lower(coalesce(t.title_no, ''))`, 'like', text),
        eb(sql<string>`lower(coalesce(a.applicant_org_name, ap.full_name))`, 'like', text),
      ]),
    );
  }
  if (q.kind) query = query.where('a.kind', '=', q.kind);
  if (q.status) query = query.where('a.status', '=', q.status as never);
  if (q.class) query = query.where(sql<boolean>`a.classes @> ${JSON.stringify([q.class])}::jsonb`);
  const { n } = await query.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.orderBy('a.filing_date', 'desc').orderBy('a.application_no', 'desc').limit(q.limit).offset(q.offset).execute();
  return { total: Number(n), rows };
}

export function findApplication(db: Executor, by: { id?: string; applicationNo?: string; titleNo?: string }) {
  let query = applications(db);
  if (by.id) query = query.where('a.id', '=', by.id);
  if (by.applicationNo) query = query.where('a.application_no', '=', by.applicationNo);
  if (by.titleNo) query = query.where('t.title_no', '=', by.titleNo);
  return query.executeTakeFirst();
}

/** The inventors or authors of applications, in order. */
export async function inventorsOf(db: Executor, applicationIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (applicationIds.length === 0) return out;
  const rows = await db.selectFrom('ip_application_inventor').select(['application_id', 'person_id']).where('application_id', 'in', applicationIds).orderBy('application_id').orderBy('position').execute();
  for (const r of rows) out.set(r.application_id, [...(out.get(r.application_id) ?? []), r.person_id]);
  return out;
}

export type ApplicationValues = Insertable<IpApplicationTable>;

export async function insertApplication(db: Executor, values: ApplicationValues, inventorIds: readonly string[]): Promise<string> {
  const { id } = await db.insertInto('ip_application').values(values).returning('id').executeTakeFirstOrThrow();
  if (inventorIds.length > 0) await db.insertInto('ip_application_inventor').values(inventorIds.map((person_id, i) => ({ application_id: id, position: i + 1, person_id }))).execute();
  return id;
}

export async function setStatus(db: Executor, id: string, values: { status: ApplicationStatus; status_date: string; published_on?: string | null; updated_by: string }) {
  await db.updateTable('ip_application').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function insertTitle(db: Executor, values: Insertable<IpTitleTable>): Promise<string> {
  const { id } = await db.insertInto('ip_title').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function findTitleByNumberOrResult(db: Executor, titleNo: string, resultCode?: string) {
  return db
    .selectFrom('ip_title')
    .select(['id', 'title_no', 'result_code', 'application_id'])
    .where((eb) => eb.or([eb('title_no', '=', titleNo), ...(resultCode ? [eb('result_code', '=', resultCode)] : [])]))
    .executeTakeFirst();
}

export async function applicationNoTaken(db: Executor, applicationNo: string): Promise<boolean> {
  return !!(await db.selectFrom('ip_application').select('id').where('application_no', '=', applicationNo).executeTakeFirst());
}

/**
 * The next sequence of a kind's applications in a year (after the highest taken). Called inside
 * the writing transaction after an advisory lock on the kind and year, so two instances never
 * hand out the same number.
 */
export async function nextSequence(db: Executor, prefix: string): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtext(${`ip_application_no:${prefix}`}))`.execute(db);
  const row = await db
    .selectFrom('ip_application')
    .select(sql<number | null>`max(substring(application_no from 8)::int)`.as('n'))
    .where('application_no', 'like', `${prefix}-%`)
    .executeTakeFirstOrThrow();
  return (row.n ?? 0) + 1;
}
