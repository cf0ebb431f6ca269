import { describe, expect, it } from 'vitest';
import {
  addYears,
  applicationNumber,
  applicationNumberProblem,
  canMove,
  canRenew,
  expiryOf,
  isFinal,
  kindOfNumber,
  normalizeClass,
  parseClasses,
  titleValidity,
} from './index.ts';

describe('application and title numbers', () => {
  it.each([
    ['1-2024-01234', 'patent', '2024-03-15', undefined],
    ['4-2025-12345', 'trademark', '2025-01-02', undefined],
    ['3-2025-00001', 'industrial_design', '2025-12-31', undefined],
    ['2-2023-00456', 'utility_solution', '2023-06-01', undefined],
    ['4-2025-12345', 'patent', '2025-01-02', 'kind'],
    ['1-2024-01234', 'patent', '2025-01-02', 'year'],
    ['1-2024-1234', 'patent', '2024-01-02', 'format'],
    ['VN-2024-01234', 'patent', '2024-01-02', 'format'],
  ] as const)('%s for a %s filed %s: %s', (no, kind, filed, expected) => {
    expect(applicationNumberProblem(no, kind, filed)).toBe(expected);
  });

  it('builds numbers and reads the kind back', () => {
    expect(applicationNumber('trademark', 2026, 42)).toBe('4-2026-00042');
    expect(kindOfNumber('4-2026-00042')).toBe('trademark');
    expect(kindOfNumber('3-0012345')).toBe('industrial_design');
    expect(kindOfNumber('KQ-2026-000001')).toBeUndefined();
  });
});

describe('the status of an application', () => {
  it.each([
    ['filed', 'formality_examined', true],
    ['filed', 'refused', true],
    ['filed', 'published', false],
    ['formality_examined', 'published', true],
    ['published', 'substantive_examination', true],
    ['published', 'granted', false],
    ['substantive_examination', 'granted', true],
    ['substantive_examination', 'withdrawn', true],
    ['granted', 'withdrawn', false],
    ['refused', 'filed', false],
  ] as const)('%s → %s: %s', (from, to, expected) => {
    expect(canMove(from, to)).toBe(expected);
  });

  it('granted, refused and withdrawn are final', () => {
    expect(['granted', 'refused', 'withdrawn'].every((s) => isFinal(s as never))).toBe(true);
    expect(isFinal('published')).toBe(false);
  });
});

describe('the term of protection (Law on IP Art. 93)', () => {
  it.each([
    ['patent', '2010-03-15', 0, '2030-03-15'],
    ['utility_solution', '2020-07-01', 0, '2030-07-01'],
    ['industrial_design', '2022-05-10', 0, '2027-05-10'],
    ['industrial_design', '2022-05-10', 2, '2037-05-10'],
    ['trademark', '2016-02-29', 0, '2026-02-28'],
    ['trademark', '2006-11-20', 3, '2046-11-20'],
  ] as const)('a %s filed %s, renewed %i times, protects through %s', (kind, filed, renewals, expected) => {
    expect(expiryOf(kind, filed, renewals)).toBe(expected);
  });

  it('refuses renewals the law does not allow', () => {
    expect(() => expiryOf('patent', '2020-01-01', 1)).toThrow(RangeError);
    expect(() => expiryOf('industrial_design', '2020-01-01', 3)).toThrow(RangeError);
    expect(canRenew('industrial_design', 1)).toBe(true);
    expect(canRenew('industrial_design', 2)).toBe(false);
    expect(canRenew('trademark', 50)).toBe(true);
    expect(canRenew('utility_solution', 0)).toBe(false);
  });

  it.each([
    ['in_force', '2026-12-02', 'valid'],
    ['in_force', '2026-12-01', 'expired'],
    ['terminated', '2040-01-01', 'terminated'],
    ['invalidated', '2040-01-01', 'invalidated'],
  ] as const)('%s until %s on 2026-12-02: %s', (status, expires, expected) => {
    expect(titleValidity(status, expires, '2026-12-02')).toBe(expected);
  });

  it('adds years on the calendar', () => {
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(() => addYears('2025-02-29', 1)).toThrow(RangeError);
  });
});

describe('classes', () => {
  it.each([
    ['trademark', '9', '09'],
    ['trademark', '45', '45'],
    ['trademark', '46', undefined],
    ['trademark', '0', undefined],
    ['industrial_design', '06-01', '06-01'],
    ['industrial_design', '33-01', undefined],
    ['patent', 'a61k31/00', 'A61K 31/00'],
    ['utility_solution', 'C02F 1/14', 'C02F 1/14'],
    ['patent', 'Z99Z 1/00', undefined],
  ] as const)('a %s class %s is %s', (kind, raw, expected) => {
    expect(normalizeClass(kind, raw)).toBe(expected);
  });

  it('parses the e-form lists', () => {
    expect(parseClasses('trademark', '9, 35, 42, 35')).toEqual({ classes: ['09', '35', '42'], invalid: [] });
    expect(parseClasses('patent', 'A61K 31/00; C02F1/14; xyz')).toEqual({ classes: ['A61K 31/00', 'C02F 1/14'], invalid: ['xyz'] });
  });
});
