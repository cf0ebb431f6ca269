// Use cases of the unit administration. The caller's right over the record's unit comes from
// core/access (`can` over the one unit directory's tree); each change runs in one transaction with
// its audit row and then invalidates the directory, so the next check sees the new tree.
import type { Kysely } from 'kysely';
import { can, type UnitTree } from '../../../core/access/index.ts';
import { agencyIdReasonMessages, checkAgencyId } from '../../../core/identifiers/index.ts';
import type { DB } from '../../../db/types.ts';
import { assertCan } from '../../../http/access.ts';
import { ProblemError } from '../../../http/problem.ts';
import { actorOf, recordAudit } from '../../audit/service.ts';
import { conflict, forbidden, isUniqueViolation, NO_RIGHT, notFound, type Actor } from '../actor.ts';
import type { UnitDirectory } from './directory.ts';
import type { Unit, UnitCreate, UnitPatch, UnitTreeNode } from './schema.ts';
import { findActiveChild, insertUnit, lockUnit, setUnitActiveRow, unitView, updateUnitRow } from './store.ts';

export interface UnitDeps {
  db: Kysely<DB>;
  units: UnitDirectory;
}

const noSuchUnit = () => notFound('Không có đơn vị này.', 'No such unit.');

function checkedAgencyCode(code: string): string {
  const result = checkAgencyId(code);
  if (!result.valid) {
    const message = agencyIdReasonMessages[result.code];
    throw new ProblemError('invalid_identifier', { detail: message, errors: [{ pointer: '/body/agencyCode', code: result.code, message }] });
  }
  return code;
}

/** Managing `unitId` (null: a new root, ministry level only), or 403. */
function assertManages(actor: Actor, tree: UnitTree, unitId: string | null): void {
  if (!can(actor.principal, 'unit.manage', unitId, tree)) throw forbidden(...NO_RIGHT);
}

/** The units the caller may read, as a tree (a unit whose parent is not visible is a root here). */
export async function listUnitTree(deps: UnitDeps, actor: Actor): Promise<UnitTreeNode[]> {
  const tree = await deps.units.tree();
  assertCan(actor.principal, 'unit.read', 'any', tree);
  const all = await deps.units.all();
  const nodes = new Map<string, UnitTreeNode>(
    all.filter((u) => can(actor.principal, 'unit.read', u.id, tree)).map((u) => [u.id, { ...u, children: [] }]),
  );
  const roots: UnitTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export async function createUnit(deps: UnitDeps, actor: Actor, input: UnitCreate): Promise<Unit> {
  assertManages(actor, await deps.units.tree(), input.parentId);
  const agencyCode = checkedAgencyCode(input.agencyCode);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if (input.parentId) {
        const parent = await lockUnit(trx, input.parentId);
        if (!parent) throw notFound('Không có đơn vị cấp trên này.', 'No such parent unit.');
        if (!parent.active) throw conflict('Đơn vị cấp trên đã ngừng hoạt động.', 'The parent unit is deactivated.');
      }
      const view = await insertUnit(trx, input, agencyCode);
      await recordAudit(trx, { actor: actorOf(actor.principal), action: 'unit.create', entity: 'unit', entityId: view.id, after: view, requestId: actor.requestId });
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('Mã đơn vị hoặc mã định danh điện tử đã được dùng.', 'The unit id or agency code is already used.');
    throw error;
  } finally {
    deps.units.invalidate();
  }
}

export async function updateUnit(deps: UnitDeps, actor: Actor, id: string, patch: UnitPatch): Promise<Unit> {
  const tree = await deps.units.tree();
  if (tree.parentOf(id) === undefined || !can(actor.principal, 'unit.read', id, tree)) throw noSuchUnit();
  assertManages(actor, tree, id);
  if (patch.agencyCode !== undefined) checkedAgencyCode(patch.agencyCode);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const before = await lockUnit(trx, id);
      if (!before) throw noSuchUnit();
      if (patch.parentId !== undefined && patch.parentId !== before.parent_id) {
        // Moving: the caller covers the parent it leaves and the one it joins, so the administrator
        // of a unit cannot move their own unit.
        assertManages(actor, tree, before.parent_id);
        assertManages(actor, tree, patch.parentId);
        if (patch.parentId !== null) {
          const parent = await lockUnit(trx, patch.parentId);
          if (!parent) throw notFound('Không có đơn vị cấp trên này.', 'No such parent unit.');
          for (let cur: string | null = patch.parentId; cur; cur = (await lockUnit(trx, cur))?.parent_id ?? null) {
            if (cur === id) throw conflict('Không thể chuyển đơn vị vào dưới chính nó.', 'A unit cannot be moved below itself.');
          }
        }
      }
      const view = await updateUnitRow(trx, id, patch, new Date());
      await recordAudit(trx, {
        actor: actorOf(actor.principal),
        action: 'unit.update',
        entity: 'unit',
        entityId: id,
        before: unitView(before),
        after: view,
        requestId: actor.requestId,
      });
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('Mã định danh điện tử đã được dùng.', 'The agency code is already used.');
    throw error;
  } finally {
    deps.units.invalidate();
  }
}

/** Deactivates (or reactivates) a unit. A unit with active sub-units cannot be deactivated. */
export async function setUnitActive(deps: UnitDeps, actor: Actor, id: string, active: boolean): Promise<Unit> {
  const tree = await deps.units.tree();
  if (tree.parentOf(id) === undefined || !can(actor.principal, 'unit.read', id, tree)) throw noSuchUnit();
  const parentId = tree.parentOf(id) ?? null;
  if (parentId === null) throw conflict('Không thể ngừng hoạt động đơn vị gốc.', 'The root unit cannot be deactivated.');
  // Closing a unit is decided above it: not by the unit's own administrator.
  assertManages(actor, tree, parentId);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const before = await lockUnit(trx, id);
      if (!before) throw noSuchUnit();
      if (!active) {
        const child = await findActiveChild(trx, id);
        if (child) throw conflict(`Đơn vị còn đơn vị trực thuộc đang hoạt động (${child}).`, `The unit has active sub-units (${child}).`);
      } else if (before.parent_id) {
        const parent = await lockUnit(trx, before.parent_id);
        if (parent && !parent.active) throw conflict('Đơn vị cấp trên đã ngừng hoạt động.', 'The parent unit is deactivated.');
      }
      const view = await setUnitActiveRow(trx, id, active, new Date());
      await recordAudit(trx, {
        actor: actorOf(actor.principal),
        action: active ? 'unit.activate' : 'unit.deactivate',
        entity: 'unit',
        entityId: id,
        before: { active: before.active },
        after: { active },
        requestId: actor.requestId,
      });
      return view;
    });
  } finally {
    deps.units.invalidate();
  }
}
