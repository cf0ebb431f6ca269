// The gateway services of the standards, metrology and quality database (registered at module
// creation): a measuring instrument's verifications by stamp, certificate or serial number;
// conformity announcements by number or product; registered bodies by field. JSON Schema
// 2020-12, validated by the gateway both ways.
import { BODY_FIELDS, BODY_KINDS } from '../../core/stameq/index.ts';
import { ProblemError } from '../../http/problem.ts';
import type { ProviderRegistration } from '../lgsp/module.ts';
import { STAMEQ_UNIT_ID, type StameqService } from './service.ts';

const provider = { kind: 'internal' as const, name: 'CSDL tiêu chuẩn, đo lường, chất lượng (motcua stameq)' };
const nullableString = { type: ['string', 'null'] };
const localized = { type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: 'string' } } };

export function verificationProvider(service: StameqService): ProviderRegistration<{ stampNo?: string; certificateNo?: string; serialNo?: string }, unknown> {
  return {
    code: 'stameq-verification',
    version: 1,
    name: { vi: 'Tra cứu kết quả kiểm định phương tiện đo', en: 'Measuring instrument verifications' },
    description: {
      vi: 'Kết quả kiểm định, hiệu lực và chủ sở hữu của phương tiện đo nhóm 2 theo số tem, số giấy chứng nhận hoặc số sản xuất.',
      en: 'Verification results, validity and owner of a Group 2 measuring instrument by stamp, certificate or serial number.',
    },
    ownerUnitId: STAMEQ_UNIT_ID,
    provider,
    requestSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        stampNo: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9./-]{2,39}$' },
        certificateNo: { type: 'string', minLength: 3, maxLength: 40 },
        serialNo: { type: 'string', minLength: 1, maxLength: 60 },
      },
      anyOf: [{ required: ['stampNo'] }, { required: ['certificateNo'] }, { required: ['serialNo'] }],
    },
    responseSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['items'],
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['stampNo', 'certificateNo', 'instrumentType', 'serialNo', 'bodyName', 'verifiedOn', 'validUntil', 'result', 'status', 'owner'],
            properties: {
              stampNo: { type: 'string' },
              certificateNo: { type: 'string' },
              instrumentType: { type: 'string' },
              instrumentName: localized,
              serialNo: { type: 'string' },
              bodyName: { type: 'string' },
              verifiedOn: { type: 'string', format: 'date' },
              validUntil: nullableString,
              result: { enum: ['pass', 'fail'] },
              status: { enum: ['valid', 'expired', 'failed'] },
              owner: {
                type: 'object',
                additionalProperties: false,
                required: ['kind', 'name'],
                properties: { kind: { enum: ['organization', 'person'] }, name: { type: 'string' }, taxCode: nullableString, personalId: nullableString },
              },
            },
          },
        },
      },
    },
    purposes: ['administrative-procedure', 'inspection', 'reconciliation'],
    async handler({ body }) {
      const found = await service.verificationsBy(body);
      if (found.length === 0) throw new ProblemError('not_found', { detail: { vi: 'Không có kết quả kiểm định phù hợp.', en: 'No matching verification.' } });
      return {
        items: found.map((v) => ({
          stampNo: v.stampNo,
          certificateNo: v.certificateNo,
          instrumentType: v.instrumentType.code,
          instrumentName: v.instrumentType.name,
          serialNo: v.serialNo,
          bodyName: v.bodyName,
          verifiedOn: v.verifiedOn,
          validUntil: v.validUntil,
          result: v.result,
          status: v.status,
          owner: {
            kind: v.owner.kind,
            name: v.owner.orgName ?? v.owner.person?.fullName ?? '',
            taxCode: v.owner.taxCode,
            personalId: v.owner.person?.personalId ?? null,
          },
        })),
      };
    },
  };
}

export function conformityProvider(service: StameqService): ProviderRegistration<{ announcementNo?: string; product?: string }, unknown> {
  return {
    code: 'stameq-conformity',
    version: 1,
    name: { vi: 'Tra cứu công bố hợp chuẩn, hợp quy', en: 'Conformity announcements' },
    description: { vi: 'Bản công bố hợp chuẩn, hợp quy theo số tiếp nhận hoặc tên sản phẩm.', en: 'Conformity announcements by number or product.' },
    ownerUnitId: STAMEQ_UNIT_ID,
    provider,
    requestSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { announcementNo: { type: 'string', minLength: 3, maxLength: 40 }, product: { type: 'string', minLength: 2, maxLength: 100 } },
      anyOf: [{ required: ['announcementNo'] }, { required: ['product'] }],
    },
    responseSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['items'],
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['announcementNo', 'kind', 'product', 'standardCode', 'orgName', 'receivingAgency', 'announcedOn', 'status'],
            properties: {
              announcementNo: { type: 'string' },
              kind: { enum: ['standard', 'regulation'] },
              product: { type: 'string' },
              standardCode: { type: 'string' },
              orgName: { type: 'string' },
              orgTaxCode: nullableString,
              receivingAgency: { type: 'string' },
              announcedOn: { type: 'string', format: 'date' },
              status: { enum: ['valid', 'withdrawn'] },
              certificateNo: nullableString,
            },
          },
        },
      },
    },
    async handler({ body }) {
      const { items } = await service.publicAnnouncements({ q: body.announcementNo ?? body.product, limit: 20, offset: 0 });
      const matching = body.announcementNo ? items.filter((a) => a.announcementNo === body.announcementNo) : items;
      if (matching.length === 0) throw new ProblemError('not_found', { detail: { vi: 'Không có bản công bố phù hợp.', en: 'No matching announcement.' } });
      return {
        items: matching.map((a) => ({
          announcementNo: a.announcementNo,
          kind: a.kind,
          product: a.product,
          standardCode: a.standardCode,
          orgName: a.orgName,
          orgTaxCode: a.orgTaxCode,
          receivingAgency: a.receivingAgency,
          announcedOn: a.announcedOn,
          status: a.status,
          certificateNo: a.certificateNo,
        })),
      };
    },
  };
}

export function bodyProvider(service: StameqService): ProviderRegistration<{ field: string; kind?: string }, unknown> {
  return {
    code: 'stameq-body',
    version: 1,
    name: { vi: 'Tra cứu tổ chức đánh giá sự phù hợp, kiểm định', en: 'Registered conformity assessment and verification bodies' },
    ownerUnitId: STAMEQ_UNIT_ID,
    provider,
    requestSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['field'],
      properties: { field: { enum: [...BODY_FIELDS] }, kind: { enum: [...BODY_KINDS] } },
    },
    responseSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['items'],
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['registrationNo', 'name', 'kind', 'fields', 'effect', 'validUntil'],
            properties: {
              registrationNo: { type: 'string' },
              name: { type: 'string' },
              kind: { enum: [...BODY_KINDS] },
              fields: { type: 'array', items: { type: 'string' } },
              scope: { type: 'string' },
              province: { type: 'string' },
              effect: { enum: ['effective', 'expired', 'suspended', 'revoked'] },
              validUntil: nullableString,
            },
          },
        },
      },
    },
    async handler({ body }) {
      const { items } = await service.publicBodies({ field: body.field as never, kind: body.kind as never, limit: 100, offset: 0 });
      return {
        items: items.map((b) => ({ registrationNo: b.registrationNo, name: b.name, kind: b.kind, fields: b.fields, scope: b.scope, province: b.province, effect: b.effect, validUntil: b.validUntil })),
      };
    },
  };
}
