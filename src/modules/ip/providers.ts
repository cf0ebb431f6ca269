// The gateway services of the intellectual property database (registered at module creation): an
// application by its number, a protection title by its number (validity, holder, end of
// protection), and a search by keyword and kind. JSON Schema 2020-12, validated by the gateway
// both ways. The consumer is authorized, so the holder's personal ID number is included.
import { IP_KINDS, type IpKind } from '../../core/ip/index.ts';
import { ProblemError } from '../../http/problem.ts';
import type { ProviderRegistration } from '../lgsp/module.ts';
import type { ApplicationView } from './schema.ts';
import { IP_UNIT_ID, type IpService } from './service.ts';

const provider = { kind: 'internal' as const, name: 'CSDL sở hữu trí tuệ (motcua ip)' };
const nullableString = { type: ['string', 'null'] };
const stringList = { type: 'array', items: { type: 'string' } };
const APPLICATION_STATUS = ['filed', 'formality_examined', 'published', 'substantive_examination', 'granted', 'refused', 'withdrawn'];
const VALIDITY = ['valid', 'expired', 'terminated', 'invalidated'];

const party = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'name'],
  properties: { kind: { enum: ['person', 'organization'] }, name: { type: 'string' }, taxCode: nullableString, personalId: nullableString },
};
const title = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['titleNo', 'grantedOn', 'expiresOn', 'renewals', 'status', 'validity', 'holder'],
  properties: {
    titleNo: { type: 'string' },
    grantedOn: { type: 'string', format: 'date' },
    expiresOn: { type: 'string', format: 'date' },
    renewals: { type: 'integer' },
    status: { enum: ['in_force', 'terminated', 'invalidated'] },
    validity: { enum: VALIDITY },
    holder: party,
  },
};
const application = {
  type: 'object',
  additionalProperties: false,
  required: ['applicationNo', 'kind', 'filingDate', 'subject', 'classes', 'status', 'statusDate', 'applicant', 'inventors', 'title'],
  properties: {
    applicationNo: { type: 'string' },
    kind: { enum: [...IP_KINDS] },
    filingDate: { type: 'string', format: 'date' },
    priorityDate: nullableString,
    subject: { type: 'string' },
    classes: stringList,
    status: { enum: APPLICATION_STATUS },
    statusDate: { type: 'string', format: 'date' },
    publishedOn: nullableString,
    applicant: party,
    inventors: stringList,
    representative: nullableString,
    representativeFirm: nullableString,
    title,
  },
};
const list = { type: 'object', additionalProperties: false, required: ['items'], properties: { items: { type: 'array', items: application } } };

function toWire(a: ApplicationView) {
  const applicant = { kind: a.applicant.kind, name: a.applicant.name, taxCode: a.applicant.taxCode, personalId: a.applicant.person?.personalId ?? null };
  return {
    applicationNo: a.applicationNo,
    kind: a.kind,
    filingDate: a.filingDate,
    priorityDate: a.priorityDate,
    subject: a.subject,
    classes: a.classes,
    status: a.status,
    statusDate: a.statusDate,
    publishedOn: a.publishedOn,
    applicant,
    inventors: a.inventors.map((p) => p.fullName),
    representative: a.representative?.fullName ?? null,
    representativeFirm: a.representativeFirm,
    title: a.title
      ? {
          titleNo: a.title.titleNo,
          grantedOn: a.title.grantedOn,
          expiresOn: a.title.expiresOn,
          renewals: a.title.renewals,
          status: a.title.status,
          validity: a.title.validity,
          holder: a.title.holder
            ? { kind: 'person', name: a.title.holder.fullName, taxCode: null, personalId: a.title.holder.personalId }
            : { kind: 'organization', name: a.title.holderName, taxCode: a.applicant.taxCode, personalId: null },
        }
      : null,
  };
}

export function applicationProvider(service: IpService): ProviderRegistration<{ applicationNo: string }, unknown> {
  return {
    code: 'ip-application',
    version: 1,
    name: { vi: 'Tra cứu đơn đăng ký sở hữu công nghiệp', en: 'Industrial property applications' },
    description: {
      vi: 'Tình trạng đơn đăng ký sáng chế, giải pháp hữu ích, nhãn hiệu, kiểu dáng công nghiệp theo số đơn: người nộp đơn, tác giả, phân loại và văn bằng (nếu đã cấp).',
      en: 'The state of a patent, utility solution, trademark or industrial design application by its number: applicant, inventors, classes and the title if granted.',
    },
    ownerUnitId: IP_UNIT_ID,
    provider,
    requestSchema: { type: 'object', additionalProperties: false, required: ['applicationNo'], properties: { applicationNo: { type: 'string', pattern: '^[1-4]-[0-9]{4}-[0-9]{5}$' } } },
    responseSchema: application,
    purposes: ['administrative-procedure', 'inspection', 'reconciliation'],
    async handler({ body }) {
      const found = await service.applicationByNumber(body.applicationNo);
      if (!found) throw new ProblemError('not_found', { detail: { vi: `Không có đơn số ${body.applicationNo}.`, en: `No application number ${body.applicationNo}.` } });
      return toWire(found);
    },
  };
}

export function titleProvider(service: IpService): ProviderRegistration<{ titleNo: string }, unknown> {
  return {
    code: 'ip-title',
    version: 1,
    name: { vi: 'Tra cứu văn bằng bảo hộ', en: 'Protection titles' },
    description: {
      vi: 'Hiệu lực, chủ văn bằng và thời hạn bảo hộ (Điều 93 Luật Sở hữu trí tuệ) của văn bằng bảo hộ theo số văn bằng.',
      en: 'Validity, holder and end of protection (Law on IP Art. 93) of a protection title by its number.',
    },
    ownerUnitId: IP_UNIT_ID,
    provider,
    requestSchema: { type: 'object', additionalProperties: false, required: ['titleNo'], properties: { titleNo: { type: 'string', pattern: '^[A-Z0-9.-]{6,60}$' } } },
    responseSchema: application,
    purposes: ['administrative-procedure', 'inspection', 'reconciliation'],
    async handler({ body }) {
      const found = await service.titleByNumber(body.titleNo);
      if (!found) throw new ProblemError('not_found', { detail: { vi: `Không có văn bằng số ${body.titleNo}.`, en: `No title number ${body.titleNo}.` } });
      return toWire(found);
    },
  };
}

export function searchProvider(service: IpService): ProviderRegistration<{ q: string; kind?: IpKind }, unknown> {
  return {
    code: 'ip-search',
    version: 1,
    name: { vi: 'Tìm kiếm đối tượng sở hữu công nghiệp', en: 'Industrial property search' },
    description: { vi: 'Đơn đã công bố và văn bằng đã cấp theo từ khóa (tên đối tượng, số đơn, người nộp đơn) và loại đối tượng.', en: 'Published applications and granted titles by keyword and kind.' },
    ownerUnitId: IP_UNIT_ID,
    provider,
    requestSchema: { type: 'object', additionalProperties: false, required: ['q'], properties: { q: { type: 'string', minLength: 2, maxLength: 100 }, kind: { enum: [...IP_KINDS] } } },
    responseSchema: list,
    async handler({ body }) {
      const { items } = await service.publicApplications({ q: body.q, kind: body.kind, limit: 50, offset: 0 });
      const views = await Promise.all(items.map((a) => service.applicationByNumber(a.applicationNo)));
      return { items: views.flatMap((v) => (v ? [toWire(v)] : [])) };
    },
  };
}
