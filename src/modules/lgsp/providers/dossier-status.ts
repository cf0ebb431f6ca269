// A motcua capability as a service: a dossier's public status by its code (Circular 01/2018 Art.
// 12 dossier code) and the lookup key printed on the receipt, through the dossiers module's public
// lookup — the same answer, and nothing more personal, than the public page gives anyone holding
// the receipt. A consumer system (the national portal, a ministry's system) asks for it on the
// applicant's behalf.
import type { DossierService } from '../../dossiers/module.ts';
import type { ProviderRegistration } from '../registry.ts';

interface Request {
  code: string;
  lookupKey: string;
}

export function dossierStatusProvider(dossiers: Pick<DossierService, 'lookup'>): ProviderRegistration<Request, unknown> {
  return {
    code: 'dossier-status',
    version: 1,
    name: { vi: 'Tra cứu tình trạng hồ sơ thủ tục hành chính', en: 'Status of an administrative procedure dossier' },
    description: {
      vi: 'Trạng thái, ngày tiếp nhận, ngày hẹn trả của một hồ sơ theo mã hồ sơ và mã tra cứu trên giấy tiếp nhận.',
      en: 'Status, receipt and due dates of a dossier by its code and the lookup key on the receipt.',
    },
    ownerUnitId: 'bo-phan-mot-cua',
    provider: { kind: 'motcua', name: 'motcua: hồ sơ (dossiers)' },
    requestSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'lookupKey'],
      properties: {
        code: { type: 'string', minLength: 8, maxLength: 64, pattern: '^[0-9A-Za-z.]+-[0-9]{6}-[0-9]{4,}$' },
        lookupKey: { type: 'string', minLength: 6, maxLength: 12, pattern: '^[0-9A-Za-z]+$' },
      },
    },
    responseSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'procedureName', 'status', 'statusName', 'receivedAt', 'dueAt', 'finishedAt'],
      properties: {
        code: { type: 'string' },
        procedureName: { type: 'string' },
        status: { type: 'integer', minimum: 1, maximum: 10 },
        statusName: { type: 'object', required: ['vi', 'en'], additionalProperties: false, properties: { vi: { type: 'string' }, en: { type: 'string' } } },
        receivedAt: { type: ['string', 'null'] },
        dueAt: { type: ['string', 'null'] },
        rescheduledDueAt: { type: ['string', 'null'] },
        finishedAt: { type: ['string', 'null'] },
      },
    },
    purposes: ['administrative-procedure', 'reconciliation', 'inspection'],
    async handler({ body }) {
      const found = await dossiers.lookup(body.code, body.lookupKey);
      return { ...found, rescheduledDueAt: found.rescheduledDueAt ?? null };
    },
  };
}
