import { describe, expect, it } from 'vitest';
import { checkPersonalId, PROVINCE_CODES } from '../../core/identifiers/index.ts';
import {
  BLOCK_SIZE,
  householdOf,
  MAX_BIRTH_YEAR,
  MIN_BIRTH_YEAR,
  POPULATION_CAPACITY,
  PROVINCE_SLOTS,
  REFERENCE_DATE,
  seedOf,
  syntheticBlock,
  syntheticCitizen,
} from './generator.ts';
import type { SyntheticCitizen } from './types.ts';

const N = 2000;
const population: SyntheticCitizen[] = Array.from({ length: N }, (_, i) => syntheticCitizen(i));
const byId = new Map(population.map((p) => [p.personalId, p]));
const year = (p: SyntheticCitizen) => Number(p.birthDate.slice(0, 4));
const ageAt = (birthDate: string, on: string) => {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = on.split('-').map(Number) as [number, number, number];
  return ry - y - (rm < m || (rm === m && rd < d) ? 1 : 0);
};

describe('syntheticCitizen: determinism', () => {
  it('gives the same person for the same index and seed, and another person for another seed', () => {
    for (const i of [0, 1, 7, 8, 999, 123_456, POPULATION_CAPACITY - 1]) {
      expect(syntheticCitizen(i, 1)).toEqual(syntheticCitizen(i, 1));
      expect(syntheticCitizen(i, 1).index).toBe(i);
      expect(syntheticCitizen(i, 2).personalId).not.toBe(syntheticCitizen(i, 1).personalId);
    }
    expect(syntheticBlock(3)[5]).toEqual(syntheticCitizen(3 * BLOCK_SIZE + 5));
  });

  it('accepts digit strings as seeds (configuration values) and hashes other strings', () => {
    expect(syntheticCitizen(42, '7')).toEqual(syntheticCitizen(42, 7));
    expect(seedOf('demo')).toBe(seedOf('demo'));
    expect(seedOf('demo')).not.toBe(seedOf('demO'));
    expect(seedOf(undefined)).toBe(1);
  });

  it('refuses indices outside [0, capacity) and bad seeds', () => {
    expect(POPULATION_CAPACITY).toBeGreaterThanOrEqual(10_000_000);
    expect(() => syntheticCitizen(-1)).toThrow(RangeError);
    expect(() => syntheticCitizen(1.5)).toThrow(RangeError);
    expect(() => syntheticCitizen(POPULATION_CAPACITY)).toThrow(RangeError);
    expect(() => syntheticCitizen(0, -3)).toThrow(RangeError);
  });
});

describe('syntheticCitizen: identification numbers', () => {
  it('are valid and decode to the person’s birth province, gender and birth year', () => {
    for (const p of population) {
      const check = checkPersonalId(p.personalId);
      expect(check, p.personalId).toMatchObject({ valid: true, kind: 'personal_id', gender: p.gender, birthYear: year(p) });
      if (!check.valid || check.kind !== 'personal_id') throw new Error('unreachable');
      expect(check.province).toBe(`0${p.birthRegistrationPlace.provinceCode}`);
    }
  });

  it('never collide: within the first people, across the whole range, and between rounds of one province', () => {
    expect(byId.size).toBe(N);
    const ids = new Set<string>();
    const olds = new Set<string>();
    // Indices spread over the whole capacity (deterministic stride), plus blocks exactly one or
    // more "rounds" apart, which share a province and so differ only by their serial.
    const sample: number[] = [];
    for (let i = 0; i < 3000; i++) sample.push((i * 3_336_841) % POPULATION_CAPACITY);
    for (let round = 0; round < 12; round++) for (let k = 0; k < 40; k++) sample.push((k + round * PROVINCE_SLOTS) * BLOCK_SIZE + (k % 8));
    for (const i of new Set(sample)) {
      const p = syntheticCitizen(i);
      expect(ids.has(p.personalId), `${i} ${p.personalId}`).toBe(false);
      ids.add(p.personalId);
      if (p.oldIdNumber) {
        expect(olds.has(p.oldIdNumber)).toBe(false);
        olds.add(p.oldIdNumber);
      }
    }
    // Blocks one round apart are in the same province.
    expect(syntheticCitizen(0).personalId.slice(0, 3)).toBe(syntheticCitizen(PROVINCE_SLOTS * BLOCK_SIZE).personalId.slice(0, 3));
  });

  it('gives former CMND numbers (9 digits) only to people born by 2002', () => {
    const withOld = population.filter((p) => p.oldIdNumber !== null);
    expect(withOld.length).toBeGreaterThan(N * 0.4);
    for (const p of withOld) {
      expect(p.oldIdNumber).toMatch(/^\d{9}$/);
      expect(year(p)).toBeLessThanOrEqual(2002);
    }
  });
});

