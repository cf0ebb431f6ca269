// Who may do what with population data.
//   - A citizen reads only their own data: the personal ID comes from the session, never from
//     the request (there is no parameter to name another person).
//   - Officers with the receiver or specialist role verify an applicant's data, for a purpose of
//     the purpose table, on behalf of a unit where they hold that role; they get per-field
//     match/mismatch, never the record.
//   - The query log: admin and auditor read it for the units their role covers (the whole
//     ministry when granted at the top unit, citizens' own queries included); a unit leader reads
//     their units' queries; receivers and specialists read their own queries. Nobody writes it
//     through the API.
//   - The report (counts per unit or per officer) is for admin, auditor and unit leaders.
//   - The purpose table is changed by an admin only (audited).
import type { OfficerPrincipal, Principal, Role } from '../identity/principal.ts';
import type { UnitDirectory } from '../identity/units.ts';
import type { LogScope } from './store.ts';

export const VERIFY_ROLES: readonly Role[] = ['receiver', 'specialist'];
export const LOG_UNIT_ROLES: readonly Role[] = ['admin', 'auditor', 'unit_leader'];
export const LOG_OWN_ROLES: readonly Role[] = ['receiver', 'specialist'];
export const REPORT_ROLES: readonly Role[] = ['admin', 'auditor', 'unit_leader'];
export const PURPOSE_ADMIN_ROLES: readonly Role[] = ['admin'];

/** The units an officer acts for with one of `roles` (where the grant is, not below it). */
export function grantedUnits(principal: OfficerPrincipal, roles: readonly Role[]): string[] {
  return [...new Set(principal.roles.filter((g) => roles.includes(g.role)).map((g) => g.unitId))];
}

/**
 * The part of the query log `principal` may read, or undefined when none. `report`: the report
 * is for unit-level roles only.
 */
export async function logScopeOf(
  principal: Principal,
  units: UnitDirectory,
  options: { report: boolean },
): Promise<LogScope | undefined> {
  if (principal.kind !== 'officer') return undefined;
  const unitGrants = principal.roles.filter((g) => LOG_UNIT_ROLES.includes(g.role));
  for (const grant of unitGrants) {
    if (grant.role === 'unit_leader') continue;
    const unit = await units.find(grant.unitId);
    if (unit && unit.parentId === null) return { all: true };
  }
  const all = await units.all();
  const unitIds = new Set<string>();
  for (const grant of unitGrants) {
    for (const unit of all) if (await units.isWithin(unit.id, grant.unitId)) unitIds.add(unit.id);
  }
  const own = !options.report && principal.roles.some((g) => LOG_OWN_ROLES.includes(g.role)) ? principal.accountId : null;
  if (unitIds.size === 0 && own === null) return undefined;
  return { all: false, unitIds: [...unitIds].sort(), ownAccountId: own };
}

/** Whether a reader with this scope may see the full personal ID numbers in the log. */
export function seesFullIds(principal: Principal): boolean {
  return principal.kind === 'officer' && principal.roles.some((g) => g.role === 'admin' || g.role === 'auditor');
}
