// Who may do what in the administration of units and officers. Pure functions over the caller's
// role grants and the unit tree; no I/O. A grant in a unit covers that unit and every unit below
// it, so the ministry-level administrator (admin at the root unit) may do everything, and the
// administrator of a department only what lies in its subtree. Auditors read what they cover.
import type { Principal, Role } from './principal.ts';

export interface UnitTree {
  /** The parent of a unit: a unit id, null for a root, undefined for an unknown unit. */
  parentOf(unitId: string): string | null | undefined;
}

export function treeFrom(units: ReadonlyArray<{ id: string; parentId: string | null }>): UnitTree {
  const parents = new Map(units.map((u) => [u.id, u.parentId]));
  return { parentOf: (id) => parents.get(id) };
}

/** True when `unitId` is `ancestorId` or lies below it. */
export function isWithin(tree: UnitTree, unitId: string, ancestorId: string): boolean {
  let current: string | null | undefined = unitId;
  for (let depth = 0; current && depth < 64; depth++) {
    if (current === ancestorId) return true;
    current = tree.parentOf(current);
  }
  return false;
}

const MANAGE: readonly Role[] = ['admin'];
const READ: readonly Role[] = ['admin', 'auditor'];

function grantsOf(principal: Principal | undefined, roles: readonly Role[]) {
  return principal?.kind === 'officer' ? principal.roles.filter((g) => roles.includes(g.role)) : [];
}

/**
 * Does the principal hold one of `roles` over `unitId`? `null` stands for "no unit" (an officer
 * without a home unit, a new root unit, a record of no unit): only a grant at a root covers it.
 */
export function covers(principal: Principal | undefined, roles: readonly Role[], tree: UnitTree, unitId: string | null): boolean {
  return grantsOf(principal, roles).some((g) =>
    unitId === null ? tree.parentOf(g.unitId) === null : isWithin(tree, unitId, g.unitId),
  );
}

/** Units the principal covers with one of `roles` (for filtering lists). */
export function coveredUnits(principal: Principal | undefined, roles: readonly Role[], allUnitIds: readonly string[], tree: UnitTree): Set<string> {
  return new Set(allUnitIds.filter((id) => covers(principal, roles, tree, id)));
}

export const policy = {
  /** May see the administration screens at all (holds admin or auditor somewhere). */
  canUseAdministration: (p: Principal | undefined) => grantsOf(p, READ).length > 0,

  canReadUnit: (p: Principal | undefined, tree: UnitTree, unitId: string | null) => covers(p, READ, tree, unitId),

  /** Creating a unit under `parentId` (null: a new root, ministry-level only). */
  canCreateUnit: (p: Principal | undefined, tree: UnitTree, parentId: string | null) => covers(p, MANAGE, tree, parentId),

  /** Renaming, re-coding, re-ordering a unit the caller covers (its own unit included). */
  canUpdateUnit: (p: Principal | undefined, tree: UnitTree, unitId: string) => covers(p, MANAGE, tree, unitId),

  /**
   * Moving a unit, deactivating or reactivating it: the caller must cover the parent it leaves
   * and the one it joins, so the administrator of a unit cannot move or close their own unit.
   */
  canMoveUnit: (p: Principal | undefined, tree: UnitTree, fromParentId: string | null, toParentId: string | null) =>
    covers(p, MANAGE, tree, fromParentId) && covers(p, MANAGE, tree, toParentId),

  canReadOfficer: (p: Principal | undefined, tree: UnitTree, officerUnitId: string | null) => covers(p, READ, tree, officerUnitId),

  /** Creating, editing, disabling an officer, resetting their password or TOTP. */
  canManageOfficer: (p: Principal | undefined, tree: UnitTree, officerUnitId: string | null) => covers(p, MANAGE, tree, officerUnitId),

  /** Moving an officer to another home unit: both units covered. */
  canMoveOfficer: (p: Principal | undefined, tree: UnitTree, fromUnitId: string | null, toUnitId: string | null) =>
    covers(p, MANAGE, tree, fromUnitId) && covers(p, MANAGE, tree, toUnitId),

  /** Granting a role in `grantUnitId` to an officer of `officerUnitId`: both covered. */
  canGrantRole: (p: Principal | undefined, tree: UnitTree, officerUnitId: string | null, grantUnitId: string) =>
    covers(p, MANAGE, tree, officerUnitId) && covers(p, MANAGE, tree, grantUnitId),

  /** Revoking a role held in `grantUnitId`. */
  canRevokeRole: (p: Principal | undefined, tree: UnitTree, grantUnitId: string) => covers(p, MANAGE, tree, grantUnitId),

  /** Reading the audit trail of a record of `unitId` (null: a record of no unit, root only). */
  canReadAudit: (p: Principal | undefined, tree: UnitTree, unitId: string | null) => covers(p, READ, tree, unitId),
};
