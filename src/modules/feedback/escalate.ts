// Runs the PAKN escalation rules (core/feedback/escalation.ts) from a schedule of the job runner:
// each hit is a notification keyed by rule, PAKN, deadline and recipient, so it is sent once
// however often the schedule runs and however many instances run it.
import type { Kysely } from 'kysely';
import type { Role } from '../../core/access/index.ts';
import type { WorkingCalendar } from '../../core/calendar/index.ts';
import { DEFAULT_FEEDBACK_ESCALATIONS, feedbackEscalationsOf, type FeedbackEscalationRecipient, type FeedbackEscalationRule } from '../../core/feedback/index.ts';
import type { DB } from '../../db/types.ts';
import type { NotificationsModule } from '../notifications/module.ts';
import { watchedFeedback } from './store.ts';

type Officer = { accountId: string; name: string; email: string | null; phone: string | null };

export interface FeedbackEscalationDeps {
  db: Kysely<DB>;
  calendar: () => Promise<WorkingCalendar>;
  notifications: Pick<NotificationsModule, 'notify'>;
  officersCovering: (role: Role, unitId: string) => Promise<Officer[]>;
  rules?: readonly FeedbackEscalationRule[];
}

/** Handlers are the officers holding feedback.handle (receivers and specialists); leaders the unit's leaders. */
const ROLES: Record<FeedbackEscalationRecipient, readonly Role[]> = { handlers: ['receiver', 'specialist'], unit_leader: ['unit_leader'] };

/** Queues the escalations due at `now`; returns how many notifications were asked for (repeats are dropped by their keys). */
export async function runFeedbackEscalations(deps: FeedbackEscalationDeps, now: Date): Promise<number> {
  const rules = deps.rules ?? DEFAULT_FEEDBACK_ESCALATIONS;
  const calendar = await deps.calendar();
  const widest = Math.max(0, ...rules.map((r) => r.workingHours ?? 0));
  const rows = await watchedFeedback(deps.db, calendar.addWorkingTime(now, widest, 'working_hours'));
  const watched = rows.map((r) => ({ id: r.id, dueAt: r.due_at, dueKind: r.due_kind }));
  const byId = new Map(rows.map((r) => [r.id, r]));
  let queued = 0;
  for (const rule of rules) {
    for (const hit of feedbackEscalationsOf(rule, watched, now, calendar)) {
      const row = byId.get(hit.feedbackId)!;
      const data = { dossierCode: row.code, procedureName: row.title, applicantName: row.filer_name, dueAt: hit.dueAt.toISOString(), what: row.due_kind ?? 'process' };
      const seen = new Set<string>();
      for (const who of rule.notify) {
        for (const role of ROLES[who]) {
          for (const to of await deps.officersCovering(role, row.unit_id)) {
            if (seen.has(to.accountId) || (!to.email && !to.phone)) continue;
            seen.add(to.accountId);
            await deps.notifications.notify(deps.db, {
              to: { ...(to.email ? { email: to.email } : {}), ...(to.phone ? { phone: to.phone } : {}), name: to.name },
              template: rule.template,
              data,
              key: `${hit.key}:${to.accountId}`,
            });
            queued++;
          }
        }
      }
    }
  }
  return queued;
}
