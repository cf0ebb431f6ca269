// Escalation rules as data (the SLA of each state in configuration, as DIGIT keeps it): who is
// told when a step or a dossier nears or passes its due. The late-dossier rule (Decree 118/2025,
// as provincial regulations quote it: "chậm nhất 01 ngày trước ngày hết hạn" the agency notifies
// the One-Stop Unit and apologizes) is the `dossier-due-soon` rule, suggesting the apology slip.
// Pure: the job runner feeds it the open dossiers and the time, and sends each hit once (keyed).
import type { WorkingCalendar } from '../calendar/working-time.ts';
import { STATUS, type DossierStatus } from './status.ts';

export type EscalationRecipient = 'assignee' | 'unit_leader' | 'receiver';

export interface EscalationRule {
  id: string;
  /** What is watched: the open step's due, or the dossier's legal due. */
  watch: 'step' | 'dossier';
  /** `within`: due in at most `workingHours` from now (and not yet past); `overdue`: past due. */
  when: 'within' | 'overdue';
  workingHours?: number;
  notify: readonly EscalationRecipient[];
  template: 'dossier.step_due_soon' | 'dossier.step_overdue' | 'dossier.due_soon';
}

export const DEFAULT_ESCALATIONS: readonly EscalationRule[] = [
  { id: 'step-due-soon', watch: 'step', when: 'within', workingHours: 4, notify: ['assignee'], template: 'dossier.step_due_soon' },
  { id: 'step-overdue', watch: 'step', when: 'overdue', notify: ['unit_leader'], template: 'dossier.step_overdue' },
  { id: 'dossier-due-soon', watch: 'dossier', when: 'within', workingHours: 8, notify: ['receiver', 'unit_leader'], template: 'dossier.due_soon' },
];

/** The statuses in which the clock runs for the agency (not waiting for the applicant, not closed). */
export const WATCHED_STATUSES: readonly DossierStatus[] = [STATUS.received, STATUS.processing];

export interface WatchedDossier {
  id: string;
  status: number;
  dueAt: Date | null;
  stepDueAt: Date | null;
  /** Identifies the open step (its kind and start), so a new step is a new escalation. */
  stepKey: string | null;
}

export interface Escalation {
  rule: EscalationRule;
  dossierId: string;
  dueAt: Date;
  /** Each escalation is sent once: the rule, the dossier, and the step or due it is about. */
  key: string;
}

/** The escalations a rule raises now over the watched dossiers. */
export function escalationsOf(rule: EscalationRule, dossiers: readonly WatchedDossier[], now: Date, calendar: WorkingCalendar): Escalation[] {
  const horizon = rule.when === 'within' ? calendar.addWorkingTime(now, rule.workingHours ?? 0, 'working_hours') : now;
  const out: Escalation[] = [];
  for (const d of dossiers) {
    if (!(WATCHED_STATUSES as readonly number[]).includes(d.status)) continue;
    const due = rule.watch === 'step' ? d.stepDueAt : d.dueAt;
    if (!due) continue;
    const hit = rule.when === 'overdue' ? due.getTime() < now.getTime() : due.getTime() >= now.getTime() && due.getTime() <= horizon.getTime();
    if (!hit) continue;
    const about = rule.watch === 'step' ? (d.stepKey ?? due.toISOString()) : due.toISOString();
    out.push({ rule, dossierId: d.id, dueAt: due, key: `${rule.id}:${d.id}:${about}` });
  }
  return out;
}
