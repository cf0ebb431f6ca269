// @vitest-environment jsdom
// The catalog's administration pages show an action where the server's table (src/core/access)
// grants its permission: each case is an officer as GET /api/v1/me describes them and the unit
// tree GET /api/v1/admin/units gives them, and the units where they may change, publish and read
// drafts. (jsdom: rights.ts loads the app's i18n, which sets the page language on load.)
import { describe, expect, it } from 'vitest';
import type { Me, RoleName } from '../../web/src/lib/session.tsx';
import type { UnitTreeNode } from '../../web/src/features/catalog/api.ts';
import { rightsOf } from '../../web/src/features/catalog/components/rights.ts';

const unit = (id: string, parentId: string | null, children: UnitTreeNode[] = [], active = true): UnitTreeNode => ({
  id,
  parentId,
  agencyCode: `000.00.${id}`,
  nameVi: `Đơn vị ${id}`,
  nameEn: `Unit ${id}`,
  kind: parentId ? 'department' : 'ministry',
  sortOrder: 0,
  active,
  children,
});

// bo (the ministry) → cuc-a → phong-a1, phong-a2 (deactivated); bo → cuc-b → phong-b1;
// bo → cuc-c (deactivated) → phong-c1.
const phongA1 = unit('phong-a1', 'cuc-a');
const phongA2 = unit('phong-a2', 'cuc-a', [], false);
const cucA = unit('cuc-a', 'bo', [phongA1, phongA2]);
const cucB = unit('cuc-b', 'bo', [unit('phong-b1', 'cuc-b')]);
const cucC = unit('cuc-c', 'bo', [unit('phong-c1', 'cuc-c')], false);
const ministry = [unit('bo', null, [cucA, cucB, cucC])];

function officer(grants: Array<[RoleName, string]>, extra: Partial<Me> = {}): Me {
  return {
    kind: 'officer',
    accountId: 'acc-1',
    fullName: 'Nguyễn Văn A',
    username: 'nva',
    acr: null,
    method: 'password+totp',
    roles: grants.map(([role, unitId]) => ({ role, unitId, unitNameVi: unitId, unitNameEn: unitId })),
    permissions: [],
    ministryPermissions: [],
    ...extra,
  };
}

const citizen: Me = {
  kind: 'citizen',
  accountId: 'acc-2',
  personalId: '001099000001',
  fullName: 'Trần Thị B',
  acr: 'LoA2',
  method: 'vneid',
  roles: [],
  permissions: [],
  ministryPermissions: [],
};

const CUC_A = ['cuc-a', 'phong-a1', 'phong-a2'];
const ALL_UNITS = ['bo', ...CUC_A, 'cuc-b', 'phong-b1', 'cuc-c', 'phong-c1'];

interface Case {
  name: string;
  me: Me;
  /** The tree the server lists for this officer (only the units they may read). */
  roots: UnitTreeNode[];
  change: string[];
  read: string[];
}

const cases: Case[] = [
  {
    name: 'an admin of a department changes and reads its procedures and its divisions’ (a deactivated division too)',
    me: officer([['admin', 'cuc-a']]),
    roots: [cucA],
    change: CUC_A,
    read: CUC_A,
  },
  {
    name: 'an admin of the ministry holds it in every unit below, deactivated ones included',
    me: officer([['admin', 'bo']]),
    roots: ministry,
    change: ALL_UNITS,
    read: ALL_UNITS,
  },
  {
    name: 'an auditor reads drafts and changes nothing',
    me: officer([['auditor', 'cuc-a']]),
    roots: [cucA],
    change: [],
    read: CUC_A,
  },
  {
    name: 'an admin of one department and auditor of another: each right in its own branch',
    me: officer([
      ['admin', 'cuc-b'],
      ['auditor', 'cuc-a'],
    ]),
    roots: [cucA, cucB],
    change: ['cuc-b', 'phong-b1'],
    read: [...CUC_A, 'cuc-b', 'phong-b1'],
  },
  {
    name: 'a specialist has no right over the catalog',
    me: officer([['specialist', 'cuc-a']]),
    roots: [],
    change: [],
    read: [],
  },
  {
    name: 'an admin of another department has none over this one (only their own branch)',
    me: officer([['admin', 'cuc-b']]),
    roots: [cucB],
    change: ['cuc-b', 'phong-b1'],
    read: ['cuc-b', 'phong-b1'],
  },
  {
    // /me leaves such grants out; one read before the division was deactivated still lists it.
    name: 'an admin grant in a deactivated division gives nothing (the auditor grant above still reads)',
    me: officer([
      ['admin', 'phong-a2'],
      ['auditor', 'bo'],
    ]),
    roots: ministry,
    change: [],
    read: ALL_UNITS,
  },
  {
    name: 'an admin grant in a division below a deactivated department gives nothing',
    me: officer([
      ['admin', 'phong-c1'],
      ['auditor', 'bo'],
    ]),
    roots: ministry,
    change: [],
    read: ALL_UNITS,
  },
  {
    name: 'an admin logged in without a second factor holds nothing until TOTP is enrolled',
    me: officer([['admin', 'cuc-a']], { method: 'password', totpEnrolmentRequired: true }),
    roots: [cucA],
    change: [],
    read: [],
  },
  {
    name: 'without the unit tree (it could not be read) a grant still covers its own unit',
    me: officer([['admin', 'cuc-a']]),
    roots: [],
    change: ['cuc-a'],
    read: ['cuc-a'],
  },
  {
    name: 'a citizen has no right over the catalog',
    me: citizen,
    roots: ministry,
    change: [],
    read: [],
  },
];

const sorted = (units: Iterable<string>) => [...units].sort();

describe('rightsOf: the server’s permission table over the officer’s unit tree', () => {
  it.each(cases)('$name', ({ me, roots, change, read }) => {
    const rights = rightsOf(me, roots);
    expect(sorted(rights.adminUnits)).toEqual(sorted(change));
    // The table gives catalog.publish to the same role as catalog.edit.
    expect(sorted(rights.publishUnits)).toEqual(sorted(change));
    expect(sorted(rights.readUnits)).toEqual(sorted(read));
  });

  it('lists the units in the tree’s display order (the owner picker’s order) and names them', () => {
    const rights = rightsOf(officer([['admin', 'bo']]), ministry);
    expect([...rights.adminUnits]).toEqual(['bo', 'cuc-a', 'phong-a1', 'phong-a2', 'cuc-b', 'phong-b1', 'cuc-c', 'phong-c1']);
    expect(rights.unitNames.get('phong-b1')).toEqual({ vi: 'Đơn vị phong-b1', en: 'Unit phong-b1' });
  });
});
