// What the logged-in officer may do with a unit's procedures, for showing or hiding actions. It is
// the server's own table (src/core/access) evaluated here, not a copy of it: the permissions the
// catalog routes check — `catalog.edit` to create and edit, `catalog.publish` to publish and
// withdraw, `catalog.read_drafts` to read and check drafts — over the unit tree the officer sees
// (GET /api/v1/admin/units) for the grants GET /api/v1/me lists. So a page offers an action exactly
// where the route would answer, and a change to the table changes both. The server still decides.
import { useEffect, useState } from 'react';
import { treeFrom, unitsWhere, type Permission, type Principal, type UnitTree } from '@server/contracts/access.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { hasPermission, type Me } from '../../../lib/session.tsx';
import { catalogApi, type UnitTreeNode } from '../api.ts';

export interface Rights {
  /** Units where the officer may change the procedures (`catalog.edit`): a grant's unit and those below it. */
  adminUnits: Set<string>;
  /** Units where the officer may publish and withdraw (`catalog.publish`). */
  publishUnits: Set<string>;
  /** Units where the officer may read and check drafts (`catalog.read_drafts`). */
  readUnits: Set<string>;
  /** Names of the units in the tree the officer sees. */
  unitNames: Map<string, { vi: string; en: string }>;
}

/**
 * The officer as the access rules see them. /me lists only the grants in active units (the others
 * give no right) and carries the flag of an administrator without a second factor, for whom the
 * rules grant nothing. Nobody else holds a catalog permission over a unit: no principal.
 */
export function principalOf(me: Me): Principal | undefined {
  if (me.kind !== 'officer') return undefined;
  return {
    kind: 'officer',
    accountId: me.accountId,
    fullName: me.fullName,
    method: me.method,
    username: me.username ?? '',
    roles: me.roles.map((g) => ({ role: g.role, unitId: g.unitId })),
    ...(me.totpEnrolmentRequired ? { totpEnrolmentRequired: true } : {}),
  };
}

/**
 * The access rules' tree of the units the officer sees, in display order, with their active flags.
 * The server lists a unit without its parent only where the officer holds a grant, and /me lists a
 * grant only when its unit and every unit above it are active: judging such a unit as a root gives
 * the server's answer. A granted unit missing from the view (the tree could not be read) counts as
 * an active root for the same reason, so the grant still covers its own unit.
 */
export function unitTreeOf(me: Me, roots: readonly UnitTreeNode[]): UnitTree {
  const units: Array<{ id: string; parentId: string | null; active: boolean }> = [];
  const seen = new Set<string>();
  const walk = (node: UnitTreeNode, parentId: string | null) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    units.push({ id: node.id, parentId, active: node.active });
    for (const child of node.children ?? []) walk(child, node.id);
  };
  for (const root of roots) walk(root, null);
  for (const grant of me.roles) {
    if (seen.has(grant.unitId)) continue;
    seen.add(grant.unitId);
    units.push({ id: grant.unitId, parentId: null, active: true });
  }
  return treeFrom(units);
}

export function rightsOf(me: Me, roots: readonly UnitTreeNode[]): Rights {
  const principal = principalOf(me);
  const tree = unitTreeOf(me, roots);
  const where = (permission: Permission) => new Set(unitsWhere(principal, permission, tree));
  const unitNames = new Map<string, { vi: string; en: string }>();
  const walk = (n: UnitTreeNode) => {
    unitNames.set(n.id, { vi: n.nameVi, en: n.nameEn });
    (n.children ?? []).forEach(walk);
  };
  roots.forEach(walk);
  return {
    adminUnits: where('catalog.edit'),
    publishUnits: where('catalog.publish'),
    readUnits: where('catalog.read_drafts'),
    unitNames,
  };
}

export type RightsState = { state: 'loading' } | { state: 'none' } | { state: 'ok'; rights: Rights };

/** The rights of an officer; `none` for anyone else. */
export function useRights(me: Me | undefined, ready: boolean): RightsState {
  const [state, setState] = useState<RightsState>({ state: 'loading' });
  useEffect(() => {
    if (!ready) return;
    if (!me || me.kind !== 'officer' || !hasPermission(me, 'catalog.read_drafts')) {
      setState({ state: 'none' });
      return;
    }
    let live = true;
    void catalogApi.unitTree(currentLanguage()).then((r) => {
      if (!live) return;
      setState({ state: 'ok', rights: rightsOf(me, r.kind === 'ok' ? r.data.roots : []) });
    });
    return () => {
      live = false;
    };
  }, [me, ready]);
  return state;
}
