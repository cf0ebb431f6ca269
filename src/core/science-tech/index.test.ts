import { describe, expect, it } from 'vitest';
import { canMoveTask, formatVnd, isRegistrationNo, isTaskCode, normalizeCode, taskProblem, taskProgress, titleFitsDegree, type TaskStatus } from './index.ts';

describe('codes', () => {
  it.each([
    ['A-1234', true],
    ['HN-123', true],
    ['79-0456', true],
    ['A-KHCN-12', true],
    ['A1234', false],
    ['a-12', false],
    ['A-', false],
    ['A-1234567', false],
  ])('registration number %s: %s', (no, expected) => {
    expect(isRegistrationNo(no)).toBe(expected);
  });

  it.each([
    ['ĐTĐL.CN-12/24', true],
    ['KC.4.0-05/19-25', true],
    ['ĐT.BKHCN.21/2025', true],
    ['AB', false],
    ['-ABC', false],
    ['ĐT 12', false],
  ])('task code %s: %s', (code, expected) => {
    expect(isTaskCode(code)).toBe(expected);
  });

  it('normalizes a typed code to upper case NFC', () => {
    expect(normalizeCode(' đtđl.cn-12/24 ')).toBe('ĐTĐL.CN-12/24');
    expect(normalizeCode('d\u0323')).toBe('Ḍ');
  });
});

describe('the life of a task', () => {
  it.each([
    ['proposed', 'approved', true],
    ['proposed', 'in_progress', false],
    ['approved', 'in_progress', true],
    ['in_progress', 'accepted', true],
    ['in_progress', 'cancelled', true],
    ['approved', 'accepted', false],
    ['accepted', 'cancelled', false],
    ['cancelled', 'approved', false],
    ['accepted', 'accepted', true],
  ] as const)('%s → %s: %s', (from, to, expected) => {
    expect(canMoveTask(from, to)).toBe(expected);
  });

  it('never leaves a final status', () => {
    const all: TaskStatus[] = ['proposed', 'approved', 'in_progress', 'accepted', 'cancelled'];
    for (const to of all) {
      expect(canMoveTask('accepted', to)).toBe(to === 'accepted');
      expect(canMoveTask('cancelled', to)).toBe(to === 'cancelled');
    }
  });

  const base = { status: 'in_progress' as TaskStatus, startOn: '2025-01-01', endOn: '2026-12-31', acceptedOn: null, acceptanceResult: null, budgetVnd: 1_500_000_000, piPersonalId: '001090000001', memberPersonalIds: ['001090000002'], today: '2026-12-02' };
  it.each([
    [{}, undefined],
    [{ endOn: '2025-01-01' }, 'end_not_after_start'],
    [{ budgetVnd: -1 }, 'negative_budget'],
    [{ budgetVnd: 1.5 }, 'negative_budget'],
    [{ status: 'accepted' }, 'acceptance_without_date'],
    [{ status: 'accepted', acceptedOn: '2026-11-30', acceptanceResult: 'pass' }, undefined],
    [{ acceptedOn: '2026-11-30', acceptanceResult: 'pass' }, 'date_without_acceptance'],
    [{ status: 'accepted', acceptedOn: '2024-12-31', acceptanceResult: 'pass' }, 'accepted_before_start'],
    [{ status: 'accepted', acceptedOn: '2026-12-03', acceptanceResult: 'pass' }, 'accepted_in_future'],
    [{ memberPersonalIds: ['001090000001'] }, 'pi_is_member'],
    [{ memberPersonalIds: ['001090000002', '001090000002'] }, 'duplicate_member'],
  ] as const)('%o: %s', (over, expected) => {
    expect(taskProblem({ ...base, ...over })).toBe(expected);
  });

  it.each([
    ['in_progress', '2026-12-01', 'overdue'],
    ['in_progress', '2026-12-02', 'in_progress'],
    ['approved', '2026-01-01', 'approved'],
    ['accepted', '2026-01-01', 'accepted'],
  ] as const)('%s ending %s, on 2026-12-02: %s', (status, endOn, expected) => {
    expect(taskProgress(status, endOn, '2026-12-02')).toBe(expected);
  });
});

describe('researchers', () => {
  it.each([
    [null, 'bachelor', true],
    ['associate-professor', 'doctor', true],
    ['professor', 'dsc', true],
    ['professor', 'master', false],
    ['associate-professor', 'bachelor', false],
  ] as const)('title %s with degree %s: %s', (title, degree, expected) => {
    expect(titleFitsDegree(title, degree)).toBe(expected);
  });

  it('writes VND the Vietnamese way', () => {
    expect(formatVnd(1_250_000_000)).toBe('1.250.000.000 đ');
    expect(formatVnd(0)).toBe('0 đ');
  });
});
