// The unit tree (ministry → departments → divisions) as the access rules see it: who is whose
// parent, and which units are active. A role held in a unit covers the unit and every unit below
// it; a grant in a deactivated unit (or below one) covers nothing.

export interface UnitTree {
  /** The parent of a unit: a unit id, null for a root, undefined for an unknown unit. */
  parentOf(unitId: string): string | null | undefined;
  /** False for a deactivated unit; undefined for an unknown one. */
  isActive(unitId: string): boolean | undefined;
  /** Every unit id, in the tree's display order. */
  ids(): readonly string[];
}

/** Deeper than any real administration; stops a corrupted (cyclic) parent chain. */
export const MAX_UNIT_DEPTH = 32;

export function treeFrom(units: ReadonlyArray<{ id: string; parentId: string | null; active?: boolean }>): UnitTree {
  const parents = new Map(units.map((u) => [u.id, u.parentId]));
  const active = new Map(units.map((u) => [u.id, u.active ?? true]));
  const ids = units.map((u) => u.id);
  return { parentOf: (id) => parents.get(id), isActive: (id) => active.get(id), ids: () => ids };
}

/** True when `unitId` is `ancestorId` or lies below it. */
export function isWithin(tree: UnitTree, unitId: string, ancestorId: string): boolean {
  let current: string | null | undefined = unitId;
  for (let depth = 0; current && depth < MAX_UNIT_DEPTH; depth++) {
    if (current === ancestorId) return true;
    current = tree.parentOf(current);
  }
  return false;
}

/** True when the unit and every unit above it are active (a known unit). */
export function isEffective(tree: UnitTree, unitId: string): boolean {
  let current: string | null | undefined = unitId;
  for (let depth = 0; current && depth < MAX_UNIT_DEPTH; depth++) {
    if (tree.isActive(current) !== true) return false;
    current = tree.parentOf(current);
  }
  return current === null;
}

/** The units at or below `ancestorId`. */
export function subtreeOf(tree: UnitTree, ancestorId: string): string[] {
  return tree.ids().filter((id) => isWithin(tree, id, ancestorId));
}
