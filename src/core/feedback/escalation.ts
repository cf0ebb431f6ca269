// Escalation of PAKN deadlines as data, as for dossier steps (core/dossiers/escalation.ts): a PAKN
// whose current deadline (processing, 766 5.2: 15 WD; or publication: 2 WD after approval) is
// within a working day tells its handlers; an overdue one tells the unit's leaders. Pure: the job
// feeds it the open PAKN and the time, and each hit is sent once (keyed by rule, PAKN and due).
import type { WorkingCalendar } from '../calendar/working-time.ts';

export type FeedbackEscalationRecipient = 'handlers' | 'unit_leader';

export interface FeedbackEscalationRule {
  id: string;
  when: 'within' | 'overdue';
  workingHours?: number;
  notify: readonly FeedbackEscalationRecipient[];
  template: 'feedback.due_soon' | 'feedback.overdue';
}

export const DEFAULT_FEEDBACK_ESCALATIONS: readonly FeedbackEscalationRule[] = [
  { id: 'feedback-due-soon', when: 'within', workingHours: 8, notify: ['handlers'], template: 'feedback.due_soon' },
  { id: 'feedback-overdue', when: 'overdue', notify: ['handlers', 'unit_leader'], template: 'feedback.overdue' },
];

export interface WatchedFeedback {
  id: string;
  /** The current deadline (null: none runs). */
  dueAt: Date | null;
  dueKind: 'process' | 'publish' | null;
}

export interface FeedbackEscalation {
  rule: FeedbackEscalationRule;
  feedbackId: string;
  dueAt: Date;
  key: string;
}

export function feedbackEscalationsOf(rule: FeedbackEscalationRule, items: readonly WatchedFeedback[], now: Date, calendar: WorkingCalendar): FeedbackEscalation[] {
  const horizon = rule.when === 'within' ? calendar.addWorkingTime(now, rule.workingHours ?? 0, 'working_hours') : now;
  const out: FeedbackEscalation[] = [];
  for (const f of items) {
    if (!f.dueAt || !f.dueKind) continue;
    const due = f.dueAt.getTime();
    const hit = rule.when === 'overdue' ? due < now.getTime() : due >= now.getTime() && due <= horizon.getTime();
    if (hit) out.push({ rule, feedbackId: f.id, dueAt: f.dueAt, key: `${rule.id}:${f.id}:${f.dueKind}@${f.dueAt.toISOString()}` });
  }
  return out;
}
