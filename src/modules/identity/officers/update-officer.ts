// Editing an officer (name, contact, home unit) and disabling or enabling the account.
import { actorOf, recordAudit } from '../../audit/service.ts';
import { forbidden, NO_RIGHT, type Actor } from '../actor.ts';
import { closeSessionsOfAccount } from '../sessions/service.ts';
import { canMoveOfficer } from './policy.ts';
import type { Officer, OfficerPatch } from './schema.ts';
import { findOfficer, updateOfficerRow } from './store.ts';
import { assertActiveUnit, assertAnotherRootAdmin, auditView, holdsRootAdmin, officerForChange, type OfficerDeps } from './support.ts';

export async function updateOfficer(deps: OfficerDeps, actor: Actor, id: string, patch: OfficerPatch, now = new Date()): Promise<Officer> {
  const tree = await deps.units.tree();
  return deps.db.transaction().execute(async (trx) => {
    const before = await officerForChange(trx, tree, actor, id);
    if (patch.unitId !== undefined && patch.unitId !== before.unitId) {
      if (!canMoveOfficer(actor.principal, patch.unitId, tree)) throw forbidden(...NO_RIGHT);
      await assertActiveUnit(trx, patch.unitId);
    }
    await updateOfficerRow(trx, id, { fullName: patch.fullName, email: patch.email, phone: patch.phone, unitId: patch.unitId }, now);
    const after = (await findOfficer(trx, id))!;
    await recordAudit(trx, {
      actor: actorOf(actor.principal),
      action: 'officer.update',
      entity: 'officer',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
      requestId: actor.requestId,
    });
    return after;
  });
}

export async function setOfficerDisabled(deps: OfficerDeps, actor: Actor, id: string, disabled: boolean, now = new Date()): Promise<Officer> {
  const tree = await deps.units.tree();
  return deps.db.transaction().execute(async (trx) => {
    const before = await officerForChange(trx, tree, actor, id);
    if (disabled && holdsRootAdmin(tree, before)) await assertAnotherRootAdmin(trx, tree, id);
    await updateOfficerRow(trx, id, { disabledAt: disabled ? now : null }, now);
    if (disabled) await closeSessionsOfAccount(trx, deps.sessions, id);
    const after = (await findOfficer(trx, id))!;
    await recordAudit(trx, {
      actor: actorOf(actor.principal),
      action: disabled ? 'officer.disable' : 'officer.enable',
      entity: 'officer',
      entityId: id,
      before: { disabled: before.disabled },
      after: { disabled: after.disabled },
      requestId: actor.requestId,
    });
    return after;
  });
}
