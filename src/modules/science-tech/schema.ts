// Schemas of the science-tech module's routes (validation, types and the OpenAPI document).
import { z } from 'zod';
import { PersonInputSchema, PersonViewSchema } from '../registries/schema.ts';
import { ACADEMIC_TITLES, ACCEPTANCE_RESULTS, DEGREES, ORG_KINDS, ORG_OWNERSHIPS, ORG_STATUSES, ST_FIELDS, TASK_CODE_PATTERN, TASK_LEVELS, TASK_STATUSES, normalizeCode } from '../../core/science-tech/index.ts';

const localDate = z.iso.date();
const unitId = z.string().regex(/^[a-z0-9-]{2,64}$/);
const limit = z.coerce.number().int().min(1).max(100).default(20);
const offset = z.coerce.number().int().min(0).max(100_000).default(0);
const taskCode = z
  .string()
  .max(60)
  .transform(normalizeCode)
  .pipe(z.string().regex(TASK_CODE_PATTERN, 'letters, digits, . / -'));

export { PersonInputSchema, PersonViewSchema, type PersonView } from '../registries/schema.ts';

// ---- organizations (public) ----

export const OrganizationQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('Registration number, name or abbreviation'),
  field: z.enum(ST_FIELDS).optional(),
  kind: z.enum(ORG_KINDS).optional(),
  province: z.string().trim().max(100).optional(),
  status: z.enum(ORG_STATUSES).optional(),
  limit,
  offset,
});
export type OrganizationQuery = z.infer<typeof OrganizationQuery>;

export const PublicOrganizationSchema = z
  .object({
    id: z.string(),
    registrationNo: z.string().describe('Số giấy chứng nhận đăng ký hoạt động KH&CN'),
    registeredOn: z.string(),
    issuingAgency: z.string(),
    name: z.string(),
    nameEn: z.string(),
    abbreviation: z.string(),
    kind: z.enum(ORG_KINDS),
    ownership: z.enum(ORG_OWNERSHIPS),
    fields: z.array(z.enum(ST_FIELDS)),
    taxCode: z.string().nullable(),
    address: z.string(),
    province: z.string(),
    status: z.enum(ORG_STATUSES),
    inEffect: z.boolean(),
    headName: z.string().nullable().describe('The head of the organization (name only)'),
  })
  .meta({ id: 'StPublicOrganization' });
export type PublicOrganization = z.infer<typeof PublicOrganizationSchema>;
export const PublicOrganizationList = z.object({ total: z.number(), items: z.array(PublicOrganizationSchema) }).meta({ id: 'StPublicOrganizations' });

export const ProgrammeSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.enum(TASK_LEVELS), managingAgency: z.string(), startYear: z.number(), endYear: z.number() });
export const ProgrammeList = z.object({ items: z.array(ProgrammeSchema) }).meta({ id: 'StProgrammes' });

// ---- tasks ----

export const TaskQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('Task code, title, host organization or principal investigator name'),
  level: z.enum(TASK_LEVELS).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  field: z.enum(ST_FIELDS).optional(),
  hostOrgId: z.uuid().optional(),
  limit,
  offset,
});
export type TaskQuery = z.infer<typeof TaskQuery>;

const taskCore = {
  id: z.string(),
  code: z.string(),
  title: z.string(),
  level: z.enum(TASK_LEVELS),
  programme: z.object({ code: z.string(), name: z.string() }).nullable(),
  field: z.enum(ST_FIELDS),
  hostOrg: z.object({ id: z.string(), registrationNo: z.string(), name: z.string() }),
  budgetVnd: z.number().describe('State budget, integer VND'),
  startOn: z.string(),
  endOn: z.string(),
  status: z.enum(TASK_STATUSES),
  progress: z.enum([...TASK_STATUSES, 'overdue']).describe('The status on today’s date (Asia/Ho_Chi_Minh): overdue when in progress past its end'),
  acceptedOn: z.string().nullable(),
  acceptanceResult: z.enum(ACCEPTANCE_RESULTS).nullable(),
};
/** What anyone may read about a task: the investigator's name, never their ID number or birth date. */
export const PublicTaskSchema = z.object({ ...taskCore, piName: z.string(), memberCount: z.number() }).meta({ id: 'StPublicTask' });
export type PublicTask = z.infer<typeof PublicTaskSchema>;
export const PublicTaskList = z.object({ total: z.number(), items: z.array(PublicTaskSchema) }).meta({ id: 'StPublicTasks' });

