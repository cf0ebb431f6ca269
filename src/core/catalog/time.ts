// Processing time limits and the time budget of the internal workflow. The steps of a
// procedure's workflow (receive, transfer, assign, examine, approve, sign/issue, return) each have
// a time budget; together they must fit within the legal processing time, for direct and for
// online submission (a dossier's process control slip is checked against the same budgets).
import type { UnlabelledIssue, Duration, ProcessingTime, ProcessingTimeUnit, WorkflowStep } from './types.ts';

export const PROCESSING_TIME_UNITS: readonly ProcessingTimeUnit[] = ['working_days', 'working_hours', 'calendar_days', 'months'];

export const UNIT_NAMES: Record<ProcessingTimeUnit, { vi: string; en: string }> = {
  working_days: { vi: 'ngày làm việc', en: 'working days' },
  working_hours: { vi: 'giờ làm việc', en: 'working hours' },
  calendar_days: { vi: 'ngày', en: 'calendar days' },
  months: { vi: 'tháng', en: 'months' },
};

/**
 * Factors to compare durations of different units. These are a nominal measure, used only when a
 * step and the legal limit use different units (same units compare exactly):
 * - a working day is `hoursPerDay` working hours (WORKING_DAY_HOURS, default 8: Labor Code 2019
 *   Art. 105 normal hours);
 * - a calendar day is 5/7 of a working day (a five-day week; days off are ignored, so mixing
 *   calendar and working days is approximate by nature);
 * - a month is 30 calendar days.
 * Authors who want an exact check express the steps in the unit of the legal limit.
 */
export const NOMINAL = { workingDaysPerCalendarDay: 5 / 7, calendarDaysPerMonth: 30 } as const;

export function nominalWorkingHours(d: Duration, hoursPerDay = 8): number {
  switch (d.unit) {
    case 'working_hours':
      return d.value;
    case 'working_days':
      return d.value * hoursPerDay;
    case 'calendar_days':
      return d.value * NOMINAL.workingDaysPerCalendarDay * hoursPerDay;
    case 'months':
      return d.value * NOMINAL.calendarDaysPerMonth * NOMINAL.workingDaysPerCalendarDay * hoursPerDay;
  }
}

export function formatDuration(d: Duration): { vi: string; en: string } {
  const n = Number.isInteger(d.value) ? String(d.value) : String(d.value).replace('.', ',');
  return { vi: `${n} ${UNIT_NAMES[d.unit].vi}`, en: `${d.value} ${UNIT_NAMES[d.unit].en}` };
}

/** Sum of step budgets in the given unit, exact when every step uses that unit. */
export function totalBudget(steps: readonly WorkflowStep[], unit: ProcessingTimeUnit, hoursPerDay = 8): { value: number; exact: boolean } {
  if (steps.every((s) => s.budget.unit === unit)) {
    // Sum in hundredths to avoid 0.1 + 0.2 surprises with fractional working days.
    const hundredths = steps.reduce((acc, s) => acc + Math.round(s.budget.value * 100), 0);
    return { value: hundredths / 100, exact: true };
  }
  const hours = steps.reduce((acc, s) => acc + nominalWorkingHours(s.budget, hoursPerDay), 0);
  return { value: hours / nominalWorkingHours({ value: 1, unit }, hoursPerDay), exact: false };
}

/**
 * The workflow's budgets must add up to no more than the legal processing time, for each limit
 * that is set (direct, and online where it differs). Returns errors at `/steps`.
 */
export function checkWorkflowBudget(
  steps: readonly WorkflowStep[],
  processingTime: ProcessingTime | undefined,
  hoursPerDay = 8,
): UnlabelledIssue[] {
  if (!processingTime || steps.length === 0) return [];
  const limits: Array<{ which: 'direct' | 'online'; limit: Duration }> = [{ which: 'direct', limit: processingTime }];
  if (processingTime.online) limits.push({ which: 'online', limit: processingTime.online });
  const issues: UnlabelledIssue[] = [];
  for (const { which, limit } of limits) {
    const total = totalBudget(steps, limit.unit, hoursPerDay);
    const over = total.exact
      ? total.value > limit.value
      : // Nominal comparison: allow for rounding of the conversion factors.
        total.value > limit.value + 1e-9;
    if (!over) continue;
    const shown = Math.round(total.value * 100) / 100;
    const limitText = formatDuration(limit);
    const totalText = formatDuration({ value: shown, unit: limit.unit });
    const approx = total.exact ? '' : ' (quy đổi)';
    const approxEn = total.exact ? '' : ' (converted)';
    issues.push({
      severity: 'error',
      pointer: '/steps',
      code: which === 'direct' ? 'budget_exceeds_time_limit' : 'budget_exceeds_online_time_limit',
      message: {
        vi: `Tổng thời gian các bước xử lý là ${totalText.vi}${approx}, vượt thời hạn giải quyết ${which === 'online' ? 'trực tuyến ' : ''}${limitText.vi}.`,
        en: `The workflow steps add up to ${totalText.en}${approxEn}, more than the ${which === 'online' ? 'online ' : ''}processing time limit of ${limitText.en}.`,
      },
    });
  }
  return issues;
}
