// The unit directory: the unit tree (ministry → departments → divisions) with the units' names,
// read whole (hundreds of rows) and kept for a short time. One directory is built by the server
// and given to every module; a change made through this instance invalidates it at once, and every
// other instance re-reads it after `ttlMs` (UNIT_CACHE_MS, 30 s by default).
import type { Kysely } from 'kysely';
import { treeFrom, type UnitTree } from '../../../core/access/index.ts';
import type { DB } from '../../../db/types.ts';
import type { Unit } from './schema.ts';
import { listAllUnits } from './store.ts';

/** A unit as the directory gives it: the administration API's `Unit`. */
export type UnitNode = Unit;

export interface UnitDirectory {
  /** The tree the access rules read (`can(principal, permission, unitId, tree)`). */
  tree(): Promise<UnitTree>;
  all(): Promise<UnitNode[]>;
  find(id: string): Promise<UnitNode | undefined>;
  /** Forget the cached tree (after a change to a unit). */
  invalidate(): void;
  /** A number that changes whenever the directory has been read afresh (what is derived from it may be kept until then). */
  revision(): Promise<number>;
}

export const DEFAULT_UNIT_CACHE_MS = 30_000;

export function createUnitDirectory(db: Kysely<DB>, ttlMs = DEFAULT_UNIT_CACHE_MS): UnitDirectory {
  let cache: { at: number; byId: Map<string, UnitNode>; tree: UnitTree; revision: number } | undefined;
  let loading: Promise<NonNullable<typeof cache>> | undefined;
  // Bumped by invalidate(): a read that started before a change must not become the cache.
  let generation = 0;
  let reads = 0;

  async function read(): Promise<NonNullable<typeof cache>> {
    const nodes = await listAllUnits(db);
    return { at: Date.now(), byId: new Map(nodes.map((n) => [n.id, n])), tree: treeFrom(nodes), revision: ++reads };
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
    revision: async () => (await load()).revision,
    invalidate: () => {
      generation += 1;
      cache = undefined;
      loading = undefined;
    },
  };
}
