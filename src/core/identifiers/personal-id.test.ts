import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPersonalId,
  decodeCenturyGender,
  LoaiDinhDanh,
  loaiDinhDanhOf,
  reasonMessages,
  type PersonalIdErrorCode,
} from './personal-id.ts';
import { PROVINCE_CODES } from './provinces.ts';

const NOW = new Date('2026-06-15T03:00:00Z');

/** Year in Asia/Ho_Chi_Minh from the ICU time-zone database (independent of the code under test). */
function vnYear(d: Date): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(d));
}

describe('checkPersonalId — valid 12-digit numbers', () => {
  it('serialises 001099012345 exactly as the CLI contract', () => {
    expect(JSON.stringify(checkPersonalId('001099012345', { now: NOW }))).toBe(
      '{"valid":true,"kind":"personal_id","province":"001","provinceName":"Hà Nội","gender":"male","birthYear":1999}',
    );
  });

  const cases: Array<[string, string, string, 'male' | 'female', number]> = [
    ['001099012345', '001', 'Hà Nội', 'male', 1999],
    ['079203000001', '079', 'TP. Hồ Chí Minh', 'male', 2003],
    ['001199012345', '001', 'Hà Nội', 'female', 1999],
    ['031100000000', '031', 'Hải Phòng', 'female', 1900],
    ['038000999999', '038', 'Thanh Hóa', 'male', 1900],
    ['096307123456', '096', 'Cà Mau', 'female', 2007],
    ['077226000001', '077', 'Bà Rịa – Vũng Tàu', 'male', 2026],
    ['017145000000', '017', 'Hoà Bình', 'female', 1945],
  ];
  it.each(cases)('%s → %s %s %s %i', (input, province, provinceName, gender, birthYear) => {
    expect(checkPersonalId(input, { now: NOW })).toEqual({
      valid: true,
      kind: 'personal_id',
      province,
      provinceName,
      gender,
      birthYear,
    });
  });

  it('trims surrounding whitespace', () => {
    expect(checkPersonalId(' \t001099012345\n', { now: NOW })).toMatchObject({ valid: true, birthYear: 1999 });
  });

  it('decodes the 22nd century once that year is reached', () => {
    expect(checkPersonalId('001400000001', { now: new Date('2100-01-01T00:00:00+07:00') })).toMatchObject({
      valid: true,
      gender: 'male',
      birthYear: 2100,
    });
    expect(checkPersonalId('001999000001', { now: new Date('2399-06-01T00:00:00Z') })).toMatchObject({
      valid: true,
      gender: 'female',
      birthYear: 2399,
    });
  });
});

describe('checkPersonalId — legacy CMND', () => {
  it.each(['012345678', ' 123456789 ', '000000000'])('%j is a CMND', (input) => {
    const r = checkPersonalId(input, { now: NOW });
    expect(r).toEqual({ valid: true, kind: 'cmnd' });
    expect(JSON.stringify(r)).toBe('{"valid":true,"kind":"cmnd"}');
  });
});

describe('checkPersonalId — invalid input', () => {
  const cases: Array<[string, PersonalIdErrorCode]> = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['00109901234A', 'not_digits'],
    ['ABCDEFGHIJKL', 'not_digits'],
    ['001 099 012 345', 'not_digits'],
    ['001-099-012345', 'not_digits'],
    ['+01099012345', 'not_digits'],
    ['０01099012345', 'not_digits'], // full-width digit
    ['00109901234٥', 'not_digits'], // Arabic-Indic digit
    ['01234567a', 'not_digits'],
    ['00109901234', 'wrong_length'], // 11 digits
    ['0010990123456', 'wrong_length'], // 13 digits
    ['0010990123', 'wrong_length'], // 10 digits
    ['01234567', 'wrong_length'], // 8 digits
    ['1', 'wrong_length'],
    ['003099012345', 'unknown_province'],
    ['000099012345', 'unknown_province'],
    ['097099012345', 'unknown_province'],
    ['999099012345', 'unknown_province'],
    ['017345000000', 'future_birth_year'], // 2045
    ['001227000001', 'future_birth_year'], // 2027 > 2026
    ['001400000001', 'future_birth_year'], // 2100
    ['001999999999', 'future_birth_year'], // 2399
  ];
  it.each(cases)('%j → %s', (input, code) => {
    const r = checkPersonalId(input, { now: NOW });
    expect(r.valid).toBe(false);
    if (r.valid) return;
    expect(r.code).toBe(code);
    expect(r.reason.length).toBeGreaterThan(10);
    expect(Object.keys(r).sort()).toEqual(['code', 'reason', 'valid']);
  });

  it('names the length in the reason', () => {
    const r = checkPersonalId('0010990123456', { now: NOW });
    expect(!r.valid && r.reason).toContain('13');
  });
});

