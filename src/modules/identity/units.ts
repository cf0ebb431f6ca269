// The unit tree (ministry → departments → divisions) and the rule that a role held in a unit
// covers its sub-units. The tree is small (hundreds of rows), so it is read whole and kept for a
// short time; every instance re-reads it after `ttlMs`.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { Principal, Role } from './principal.ts';

export interface UnitNode {
  id: string;
  parentId: string | null;
  agencyCode: string;
  nameVi: string;
  nameEn: string;
  kind: string;
  active: boolean;
}

export interface UnitDirectory {
  all(): Promise<UnitNode[]>;
  find(id: string): Promise<UnitNode | undefined>;
  /** True when `unitId` is `ancestorId` or lies below it. */
  isWithin(unitId: string, ancestorId: string): Promise<boolean>;
  /** True when the principal holds one of `roles` in `unitId` or in a unit above it. */
  hasRoleFor(principal: Principal | undefined, roles: Role[], unitId: string): Promise<boolean>;
  invalidate(): void;
}

export function createUnitDirectory(db: Kysely<DB>, ttlMs = 30_000): UnitDirectory {
  let cache: { at: number; byId: Map<string, UnitNode> } | undefined;

  async function load(): Promise<Map<string, UnitNode>> {
    if (cache && Date.now() - cache.at < ttlMs) return cache.byId;
    const rows = await db.selectFrom('unit').selectAll().orderBy('sort_order').orderBy('id').execute();
    const byId = new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          parentId: r.parent_id,
          agencyCode: r.agency_code,
          nameVi: r.name_vi,
          nameEn: r.name_en,
          kind: r.kind,
          active: r.active,
        },
      ]),
    );
    cache = { at: Date.now(), byId };
    return byId;
  }

  async function isWithin(unitId: string, ancestorId: string): Promise<boolean> {
    const byId = await load();
    let current: string | null | undefined = unitId;
    for (let depth = 0; current && depth < 32; depth++) {
      if (current === ancestorId) return true;
      current = byId.get(current)?.parentId;
    }
    return false;
  }

  return {
    all: async () => [...(await load()).values()],
    find: async (id) => (await load()).get(id),
    isWithin,
    async hasRoleFor(principal, roles, unitId) {
      if (principal?.kind !== 'officer') return false;
      for (const grant of principal.roles) {
        if (roles.includes(grant.role) && (await isWithin(unitId, grant.unitId))) return true;
      }
      return false;
    },
    invalidate: () => {
      cache = undefined;
    },
  };
}