export const TaskViewSchema = z
  .object({
    ...taskCore,
    pi: PersonViewSchema,
    members: z.array(z.object({ role: z.enum(['member', 'secretary']), person: PersonViewSchema })),
    unitId: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: 'StTask' });
export type TaskView = z.infer<typeof TaskViewSchema>;
export const TaskList = z.object({ total: z.number(), items: z.array(TaskViewSchema) }).meta({ id: 'StTasks' });

export const TaskInput = z.strictObject({
  code: taskCode.describe('Mã số nhiệm vụ'),
  title: z.string().trim().min(1).max(1000),
  level: z.enum(TASK_LEVELS),
  programmeId: z.uuid().nullable().optional(),
  field: z.enum(ST_FIELDS),
  hostOrgId: z.uuid(),
  pi: PersonInputSchema.describe('Chủ nhiệm nhiệm vụ'),
  members: z.array(z.strictObject({ role: z.enum(['member', 'secretary']).default('member'), person: PersonInputSchema })).max(20).default([]),
  budgetVnd: z.number().int().min(0).max(10_000_000_000_000).describe('Integer VND'),
  startOn: localDate,
  endOn: localDate,
  status: z.enum(TASK_STATUSES).default('proposed'),
  acceptedOn: localDate.nullable().optional(),
  acceptanceResult: z.enum(ACCEPTANCE_RESULTS).nullable().optional(),
  unitId: unitId.optional(),
});
export type TaskInput = z.infer<typeof TaskInput>;

// ---- researchers (officers) ----

export const ResearcherQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('Name, personal ID number or specialization'),
  field: z.enum(ST_FIELDS).optional(),
  degree: z.enum(DEGREES).optional(),
  organizationId: z.uuid().optional(),
  linkStatus: z.enum(['unverified', 'verified', 'mismatch', 'not_found', 'legacy_id', 'unavailable']).optional(),
  limit,
  offset,
});
export type ResearcherQuery = z.infer<typeof ResearcherQuery>;

export const ResearcherViewSchema = z
  .object({
    id: z.string(),
    person: PersonViewSchema,
    degree: z.enum(DEGREES),
    title: z.enum(ACADEMIC_TITLES).nullable(),
    field: z.enum(ST_FIELDS),
    specialization: z.string(),
    organization: z.object({ id: z.string(), registrationNo: z.string(), name: z.string() }).nullable(),
    position: z.string(),
    tasks: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), role: z.enum(['pi', 'member', 'secretary']), status: z.enum(TASK_STATUSES) })),
    unitId: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: 'StResearcher' });
export type ResearcherView = z.infer<typeof ResearcherViewSchema>;
export const ResearcherList = z.object({ total: z.number(), items: z.array(ResearcherViewSchema) }).meta({ id: 'StResearchers' });

export const ResearcherInput = z.strictObject({
  person: PersonInputSchema,
  degree: z.enum(DEGREES),
  title: z.enum(ACADEMIC_TITLES).nullable().optional(),
  field: z.enum(ST_FIELDS),
  specialization: z.string().trim().max(300).default(''),
  organizationId: z.uuid().nullable().optional(),
  position: z.string().trim().max(200).default(''),
  unitId: unitId.optional(),
});
export type ResearcherInput = z.infer<typeof ResearcherInput>;

export const IdParams = z.object({ id: z.uuid() });