describe('syntheticCitizen: households and relatives', () => {
  it('parents are other members of the household, of the right gender and age; the father gives his surname', () => {
    let withParents = 0;
    for (const p of population) {
      for (const [relation, gender] of [['father', 'male'], ['mother', 'female']] as const) {
        const r = p[relation];
        if (!r) continue;
        expect(r.fullName.normalize('NFC')).toBe(r.fullName);
        if (relation === 'father') expect(r.fullName.split(' ')[0]).toBe(p.surname);
        if (r.personalId === null) continue;
        const parent = byId.get(r.personalId);
        if (!parent) continue; // in a block beyond the sample
        withParents++;
        expect(parent.householdNumber).toBe(p.householdNumber);
        expect(parent.gender).toBe(gender);
        expect(parent.fullName).toBe(r.fullName);
        expect(year(p) - year(parent)).toBeGreaterThanOrEqual(18);
        expect(year(p) - year(parent)).toBeLessThanOrEqual(55);
      }
    }
    expect(withParents).toBeGreaterThan(N * 0.3);
  });

  it('spouses point at each other, are of opposite genders, married and adults', () => {
    let couples = 0;
    for (const p of population) {
      if (!p.spouse) {
        expect(p.maritalStatus).not.toBe('married');
        continue;
      }
      const spouse = byId.get(p.spouse.personalId!)!;
      expect(spouse, p.personalId).toBeDefined();
      expect(spouse.spouse?.personalId).toBe(p.personalId);
      expect(spouse.gender).not.toBe(p.gender);
      expect(spouse.householdNumber).toBe(p.householdNumber);
      expect([p.maritalStatus, spouse.maritalStatus]).toEqual(['married', 'married']);
      expect(ageAt(p.birthDate, REFERENCE_DATE)).toBeGreaterThanOrEqual(18);
      couples++;
    }
    expect(couples).toBeGreaterThan(N * 0.3);
  });

  it('every member names the household head, lives at the household address and shares its register number', () => {
    const households = new Map<number, SyntheticCitizen[]>();
    for (const p of population) households.set(p.householdNumber, [...(households.get(p.householdNumber) ?? []), p]);
    for (const [number, members] of households) {
      const head = members.find((m) => m.householdHead.relationship === 'Chủ hộ')!;
      expect(head, `household ${number}`).toBeDefined();
      expect(head.householdHead.personalId).toBe(head.personalId);
      for (const m of members) {
        expect(m.householdHead.personalId).toBe(head.personalId);
        expect(m.householdHead.fullName).toBe(head.fullName);
        expect(m.permanentAddress).toEqual(head.permanentAddress);
        expect(m.householdBookNumber).toBe(head.householdBookNumber);
      }
      expect(householdOf(head.index).members).toEqual(members.map((m) => m.index));
    }
    const sizes = [...households.values()].map((m) => m.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(6);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(2.5);
    expect(mean).toBeLessThan(4.5);
  });

  it('minors, and only minors, have a legal representative: a parent in the household', () => {
    let minors = 0;
    for (const p of population) {
      const minor = ageAt(p.birthDate, REFERENCE_DATE) < 18;
      if (!minor) {
        expect(p.representative).toBeNull();
        continue;
      }
      minors++;
      expect(p.representative).not.toBeNull();
      expect([p.father?.personalId, p.mother?.personalId]).toContain(p.representative!.personalId);
      expect(p.phone).toBeNull();
    }
    expect(minors).toBeGreaterThan(N * 0.1);
  });
});

describe('syntheticCitizen: looks like Vietnam', () => {
  it('has Vietnamese names with diacritics, in NFC, with realistic surname shares', () => {
    const count = (s: string) => population.filter((p) => p.surname === s).length / N;
    expect(count('Nguyễn')).toBeGreaterThan(0.3);
    expect(count('Nguyễn')).toBeLessThan(0.46);
    expect(count('Trần')).toBeGreaterThan(0.07);
    expect(count('Trần')).toBeLessThan(0.16);
    expect(population.filter((p) => /[^\x00-\x7f]/.test(p.fullName)).length / N).toBeGreaterThan(0.9);
    for (const p of population) {
      expect(p.fullName).toBe(`${p.surname} ${p.middleName} ${p.givenName}`);
      expect(p.fullName.normalize('NFC')).toBe(p.fullName);
    }
    const thi = population.filter((p) => p.middleName === 'Thị');
    expect(thi.length).toBeGreaterThan(N * 0.1);
    expect(thi.every((p) => p.gender === 'female')).toBe(true);
    expect(population.filter((p) => p.middleName === 'Văn').every((p) => p.gender === 'male')).toBe(true);
  });

  it('has birth dates 1940–2024, mostly Kinh, mostly no religion, Vietnamese phone numbers', () => {
    for (const p of population) {
      expect(year(p)).toBeGreaterThanOrEqual(MIN_BIRTH_YEAR);
      expect(year(p)).toBeLessThanOrEqual(MAX_BIRTH_YEAR);
      expect(new Date(`${p.birthDate}T00:00:00Z`).toISOString().slice(0, 10)).toBe(p.birthDate);
      if (p.phone) expect(p.phone).toMatch(/^0[35789]\d{8}$/);
      if (p.email) expect(p.email).toMatch(/^[a-z0-9.]+@example\.com$/);
    }
    const years = population.map(year);
    expect(Math.min(...years)).toBeLessThan(1950);
    expect(Math.max(...years)).toBeGreaterThan(2015);
    expect(population.filter((p) => p.ethnicity === 'Kinh').length / N).toBeGreaterThan(0.8);
    expect(population.filter((p) => p.religion === 'Không').length / N).toBeGreaterThan(0.75);
  });

  it('has addresses with real province codes and GSO-shaped district and ward codes', () => {
    const provinces = new Set<string>();
    for (const p of population) {
      for (const a of [p.birthRegistrationPlace, p.hometown, p.permanentAddress, p.currentAddress]) {
        expect(PROVINCE_CODES[`0${a.provinceCode}`], a.provinceCode).toBeDefined();
        expect(a.districtCode).toMatch(/^\d{3}$/);
        expect(a.wardCode).toMatch(/^\d{5}$/);
        expect(Math.floor((Number(a.wardCode) - 1) / 24) + 1).toBe(Number(a.districtCode));
        expect(a.detail).toMatch(/(Phường|Xã) /);
        expect(a.country).toBe('VN');
      }
      provinces.add(p.permanentAddress.provinceCode);
    }
    expect(provinces.size).toBeGreaterThan(40);
    expect(population.some((p) => p.currentAddress.provinceCode !== p.permanentAddress.provinceCode)).toBe(true);
  });
});
