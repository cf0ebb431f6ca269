import { describe, expect, it } from 'vitest';
import type { CitizenPrincipal, OfficerPrincipal, OrganizationPrincipal } from '../../core/access/index.ts';
import type { PopulationRecord, PopulationService } from '../population/module.ts';
import { createDefaultPrefillSource, populationPrefill } from './prefill-source.ts';

const citizen: CitizenPrincipal = { kind: 'citizen', accountId: 'a1', fullName: 'Lê Thị Hoa', method: 'vneid', personalId: '001099012345', acr: 'LoA2' };
const organization: OrganizationPrincipal = { kind: 'organization', accountId: 'a2', fullName: 'Công ty Cổ phần Sao Mai', method: 'vneid', taxCode: '0101234567', acr: 'LoA2' };
const officer: OfficerPrincipal = { kind: 'officer', accountId: 'a3', fullName: 'Cán bộ', method: 'password', username: 'cb', roles: [] };

const record: PopulationRecord = {
  personalId: '001099012345',
  oldIdNumber: null,
  surname: 'Lê',
  middleName: 'Thị',
  givenName: 'Hoa',
  fullName: 'Lê Thị Hoa',
  genderCode: null,
  ethnicityCode: null,
  religionCode: null,
  nationalityCode: 'VN',
  maritalStatusCode: null,
  bloodType: null,
  birthYear: 1999,
  birthDate: '1999-03-08',
  birthRegistrationPlace: null,
  hometown: null,
  permanentAddress: { provinceCode: '01', districtCode: null, wardCode: null, detail: 'Số 5 phố Huế', country: 'VN' },
  currentAddress: null,
  father: null,
  mother: null,
  spouse: null,
  representative: null,
  householdHead: null,
  householdBookNumber: null,
};

const population = (answer: () => Promise<{ record: PopulationRecord }>) => {
  const calls: unknown[][] = [];
  const service = {
    citizenData: async (...args: unknown[]) => {
      calls.push(args);
      return { ...(await answer()), fetchedAt: new Date(), requestId: 'r' };
    },
  } as unknown as Pick<PopulationService, 'citizenData'>;
  return { service, calls };
};

describe('the default prefill source', () => {
  it('a citizen: the population module’s values, queried for the purpose citizen_prefill with the request id', async () => {
    const p = population(async () => ({ record }));
    const source = createDefaultPrefillSource(populationPrefill(p.service));
    const found = await source.valuesFor(citizen, { requestId: 'req-1' });
    expect(found).toMatchObject({ source: 'Cơ sở dữ liệu quốc gia về dân cư', values: { fullName: 'Lê Thị Hoa', personalId: '001099012345', birthDate: '1999-03-08' } });
    expect('values' in found && found.values.permanentAddress).toContain('Số 5 phố Huế');
    expect(p.calls[0]!.slice(1)).toEqual(['citizen_prefill', 'req-1']);
  });

  it('a citizen whose population data cannot be read: unavailable, never an error', async () => {
    const p = population(async () => {
      throw new Error('population_unavailable');
    });
    expect(await createDefaultPrefillSource(populationPrefill(p.service)).valuesFor(citizen)).toMatchObject({ unavailable: true });
    expect(await createDefaultPrefillSource().valuesFor(citizen)).toMatchObject({ unavailable: true });
  });

  it('an organization: tax code and name from its account; an officer: nothing', async () => {
    const source = createDefaultPrefillSource();
    expect(await source.valuesFor(organization)).toEqual({
      source: 'account',
      values: { 'organization.taxCode': '0101234567', 'organization.name': 'Công ty Cổ phần Sao Mai' },
    });
    expect(await source.valuesFor(officer)).toMatchObject({ unavailable: true });
  });

  it('phone and e-mail come from the account where it has them; a failing lookup fills nothing', async () => {
    const p = population(async () => ({ record }));
    const contact = async (id: string) => (id === 'a1' ? { phone: '0912345678', email: null } : id === 'a2' ? { phone: null, email: 'lienhe@saomai.vn' } : undefined);
    const source = createDefaultPrefillSource(populationPrefill(p.service), contact);
    const found = await source.valuesFor(citizen);
    expect('values' in found && found.values).toMatchObject({ fullName: 'Lê Thị Hoa', phone: '0912345678' });
    expect('values' in found && 'email' in found.values).toBe(false);
    expect(await source.valuesFor(organization)).toMatchObject({ values: { 'organization.taxCode': '0101234567', email: 'lienhe@saomai.vn' } });
    const failing = createDefaultPrefillSource(populationPrefill(p.service), async () => {
      throw new Error('down');
    });
    const partial = await failing.valuesFor(citizen);
    expect('values' in partial && partial.values.fullName).toBe('Lê Thị Hoa');
    expect('values' in partial && 'phone' in partial.values).toBe(false);
  });
});
