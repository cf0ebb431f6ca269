// Queries of the science-tech module's tables (no other module touches them). Persons are read
// through RegistryPeople; the joins on registry_person below only filter (by name or ID number)
// and order, as the stameq module's do.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { StOrganizationTable, StResearcherTable, StTaskTable } from './tables.ts';

export type Executor = Kysely<DB> | Transaction<DB>;
export type OrganizationRow = Selectable<StOrganizationTable>;
export type TaskRow = Selectable<StTaskTable>;
export type ResearcherRow = Selectable<StResearcherTable>;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;

export async function listOrganizations(db: Executor, q: { q?: string | undefined; field?: string | undefined; kind?: string | undefined; province?: string | undefined; status?: string | undefined; limit: number; offset: number }) {
  let query = db.selectFrom('st_organization');
  if (q.q) {
    const text = like(q.q);
    query = query.where((eb) => eb.or([eb(sql<string>`lower(name)`, 'like', text), eb(sql<string>`lower(registration_no)`, 'like', text), eb(sql<string>`lower(abbreviation)`, 'like', text), eb(sql<string>`lower(name_en)`, 'like', text)]));
  }
  if (q.field) query = query.where(sql<boolean>`fields @> ${JSON.stringify([q.field])}::jsonb`);
  if (q.kind) query = query.where('kind', '=', q.kind as never);
  if (q.province) query = query.where('province', '=', q.province);
  if (q.status) query = query.where('status', '=', q.status as never);
  const { n } = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('registration_no').limit(q.limit).offset(q.offset).execute();
  return { total: Number(n), rows };
}

