import { describe, expect, it } from 'vitest';
import {
  PERMISSIONS,
  PERMISSION_NAMES,
  can,
  canManageOfficer,
  canMinistryWide,
  decide,
  permissionsOf,
  permissionsOfHolder,
  unitsWhere,
  type Permission,
} from './permissions.ts';
import type { Principal, RoleGrant } from './principal.ts';
import { ROLES } from './roles.ts';
import { isEffective, isWithin, subtreeOf, treeFrom } from './unit-tree.ts';

// bo (ministry) ─┬─ cuc-shtt ─┬─ phong-sang-che
//                │            └─ phong-nhan-hieu
//                ├─ mot-cua
//                └─ vu-cu (deactivated) ── phong-cu
const tree = treeFrom([
  { id: 'bo', parentId: null },
  { id: 'cuc-shtt', parentId: 'bo' },
  { id: 'phong-sang-che', parentId: 'cuc-shtt' },
  { id: 'phong-nhan-hieu', parentId: 'cuc-shtt' },
  { id: 'mot-cua', parentId: 'bo' },
  { id: 'vu-cu', parentId: 'bo', active: false },
  { id: 'phong-cu', parentId: 'vu-cu' },
]);

const officer = (...roles: RoleGrant[]): Principal => ({
  kind: 'officer',
  accountId: 'o1',
  fullName: 'Cán bộ',
  method: 'password+totp',
  username: 'canbo',
  roles,
});
const citizen = (acr: 'LoA1' | 'LoA2' | null): Principal => ({
  kind: 'citizen',
  accountId: 'c1',
  fullName: 'Công dân',
  method: 'vneid',
  personalId: '001099012345',
  acr,
});
const organization: Principal = { kind: 'organization', accountId: 'g1', fullName: 'Công ty', method: 'vneid', taxCode: '0101234567', acr: 'LoA1' };
const service: Principal = { kind: 'service', accountId: 'token', fullName: 'ADMIN_API_TOKEN', method: 'token', permissions: ['calendar.edit'] };

describe('the unit tree', () => {
  it.each([
    ['phong-sang-che', 'cuc-shtt', true],
    ['phong-sang-che', 'bo', true],
    ['cuc-shtt', 'cuc-shtt', true],
    ['cuc-shtt', 'phong-sang-che', false],
    ['mot-cua', 'cuc-shtt', false],
    ['unknown', 'bo', false],
  ])('%s within %s: %s', (unit, ancestor, expected) => {
    expect(isWithin(tree, unit, ancestor)).toBe(expected);
  });

  it.each([
    ['phong-sang-che', true],
    ['vu-cu', false],
    ['phong-cu', false],
    ['unknown', false],
  ])('%s is effective: %s', (unit, expected) => {
    expect(isEffective(tree, unit)).toBe(expected);
  });

  it('lists a subtree in order and stops a cyclic parent chain', () => {
    expect(subtreeOf(tree, 'cuc-shtt')).toEqual(['cuc-shtt', 'phong-sang-che', 'phong-nhan-hieu']);
    const cyclic = treeFrom([
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ]);
    expect(isWithin(cyclic, 'a', 'root')).toBe(false);
    expect(isEffective(cyclic, 'a')).toBe(false);
  });
});

