// A national platform behind an adapter: the population database's verification (SPEC §4.4,
// "xác thực thông tin công dân") through the population module's client — its timeouts, retries,
// breaker and cache; never its tables. The answer is the verification (found, not found, which
// fields differ) and the few fields a procedure needs to confirm the person, not the whole record
// (data minimization, Decree 13/2023/NĐ-CP Art. 3(4)).
import { randomUUID } from 'node:crypto';
import { ProblemError } from '../../../http/problem.ts';
import type { PopulationModule } from '../../population/module.ts';
import type { ProviderRegistration } from '../registry.ts';

interface Request {
  personalId: string;
  fullName: string;
  birthDate?: string;
  birthYear?: number;
}

/** MaCanBo sent for a query made by a consumer system (UNCONFIRMED what the real service expects). */
const GATEWAY_OFFICER_CODE = 'LGSP';

export function populationQueryProvider(population: Pick<PopulationModule, 'client'>): ProviderRegistration<Request, unknown> {
  return {
    code: 'population-query',
    version: 1,
    name: { vi: 'Xác thực thông tin công dân (CSDL quốc gia về dân cư)', en: 'Citizen verification (national population database)' },
    description: {
      vi: 'Đối chiếu số định danh, họ tên, ngày hoặc năm sinh với Cơ sở dữ liệu quốc gia về dân cư.',
      en: 'Checks a personal ID number, name and date or year of birth against the national population database.',
    },
    ownerUnitId: 'van-phong-bo',
    provider: { kind: 'national', name: 'CSDL quốc gia về dân cư (qua PopulationClient)' },
    requestSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['personalId', 'fullName'],
      properties: {
        personalId: { type: 'string', format: 'personal-id' },
        fullName: { type: 'string', minLength: 1, maxLength: 200 },
        birthDate: { type: 'string', format: 'date' },
        birthYear: { type: 'integer', minimum: 1900, maximum: 2100 },
      },
      oneOf: [{ required: ['birthDate'] }, { required: ['birthYear'] }],
    },
    responseSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['status'],
      properties: {
        status: { enum: ['found', 'not_found', 'mismatch'] },
        mismatched: { type: ['array', 'null'], items: { type: 'string' } },
        person: {
          type: 'object',
          additionalProperties: false,
          required: ['personalId', 'fullName', 'birthDate', 'birthYear', 'genderCode'],
          properties: {
            personalId: { type: 'string' },
            fullName: { type: 'string' },
            birthDate: { type: ['string', 'null'] },
            birthYear: { type: ['integer', 'null'] },
            genderCode: { type: ['string', 'null'] },
          },
        },
      },
    },
    purposes: ['administrative-procedure', 'reconciliation', 'inspection'],
    async handler({ body }) {
      const answer = await population.client.query(
        { personalId: body.personalId, fullName: body.fullName, ...(body.birthDate ? { birthDate: body.birthDate } : {}), ...(body.birthYear ? { birthYear: body.birthYear } : {}) },
        { requestId: randomUUID(), officerCode: GATEWAY_OFFICER_CODE },
      );
      switch (answer.status) {
        case 'found': {
          const r = answer.record;
          return { status: 'found', person: { personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, birthYear: r.birthYear, genderCode: r.genderCode } };
        }
        case 'not_found':
          return { status: 'not_found' };
        case 'mismatch':
          return { status: 'mismatch', mismatched: answer.mismatched };
        case 'unavailable':
          throw new ProblemError('population_unavailable', { detail: answer.message });
      }
    },
  };
}
