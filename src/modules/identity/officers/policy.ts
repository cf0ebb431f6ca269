// Rules of the officers' administration beyond "the permission in the record's unit" (which is
// core/access: `can`, `canManageOfficer`). Pure functions, no I/O.
import { can, canManageOfficer, type Principal, type RoleGrant, type UnitTree } from '../../../core/access/index.ts';

interface OfficerRecord {
  id: string;
  unitId: string | null;
  roles: ReadonlyArray<RoleGrant>;
}

export type ChangeDecision = 'allowed' | 'hidden' | 'forbidden' | 'self';

/**
 * May the caller change this officer (edit, disable, reset the password or TOTP, grant or revoke
 * a role)? `hidden`: the caller cannot even read the officer (answer 404, no probing of other
 * units' staff); `forbidden`: readable but not managed — the caller must cover the home unit AND
 * every unit where the officer holds a role, so the administrator of a department cannot take
 * over an account with roles above it; `self`: one's own account is changed by another
 * administrator (no one raises or unlocks themselves).
 */
export function officerChange(principal: Principal, officer: OfficerRecord, tree: UnitTree): ChangeDecision {
  if (!can(principal, 'officer.read', officer.unitId, tree)) return 'hidden';
  if (!canManageOfficer(principal, officer, tree)) return 'forbidden';
  if (officer.id === principal.accountId) return 'self';
  return 'allowed';
}

/** Moving an officer to another home unit: the new unit is administered too. */
export const canMoveOfficer = (principal: Principal, toUnitId: string, tree: UnitTree) => can(principal, 'officer.manage', toUnitId, tree);

/** Granting or revoking a role held in `grantUnitId`: the caller administers that unit. */
export const canChangeGrant = (principal: Principal, grantUnitId: string, tree: UnitTree) => can(principal, 'officer.manage', grantUnitId, tree);

/** A grant of the admin role at a root unit (the ministry-level administrator). */
export const isRootAdminGrant = (tree: UnitTree, g: RoleGrant) => g.role === 'admin' && tree.parentOf(g.unitId) === null;

/** At least one active ministry-level administrator must remain (given the others' admin grants). */
export const leavesRootAdmin = (tree: UnitTree, otherAdminGrantUnits: readonly string[]) =>
  otherAdminGrantUnits.some((unitId) => tree.parentOf(unitId) === null);
