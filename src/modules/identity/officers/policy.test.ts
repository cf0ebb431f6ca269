import { describe, expect, it } from 'vitest';
import { covers, coveredUnits, policy, treeFrom } from './policy.ts';
import type { OfficerPrincipal, Principal, Role } from './principal.ts';

// bkhcn ─┬─ van-phong-bo ── bo-phan-mot-cua
//        ├─ cuc-shtt ─┬─ cuc-shtt-sang-che
//        │            └─ cuc-shtt-nhan-hieu
//        └─ tcdlcl
const tree = treeFrom([
  { id: 'bkhcn', parentId: null },
  { id: 'van-phong-bo', parentId: 'bkhcn' },
  { id: 'bo-phan-mot-cua', parentId: 'van-phong-bo' },
  { id: 'cuc-shtt', parentId: 'bkhcn' },
  { id: 'cuc-shtt-sang-che', parentId: 'cuc-shtt' },
  { id: 'cuc-shtt-nhan-hieu', parentId: 'cuc-shtt' },
  { id: 'tcdlcl', parentId: 'bkhcn' },
]);

const officer = (...roles: Array<[Role, string]>): OfficerPrincipal => ({
  kind: 'officer',
  accountId: 'a',
  fullName: 'x',
  method: 'password+totp',
  username: 'x',
  roles: roles.map(([role, unitId]) => ({ role, unitId })),
});
const ministryAdmin = officer(['admin', 'bkhcn']);
const shttAdmin = officer(['admin', 'cuc-shtt']);
const shttAuditor = officer(['auditor', 'cuc-shtt']);
const receiver = officer(['receiver', 'bo-phan-mot-cua']);
const citizen: Principal = { kind: 'citizen', accountId: 'c', fullName: 'c', method: 'vneid', personalId: '001085012345', acr: 'LoA2' };

describe('covers', () => {
  it('a grant covers its unit and the units below, not the parent or siblings', () => {
    expect(covers(shttAdmin, ['admin'], tree, 'cuc-shtt')).toBe(true);
    expect(covers(shttAdmin, ['admin'], tree, 'cuc-shtt-sang-che')).toBe(true);
    expect(covers(shttAdmin, ['admin'], tree, 'bkhcn')).toBe(false);
    expect(covers(shttAdmin, ['admin'], tree, 'tcdlcl')).toBe(false);
    expect(covers(shttAdmin, ['auditor'], tree, 'cuc-shtt')).toBe(false);
  });
  it('"no unit" (null) is covered only from a root unit', () => {
    expect(covers(ministryAdmin, ['admin'], tree, null)).toBe(true);
    expect(covers(shttAdmin, ['admin'], tree, null)).toBe(false);
  });
  it('an unknown unit is covered only by a grant on itself', () => {
    expect(covers(ministryAdmin, ['admin'], tree, 'khong-ton-tai')).toBe(false);
  });
  it('citizens and anonymous callers cover nothing', () => {
    expect(covers(citizen, ['admin'], tree, 'bkhcn')).toBe(false);
    expect(covers(undefined, ['admin'], tree, 'bkhcn')).toBe(false);
  });
  it('lists the covered units', () => {
    const all = ['bkhcn', 'van-phong-bo', 'bo-phan-mot-cua', 'cuc-shtt', 'cuc-shtt-sang-che', 'cuc-shtt-nhan-hieu', 'tcdlcl'];
    expect([...coveredUnits(shttAuditor, ['admin', 'auditor'], all, tree)]).toEqual(['cuc-shtt', 'cuc-shtt-sang-che', 'cuc-shtt-nhan-hieu']);
    expect(coveredUnits(ministryAdmin, ['admin'], all, tree).size).toBe(all.length);
  });
});

describe('policy', () => {
  it.each([
    ['ministry admin', ministryAdmin, true],
    ['admin of the department', shttAdmin, true],
    ['auditor of the department', shttAuditor, false],
    ['receiver', receiver, false],
    ['citizen', citizen, false],
  ] as const)('%s managing an officer of cuc-shtt-sang-che → %s', (_name, who, expected) => {
    expect(policy.canManageOfficer(who, tree, 'cuc-shtt-sang-che')).toBe(expected);
  });

  it('auditors read but do not change', () => {
    expect(policy.canReadOfficer(shttAuditor, tree, 'cuc-shtt-nhan-hieu')).toBe(true);
    expect(policy.canReadOfficer(shttAuditor, tree, 'tcdlcl')).toBe(false);
    expect(policy.canUpdateUnit(shttAuditor, tree, 'cuc-shtt')).toBe(false);
    expect(policy.canReadAudit(shttAuditor, tree, 'cuc-shtt')).toBe(true);
    expect(policy.canReadAudit(shttAuditor, tree, null)).toBe(false);
  });

  it('a unit admin cannot move or close their own unit, nor create a root', () => {
    expect(policy.canUpdateUnit(shttAdmin, tree, 'cuc-shtt')).toBe(true);
    expect(policy.canMoveUnit(shttAdmin, tree, 'bkhcn', 'tcdlcl')).toBe(false);
    expect(policy.canMoveUnit(shttAdmin, tree, 'cuc-shtt', 'cuc-shtt-sang-che')).toBe(true);
    expect(policy.canCreateUnit(shttAdmin, tree, 'cuc-shtt')).toBe(true);
    expect(policy.canCreateUnit(shttAdmin, tree, null)).toBe(false);
    expect(policy.canCreateUnit(ministryAdmin, tree, null)).toBe(true);
  });

  it('granting needs both the officer’s unit and the grant’s unit; moving an officer needs both units', () => {
    expect(policy.canGrantRole(shttAdmin, tree, 'cuc-shtt-sang-che', 'cuc-shtt')).toBe(true);
    expect(policy.canGrantRole(shttAdmin, tree, 'cuc-shtt', 'bo-phan-mot-cua')).toBe(false);
    expect(policy.canGrantRole(shttAdmin, tree, 'tcdlcl', 'cuc-shtt')).toBe(false);
    expect(policy.canGrantRole(ministryAdmin, tree, 'cuc-shtt', 'bo-phan-mot-cua')).toBe(true);
    expect(policy.canMoveOfficer(shttAdmin, tree, 'cuc-shtt', 'tcdlcl')).toBe(false);
    expect(policy.canRevokeRole(shttAdmin, tree, 'cuc-shtt-nhan-hieu')).toBe(true);
    expect(policy.canRevokeRole(shttAdmin, tree, 'bkhcn')).toBe(false);
  });

  it('only admins and auditors use the administration', () => {
    expect(policy.canUseAdministration(shttAuditor)).toBe(true);
    expect(policy.canUseAdministration(receiver)).toBe(false);
    expect(policy.canUseAdministration(citizen)).toBe(false);
  });
});