describe('checkPersonalId — current year in Asia/Ho_Chi_Minh', () => {
  const bornIn2026 = '001226000001';
  it('rejects a birth year after the current year', () => {
    expect(checkPersonalId(bornIn2026, { now: new Date('2025-06-01T00:00:00Z') })).toMatchObject({
      valid: false,
      code: 'future_birth_year',
    });
  });
  it('accepts a birth year equal to the current year', () => {
    expect(checkPersonalId(bornIn2026, { now: new Date('2026-01-01T00:00:00+07:00') })).toMatchObject({
      valid: true,
      birthYear: 2026,
    });
  });
  it('switches year at 17:00 UTC on 31 December', () => {
    expect(checkPersonalId(bornIn2026, { now: new Date('2025-12-31T16:59:59.999Z') }).valid).toBe(false);
    expect(checkPersonalId(bornIn2026, { now: new Date('2025-12-31T17:00:00Z') }).valid).toBe(true);
  });
  it('defaults now to the current time', () => {
    const thisYear = vnYear(new Date());
    const yy = String(thisYear % 100).padStart(2, '0');
    const g = String(2 * Math.floor((thisYear - 1900) / 100));
    expect(checkPersonalId(`001${g}${yy}000001`)).toMatchObject({ valid: true, birthYear: thisYear });
    const next = thisYear + 1;
    const g2 = String(2 * Math.floor((next - 1900) / 100));
    const yy2 = String(next % 100).padStart(2, '0');
    expect(checkPersonalId(`001${g2}${yy2}000001`)).toMatchObject({ valid: false, code: 'future_birth_year' });
  });
  it('throws on an invalid now', () => {
    expect(() => checkPersonalId('001099012345', { now: new Date('nonsense') })).toThrow(RangeError);
  });
});

describe('checkPersonalId — extra (country) codes', () => {
  const extraCodes = { '900': 'Quốc gia thử nghiệm' };
  it('is unknown without configuration', () => {
    expect(checkPersonalId('900099000001', { now: NOW })).toMatchObject({ valid: false, code: 'unknown_province' });
  });
  it('is decoded with configuration and flagged as registered abroad', () => {
    expect(checkPersonalId('900199000001', { now: NOW, extraCodes })).toEqual({
      valid: true,
      kind: 'personal_id',
      province: '900',
      provinceName: 'Quốc gia thử nghiệm',
      gender: 'female',
      birthYear: 1999,
      registeredAbroad: true,
    });
  });
  it.each([[{ '90': 'X' }], [{ '001': 'Trùng Hà Nội' }], [{ '900': ' ' }], [{ ABC: 'Chữ' }]])(
    'rejects malformed extraCodes %j',
    (bad) => {
      expect(() => checkPersonalId('001099012345', { now: NOW, extraCodes: bad })).toThrow(RangeError);
    },
  );
});

