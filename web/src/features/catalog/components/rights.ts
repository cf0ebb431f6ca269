// What the logged-in officer may do with a unit's procedures, for showing or hiding actions. The
// server decides (modules/catalog/policy.ts: admin of the owning unit or a unit above it may
// change; auditor may read drafts and test); this mirrors it from GET /api/v1/me and the unit tree.
import { useEffect, useState } from 'react';
import { currentLanguage } from '../../../i18n/index.ts';
import { hasPermission, type Me } from '../../../lib/session.tsx';
import { catalogApi, type UnitTreeNode } from '../api.ts';

export interface Rights {
  /** Units (with their sub-units) where the officer is admin. */
  adminUnits: Set<string>;
  /** Units where the officer is admin or auditor. */
  readUnits: Set<string>;
  /** Names of the units in the tree the officer sees. */
  unitNames: Map<string, { vi: string; en: string }>;
}

function subtree(node: UnitTreeNode, out: Set<string>): void {
  out.add(node.id);
  for (const c of node.children ?? []) subtree(c, out);
}

function find(nodes: readonly UnitTreeNode[], id: string): UnitTreeNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = find(n.children ?? [], id);
    if (inner) return inner;
  }
  return undefined;
}

export function rightsOf(me: Me, roots: readonly UnitTreeNode[]): Rights {
  const adminUnits = new Set<string>();
  const readUnits = new Set<string>();
  for (const grant of me.roles) {
    if (grant.role !== 'admin' && grant.role !== 'auditor') continue;
    const node = find(roots, grant.unitId);
    const units = new Set<string>([grant.unitId]);
    if (node) subtree(node, units);
    for (const u of units) {
      readUnits.add(u);
      if (grant.role === 'admin') adminUnits.add(u);
    }
  }
  const unitNames = new Map<string, { vi: string; en: string }>();
  const walk = (n: UnitTreeNode) => {
    unitNames.set(n.id, { vi: n.nameVi, en: n.nameEn });
    (n.children ?? []).forEach(walk);
  };
  roots.forEach(walk);
  return { adminUnits, readUnits, unitNames };
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
