import { describe, expect, it } from 'vitest';
import { addMonths, bodyEffect, maxValidUntil, standardFitsKind, verificationProblem, verificationStatus } from './index.ts';

describe('the verification cycle', () => {
  it.each([
    ['2026-03-15', 12, '2027-03-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-01', 60, '2031-12-01'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2026-03-15', 12, '2027-03-14'],
    ['2026-03-01', 12, '2027-02-28'],
    ['2024-02-29', 12, '2025-02-27'],
    ['2026-06-10', 60, '2031-06-09'],
  ])('verified on %s with a %i-month cycle: valid through %s at most', (date, months, expected) => {
    expect(maxValidUntil(date, months)).toBe(expected);
  });

  it('refuses an impossible date', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('a verification’s dates and result', () => {
  const today = '2026-12-02';
  it.each([
    ['pass', '2026-03-15', '2027-03-14', 12, undefined],
    ['pass', '2026-03-15', '2027-03-15', 12, 'beyond_cycle'],
    ['pass', '2026-03-15', '2026-03-15', 12, 'not_after_verification'],
    ['pass', '2026-03-15', null, 12, 'pass_needs_validity'],
    ['fail', '2026-03-15', null, 12, undefined],
    ['fail', '2026-03-15', '2027-03-14', 12, 'fail_has_validity'],
    ['pass', '2026-12-03', '2027-12-02', 12, 'in_future'],
    ['pass', '2026-12-02', '2031-12-01', 60, undefined],
  ] as const)('%s on %s until %s (cycle %i months): %s', (result, verifiedOn, validUntil, cycleMonths, expected) => {
    expect(verificationProblem({ result, verifiedOn, validUntil, cycleMonths, today })).toBe(expected);
  });

  it.each([
    ['pass', '2026-12-02', 'valid'],
    ['pass', '2026-12-01', 'expired'],
    ['pass', '2027-01-01', 'valid'],
    ['fail', null, 'failed'],
  ] as const)('%s until %s on 2026-12-02: %s', (result, validUntil, expected) => {
    expect(verificationStatus(result, validUntil, today)).toBe(expected);
  });
});

describe('a body’s registration', () => {
  it.each([
    ['active', null, 'effective'],
    ['active', '2026-12-02', 'effective'],
    ['active', '2026-12-01', 'expired'],
    ['suspended', '2030-01-01', 'suspended'],
    ['revoked', null, 'revoked'],
  ] as const)('%s until %s: %s', (status, validUntil, expected) => {
    expect(bodyEffect(status, validUntil, '2026-12-02')).toBe(expected);
  });
});

describe('the standard of an announcement', () => {
  it.each([
    ['regulation', 'QCVN 4:2009/BKHCN', true],
    ['regulation', 'TCVN 6592:2001', false],
    ['standard', 'TCVN 7447-5-54:2015', true],
    ['standard', 'QCVN 16:2023/BXD', false],
    ['standard', 'ISO 9001:2015', true],
  ] as const)('%s with %s: %s', (kind, code, expected) => {
    expect(standardFitsKind(kind, code)).toBe(expected);
  });
});
