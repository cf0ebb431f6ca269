// Granting and revoking an officer's roles. The caller manages the officer (home unit and every
// unit of their roles, policy.ts) and administers the unit of the grant.
import type { Role } from '../../../core/access/index.ts';
import { actorOf, recordAudit } from '../../audit/service.ts';
import { forbidden, NO_RIGHT, notFound, type Actor } from '../actor.ts';
import { canChangeGrant, isRootAdminGrant } from './policy.ts';
import type { Officer } from './schema.ts';
import { findOfficer, grantRole, revokeRole } from './store.ts';
import { assertActiveUnit, assertAnotherRootAdmin, officerForChange, type OfficerDeps } from './support.ts';

export async function grantOfficerRole(deps: OfficerDeps, actor: Actor, id: string, grant: { role: Role; unitId: string }): Promise<Officer> {
  const tree = await deps.units.tree();
  return deps.db.transaction().execute(async (trx) => {
    const before = await officerForChange(trx, tree, actor, id);
    if (!canChangeGrant(actor.principal, grant.unitId, tree)) throw forbidden(...NO_RIGHT);
    await assertActiveUnit(trx, grant.unitId);
    if (before.roles.some((g) => g.role === grant.role && g.unitId === grant.unitId)) return before;
    const audit = actorOf(actor.principal);
    await grantRole(trx, id, grant.unitId, grant.role, audit.label);
    deps.sessions.cache?.deleteAccount(id);
    const after = (await findOfficer(trx, id))!;
    await recordAudit(trx, {
      actor: audit,
      action: 'officer.role.grant',
      entity: 'officer',
      entityId: id,
      before: { roles: before.roles },
      after: { roles: after.roles },
      requestId: actor.requestId,
    });
    return after;
  });
}

export async function revokeOfficerRole(deps: OfficerDeps, actor: Actor, id: string, grant: { role: Role; unitId: string }): Promise<Officer> {
  const tree = await deps.units.tree();
  return deps.db.transaction().execute(async (trx) => {
    const before = await officerForChange(trx, tree, actor, id);
    if (!canChangeGrant(actor.principal, grant.unitId, tree)) throw forbidden(...NO_RIGHT);
    if (!before.roles.some((g) => g.role === grant.role && g.unitId === grant.unitId)) {
      throw notFound('Cán bộ không có vai trò này.', 'The officer does not hold this role.');
    }
    if (isRootAdminGrant(tree, grant)) await assertAnotherRootAdmin(trx, tree, id);
    await revokeRole(trx, id, grant.unitId, grant.role);
    deps.sessions.cache?.deleteAccount(id);
    const after = (await findOfficer(trx, id))!;
    await recordAudit(trx, {
      actor: actorOf(actor.principal),
      action: 'officer.role.revoke',
      entity: 'officer',
      entityId: id,
      before: { roles: before.roles },
      after: { roles: after.roles },
      requestId: actor.requestId,
    });
    return after;
  });
}
