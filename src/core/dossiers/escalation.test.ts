import { describe, expect, it } from 'vitest';
import { scheduleForYear } from '../calendar/rules.ts';
import { DEFAULT_SETTINGS, createWorkingCalendar } from '../calendar/working-time.ts';
import { DEFAULT_ESCALATIONS, escalationsOf, type WatchedDossier } from './escalation.ts';

const cal = createWorkingCalendar(DEFAULT_SETTINGS, (year) => scheduleForYear(year));
const rule = (id: string) => DEFAULT_ESCALATIONS.find((r) => r.id === id)!;
const at = (s: string) => new Date(`2026-03-${s}+07:00`);
const d = (id: string, status: number, stepDue: string | null, due: string | null): WatchedDossier => ({
  id,
  status,
  stepDueAt: stepDue ? at(stepDue) : null,
  dueAt: due ? at(due) : null,
  stepKey: stepDue ? `examine@${stepDue}` : null,
});

describe('escalation rules', () => {
  // Now: Friday 06/03 15:00. Four working hours later is Monday 09/03 09:00 (two hours on Friday, two on Monday).
  const now = at('06T15:00:00');
  const dossiers = [
    d('soon', 4, '09T07:30:00', '20T17:00:00'),
    d('later', 4, '09T09:30:00', '20T17:00:00'),
    d('late-step', 4, '05T10:00:00', '20T17:00:00'),
    d('due-monday', 2, null, '09T14:00:00'),
    d('paused', 5, '05T10:00:00', '09T10:00:00'),
    d('done', 9, '05T10:00:00', '05T10:00:00'),
  ];
  const table: Array<[string, string[]]> = [
    ['step-due-soon', ['soon']],
    ['step-overdue', ['late-step']],
    ['dossier-due-soon', ['due-monday']],
  ];
  it.each(table)('%s fires for exactly %j (counted in working hours, not while the applicant has the dossier)', (id, expected) => {
    expect(escalationsOf(rule(id), dossiers, now, cal).map((e) => e.dossierId)).toEqual(expected);
  });

  it('keys each escalation by rule, dossier and step, so a new step is a new escalation', () => {
    const [a] = escalationsOf(rule('step-overdue'), [d('x', 4, '05T10:00:00', null)], now, cal);
    const [b] = escalationsOf(rule('step-overdue'), [d('x', 4, '05T11:00:00', null)], now, cal);
    expect(a!.key).not.toBe(b!.key);
    expect(escalationsOf(rule('step-overdue'), [d('x', 4, '05T10:00:00', null)], now, cal)[0]!.key).toBe(a!.key);
  });
});
