// The unit tree as the administration API gives it (GET /api/v1/admin/units: the units the
// caller administers or audits), read once per account and page load and shared by the pages
// (unit switcher, selects, the units page). Officers without the admin or auditor role cannot read
// it: their units are then named from their grants in GET /api/v1/me (by id when a name is missing).
import { useEffect, useMemo, useState } from 'react';
import { currentLanguage, type Language } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';
import { grantUnitName, hasPermission, useSession } from '../../lib/session.tsx';

/** The administration API's shapes (type-only imports from the server's schema). */
export type { Unit, UnitTreeNode } from '@server/modules/identity/units/schema.ts';
import type { Unit, UnitTreeNode } from '@server/modules/identity/units/schema.ts';

/** A unit with its depth in the tree (0 for a root), in tree order. */
export interface FlatUnit extends Unit {
  depth: number;
}

const isTree = (body: unknown): body is { roots: UnitTreeNode[] } =>
  typeof body === 'object' && body !== null && Array.isArray((body as { roots?: unknown }).roots);

export function flatten(roots: readonly UnitTreeNode[], depth = 0): FlatUnit[] {
  return roots.flatMap((u) => {
    const { children, ...unit } = u;
    return [{ ...unit, depth }, ...flatten(children, depth + 1)];
  });
}

export const unitName = (unit: Pick<Unit, 'nameVi' | 'nameEn'>, language: Language): string =>
  language === 'en' ? unit.nameEn : unit.nameVi;

let cache: { accountId: string; promise: Promise<ApiResult<{ roots: UnitTreeNode[] }>> } | undefined;
const listeners = new Set<() => void>();

/** Forget the tree (after a unit was created or changed): every page using it reads it again. */
export function invalidateUnits(): void {
  cache = undefined;
  for (const listener of listeners) listener();
}

function loadTree(accountId: string) {
  if (!cache || cache.accountId !== accountId) {
    const promise = requestJson('/api/v1/admin/units', currentLanguage(), { accept: isTree }).catch(
      () => ({ kind: 'network' }) as const,
    );
    cache = { accountId, promise };
  }
  return cache.promise;
}

export interface UnitDirectory {
  status: 'idle' | 'loading' | 'ok' | 'failed';
  roots: UnitTreeNode[];
  flat: FlatUnit[];
  byId: Map<string, FlatUnit>;
  failure?: Exclude<ApiResult<unknown>, { kind: 'ok' }>;
  /** The unit's name in the UI language, or its id when the unit is not known here. */
  label(unitId: string | null | undefined): string;
}

export function useUnits(): UnitDirectory {
  const { me } = useSession();
  const language = currentLanguage();
  const canRead = hasPermission(me, 'unit.read');
  const accountId = me?.accountId;
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ status: UnitDirectory['status']; roots: UnitTreeNode[]; failure?: UnitDirectory['failure'] }>({
    status: 'idle',
    roots: [],
  });

  useEffect(() => {
    const listener = () => setVersion((v) => v + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);

  useEffect(() => {
    if (!canRead || !accountId) {
      setState({ status: 'idle', roots: [] });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, status: s.status === 'ok' ? 'ok' : 'loading' }));
    void loadTree(accountId).then((outcome) => {
      if (!live) return;
      if (outcome.kind === 'ok') setState({ status: 'ok', roots: outcome.data.roots });
      else setState({ status: 'failed', roots: [], failure: outcome });
    });
    return () => {
      live = false;
    };
  }, [canRead, accountId, version]);

  // Stable between renders (pages compare the unit objects), rebuilt when the tree is read again.
  const flat = useMemo(() => flatten(state.roots), [state.roots]);
  const byId = useMemo(() => new Map(flat.map((u) => [u.id, u])), [flat]);
  const label = (unitId: string | null | undefined) => {
    if (!unitId) return '';
    const unit = byId.get(unitId);
    // The tree (admins, auditors), else the names the officer's grants carry, else the id.
    return unit ? unitName(unit, language) : (grantUnitName(me, unitId, language) ?? unitId);
  };
  return { status: state.status, roots: state.roots, flat, byId, label, ...(state.failure ? { failure: state.failure } : {}) };
}
