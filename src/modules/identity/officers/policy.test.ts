import { describe, expect, it } from 'vitest';
import { can, treeFrom, type OfficerPrincipal, type Principal, type Role } from '../../../core/access/index.ts';
import { canChangeGrant, canMoveOfficer, isRootAdminGrant, leavesRootAdmin, officerChange } from './policy.ts';

// bkhcn ─┬─ van-phong-bo ── bo-phan-mot-cua
//        ├─ cuc-shtt ─┬─ cuc-shtt-sang-che
//        │            └─ cuc-shtt-nhan-hieu (deactivated)
//        ├─ trung-tam-cntt
//        └─ tcdlcl
const tree = treeFrom([
  { id: 'bkhcn', parentId: null },
  { id: 'van-phong-bo', parentId: 'bkhcn' },
  { id: 'bo-phan-mot-cua', parentId: 'van-phong-bo' },
  { id: 'cuc-shtt', parentId: 'bkhcn' },
  { id: 'cuc-shtt-sang-che', parentId: 'cuc-shtt' },
  { id: 'cuc-shtt-nhan-hieu', parentId: 'cuc-shtt', active: false },
  { id: 'trung-tam-cntt', parentId: 'bkhcn' },
  { id: 'tcdlcl', parentId: 'bkhcn' },
]);

const officer = (accountId: string, ...roles: Array<[Role, string]>): OfficerPrincipal => ({
  kind: 'officer',
  accountId,
  fullName: accountId,
  method: 'password+totp',
  username: accountId,
  roles: roles.map(([role, unitId]) => ({ role, unitId })),
});
const ministryAdmin = officer('ministry-admin', ['admin', 'bkhcn']);
const shttAdmin = officer('shtt-admin', ['admin', 'cuc-shtt']);
const shttAuditor = officer('shtt-auditor', ['auditor', 'cuc-shtt']);
const closedUnitAdmin = officer('closed-admin', ['admin', 'cuc-shtt-nhan-hieu']);
const receiver = officer('receiver', ['receiver', 'bo-phan-mot-cua']);
const citizen: Principal = { kind: 'citizen', accountId: 'c', fullName: 'c', method: 'vneid', personalId: '001085012345', acr: 'LoA2' };

const record = (id: string, unitId: string | null, ...roles: Array<[Role, string]>) => ({
  id,
  unitId,
  roles: roles.map(([role, unitId]) => ({ role, unitId })),
});

describe('officerChange', () => {
  const specialist = record('s', 'cuc-shtt-sang-che', ['specialist', 'cuc-shtt-sang-che']);

  it.each([
    ['the ministry admin', ministryAdmin, 'allowed'],
    ['the admin of the department', shttAdmin, 'allowed'],
    ['the auditor of the department (reads only)', shttAuditor, 'forbidden'],
    ['a receiver elsewhere', receiver, 'hidden'],
    ['a citizen', citizen, 'hidden'],
  ] as const)('%s changing a specialist of cuc-shtt-sang-che → %s', (_name, who, expected) => {
    expect(officerChange(who, specialist, tree)).toBe(expected);
  });

  it('an officer homed below the caller but holding a role above it is not the caller’s to change', () => {
    // The takeover: `quantri`, homed in a unit an admin covers, holds the admin role at the ministry.
    const quantri = record('q', 'cuc-shtt-sang-che', ['admin', 'bkhcn']);
    expect(officerChange(shttAdmin, quantri, tree)).toBe('forbidden');
    expect(officerChange(ministryAdmin, quantri, tree)).toBe('allowed');
    // A role in a sibling department is enough to refuse too.
    expect(officerChange(shttAdmin, record('x', 'cuc-shtt', ['specialist', 'tcdlcl']), tree)).toBe('forbidden');
  });

  it('one’s own account is changed by another administrator', () => {
    expect(officerChange(shttAdmin, record('shtt-admin', 'cuc-shtt', ['admin', 'cuc-shtt']), tree)).toBe('self');
  });

  it('a grant in a deactivated unit gives no right over its officers', () => {
    expect(officerChange(closedUnitAdmin, record('n', 'cuc-shtt-nhan-hieu'), tree)).toBe('hidden');
  });

  it('an officer without a home unit is for the ministry level', () => {
    expect(officerChange(shttAdmin, record('u', null), tree)).toBe('hidden');
    expect(officerChange(ministryAdmin, record('u', null), tree)).toBe('allowed');
  });
});

describe('grants and moves', () => {
  it('a grant’s unit must be administered by the caller', () => {
    expect(canChangeGrant(shttAdmin, 'cuc-shtt-sang-che', tree)).toBe(true);
    expect(canChangeGrant(shttAdmin, 'bkhcn', tree)).toBe(false);
    expect(canChangeGrant(shttAdmin, 'bo-phan-mot-cua', tree)).toBe(false);
    expect(canChangeGrant(shttAuditor, 'cuc-shtt', tree)).toBe(false);
    expect(canChangeGrant(ministryAdmin, 'bo-phan-mot-cua', tree)).toBe(true);
  });

  it('moving an officer needs the new home unit', () => {
    expect(canMoveOfficer(shttAdmin, 'cuc-shtt-sang-che', tree)).toBe(true);
    expect(canMoveOfficer(shttAdmin, 'tcdlcl', tree)).toBe(false);
  });

  it('at least one ministry-level administrator remains', () => {
    expect(isRootAdminGrant(tree, { role: 'admin', unitId: 'bkhcn' })).toBe(true);
    expect(isRootAdminGrant(tree, { role: 'admin', unitId: 'cuc-shtt' })).toBe(false);
    expect(isRootAdminGrant(tree, { role: 'auditor', unitId: 'bkhcn' })).toBe(false);
    expect(leavesRootAdmin(tree, ['cuc-shtt', 'bkhcn'])).toBe(true);
    expect(leavesRootAdmin(tree, ['cuc-shtt'])).toBe(false);
  });
});

describe('the administration permissions (core/access) as identity uses them', () => {
  it('auditors read units, officers and the audit trail of what they cover, and change nothing', () => {
    expect(can(shttAuditor, 'officer.read', 'cuc-shtt-sang-che', tree)).toBe(true);
    expect(can(shttAuditor, 'officer.read', 'tcdlcl', tree)).toBe(false);
    expect(can(shttAuditor, 'unit.manage', 'cuc-shtt', tree)).toBe(false);
    expect(can(shttAuditor, 'audit.read', 'cuc-shtt', tree)).toBe(true);
    expect(can(shttAuditor, 'audit.read', null, tree)).toBe(false);
  });

  it('a unit admin manages below their unit, not above it, and creates no root', () => {
    expect(can(shttAdmin, 'unit.manage', 'cuc-shtt', tree)).toBe(true);
    expect(can(shttAdmin, 'unit.manage', 'bkhcn', tree)).toBe(false);
    expect(can(shttAdmin, 'unit.manage', null, tree)).toBe(false);
    expect(can(ministryAdmin, 'unit.manage', null, tree)).toBe(true);
  });
});
