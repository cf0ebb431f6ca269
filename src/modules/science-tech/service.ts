// The use cases of the national science and technology database: public reads (organizations and
// their registration, tasks with the investigator's name — never an ID number or birth date),
// officers' reads with the persons and their link to the population database (registry.read), and
// the recording and correction of tasks and researchers (registry.edit), audited in the same
// transaction. Persons are checked with the population database before the transaction (an HTTP
// call each) and linked inside it.
import type { Kysely } from 'kysely';
import { unitsWhere, type Principal } from '../../core/access/index.ts';
import { canMoveTask, organizationInEffect, taskProblem, taskProgress, titleFitsDegree, type TaskProblem } from '../../core/science-tech/index.ts';
import { toLocalDate } from '../../core/calendar/local-time.ts';
import type { DB } from '../../db/types.ts';
import { assertCan, unauthenticated } from '../../http/access.ts';
import { ProblemError } from '../../http/problem.ts';
import type { Localized } from '../../http/language.ts';
import { actorOf, recordAudit } from '../audit/service.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import { personView, type PersonCheck, type PersonInput, type RegistryPeople } from '../registries/module.ts';
import type { OrganizationQuery, PublicOrganization, PublicTask, ResearcherInput, ResearcherQuery, ResearcherView, TaskInput, TaskQuery, TaskView } from './schema.ts';
import {
  findOrganization,
  findOrganizationsBy,
  findProgramme,
  findResearcherByPersonalId,
  findResearcherOfPerson,
  findTaskByCode,
  insertResearcher,
  insertTask,
  listOrganizations,
  listResearchers,
  listTasks,
  membersOf,
  programmes,
  replaceMembers,
  researchers,
  tasks,
  tasksOfPeople,
  updateTask,
  type Executor,
  type OrganizationRow,
  type ResearcherJoined,
  type ResearcherValues,
  type TaskJoined,
  type TaskValues,
} from './store.ts';

/** The unit that owns the database (Cục Thông tin khoa học và công nghệ quốc gia). */
export const ST_UNIT_ID = 'cuc-thong-tin';

export interface ScienceTechServiceDeps {
  db: Kysely<DB>;
  units: UnitDirectory;
  people: RegistryPeople;
  now?: () => Date;
}

const notFound = (what: Localized) => new ProblemError('not_found', { detail: what });
const invalid = (pointer: string, code: string, message: Localized) => new ProblemError('validation', { detail: message, errors: [{ pointer, code, message }] });

const TASK_MESSAGES: Record<TaskProblem, [string, Localized]> = {
  end_not_after_start: ['/body/endOn', { vi: 'Thời gian kết thúc phải sau thời gian bắt đầu.', en: 'The end must be after the start.' }],
  negative_budget: ['/body/budgetVnd', { vi: 'Kinh phí là số nguyên đồng, không âm.', en: 'The budget is a non-negative whole number of VND.' }],
  acceptance_without_date: ['/body/acceptedOn', { vi: 'Nhiệm vụ đã nghiệm thu cần ngày nghiệm thu và kết quả đánh giá.', en: 'An accepted task needs its acceptance date and result.' }],
  date_without_acceptance: ['/body/acceptedOn', { vi: 'Chỉ nhiệm vụ đã nghiệm thu mới có ngày nghiệm thu.', en: 'Only an accepted task has an acceptance date.' }],
  accepted_before_start: ['/body/acceptedOn', { vi: 'Ngày nghiệm thu không được trước ngày bắt đầu.', en: 'The acceptance cannot be before the start.' }],
  accepted_in_future: ['/body/acceptedOn', { vi: 'Ngày nghiệm thu không được sau hôm nay.', en: 'The acceptance date cannot be after today.' }],
  pi_is_member: ['/body/members', { vi: 'Chủ nhiệm nhiệm vụ không được đồng thời là thành viên.', en: 'The principal investigator cannot also be a member.' }],
  duplicate_member: ['/body/members', { vi: 'Một người được ghi hai lần trong danh sách thành viên.', en: 'A person is listed twice among the members.' }],
};

