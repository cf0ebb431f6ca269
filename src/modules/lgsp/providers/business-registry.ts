// A national service reached through NDXP: the national business registration database, a
// company by its tax code (Circular 105/2020/TT-BTC Art. 5: 10 digits). Registered as a provider
// like the ministry's own services, so the call is authorized, validated and logged the same way.
import { ProblemError } from '../../../http/problem.ts';
import type { NdxpClient } from '../ndxp/adapter.ts';
import type { ProviderRegistration } from '../registry.ts';

export function businessRegistryProvider(ndxp: NdxpClient): ProviderRegistration<{ taxCode: string }, unknown> {
  return {
    code: 'business-registry',
    version: 1,
    name: { vi: 'Tra cứu thông tin doanh nghiệp (CSDL quốc gia về đăng ký doanh nghiệp, qua NDXP)', en: 'Company lookup (national business registry, through NDXP)' },
    ownerUnitId: 'van-phong-bo',
    provider: { kind: 'national', name: 'NDXP: CSDL quốc gia về đăng ký doanh nghiệp' },
    requestSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['taxCode'],
      properties: { taxCode: { type: 'string', pattern: '^[0-9]{10}$' } },
    },
    responseSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['taxCode', 'name', 'status', 'province', 'registeredOn'],
      properties: {
        taxCode: { type: 'string' },
        name: { type: 'string' },
        status: { enum: ['active', 'dissolved'] },
        province: { type: 'string' },
        registeredOn: { type: 'string', format: 'date' },
      },
    },
    async handler({ body, purpose }) {
      const answer = await ndxp.call('business-registry', { taxCode: body.taxCode }, { purpose });
      if (answer.status === 'not_found') {
        throw new ProblemError('not_found', { detail: { vi: `Không có doanh nghiệp với mã số thuế ${body.taxCode}.`, en: `No company with tax code ${body.taxCode}.` } });
      }
      return answer.body;
    },
  };
}
