import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENCY_ID_MAX_LENGTH, agencyIdReasonMessages, checkAgencyId, type AgencyIdErrorCode } from './agency-id.ts';

describe('checkAgencyId — valid', () => {
  const cases: Array<[string, 'level1_first' | 'level1_last', string, string[], string[]]> = [
    ['G12', 'level1_first', 'G12', ['G12'], ['G12']],
    ['G12.01.05', 'level1_first', 'G12', ['G12', '01', '05'], ['G12', '01', '05']],
    ['H15.50.05.13', 'level1_first', 'H15', ['H15', '50', '05', '13'], ['H15', '50', '05', '13']],
    ['A00.123.45', 'level1_first', 'A00', ['A00', '123', '45'], ['A00', '123', '45']],
    ['Y99.ABC', 'level1_first', 'Y99', ['Y99', 'ABC'], ['Y99', 'ABC']],
    ['000.00.01.H15', 'level1_last', 'H15', ['000', '00', '01', 'H15'], ['H15', '01', '00', '000']],
    ['T00.G22', 'level1_first', 'T00', ['T00', 'G22'], ['T00', 'G22']],
    ['01.G22', 'level1_last', 'G22', ['01', 'G22'], ['G22', '01']],
  ];
  it.each(cases)('%s → %s %s', (input, order, level1, groups, levels) => {
    expect(checkAgencyId(input)).toEqual({ valid: true, order, level1, groups, levels });
  });

  it('accepts exactly 35 characters', () => {
    const id = 'G12.' + 'A'.repeat(31);
    expect(id).toHaveLength(35);
    expect(checkAgencyId(id)).toMatchObject({ valid: true, level1: 'G12' });
  });

  it('trims surrounding whitespace', () => {
    expect(checkAgencyId('  G12.01 ')).toMatchObject({ valid: true, groups: ['G12', '01'] });
  });
});

describe('checkAgencyId — invalid', () => {
  const cases: Array<[string, AgencyIdErrorCode]> = [
    ['', 'empty'],
    ['  ', 'empty'],
    ['G12.' + 'A'.repeat(32), 'too_long'],
    ['g12.01', 'invalid_characters'],
    ['G12-01', 'invalid_characters'],
    ['G12 .01', 'invalid_characters'],
    ['Đ12.01', 'invalid_characters'],
    ['G12_01', 'invalid_characters'],
    ['G12..01', 'empty_group'],
    ['.G12', 'empty_group'],
    ['G12.', 'empty_group'],
    ['.', 'empty_group'],
    ['Z12.01', 'missing_level1'], // M is A–Y, not Z
    ['01.Z12', 'missing_level1'],
    ['G1.01', 'missing_level1'],
    ['G123.01', 'missing_level1'],
    ['GA2.01', 'missing_level1'],
    ['12G', 'missing_level1'],
    ['01.02.03', 'missing_level1'],
    ['01.G12.02', 'missing_level1'], // level 1 in the middle
  ];
  it.each(cases)('%j → %s', (input, code) => {
    const r = checkAgencyId(input);
    expect(r).toMatchObject({ valid: false, code });
    expect(!r.valid && r.reason.length).toBeGreaterThan(10);
  });

  it('hints that letters must be uppercase', () => {
    const r = checkAgencyId('g12.01');
    expect(!r.valid && r.reason).toMatch(/uppercase/);
  });

  it('has bilingual messages for every code', () => {
    expect(Object.keys(agencyIdReasonMessages).sort()).toEqual(
      ['empty', 'empty_group', 'invalid_characters', 'missing_level1', 'too_long'],
    );
    for (const m of Object.values(agencyIdReasonMessages)) {
      expect(m.vi).toMatch(/mã/i);
      expect(m.en).toMatch(/ID|level-1/);
    }
  });
});

describe('checkAgencyId — order option', () => {
  it('restricts to level1_first', () => {
    expect(checkAgencyId('000.00.01.H15', { order: 'level1_first' })).toMatchObject({ valid: false, code: 'missing_level1' });
    expect(checkAgencyId('G12.01', { order: 'level1_first' })).toMatchObject({ valid: true, order: 'level1_first' });
  });
  it('restricts to level1_last, resolving an ambiguous ID', () => {
    expect(checkAgencyId('A01.B02')).toMatchObject({ valid: true, order: 'level1_first', level1: 'A01' });
    expect(checkAgencyId('A01.B02', { order: 'level1_last' })).toMatchObject({
      valid: true,
      order: 'level1_last',
      level1: 'B02',
      levels: ['B02', 'A01'],
    });
    expect(checkAgencyId('G12.01', { order: 'level1_last' })).toMatchObject({ valid: false, code: 'missing_level1' });
  });
});

describe('checkAgencyId — properties', () => {
  const level1 = fc
    .tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXY'), fc.integer({ min: 0, max: 99 }))
    .map(([m, n]) => m + String(n).padStart(2, '0'));
  // Lower groups that cannot be mistaken for a level-1 group (they start with a digit).
  const lower = fc
    .tuple(fc.constantFrom(...'0123456789'), fc.string({ unit: fc.constantFrom(...'0123456789ABCXYZ'), maxLength: 3 }))
    .map(([a, b]) => a + b);
  const current = fc
    .tuple(level1, fc.array(lower, { maxLength: 6 }))
    .map(([l1, rest]) => [l1, ...rest])
    .filter((groups) => groups.join('.').length <= AGENCY_ID_MAX_LENGTH);

  it('an ID in the current form is level1_first with its groups as levels', () => {
    fc.assert(
      fc.property(current, (groups) => {
        expect(checkAgencyId(groups.join('.'))).toEqual({
          valid: true,
          order: 'level1_first',
          level1: groups[0],
          groups,
          levels: groups,
        });
      }),
    );
  });

  it('the same ID written in the 2018 order gives the same levels', () => {
    fc.assert(
      fc.property(current.filter((g) => g.length > 1), (groups) => {
        const reversed = [...groups].reverse();
        expect(checkAgencyId(reversed.join('.'))).toMatchObject({
          valid: true,
          order: 'level1_last',
          level1: groups[0],
          levels: groups,
        });
      }),
    );
  });

  it('any character outside ".0-9A-Z" makes the ID invalid', () => {
    fc.assert(
      fc.property(
        current,
        fc.nat(),
        fc.constantFrom('a', 'z', '-', '_', '/', ' ', 'Ă', 'Đ', 'É', '０'),
        (groups, n, ch) => {
          const id = groups.join('.');
          const pos = 1 + (n % (id.length - 1)); // strictly inside, so trimming cannot remove it
          expect(checkAgencyId(id.slice(0, pos) + ch + id.slice(pos)).valid).toBe(false);
        },
      ),
    );
  });
});