export function createScienceTechService(deps: ScienceTechServiceDeps) {
  const { db, units, people } = deps;
  const today = () => toLocalDate(deps.now?.() ?? new Date());
  const label = (p: Principal) => (p.kind === 'officer' ? p.username : p.fullName);

  async function organizationViews(rows: OrganizationRow[]): Promise<PublicOrganization[]> {
    const heads = await people.getMany(db, rows.flatMap((r) => (r.head_person_id ? [r.head_person_id] : [])));
    return rows.map((r) => ({
      id: r.id,
      registrationNo: r.registration_no,
      registeredOn: r.registered_on,
      issuingAgency: r.issuing_agency,
      name: r.name,
      nameEn: r.name_en,
      abbreviation: r.abbreviation,
      kind: r.kind,
      ownership: r.ownership,
      fields: r.fields,
      taxCode: r.tax_code,
      address: r.address,
      province: r.province,
      status: r.status,
      inEffect: organizationInEffect(r.status),
      headName: r.head_person_id ? (heads.get(r.head_person_id)?.fullName ?? null) : null,
    }));
  }

  function taskCoreOf(r: TaskJoined) {
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      level: r.level,
      programme: r.programme_code && r.programme_name ? { code: r.programme_code, name: r.programme_name } : null,
      field: r.field,
      hostOrg: { id: r.host_org_id, registrationNo: r.host_registration_no, name: r.host_name },
      budgetVnd: Number(r.budget_vnd),
      startOn: r.start_on,
      endOn: r.end_on,
      status: r.status,
      progress: taskProgress(r.status, r.end_on, today()),
      acceptedOn: r.accepted_on,
      acceptanceResult: r.acceptance_result,
    };
  }

  async function publicTaskViews(rows: TaskJoined[]): Promise<PublicTask[]> {
    const members = await membersOf(db, rows.map((r) => r.id));
    const pis = await people.getMany(db, rows.map((r) => r.pi_person_id));
    return rows.map((r) => ({ ...taskCoreOf(r), piName: pis.get(r.pi_person_id)?.fullName ?? '', memberCount: members.filter((m) => m.task_id === r.id).length }));
  }

  async function taskViews(ex: Executor, rows: TaskJoined[]): Promise<TaskView[]> {
    const members = await membersOf(ex, rows.map((r) => r.id));
    const persons = await people.getMany(ex, [...rows.map((r) => r.pi_person_id), ...members.map((m) => m.person_id)]);
    return rows.map((r) => ({
      ...taskCoreOf(r),
      pi: personView(persons.get(r.pi_person_id)!),
      members: members.filter((m) => m.task_id === r.id && persons.has(m.person_id)).map((m) => ({ role: m.role, person: personView(persons.get(m.person_id)!) })),
      unitId: r.unit_id,
      updatedAt: new Date(r.updated_at).toISOString(),
      updatedBy: r.updated_by,
    }));
  }

  async function researcherViews(ex: Executor, rows: ResearcherJoined[]): Promise<ResearcherView[]> {
    const ids = rows.map((r) => r.person_id);
    const [persons, work] = await Promise.all([people.getMany(ex, ids), tasksOfPeople(ex, ids)]);
    return rows.map((r) => {
      const seen = new Set<string>();
      const own = work.filter((w) => (w.pi_person_id === r.person_id || w.member_id === r.person_id) && !seen.has(w.id) && seen.add(w.id));
      return {
        id: r.id,
        person: personView(persons.get(r.person_id)!),
        degree: r.degree,
        title: r.title,
        field: r.field,
        specialization: r.specialization,
        organization: r.organization_id && r.org_name && r.org_registration_no ? { id: r.organization_id, registrationNo: r.org_registration_no, name: r.org_name } : null,
        position: r.position,
        tasks: own.map((w) => ({ id: w.id, code: w.code, title: w.title, status: w.status, role: w.pi_person_id === r.person_id ? ('pi' as const) : (w.member_role ?? 'member') })),
        unitId: r.unit_id,
        updatedAt: new Date(r.updated_at).toISOString(),
        updatedBy: r.updated_by,
      };
    });
  }

  async function readableUnits(p: Principal | undefined): Promise<string[]> {
    if (!p) throw unauthenticated();
    return unitsWhere(p, 'registry.read', await units.tree());
  }

  /** Checks persons with the population database (outside any transaction), one call each. */
  async function checkAll(p: Principal, inputs: PersonInput[], unitId: string): Promise<Array<PersonCheck | undefined>> {
    if (p.kind !== 'officer') return inputs.map(() => undefined);
    const actor = { kind: 'officer' as const, accountId: p.accountId, name: p.fullName, officerCode: p.username, unitId };
    const checks: Array<PersonCheck | undefined> = [];
    for (const input of inputs) checks.push(await people.check(actor, input));
    return checks;
  }

  /** The unit a record is written in, after the caller's right to edit there (and the record's current unit) is checked. */
  async function editUnit(p: Principal, wanted: string | undefined, current: string | undefined): Promise<string> {
    const tree = await units.tree();
    if (current) assertCan(p, 'registry.edit', current, tree);
    const unitId = wanted ?? current ?? ST_UNIT_ID;
    assertCan(p, 'registry.edit', unitId, tree);
    if (!tree.isActive(unitId)) throw invalid('/body/unitId', 'unknown', { vi: 'Không có đơn vị này.', en: 'No such unit.' });
    return unitId;
  }

  function getTaskRow(id: string) {
    return db.selectFrom('st_task').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async function saveTask(p: Principal | undefined, input: TaskInput, existingId: string | undefined, requestId?: string): Promise<TaskView> {
    if (!p) throw unauthenticated();
    const before = existingId ? await getTaskRow(existingId) : undefined;
    if (existingId && !before) throw notFound({ vi: 'Không tìm thấy nhiệm vụ.', en: 'No such task.' });
    const unitId = await editUnit(p, input.unitId, before?.unit_id);
    if (!(await findOrganization(db, input.hostOrgId))) throw invalid('/body/hostOrgId', 'unknown', { vi: 'Không có tổ chức chủ trì này.', en: 'No such host organization.' });
    if (input.programmeId && !(await findProgramme(db, input.programmeId))) throw invalid('/body/programmeId', 'unknown', { vi: 'Không có chương trình này.', en: 'No such programme.' });
    const status = input.status;
    if (before && !canMoveTask(before.status, status)) {
      throw invalid('/body/status', 'transition', { vi: `Không thể chuyển nhiệm vụ từ trạng thái “${before.status}” sang “${status}”.`, en: `A task cannot go from ${before.status} to ${status}.` });
    }
    if (!before && status === 'cancelled') {
      throw invalid('/body/status', 'transition', { vi: 'Không ghi nhận mới một nhiệm vụ đã hủy.', en: 'A new task cannot be recorded as cancelled.' });
    }
    const acceptedOn = input.acceptedOn ?? null;
    const acceptanceResult = input.acceptanceResult ?? null;
    const problem = taskProblem({
      status,
      startOn: input.startOn,
      endOn: input.endOn,
      acceptedOn,
      acceptanceResult,
      budgetVnd: input.budgetVnd,
      piPersonalId: input.pi.personalId,
      memberPersonalIds: input.members.map((m) => m.person.personalId),
      today: today(),
    });
    if (problem) throw invalid(TASK_MESSAGES[problem][0], problem, TASK_MESSAGES[problem][1]);
    if (await findTaskByCode(db, input.code, existingId)) {
      throw new ProblemError('conflict', {
        detail: { vi: `Mã số nhiệm vụ ${input.code} đã được ghi nhận.`, en: `Task code ${input.code} is already recorded.` },
        errors: [{ pointer: '/body/code', code: 'duplicate', message: { vi: 'Đã có.', en: 'Already recorded.' } }],
      });
    }
    const [piCheck, ...memberChecks] = await checkAll(p, [input.pi, ...input.members.map((m) => m.person)], unitId);
    const by = label(p);
    const id = await db.transaction().execute(async (trx) => {
      const pi = await people.link(trx, 'st', input.pi, piCheck, by);
      const members: Array<{ personId: string; role: 'member' | 'secretary' }> = [];
      for (const [i, m] of input.members.entries()) members.push({ personId: (await people.link(trx, 'st', m.person, memberChecks[i], by)).id, role: m.role });
      const values: TaskValues = {
        code: input.code,
        title: input.title,
        level: input.level,
        programme_id: input.programmeId ?? null,
        field: input.field,
        host_org_id: input.hostOrgId,
        pi_person_id: pi.id,
        budget_vnd: input.budgetVnd,
        start_on: input.startOn,
        end_on: input.endOn,
        status,
        accepted_on: acceptedOn,
        acceptance_result: acceptanceResult,
        unit_id: unitId,
        updated_by: by,
      };
      const id = existingId ?? (await insertTask(trx, values, by));
      if (existingId) await updateTask(trx, existingId, values);
      const beforeMembers = existingId ? (await membersOf(trx, [existingId])).map((m) => ({ person_id: m.person_id, role: m.role })) : undefined;
      await replaceMembers(trx, id, members);
      await recordAudit(trx, {
        actor: actorOf(p),
        action: existingId ? 'st.task.update' : 'st.task.create',
        entity: 'st_task',
        entityId: id,
        ...(before ? { before: { ...before, created_at: undefined, updated_at: undefined, members: beforeMembers } } : {}),
        after: { ...values, members: members.map((m) => ({ person_id: m.personId, role: m.role })) },
        ...(requestId ? { requestId } : {}),
      });
      return id;
    });
    return getTask(p, id);
  }

  async function getTask(p: Principal | undefined, id: string): Promise<TaskView> {
    if (!p) throw unauthenticated();
    const row = await tasks(db).where('t.id', '=', id).executeTakeFirst();
    if (!row) throw notFound({ vi: 'Không tìm thấy nhiệm vụ.', en: 'No such task.' });
    assertCan(p, 'registry.read', row.unit_id, await units.tree());
    return (await taskViews(db, [row]))[0]!;
  }

  async function getResearcher(p: Principal | undefined, id: string): Promise<ResearcherView> {
    if (!p) throw unauthenticated();
    const row = await researchers(db).where('r.id', '=', id).executeTakeFirst();
    if (!row) throw notFound({ vi: 'Không tìm thấy nhà khoa học.', en: 'No such researcher.' });
    assertCan(p, 'registry.read', row.unit_id, await units.tree());
    return (await researcherViews(db, [row]))[0]!;
  }

  async function createResearcher(p: Principal | undefined, input: ResearcherInput, requestId?: string): Promise<ResearcherView> {
    if (!p) throw unauthenticated();
    const unitId = await editUnit(p, input.unitId, undefined);
    const title = input.title ?? null;
    if (!titleFitsDegree(title, input.degree)) throw invalid('/body/title', 'title_needs_doctorate', { vi: 'Chức danh giáo sư, phó giáo sư yêu cầu trình độ tiến sĩ.', en: 'The title of professor or associate professor requires a doctorate.' });
    if (input.organizationId && !(await findOrganization(db, input.organizationId))) throw invalid('/body/organizationId', 'unknown', { vi: 'Không có tổ chức này.', en: 'No such organization.' });
    const existing = await findResearcherByPersonalId(db, input.person.personalId);
    if (existing) {
      throw new ProblemError('conflict', {
        detail: { vi: 'Nhà khoa học này đã có trong cơ sở dữ liệu.', en: 'This researcher is already recorded.' },
        errors: [{ pointer: '/body/person/personalId', code: 'duplicate', message: { vi: 'Đã có.', en: 'Already recorded.' } }],
      });
    }
    const [check] = await checkAll(p, [input.person], unitId);
    const by = label(p);
    const id = await db.transaction().execute(async (trx) => {
      const person = await people.link(trx, 'st', input.person, check, by);
      if (await findResearcherOfPerson(trx, person.id)) throw new ProblemError('conflict', { detail: { vi: 'Nhà khoa học này đã có trong cơ sở dữ liệu.', en: 'This researcher is already recorded.' } });
      const values: ResearcherValues = {
        person_id: person.id,
        degree: input.degree,
        title,
        field: input.field,
        specialization: input.specialization,
        organization_id: input.organizationId ?? null,
        position: input.position,
        unit_id: unitId,
        updated_by: by,
      };
      const id = await insertResearcher(trx, values, by);
      await recordAudit(trx, { actor: actorOf(p), action: 'st.researcher.create', entity: 'st_researcher', entityId: id, after: values, ...(requestId ? { requestId } : {}) });
      return id;
    });
    return getResearcher(p, id);
  }

  return {
    async programmes() {
      return (await programmes(db)).map((g) => ({ id: g.id, code: g.code, name: g.name, level: g.level, managingAgency: g.managing_agency, startYear: g.start_year, endYear: g.end_year }));
    },
    async publicOrganizations(q: OrganizationQuery) {
      const { total, rows } = await listOrganizations(db, q);
      return { total, items: await organizationViews(rows) };
    },
    async publicOrganization(id: string) {
      const row = await findOrganization(db, id);
      if (!row) throw notFound({ vi: 'Không tìm thấy tổ chức khoa học và công nghệ.', en: 'No such S&T organization.' });
      return (await organizationViews([row]))[0]!;
    },
    /** For the gateway: organizations by registration number or (part of the) name. */
    async organizationsBy(key: { registrationNo?: string; name?: string }) {
      return organizationViews(await findOrganizationsBy(db, key));
    },
    async publicTasks(q: TaskQuery) {
      const { total, rows } = await listTasks(db, q);
      return { total, items: await publicTaskViews(rows) };
    },
    async publicTask(id: string) {
      const row = await tasks(db).where('t.id', '=', id).executeTakeFirst();
      if (!row) throw notFound({ vi: 'Không tìm thấy nhiệm vụ.', en: 'No such task.' });
      return (await publicTaskViews([row]))[0]!;
    },
    /** For the gateway: a task by its code (public view). */
    async taskByCode(code: string) {
      const row = await tasks(db).where('t.code', '=', code).executeTakeFirst();
      return row ? (await publicTaskViews([row]))[0] : undefined;
    },
    /** For the gateway: a researcher by personal ID number (personal data: the consumer's purpose is checked by the gateway). */
    async researcherByPersonalId(personalId: string) {
      const row = await findResearcherByPersonalId(db, personalId);
      return row ? (await researcherViews(db, [row]))[0] : undefined;
    },
    async listTasks(p: Principal | undefined, q: TaskQuery) {
      const { total, rows } = await listTasks(db, { ...q, unitIds: await readableUnits(p) });
      return { total, items: await taskViews(db, rows) };
    },
    getTask,
    createTask: (p: Principal | undefined, input: TaskInput, requestId?: string) => saveTask(p, input, undefined, requestId),
    updateTask: (p: Principal | undefined, id: string, input: TaskInput, requestId?: string) => saveTask(p, input, id, requestId),
    async listResearchers(p: Principal | undefined, q: ResearcherQuery) {
      const { total, rows } = await listResearchers(db, { ...q, unitIds: await readableUnits(p) });
      return { total, items: await researcherViews(db, rows) };
    },
    getResearcher,
    createResearcher,
  };
}

export type ScienceTechService = ReturnType<typeof createScienceTechService>;
