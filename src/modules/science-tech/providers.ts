// The gateway services of the national science and technology database (registered at module
// creation): S&T organizations by registration number or name, an S&T task by its code, and a
// researcher by personal ID number — the last one personal data, so only for the purposes that
// allow it. JSON Schema 2020-12, validated by the gateway both ways.
import { DEGREES, ORG_KINDS, ORG_STATUSES, ST_FIELDS, TASK_LEVELS, TASK_STATUSES } from '../../core/science-tech/index.ts';
import { ProblemError } from '../../http/problem.ts';
import type { ProviderRegistration } from '../lgsp/module.ts';
import { ST_UNIT_ID, type ScienceTechService } from './service.ts';

const provider = { kind: 'internal' as const, name: 'CSDL quốc gia về khoa học và công nghệ (motcua st)' };
const nullableString = { type: ['string', 'null'] };

/**
 * The purposes for which a researcher's record (personal data: ID number, tasks, organization) may
 * be shared: processing only for the declared purpose (Decree 13/2023/NĐ-CP Art. 3(4); Law
 * 91/2025/QH15). Research and statistics get the public views (organizations, tasks), not persons.
 * UNCONFIRMED: which national purposes allow personal data is not listed anywhere; this is a
 * conservative choice.
 */
export const PERSONAL_DATA_PURPOSES = ['administrative-procedure', 'inspection', 'reconciliation'] as const;

const organizationItem = {
  type: 'object',
  additionalProperties: false,
  required: ['registrationNo', 'registeredOn', 'name', 'kind', 'fields', 'province', 'status', 'inEffect'],
  properties: {
    registrationNo: { type: 'string' },
    registeredOn: { type: 'string', format: 'date' },
    issuingAgency: { type: 'string' },
    name: { type: 'string' },
    nameEn: { type: 'string' },
    kind: { enum: [...ORG_KINDS] },
    fields: { type: 'array', items: { enum: [...ST_FIELDS] } },
    taxCode: nullableString,
    address: { type: 'string' },
    province: { type: 'string' },
    status: { enum: [...ORG_STATUSES] },
    inEffect: { type: 'boolean' },
  },
};

export function organizationProvider(service: ScienceTechService): ProviderRegistration<{ registrationNo?: string; name?: string }, unknown> {
  return {
    code: 'st-organization',
    version: 1,
    name: { vi: 'Tra cứu tổ chức khoa học và công nghệ', en: 'S&T organizations' },
    description: {
      vi: 'Tổ chức khoa học và công nghệ đã đăng ký hoạt động theo số giấy chứng nhận đăng ký hoặc tên: lĩnh vực, địa chỉ, tình trạng.',
      en: 'Registered S&T organizations by registration certificate number or name: fields, address, status.',
    },
    ownerUnitId: ST_UNIT_ID,
    provider,
    requestSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { registrationNo: { type: 'string', minLength: 3, maxLength: 40 }, name: { type: 'string', minLength: 2, maxLength: 100 } },
      anyOf: [{ required: ['registrationNo'] }, { required: ['name'] }],
    },
    responseSchema: { type: 'object', additionalProperties: false, required: ['items'], properties: { items: { type: 'array', items: organizationItem } } },
    async handler({ body }) {
      const found = await service.organizationsBy(body);
      if (found.length === 0) throw new ProblemError('not_found', { detail: { vi: 'Không có tổ chức khoa học và công nghệ phù hợp.', en: 'No matching S&T organization.' } });
      return {
        items: found.map((o) => ({
          registrationNo: o.registrationNo,
          registeredOn: o.registeredOn,
          issuingAgency: o.issuingAgency,
          name: o.name,
          nameEn: o.nameEn,
          kind: o.kind,
          fields: o.fields,
          taxCode: o.taxCode,
          address: o.address,
          province: o.province,
          status: o.status,
          inEffect: o.inEffect,
        })),
      };
    },
  };
}