export function findOrganization(db: Executor, id: string) {
  return db.selectFrom('st_organization').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOrganizationsBy(db: Executor, key: { registrationNo?: string | undefined; name?: string | undefined }) {
  let query = db.selectFrom('st_organization').selectAll();
  if (key.registrationNo) query = query.where('registration_no', '=', key.registrationNo);
  if (key.name) query = query.where(sql<string>`lower(name)`, 'like', like(key.name));
  return query.orderBy('registration_no').limit(20).execute();
}

export function programmes(db: Executor) {
  return db.selectFrom('st_programme').selectAll().orderBy('start_year', 'desc').orderBy('code').execute();
}

export function findProgramme(db: Executor, id: string) {
  return db.selectFrom('st_programme').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Tasks with their programme and host organization. */
export function tasks(db: Executor) {
  return db
    .selectFrom('st_task as t')
    .innerJoin('st_organization as o', 'o.id', 't.host_org_id')
    .leftJoin('st_programme as g', 'g.id', 't.programme_id')
    .selectAll('t')
    .select(['o.name as host_name', 'o.registration_no as host_registration_no', 'g.code as programme_code', 'g.name as programme_name']);
}
export type TaskJoined = Awaited<ReturnType<ReturnType<typeof tasks>['execute']>>[number];

export async function listTasks(
  db: Executor,
  q: { q?: string | undefined; level?: string | undefined; status?: string | undefined; field?: string | undefined; hostOrgId?: string | undefined; unitIds?: string[]; limit: number; offset: number },
) {
  if (q.unitIds && q.unitIds.length === 0) return { total: 0, rows: [] };
  let query = tasks(db).innerJoin('registry_person as p', 'p.id', 't.pi_person_id');
  if (q.unitIds) query = query.where('t.unit_id', 'in', q.unitIds);
  if (q.q) {
    const text = like(q.q);
    query = query.where((eb) =>
      eb.or([eb(sql<string>`lower(t.code)`, 'like', text), eb(sql<string>`lower(t.title)`, 'like', text), eb(sql<string>`lower(o.name)`, 'like', text), eb(sql<string>`lower(p.full_name)`, 'like', text)]),
    );
  }
  if (q.level) query = query.where('t.level', '=', q.level as never);
  if (q.status) query = query.where('t.status', '=', q.status as never);
  if (q.field) query = query.where('t.field', '=', q.field as never);
  if (q.hostOrgId) query = query.where('t.host_org_id', '=', q.hostOrgId);
  const { n } = await query.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.orderBy('t.start_on', 'desc').orderBy('t.code').limit(q.limit).offset(q.offset).execute();
  return { total: Number(n), rows };
}

export function membersOf(db: Executor, taskIds: readonly string[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('st_task_member').selectAll().where('task_id', 'in', taskIds).orderBy('task_id').orderBy('sort_order').execute();
}

export function findTaskByCode(db: Executor, code: string, exceptId?: string) {
  let query = db.selectFrom('st_task').select(['id']).where('code', '=', code);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

export type TaskValues = Omit<TaskRow, 'id' | 'created_at' | 'updated_at' | 'created_by'>;

export async function insertTask(db: Executor, values: TaskValues, by: string): Promise<string> {
  const row = await db.insertInto('st_task').values({ ...values, created_by: by }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTask(db: Executor, id: string, values: TaskValues): Promise<void> {
  await db.updateTable('st_task').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function replaceMembers(db: Executor, taskId: string, members: ReadonlyArray<{ personId: string; role: 'member' | 'secretary' }>): Promise<void> {
  await db.deleteFrom('st_task_member').where('task_id', '=', taskId).execute();
  if (members.length > 0) await db.insertInto('st_task_member').values(members.map((m, i) => ({ task_id: taskId, person_id: m.personId, role: m.role, sort_order: i }))).execute();
}

/** The tasks a person leads or works on. */
export function tasksOfPeople(db: Executor, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('st_task as t')
    .leftJoin('st_task_member as m', (j) => j.onRef('m.task_id', '=', 't.id').on('m.person_id', 'in', personIds))
    .where((eb) => eb.or([eb('t.pi_person_id', 'in', personIds), eb('m.person_id', 'is not', null)]))
    .select(['t.id', 't.code', 't.title', 't.status', 't.pi_person_id', 't.start_on', 'm.person_id as member_id', 'm.role as member_role'])
    .orderBy('t.start_on', 'desc')
    .execute();
}

/** Researchers with their organization. */
export function researchers(db: Executor) {
  return db
    .selectFrom('st_researcher as r')
    .innerJoin('registry_person as p', 'p.id', 'r.person_id')
    .leftJoin('st_organization as o', 'o.id', 'r.organization_id')
    .selectAll('r')
    .select(['o.name as org_name', 'o.registration_no as org_registration_no']);
}
export type ResearcherJoined = Awaited<ReturnType<ReturnType<typeof researchers>['execute']>>[number];

export async function listResearchers(
  db: Executor,
  q: { q?: string | undefined; field?: string | undefined; degree?: string | undefined; organizationId?: string | undefined; linkStatus?: string | undefined; unitIds: string[]; limit: number; offset: number },
) {
  if (q.unitIds.length === 0) return { total: 0, rows: [] };
  let query = researchers(db).where('r.unit_id', 'in', q.unitIds);
  if (q.q) {
    const text = like(q.q);
    query = query.where((eb) => eb.or([eb(sql<string>`lower(p.full_name)`, 'like', text), eb('p.personal_id', '=', q.q!), eb(sql<string>`lower(r.specialization)`, 'like', text)]));
  }
  if (q.field) query = query.where('r.field', '=', q.field as never);
  if (q.degree) query = query.where('r.degree', '=', q.degree as never);
  if (q.organizationId) query = query.where('r.organization_id', '=', q.organizationId);
  if (q.linkStatus) query = query.where('p.link_status', '=', q.linkStatus as never);
  const { n } = await query.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.orderBy('p.full_name').orderBy('r.id').limit(q.limit).offset(q.offset).execute();
  return { total: Number(n), rows };
}

/** The researcher of the registry's person with this ID number (12-digit or legacy), if any. */
export function findResearcherByPersonalId(db: Executor, personalId: string) {
  return researchers(db).where('p.registry', '=', 'st').where('p.personal_id', '=', personalId).executeTakeFirst();
}

export function findResearcherOfPerson(db: Executor, personId: string) {
  return db.selectFrom('st_researcher').select(['id']).where('person_id', '=', personId).executeTakeFirst();
}

export type ResearcherValues = Omit<ResearcherRow, 'id' | 'created_at' | 'updated_at' | 'created_by'>;

export async function insertResearcher(db: Executor, values: ResearcherValues, by: string): Promise<string> {
  const row = await db.insertInto('st_researcher').values({ ...values, created_by: by }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
