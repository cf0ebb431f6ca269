// Runs the escalation rules (core/dossiers/escalation.ts) over the open dossiers, from a schedule
// of the job runner: each escalation is a notification keyed by rule, dossier and step, so it is
// sent once however often the schedule runs and however many instances run it.
import type { Kysely } from 'kysely';
import type { Role } from '../../core/access/index.ts';
import type { WorkingCalendar } from '../../core/calendar/index.ts';
import { DEFAULT_ESCALATIONS, escalationsOf, type EscalationRecipient, type EscalationRule, type WatchedDossier } from '../../core/dossiers/escalation.ts';
import type { DossierState } from '../../core/dossiers/index.ts';
import type { DB } from '../../db/types.ts';
import type { NotificationsModule } from '../notifications/module.ts';
import { watchedDossiers } from './store.ts';

export interface EscalationDeps {
  db: Kysely<DB>;
  calendar: () => Promise<WorkingCalendar>;
  notifications: Pick<NotificationsModule, 'notify'>;
  contact: (accountId: string) => Promise<{ email: string | null; phone: string | null } | undefined>;
  officersCovering: (role: Role, unitId: string) => Promise<Array<{ accountId: string; name: string; email: string | null; phone: string | null }>>;
  procedureName: (versionId: string) => Promise<string>;
  rules?: readonly EscalationRule[];
}

/** Queues the escalations due now; returns how many notifications were queued (repeats are dropped by their keys). */
export async function runEscalations(deps: EscalationDeps, now: Date): Promise<number> {
  const rules = deps.rules ?? DEFAULT_ESCALATIONS;
  const calendar = await deps.calendar();
  const widest = Math.max(0, ...rules.map((r) => r.workingHours ?? 0));
  const rows = await watchedDossiers(deps.db, calendar.addWorkingTime(now, widest, 'working_hours'));
  const watched: WatchedDossier[] = rows.map((r) => {
    const open = (r.state as DossierState).steps.at(-1);
    return {
      id: r.id,
      status: r.status,
      dueAt: r.due_at,
      stepDueAt: r.step_due_at,
      stepKey: open && open.finishedAt === null ? `${open.kind}@${open.startedAt}` : null,
    };
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  let queued = 0;
  for (const rule of rules) {
    for (const hit of escalationsOf(rule, watched, now, calendar)) {
      const row = byId.get(hit.dossierId)!;
      const data = { dossierCode: row.code ?? row.id, procedureName: await deps.procedureName(row.version_id), applicantName: row.applicant_name, dueAt: hit.dueAt.toISOString() };
      for (const who of rule.notify) {
        for (const to of await recipients(deps, who, row)) {
          if (!to.email && !to.phone) continue;
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
  return queued;
}

async function recipients(deps: EscalationDeps, who: EscalationRecipient, row: { assignee_id: string | null; unit_id: string; handling_unit_id: string }) {
  if (who === 'assignee') {
    if (!row.assignee_id) return [];
    const c = await deps.contact(row.assignee_id);
    return c ? [{ accountId: row.assignee_id, name: '', email: c.email, phone: c.phone }] : [];
  }
  return who === 'unit_leader' ? deps.officersCovering('unit_leader', row.handling_unit_id) : deps.officersCovering('receiver', row.unit_id);
}
