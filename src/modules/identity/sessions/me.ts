// The caller as /me presents it: role grants with their unit's names, only those in active units
// (core/access ignores the others, so showing them would offer a unit switcher entry that gives
// no right).
import { isEffective, permissionsOf, type Principal, type RoleGrant } from '../../../core/access/index.ts';
import { ProblemError } from '../../../http/problem.ts';
import type { UnitDirectory } from '../units/directory.ts';
import type { Me, MeRoleGrant } from './schema.ts';

export async function effectiveGrants(units: UnitDirectory, grants: readonly RoleGrant[]): Promise<MeRoleGrant[]> {
  if (grants.length === 0) return [];
  const tree = await units.tree();
  const out: MeRoleGrant[] = [];
  for (const g of grants) {
    const unit = await units.find(g.unitId);
    if (!unit || !isEffective(tree, g.unitId)) continue;
    out.push({ role: g.role, unitId: g.unitId, unitNameVi: unit.nameVi, unitNameEn: unit.nameEn });
  }
  return out;
}

export async function describeMe(units: UnitDirectory, p: Principal): Promise<Me> {
  if (p.kind === 'service') {
    throw new ProblemError('forbidden', {
      detail: { vi: 'Khóa truy cập của hệ thống không gắn với tài khoản người dùng.', en: 'A machine credential has no user account.' },
    });
  }
  const tree = await units.tree();
  return {
    kind: p.kind,
    accountId: p.accountId,
    fullName: p.fullName,
    method: p.method,
    ...(p.kind === 'citizen' ? { personalId: p.personalId } : {}),
    ...(p.kind === 'organization' ? { taxCode: p.taxCode } : {}),
    ...(p.kind === 'officer' ? { username: p.username } : {}),
    acr: p.kind === 'officer' ? null : p.acr,
    roles: p.kind === 'officer' ? await effectiveGrants(units, p.roles) : [],
    permissions: permissionsOf(p, tree),
    ministryPermissions: permissionsOf(p, tree, null),
    ...(p.kind === 'officer' && p.totpEnrolmentRequired ? { totpEnrolmentRequired: true } : {}),
  };
}