describe('can(principal, permission, unit, tree)', () => {
  // [who, permission, unit, allowed] — a grant covers its unit and the units below it.
  const cases: Array<[string, Principal | undefined, Permission, string | null | 'any', boolean]> = [
    ['nobody', undefined, 'catalog.edit', 'any', false],
    ['admin of the department, in it', officer({ role: 'admin', unitId: 'cuc-shtt' }), 'catalog.edit', 'cuc-shtt', true],
    ['admin of the department, below it', officer({ role: 'admin', unitId: 'cuc-shtt' }), 'catalog.publish', 'phong-sang-che', true],
    ['admin of the department, beside it', officer({ role: 'admin', unitId: 'cuc-shtt' }), 'catalog.edit', 'mot-cua', false],
    ['admin of the department, above it', officer({ role: 'admin', unitId: 'cuc-shtt' }), 'catalog.edit', 'bo', false],
    ['admin of the department, ministry-wide', officer({ role: 'admin', unitId: 'cuc-shtt' }), 'calendar.edit', null, false],
    ['admin of the ministry, ministry-wide', officer({ role: 'admin', unitId: 'bo' }), 'calendar.edit', null, true],
    ['auditor reads drafts', officer({ role: 'auditor', unitId: 'bo' }), 'catalog.read_drafts', 'phong-nhan-hieu', true],
    ['auditor does not publish', officer({ role: 'auditor', unitId: 'bo' }), 'catalog.publish', 'phong-nhan-hieu', false],
    ['receiver receives', officer({ role: 'receiver', unitId: 'mot-cua' }), 'dossier.receive', 'mot-cua', true],
    ['receiver does not approve', officer({ role: 'receiver', unitId: 'mot-cua' }), 'dossier.approve', 'mot-cua', false],
    ['a role in a deactivated unit', officer({ role: 'admin', unitId: 'vu-cu' }), 'unit.manage', 'phong-cu', false],
    ['a role below a deactivated unit', officer({ role: 'receiver', unitId: 'phong-cu' }), 'dossier.receive', 'any', false],
    ['a role in an unknown unit', officer({ role: 'admin', unitId: 'gone' }), 'unit.manage', 'any', false],
    ['somewhere', officer({ role: 'specialist', unitId: 'phong-sang-che' }), 'population.verify', 'any', true],
    ['an officer is no citizen', officer({ role: 'admin', unitId: 'bo' }), 'form.submit', 'any', false],
    ['a citizen fills in forms', citizen('LoA1'), 'form.submit', 'any', true],
    ['a citizen is no officer', citizen('LoA2'), 'catalog.read_drafts', 'any', false],
    ['level 1: basic population data', citizen('LoA1'), 'population.read_own', 'any', true],
    ['level 1: not the full record', citizen('LoA1'), 'population.read_own_full', 'any', false],
    ['level 2: the full record', citizen('LoA2'), 'population.read_own_full', 'any', true],
    ['no level: not the full record', citizen(null), 'population.read_own_full', 'any', false],
    ['an organization has no population record', organization, 'population.read_own', 'any', false],
    ['the token carries its permissions', service, 'calendar.edit', null, true],
    ['and no others', service, 'unit.manage', 'bo', false],
  ];
  it.each(cases)('%s', (_name, principal, permission, unit, expected) => {
    expect(can(principal, permission, unit, tree)).toBe(expected);
  });

  it('says why: log in, forbidden, or the e-ID level needed', () => {
    expect(decide(undefined, 'profile.read', 'any', tree)).toEqual({ allowed: false, reason: 'unauthenticated' });
    expect(decide(citizen('LoA1'), 'catalog.edit', 'any', tree)).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decide(citizen('LoA1'), 'form.prefill_sensitive', 'any', tree)).toEqual({ allowed: false, reason: 'assurance', requiredAcr: 'LoA2' });
  });

  it('gives an administrator who has not enrolled TOTP no permission', () => {
    const p = { ...officer({ role: 'admin', unitId: 'bo' }), totpEnrolmentRequired: true } as Principal;
    expect(can(p, 'unit.read', 'bo', tree)).toBe(false);
  });

  it('lists the units where an officer holds a permission', () => {
    const p = officer({ role: 'admin', unitId: 'cuc-shtt' }, { role: 'auditor', unitId: 'mot-cua' });
    expect(unitsWhere(p, 'catalog.read_drafts', tree)).toEqual(['cuc-shtt', 'phong-sang-che', 'phong-nhan-hieu', 'mot-cua']);
    expect(unitsWhere(p, 'catalog.edit', tree)).toEqual(['cuc-shtt', 'phong-sang-che', 'phong-nhan-hieu']);
    expect(unitsWhere(citizen('LoA2'), 'catalog.edit', tree)).toEqual([]);
    expect(canMinistryWide(p, 'calendar.edit', tree)).toBe(false);
  });
});

