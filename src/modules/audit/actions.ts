// The audit trail's vocabulary: who can act, and every action that is recorded. A module adds
// its actions here, so a reader (and the audit pages) know the whole list (Documenso's audit log
// types are the model).
import type { Principal } from '../../core/access/index.ts';

export const AUDIT_ACTIONS = [
  // identity
  'account.create',
  'unit.create',
  'unit.update',
  'unit.activate',
  'unit.deactivate',
  'officer.create',
  'officer.update',
  'officer.lock',
  'officer.disable',
  'officer.enable',
  'officer.invitation.accept',
  'officer.password.change',
  'officer.password.reset',
  'officer.totp.enable',
  'officer.totp.replace',
  'officer.totp.reset',
  'officer.role.grant',
  'officer.role.revoke',
  // calendar
  'calendar.year.set',
  'calendar.year.reset',
  // catalog
  'catalog.import',
  'catalog.procedure.create',
  'catalog.procedure.code_status',
  'catalog.version.create',
  'catalog.version.update',
  'catalog.version.publish',
  'catalog.version.withdraw',
  // dossiers (each action is in the dossier's own chained log; the audit trail records the intake)
  'dossier.create',
  // population (the names rows already carry)
  'population.purpose.create',
  'population.purpose.update',
  // ratings and feedback (PAKN): each PAKN action is also a row of its own history
  'feedback.create',
  'feedback.action',
  'rating.kiosk',
  // results
  'result.revoke',
  'result.template.set',
  // data-exchange gateway
  'lgsp.consumer.create',
  'lgsp.consumer.update',
  'lgsp.consumer.secret.rotate',
  'lgsp.acl.grant',
  'lgsp.acl.revoke',
  'lgsp.service.update',
  // quality index: a month's results frozen for publication
  'quality.month.freeze',
  // quality index: the national portal's published figures of a month imported and compared
  'quality.reconciliation.import',
  // sector databases: reconciliation with the population database, corrections of a person
  'registry.reconcile.start',
  'registry.reconcile.finish',
  'registry.person.correct',
  // standards, metrology and quality database
  'stameq.verification.create',
  'stameq.verification.update',
  // national science and technology database
  'st.task.create',
  'st.task.update',
  'st.researcher.create',
  // intellectual property database
  'ip.application.create',
  'ip.application.status',
  'ip.title.create',
  'ip.title.issued',
  // technology supply and demand database
  'techmarket.provider.create',
  'techmarket.offer.create',
  'techmarket.offer.update',
  'techmarket.demand.create',
  'techmarket.demand.update',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditActorKind = 'officer' | 'citizen' | 'organization' | 'service' | 'system';

/** Who did it: the account id (null when no account acted) and the label readers see. */
export interface AuditActor {
  id: string | null;
  kind: AuditActorKind;
  label: string;
}

/** The actor of a request's principal. */
export function actorOf(principal: Principal): AuditActor {
  switch (principal.kind) {
    case 'officer':
      return { id: principal.accountId, kind: 'officer', label: `${principal.username} (${principal.fullName})` };
    case 'service':
      return { id: null, kind: 'service', label: principal.fullName };
    default:
      return { id: principal.accountId, kind: principal.kind, label: principal.fullName };
  }
}

/** The system itself: seeds, scheduled jobs, the command line (`label` says which). */
export function systemActor(label: string): AuditActor {
  return { id: null, kind: 'system', label };
}
