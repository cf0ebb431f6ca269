// The audit trail of one record. Units and officers are read by whoever holds 'audit.read' over
// their unit; any other record (citizen accounts, calendar years, ...) at the ministry level.
import { assertCan } from '../../../http/access.ts';
import { listAudit } from '../../audit/service.ts';
import type { Actor } from '../actor.ts';
import { officerHomeUnit } from './store.ts';
import type { OfficerDeps } from './support.ts';

const UUID = /^[0-9a-f-]{36}$/i;

export async function readAudit(deps: Pick<OfficerDeps, 'db' | 'units'>, actor: Actor, entity: string, entityId: string) {
  const tree = await deps.units.tree();
  assertCan(actor.principal, 'audit.read', 'any', tree);
  let unitId: string | null = null;
  if (entity === 'unit') unitId = tree.parentOf(entityId) === undefined ? null : entityId;
  else if (entity === 'officer' && UUID.test(entityId)) unitId = (await officerHomeUnit(deps.db, entityId))?.unitId ?? null;
  assertCan(actor.principal, 'audit.read', unitId, tree);
  const rows = await listAudit(deps.db, entity, entityId);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor_label,
    actorId: r.actor_id,
    actorKind: r.actor_kind,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    requestId: r.request_id,
  }));
}