describe('permissionsOf(principal, tree, scope)', () => {
  // [who, scope, holds, does not hold] — what /me lists for the web app.
  const cases: Array<[string, Principal | undefined, 'any' | null, Permission[], Permission[]]> = [
    ['nobody', undefined, 'any', [], ['workspace.use', 'profile.read']],
    ['a receiver', officer({ role: 'receiver', unitId: 'mot-cua' }), 'any', ['dossier.receive', 'workspace.use', 'population.verify', 'rating.kiosk'], ['catalog.publish', 'dossier.approve', 'unit.read']],
    ['a receiver, ministry-wide', officer({ role: 'receiver', unitId: 'mot-cua' }), null, [], ['dossier.receive']],
    ['a department leader', officer({ role: 'unit_leader', unitId: 'cuc-shtt' }), 'any', ['quality.read', 'dossier.approve'], ['dossier.receive']],
    ['a department leader, ministry-wide', officer({ role: 'unit_leader', unitId: 'cuc-shtt' }), null, [], ['quality.read']],
    ['the ministry leader, ministry-wide', officer({ role: 'ministry_leader', unitId: 'bo' }), null, ['quality.read', 'dossier.approve'], ['catalog.publish']],
    ['two roles', officer({ role: 'admin', unitId: 'cuc-shtt' }, { role: 'receiver', unitId: 'mot-cua' }), 'any', ['catalog.publish', 'dossier.receive'], ['dossier.process', 'dossier.approve']],
    ['a role in a deactivated unit', officer({ role: 'admin', unitId: 'vu-cu' }), 'any', [], ['unit.manage', 'workspace.use']],
    ['an administrator without TOTP', { ...officer({ role: 'admin', unitId: 'bo' }), totpEnrolmentRequired: true } as Principal, 'any', [], ['unit.read', 'workspace.use']],
    ['a citizen at level 1', citizen('LoA1'), 'any', ['dossier.submit', 'population.read_own'], ['population.read_own_full', 'workspace.use']],
    ['a citizen at level 2', citizen('LoA2'), 'any', ['population.read_own_full', 'form.prefill_sensitive'], ['dossier.read']],
    ['the token', service, 'any', ['calendar.edit'], ['unit.manage']],
  ];
  it.each(cases)('%s', (_name, principal, scope, holds, lacks) => {
    const held = permissionsOf(principal, tree, scope);
    expect(held).toEqual(expect.arrayContaining(holds));
    for (const p of lacks) expect(held).not.toContain(p);
    expect(held).toEqual(PERMISSION_NAMES.filter((p) => can(principal, p, scope, tree)));
  });

  it('lists a receiver’s permissions exactly: those of the role', () => {
    expect(permissionsOf(officer({ role: 'receiver', unitId: 'mot-cua' }), tree)).toEqual(permissionsOfHolder('receiver'));
  });
});

describe('managing an officer', () => {
  const deptAdmin = officer({ role: 'admin', unitId: 'cuc-shtt' });
  it('needs the home unit and every unit where the officer holds a role', () => {
    expect(canManageOfficer(deptAdmin, { unitId: 'phong-sang-che', roles: [{ unitId: 'phong-sang-che' }] }, tree)).toBe(true);
    // homed below the department, but an administrator of the ministry: not the department's to manage
    expect(canManageOfficer(deptAdmin, { unitId: 'phong-sang-che', roles: [{ unitId: 'bo' }] }, tree)).toBe(false);
    expect(canManageOfficer(deptAdmin, { unitId: 'mot-cua', roles: [] }, tree)).toBe(false);
    expect(canManageOfficer(officer({ role: 'admin', unitId: 'bo' }), { unitId: null, roles: [{ unitId: 'bo' }] }, tree)).toBe(true);
  });
});

describe('the permission table', () => {
  it('names every holder by a known role or applicant kind, and labels every permission in both languages', () => {
    const holders = new Set<string>([...ROLES, 'citizen', 'organization']);
    for (const name of PERMISSION_NAMES) {
      const rule = PERMISSIONS[name];
      for (const h of rule.holders) expect(holders.has(h), `${name}: ${h}`).toBe(true);
      expect(rule.label.vi.length).toBeGreaterThan(3);
      expect(rule.label.en.length).toBeGreaterThan(3);
      expect(name).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
    }
  });

  it('gives each officer role the work of that role only', () => {
    expect(permissionsOfHolder('receiver')).toContain('dossier.receive');
    expect(permissionsOfHolder('receiver')).not.toContain('catalog.edit');
    expect(permissionsOfHolder('auditor').filter((p) => /\.(edit|manage|publish)$/.test(p))).toEqual([]);
  });
});
