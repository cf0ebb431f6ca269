// The audit trail of administrative changes: who, when, what, before and after. Written inside
// the transaction of the change it records, so a change without its audit row cannot exist.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { AuditAction, AuditActor } from './actions.ts';

export { actorOf, systemActor, AUDIT_ACTIONS, type AuditAction, type AuditActor } from './actions.ts';

export interface AuditEntry {
  actor: AuditActor;
  action: AuditAction;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** The request id (already checked at the edge: server.ts accepts only a well-formed one). */
  requestId?: string;
}

export async function recordAudit(trx: Transaction<DB> | Kysely<DB>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_id: entry.actor.id,
      actor_kind: entry.actor.kind,
      actor_label: entry.actor.label,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      request_id: entry.requestId ?? null,
    })
    .execute();
}

export async function listAudit(db: Kysely<DB>, entity: string, entityId: string) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}
