// The unit directory: the unit tree (ministry → departments → divisions) with the units' names,
// read whole (hundreds of rows) and kept for a short time. One directory is built by the server
// and given to every module; a change made through this instance invalidates it at once, and every
// other instance re-reads it after `ttlMs` (UNIT_CACHE_MS, 30 s by default).
import type { Kysely } from 'kysely';
import { treeFrom, type UnitTree } from '../../../core/access/index.ts';
import type { DB } from '../../../db/types.ts';

export interface UnitNode {
  id: string;
  parentId: string | null;
  agencyCode: string;
  nameVi: string;
  nameEn: string;
  kind: string;
  sortOrder: number;
  active: boolean;
}

export interface UnitDirectory {
  /** The tree the access rules read (`can(principal, permission, unitId, tree)`). */
  tree(): Promise<UnitTree>;
  all(): Promise<UnitNode[]>;
  find(id: string): Promise<UnitNode | undefined>;
  /** Forget the cached tree (after a change to a unit). */
  invalidate(): void;
}

export const DEFAULT_UNIT_CACHE_MS = 30_000;

export function createUnitDirectory(db: Kysely<DB>, ttlMs = DEFAULT_UNIT_CACHE_MS): UnitDirectory {
  let cache: { at: number; byId: Map<string, UnitNode>; tree: UnitTree } | undefined;
  let loading: Promise<NonNullable<typeof cache>> | undefined;
  // Bumped by invalidate(): a read that started before a change must not become the cache.
  let generation = 0;

  async function read(): Promise<NonNullable<typeof cache>> {
    const rows = await db.selectFrom('unit').selectAll().orderBy('sort_order').orderBy('id').execute();
    const nodes: UnitNode[] = rows.map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      agencyCode: r.agency_code,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      kind: r.kind,
      sortOrder: r.sort_order,
      active: r.active,
    }));
    return { at: Date.now(), byId: new Map(nodes.map((n) => [n.id, n])), tree: treeFrom(nodes) };
  }

  async function load(): Promise<NonNullable<typeof cache>> {
    if (cache && Date.now() - cache.at < ttlMs) return cache;
    // Concurrent requests after expiry share one read.
    if (!loading) {
      const started = generation;
      const pending = read().then(
        (fresh) => {
          if (started === generation) cache = fresh;
          if (loading === pending) loading = undefined;
          return fresh;
        },
        (error: unknown) => {
          if (loading === pending) loading = undefined;
          throw error;
        },
      );
      loading = pending;
    }
    return loading;
  }

  return {
    tree: async () => (await load()).tree,
    all: async () => [...(await load()).byId.values()],
    find: async (id) => (await load()).byId.get(id),
    invalidate: () => {
      generation += 1;
      cache = undefined;
      loading = undefined;
    },
  };
}