export function taskProvider(service: ScienceTechService): ProviderRegistration<{ code: string }, unknown> {
  return {
    code: 'st-task',
    version: 1,
    name: { vi: 'Tra cứu nhiệm vụ khoa học và công nghệ', en: 'S&T tasks' },
    description: {
      vi: 'Nhiệm vụ khoa học và công nghệ theo mã số: cấp quản lý, tổ chức chủ trì, chủ nhiệm, kinh phí, thời gian, tình trạng nghiệm thu.',
      en: 'An S&T task by its code: level, host organization, principal investigator, budget, period, acceptance.',
    },
    ownerUnitId: ST_UNIT_ID,
    provider,
    requestSchema: { type: 'object', additionalProperties: false, required: ['code'], properties: { code: { type: 'string', minLength: 3, maxLength: 40 } } },
    responseSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'title', 'level', 'hostOrganization', 'principalInvestigator', 'budgetVnd', 'startOn', 'endOn', 'status'],
      properties: {
        code: { type: 'string' },
        title: { type: 'string' },
        level: { enum: [...TASK_LEVELS] },
        programmeCode: nullableString,
        field: { enum: [...ST_FIELDS] },
        hostOrganization: { type: 'object', additionalProperties: false, required: ['registrationNo', 'name'], properties: { registrationNo: { type: 'string' }, name: { type: 'string' } } },
        principalInvestigator: { type: 'string', description: 'Name only' },
        budgetVnd: { type: 'integer', minimum: 0 },
        startOn: { type: 'string', format: 'date' },
        endOn: { type: 'string', format: 'date' },
        status: { enum: [...TASK_STATUSES] },
        acceptedOn: nullableString,
        acceptanceResult: { enum: ['excellent', 'pass', 'fail', null] },
      },
    },
    async handler({ body }) {
      const t = await service.taskByCode(body.code.normalize('NFC').trim().toUpperCase());
      if (!t) throw new ProblemError('not_found', { detail: { vi: `Không có nhiệm vụ mã số ${body.code}.`, en: `No task with code ${body.code}.` } });
      return {
        code: t.code,
        title: t.title,
        level: t.level,
        programmeCode: t.programme?.code ?? null,
        field: t.field,
        hostOrganization: { registrationNo: t.hostOrg.registrationNo, name: t.hostOrg.name },
        principalInvestigator: t.piName,
        budgetVnd: t.budgetVnd,
        startOn: t.startOn,
        endOn: t.endOn,
        status: t.status,
        acceptedOn: t.acceptedOn,
        acceptanceResult: t.acceptanceResult,
      };
    },
  };
}

export function researcherProvider(service: ScienceTechService): ProviderRegistration<{ personalId: string }, unknown> {
  return {
    code: 'st-researcher',
    version: 1,
    name: { vi: 'Tra cứu nhà khoa học', en: 'Researchers' },
    description: {
      vi: 'Thông tin nhà khoa học theo số định danh cá nhân: trình độ, chức danh, lĩnh vực, tổ chức, nhiệm vụ đã và đang thực hiện. Dữ liệu cá nhân: chỉ cho mục đích giải quyết thủ tục hành chính, thanh tra, đối soát.',
      en: 'A researcher by personal ID number: degree, title, field, organization, tasks. Personal data: only for administrative procedures, inspection and reconciliation.',
    },
    ownerUnitId: ST_UNIT_ID,
    provider,
    purposes: PERSONAL_DATA_PURPOSES,
    requestSchema: { type: 'object', additionalProperties: false, required: ['personalId'], properties: { personalId: { type: 'string', pattern: '^([0-9]{12}|[0-9]{9})$' } } },
    responseSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['personalId', 'fullName', 'degree', 'title', 'field', 'organization', 'tasks', 'linkStatus'],
      properties: {
        personalId: { type: 'string' },
        fullName: { type: 'string' },
        degree: { enum: [...DEGREES] },
        title: { enum: ['professor', 'associate-professor', null] },
        field: { enum: [...ST_FIELDS] },
        specialization: { type: 'string' },
        organization: {
          type: ['object', 'null'],
          additionalProperties: false,
          required: ['registrationNo', 'name'],
          properties: { registrationNo: { type: 'string' }, name: { type: 'string' } },
        },
        tasks: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['code', 'title', 'role', 'status'],
            properties: { code: { type: 'string' }, title: { type: 'string' }, role: { enum: ['pi', 'member', 'secretary'] }, status: { enum: [...TASK_STATUSES] } },
          },
        },
        linkStatus: { enum: ['unverified', 'verified', 'mismatch', 'not_found', 'legacy_id', 'unavailable'], description: 'The last check of the person with the national population database' },
      },
    },
    async handler({ body }) {
      const r = await service.researcherByPersonalId(body.personalId);
      if (!r) throw new ProblemError('not_found', { detail: { vi: 'Không có nhà khoa học với số định danh này.', en: 'No researcher with this ID number.' } });
      return {
        personalId: r.person.personalId,
        fullName: r.person.fullName,
        degree: r.degree,
        title: r.title,
        field: r.field,
        specialization: r.specialization,
        organization: r.organization ? { registrationNo: r.organization.registrationNo, name: r.organization.name } : null,
        tasks: r.tasks.map((t) => ({ code: t.code, title: t.title, role: t.role, status: t.status })),
        linkStatus: r.person.link.status,
      };
    },
  };
}
