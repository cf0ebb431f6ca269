import { describe, expect, it } from 'vitest';
import { treeFrom, type OfficerPrincipal, type Principal, type RoleGrant } from '../../core/access/index.ts';
import { canManagePurposes, isWithheldAttribute, logScopeOf, seesFullIds, verificationUnit, withholdingFor } from './policy.ts';

const tree = treeFrom([
  { id: 'bkhcn', parentId: null },
  { id: 'van-phong-bo', parentId: 'bkhcn' },
  { id: 'bo-phan-mot-cua', parentId: 'van-phong-bo' },
  { id: 'cuc-shtt', parentId: 'bkhcn' },
  { id: 'cuc-shtt-nhan-hieu', parentId: 'cuc-shtt' },
  { id: 'vu-cu', parentId: 'bkhcn', active: false },
]);

const officer = (roles: RoleGrant[]): OfficerPrincipal => ({ kind: 'officer', accountId: 'a-1', fullName: 'Cán bộ', method: 'password+totp', username: 'cb', roles });
const citizen = (acr: 'LoA1' | 'LoA2' | null): Principal => ({ kind: 'citizen', accountId: 'c', fullName: 'C', method: 'vneid', personalId: '001085012345', acr });

describe('logScopeOf', () => {
  it('the log permission at the ministry: everything, citizens’ own queries included', () => {
    expect(logScopeOf(officer([{ role: 'admin', unitId: 'bkhcn' }]), tree, { report: false })).toEqual({ all: true });
    expect(logScopeOf(officer([{ role: 'auditor', unitId: 'bkhcn' }]), tree, { report: true })).toEqual({ all: true });
    expect(logScopeOf(officer([{ role: 'unit_leader', unitId: 'bkhcn' }]), tree, { report: false })).toEqual({ all: true });
  });

  it('lower down: the unit and those below it', () => {
    const scope = { all: false, unitIds: ['cuc-shtt', 'cuc-shtt-nhan-hieu'], ownAccountId: null };
    expect(logScopeOf(officer([{ role: 'auditor', unitId: 'cuc-shtt' }]), tree, { report: false })).toEqual(scope);
    expect(logScopeOf(officer([{ role: 'unit_leader', unitId: 'cuc-shtt' }]), tree, { report: true })).toEqual(scope);
  });

  it('receivers and specialists: their own queries, and no report', () => {
    const receiver = officer([{ role: 'receiver', unitId: 'bo-phan-mot-cua' }]);
    expect(logScopeOf(receiver, tree, { report: false })).toEqual({ all: false, unitIds: [], ownAccountId: 'a-1' });
    expect(logScopeOf(receiver, tree, { report: true })).toBeUndefined();
  });

  it('nothing for citizens, ministry leaders, officers without roles, or grants in a deactivated unit', () => {
    expect(logScopeOf(citizen('LoA2'), tree, { report: false })).toBeUndefined();
    expect(logScopeOf(officer([{ role: 'ministry_leader', unitId: 'bkhcn' }]), tree, { report: false })).toBeUndefined();
    expect(logScopeOf(officer([]), tree, { report: true })).toBeUndefined();
    expect(logScopeOf(officer([{ role: 'auditor', unitId: 'vu-cu' }]), tree, { report: false })).toBeUndefined();
  });
});

describe('full ID numbers in the log', () => {
  it('where population.log.full_ids covers the row’s unit; citizens’ own rows need it at the ministry', () => {
    const auditorShtt = officer([{ role: 'auditor', unitId: 'cuc-shtt' }]);
    expect(seesFullIds(auditorShtt, 'cuc-shtt-nhan-hieu', tree)).toBe(true);
    expect(seesFullIds(auditorShtt, 'bo-phan-mot-cua', tree)).toBe(false);
    expect(seesFullIds(auditorShtt, null, tree)).toBe(false);
    expect(seesFullIds(officer([{ role: 'auditor', unitId: 'bkhcn' }]), null, tree)).toBe(true);
    expect(seesFullIds(officer([{ role: 'unit_leader', unitId: 'bkhcn' }]), 'cuc-shtt', tree)).toBe(false);
  });
});

describe('verification unit', () => {
  it('the unit asked for when covered, else the first grant carrying population.verify', () => {
    const o = officer([
      { role: 'auditor', unitId: 'bkhcn' },
      { role: 'specialist', unitId: 'cuc-shtt' },
      { role: 'receiver', unitId: 'bo-phan-mot-cua' },
    ]);
    expect(verificationUnit(o, undefined, tree)).toBe('cuc-shtt');
    expect(verificationUnit(o, 'cuc-shtt-nhan-hieu', tree)).toBe('cuc-shtt-nhan-hieu');
    expect(verificationUnit(o, 'van-phong-bo', tree)).toBeUndefined();
    expect(verificationUnit(citizen('LoA2'), undefined, tree)).toBeUndefined();
  });
});

describe('the purpose table is ministry-wide', () => {
  it('an administrator at the ministry manages it; a department’s administrator does not', () => {
    expect(canManagePurposes(officer([{ role: 'admin', unitId: 'bkhcn' }]), tree)).toBe(true);
    expect(canManagePurposes(officer([{ role: 'admin', unitId: 'cuc-shtt' }]), tree)).toBe(false);
    expect(canManagePurposes(officer([{ role: 'auditor', unitId: 'bkhcn' }]), tree)).toBe(false);
  });
});

describe('a citizen’s own record', () => {
  it('level 2 reads all of it; level 1 (or no level) gets relatives and household withheld, asking for LoA2', () => {
    expect(withholdingFor(citizen('LoA2'), tree)).toEqual({ withheld: [] });
    expect(withholdingFor(citizen('LoA1'), tree)).toEqual({ withheld: ['relatives', 'household'], requiredAcr: 'LoA2' });
    expect(withholdingFor(citizen(null), tree)).toEqual({ withheld: ['relatives', 'household'], requiredAcr: 'LoA2' });
  });

  it('knows which prefill attributes belong to the withheld parts', () => {
    const both = ['relatives', 'household'] as const;
    for (const name of ['father.fullName', 'mother.personalId', 'spouse.nationality', 'representative.fullName', 'householdHead.relationship', 'householdBookNumber']) {
      expect(isWithheldAttribute(name, both), name).toBe(true);
    }
    for (const name of ['fullName', 'personalId', 'permanentAddress.detail', 'birthDate']) expect(isWithheldAttribute(name, both), name).toBe(false);
    expect(isWithheldAttribute('father.fullName', [])).toBe(false);
  });
});
