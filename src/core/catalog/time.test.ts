import { describe, expect, it } from 'vitest';
import { checkWorkflowBudget, nominalWorkingHours, totalBudget } from './time.ts';
import type { Duration, ProcessingTime, WorkflowStep } from './types.ts';

const steps = (...budgets: Duration[]): WorkflowStep[] =>
  budgets.map((budget, i) => ({ kind: i === 0 ? 'receive' : 'examine', role: 'specialist', budget }));
const wd = (value: number): Duration => ({ value, unit: 'working_days' });
const limit = (value: number, unit: Duration['unit'], online?: Duration): ProcessingTime => ({ value, unit, skipDaysOff: false, ...(online ? { online } : {}) });

describe('workflow budget ≤ legal processing time', () => {
  it.each<[string, WorkflowStep[], ProcessingTime, string[]]>([
    ['exactly the limit', steps(wd(1), wd(3.5), wd(0.5)), limit(5, 'working_days'), []],
    ['over by half a day', steps(wd(1), wd(4), wd(0.5)), limit(5, 'working_days'), ['budget_exceeds_time_limit']],
    ['fractions add exactly (0.1 + 0.2)', steps(wd(0.1), wd(0.2)), limit(0.3, 'working_days'), []],
    ['hours inside days: 8 h = 1 working day', steps({ value: 4, unit: 'working_hours' }, { value: 4, unit: 'working_hours' }), limit(1, 'working_days'), []],
    ['hours over a day', steps({ value: 4, unit: 'working_hours' }, { value: 5, unit: 'working_hours' }), limit(1, 'working_days'), ['budget_exceeds_time_limit']],
    ['months with working-day steps', steps(wd(1), { value: 11, unit: 'months' }, wd(10)), limit(12, 'months'), []],
    ['months over', steps(wd(1), { value: 12, unit: 'months' }), limit(12, 'months'), ['budget_exceeds_time_limit']],
    ['online limit shorter', steps(wd(2), wd(6)), limit(10, 'working_days', wd(7)), ['budget_exceeds_online_time_limit']],
    ['calendar days exact', steps({ value: 1, unit: 'calendar_days' }, { value: 59, unit: 'calendar_days' }), limit(60, 'calendar_days'), []],
    ['7 calendar days hold 5 working days', steps(wd(5)), limit(7, 'calendar_days'), []],
    ['7 calendar days do not hold 6 working days', steps(wd(6)), limit(7, 'calendar_days'), ['budget_exceeds_time_limit']],
  ])('%s', (_name, s, pt, expected) => {
    expect(checkWorkflowBudget(s, pt).map((i) => i.code)).toEqual(expected);
  });

  it('uses the configured hours of a working day', () => {
    const s = steps({ value: 7, unit: 'working_hours' });
    expect(checkWorkflowBudget(s, limit(1, 'working_days'), 6).map((i) => i.code)).toEqual(['budget_exceeds_time_limit']);
    expect(checkWorkflowBudget(s, limit(1, 'working_days'), 8)).toEqual([]);
  });

  it('says by how much, in Vietnamese', () => {
    const [issue] = checkWorkflowBudget(steps(wd(6)), limit(5, 'working_days'));
    expect(issue!.message.vi).toBe('Tổng thời gian các bước xử lý là 6 ngày làm việc, vượt thời hạn giải quyết 5 ngày làm việc.');
    expect(issue!.pointer).toBe('/steps');
  });

  it('totals exactly in the limit unit and converts otherwise', () => {
    expect(totalBudget(steps(wd(1), wd(2)), 'working_days')).toEqual({ value: 3, exact: true });
    expect(totalBudget(steps({ value: 16, unit: 'working_hours' }), 'working_days')).toEqual({ value: 2, exact: false });
    expect(nominalWorkingHours({ value: 1, unit: 'months' })).toBeCloseTo((30 * 5 * 8) / 7);
  });
});