describe('reasonMessages and LoaiDinhDanh', () => {
  it('has Vietnamese and English text for every code', () => {
    const codes: PersonalIdErrorCode[] = ['empty', 'not_digits', 'wrong_length', 'unknown_province', 'future_birth_year'];
    expect(Object.keys(reasonMessages).sort()).toEqual([...codes].sort());
    for (const c of codes) {
      expect(reasonMessages[c].vi).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳýỹ]/);
      expect(reasonMessages[c].en.length).toBeGreaterThan(10);
    }
  });
  it('maps kinds to LoaiDinhDanh 1 and 2 (sync field DinhDanhCHS)', () => {
    expect(loaiDinhDanhOf('personal_id')).toBe(1);
    expect(loaiDinhDanhOf('cmnd')).toBe(2);
    expect(LoaiDinhDanh).toEqual({ SoDinhDanh12: 1, CMND9: 2 });
  });
});

describe('decodeCenturyGender', () => {
  const table: Array<[number, 'male' | 'female', number]> = [
    [0, 'male', 1900], [1, 'female', 1900], [2, 'male', 2000], [3, 'female', 2000], [4, 'male', 2100],
    [5, 'female', 2100], [6, 'male', 2200], [7, 'female', 2200], [8, 'male', 2300], [9, 'female', 2300],
  ];
  it.each(table)('%i → %s %i', (digit, gender, centuryStartYear) => {
    expect(decodeCenturyGender(digit)).toEqual({ gender, centuryStartYear });
  });
  it.each([-1, 10, 1.5, Number.NaN])('throws on %d', (d) => {
    expect(() => decodeCenturyGender(d)).toThrow(RangeError);
  });
});

describe('checkPersonalId — properties', () => {
  const provinceCodes = Object.keys(PROVINCE_CODES);
  const CENTURY: Record<string, number> = { '0': 1900, '1': 1900, '2': 2000, '3': 2000, '4': 2100, '5': 2100, '6': 2200, '7': 2200, '8': 2300, '9': 2300 };
  const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
  const anyId = fc.tuple(fc.constantFrom(...provinceCodes), fc.constantFrom(...'0123456789'), digits(2), digits(6));

  it('every generated valid ID decodes to a birth year ≤ the current year (default now)', () => {
    const currentYear = vnYear(new Date());
    fc.assert(
      fc.property(anyId, ([p, g, yy, rand]) => {
        const r = checkPersonalId(p + g + yy + rand);
        if (r.valid && r.kind === 'personal_id') expect(r.birthYear).toBeLessThanOrEqual(currentYear);
      }),
    );
  });

  it('is valid exactly when the encoded year is not after the current year, and decodes it', () => {
    const nowArb = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2400-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(anyId, nowArb, ([p, g, yy, rand], now) => {
        const expectedYear = (CENTURY[g] as number) + Number(yy);
        const r = checkPersonalId(p + g + yy + rand, { now });
        if (expectedYear <= vnYear(now)) {
          expect(r).toEqual({
            valid: true,
            kind: 'personal_id',
            province: p,
            provinceName: PROVINCE_CODES[p],
            gender: Number(g) % 2 === 0 ? 'male' : 'female',
            birthYear: expectedYear,
          });
        } else {
          expect(r).toMatchObject({ valid: false, code: 'future_birth_year' });
        }
      }),
    );
  });

  it('a non-digit character inside a number makes it not_digits', () => {
    fc.assert(
      fc.property(
        anyId,
        fc.integer({ min: 1, max: 11 }),
        fc.constantFrom('A', 'x', '-', '.', ' ', '０', 'Đ', '/', '_'),
        ([p, g, yy, rand], pos, ch) => {
          const id = p + g + yy + rand;
          const r = checkPersonalId(id.slice(0, pos) + ch + id.slice(pos), { now: NOW });
          expect(r).toMatchObject({ valid: false, code: 'not_digits' });
        },
      ),
    );
  });

  it('digit strings of any length other than 9 and 12 are wrong_length', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).filter((n) => n !== 9 && n !== 12).chain((n) => digits(n)),
        (s) => {
          expect(checkPersonalId(s, { now: NOW })).toMatchObject({ valid: false, code: 'wrong_length' });
        },
      ),
    );
  });
});
