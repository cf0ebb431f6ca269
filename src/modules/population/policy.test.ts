import { describe, expect, it } from 'vitest';
import type { OfficerPrincipal, Principal, RoleGrant } from '../identity/principal.ts';
import type { UnitDirectory, UnitNode } from '../identity/units.ts';
import { grantedUnits, logScopeOf, seesFullIds, VERIFY_ROLES } from './policy.ts';

const tree: Array<[string, string | null]> = [
  ['bkhcn', null],
  ['van-phong-bo', 'bkhcn'],
  ['bo-phan-mot-cua', 'van-phong-bo'],
  ['cuc-shtt', 'bkhcn'],
  ['cuc-shtt-nhan-hieu', 'cuc-shtt'],
];
const nodes: UnitNode[] = tree.map(([id, parentId]) => ({ id, parentId, agencyCode: id, nameVi: id, nameEn: id, kind: 'department', active: true }));
const units: UnitDirectory = {
  all: async () => nodes,
  find: async (id) => nodes.find((n) => n.id === id),
  isWithin: async (unitId, ancestorId) => {
    let current: string | null | undefined = unitId;
    while (current) {
      if (current === ancestorId) return true;
      current = nodes.find((n) => n.id === current)?.parentId;
    }
    return false;
  },
  hasRoleFor: async () => false,
  invalidate: () => {},
};

const officer = (roles: RoleGrant[]): OfficerPrincipal => ({ kind: 'officer', accountId: 'a-1', fullName: 'Cán bộ', method: 'password', username: 'cb', roles });

describe('logScopeOf', () => {
  it('admin or auditor at the top unit: everything, citizens’ own queries included', async () => {
    expect(await logScopeOf(officer([{ role: 'admin', unitId: 'bkhcn' }]), units, { report: false })).toEqual({ all: true });
    expect(await logScopeOf(officer([{ role: 'auditor', unitId: 'bkhcn' }]), units, { report: true })).toEqual({ all: true });
  });

  it('an auditor or unit leader lower down: their unit and those below it', async () => {
    const scope = { all: false, unitIds: ['cuc-shtt', 'cuc-shtt-nhan-hieu'], ownAccountId: null };
    expect(await logScopeOf(officer([{ role: 'auditor', unitId: 'cuc-shtt' }]), units, { report: false })).toEqual(scope);
    expect(await logScopeOf(officer([{ role: 'unit_leader', unitId: 'cuc-shtt' }]), units, { report: true })).toEqual(scope);
    // A unit leader of the ministry sees its units, not citizens' own queries.
    const top = await logScopeOf(officer([{ role: 'unit_leader', unitId: 'bkhcn' }]), units, { report: false });
    expect(top).toMatchObject({ all: false, unitIds: expect.arrayContaining(['bkhcn', 'bo-phan-mot-cua']) });
  });

  it('receivers and specialists: their own queries, and no report', async () => {
    const receiver = officer([{ role: 'receiver', unitId: 'bo-phan-mot-cua' }]);
    expect(await logScopeOf(receiver, units, { report: false })).toEqual({ all: false, unitIds: [], ownAccountId: 'a-1' });
    expect(await logScopeOf(receiver, units, { report: true })).toBeUndefined();
  });

  it('nothing for citizens, organizations, ministry leaders or officers without roles', async () => {
    const citizen: Principal = { kind: 'citizen', accountId: 'c', fullName: 'C', method: 'vneid', personalId: '001085012345', acr: 'LoA2' };
    expect(await logScopeOf(citizen, units, { report: false })).toBeUndefined();
    expect(await logScopeOf(officer([{ role: 'ministry_leader', unitId: 'bkhcn' }]), units, { report: false })).toBeUndefined();
    expect(await logScopeOf(officer([]), units, { report: true })).toBeUndefined();
  });
});

describe('other rules', () => {
  it('full ID numbers in the log only for admin and auditor; verification units are where the role is held', () => {
    expect(seesFullIds(officer([{ role: 'auditor', unitId: 'cuc-shtt' }]))).toBe(true);
    expect(seesFullIds(officer([{ role: 'unit_leader', unitId: 'bkhcn' }]))).toBe(false);
    expect(grantedUnits(officer([{ role: 'auditor', unitId: 'bkhcn' }, { role: 'specialist', unitId: 'cuc-shtt' }, { role: 'receiver', unitId: 'cuc-shtt' }]), VERIFY_ROLES)).toEqual(['cuc-shtt']);
  });
});
