import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, lookupBirthRegistrationPlace, PROVINCE_CODES, validateExtraCodes } from './provinces.ts';

describe('PROVINCE_CODES', () => {
  it('has the 63 pre-2025 provinces, all three-digit codes', () => {
    const codes = Object.keys(PROVINCE_CODES);
    expect(codes).toHaveLength(63);
    for (const c of codes) expect(c).toMatch(/^0[0-9]{2}$/);
    expect(new Set(Object.values(PROVINCE_CODES)).size).toBe(63);
  });

  it.each([
    ['001', 'Hà Nội'],
    ['002', 'Hà Giang'],
    ['017', 'Hoà Bình'],
    ['038', 'Thanh Hóa'],
    ['046', 'Thừa Thiên Huế'],
    ['048', 'Đà Nẵng'],
    ['056', 'Khánh Hòa'],
    ['066', 'Đắk Lắk'],
    ['067', 'Đắk Nông'],
    ['077', 'Bà Rịa – Vũng Tàu'],
    ['079', 'TP. Hồ Chí Minh'],
    ['092', 'Cần Thơ'],
    ['096', 'Cà Mau'],
  ])('%s → %s', (code, name) => {
    expect(PROVINCE_CODES[code]).toBe(name);
  });

  it.each(['003', '005', '009', '047', '078', '097', '000'])('%s is not a province code', (code) => {
    expect(PROVINCE_CODES[code]).toBeUndefined();
  });

  it('stores names in Unicode NFC', () => {
    for (const name of Object.values(PROVINCE_CODES)) expect(name).toBe(name.normalize('NFC'));
  });

  it('cannot be mutated', () => {
    expect(Object.isFrozen(PROVINCE_CODES)).toBe(true);
    expect(Object.isFrozen(COUNTRY_CODES)).toBe(true);
  });
});

describe('COUNTRY_CODES and lookupBirthRegistrationPlace', () => {
  it('ships no country code (the list is unconfirmed)', () => {
    expect(Object.keys(COUNTRY_CODES)).toHaveLength(0);
  });

  it('finds provinces, then configured country codes', () => {
    expect(lookupBirthRegistrationPlace('079')).toEqual({ code: '079', name: 'TP. Hồ Chí Minh', kind: 'province' });
    expect(lookupBirthRegistrationPlace('900')).toBeUndefined();
    expect(lookupBirthRegistrationPlace('900', { '900': 'Quốc gia X' })).toEqual({
      code: '900',
      name: 'Quốc gia X',
      kind: 'country',
    });
  });

  it('does not find inherited object keys', () => {
    expect(lookupBirthRegistrationPlace('toString')).toBeUndefined();
    expect(lookupBirthRegistrationPlace('__proto__')).toBeUndefined();
  });
});

describe('validateExtraCodes', () => {
  it('accepts a well-formed table', () => {
    expect(validateExtraCodes({ '900': 'Quốc gia X', '901': 'Quốc gia Y' })).toEqual([]);
  });
  it.each([
    [{ '9': 'X' }],
    [{ '9000': 'X' }],
    [{ 'A00': 'X' }],
    [{ '079': 'Trùng' }],
    [{ '900': '' }],
  ])('reports %j', (table) => {
    expect(validateExtraCodes(table)).toHaveLength(1);
  });
});
