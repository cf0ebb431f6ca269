// Who may do what in the catalog. Published versions are public. Drafts and administration belong
// to the unit that owns the procedure: an officer with role `admin` in that unit (or a unit above
// it) may create, edit, publish, withdraw and import; an `auditor` there may read drafts, check
// and test them, but not change anything.
import type { Principal } from '../identity/principal.ts';
import { getPrincipal } from '../identity/sessions.ts';
import type { UnitDirectory } from '../identity/units.ts';
import { ProblemError } from '../../http/problem.ts';

export interface CatalogPolicy {
  canAdminister(principal: Principal | undefined, ownerUnitId: string): Promise<boolean>;
  canReadDrafts(principal: Principal | undefined, ownerUnitId: string): Promise<boolean>;
  /** Throws 401 without a principal and 403 without the admin role for the unit. */
  assertAdminister(principal: Principal | undefined, ownerUnitId: string): Promise<Principal>;
  assertReadDrafts(principal: Principal | undefined, ownerUnitId: string): Promise<Principal>;
  /** Units (with their sub-units) where the principal holds one of the roles. */
  unitsWithRole(principal: Principal | undefined, roles: Array<'admin' | 'auditor'>): Promise<string[]>;
}

export function createCatalogPolicy(units: UnitDirectory): CatalogPolicy {
  const denied = (what: { vi: string; en: string }) => new ProblemError('forbidden', { detail: what });
  const requirePrincipal = (principal: Principal | undefined) => getPrincipal({ principal } as Parameters<typeof getPrincipal>[0]);
  return {
    canAdminister: (principal, unitId) => units.hasRoleFor(principal, ['admin'], unitId),
    canReadDrafts: (principal, unitId) => units.hasRoleFor(principal, ['admin', 'auditor'], unitId),
    async assertAdminister(principal, unitId) {
      const p = requirePrincipal(principal);
      if (!(await units.hasRoleFor(p, ['admin'], unitId))) {
        throw denied({
          vi: `Cần vai trò quản trị (admin) của đơn vị ${unitId} hoặc đơn vị cấp trên.`,
          en: `Requires the admin role in unit ${unitId} or a unit above it.`,
        });
      }
      return p;
    },
    async assertReadDrafts(principal, unitId) {
      const p = requirePrincipal(principal);
      if (!(await units.hasRoleFor(p, ['admin', 'auditor'], unitId))) {
        throw denied({
          vi: `Cần vai trò quản trị hoặc kiểm tra (admin, auditor) của đơn vị ${unitId} hoặc đơn vị cấp trên.`,
          en: `Requires the admin or auditor role in unit ${unitId} or a unit above it.`,
        });
      }
      return p;
    },
    async unitsWithRole(principal, roles) {
      if (principal?.kind !== 'officer') return [];
      const all = await units.all();
      const out: string[] = [];
      for (const u of all) if (await units.hasRoleFor(principal, roles, u.id)) out.push(u.id);
      return out;
    },
  };
}
