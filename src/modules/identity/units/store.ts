// SQL for units. The directory (directory.ts) reads the whole tree; these are the writes and the
// row locks of the administration use cases.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { UnitTable } from '../tables.ts';
import type { Unit, UnitCreate, UnitPatch } from './schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export const unitView = (r: Selectable<UnitTable>): Unit => ({
  id: r.id,
  parentId: r.parent_id,
  agencyCode: r.agency_code,
  nameVi: r.name_vi,
  nameEn: r.name_en,
  kind: r.kind,
  sortOrder: r.sort_order,
  active: r.active,
});

/** Every unit, in display order (the directory reads them whole). */
export async function listAllUnits(db: Executor): Promise<Unit[]> {
  const rows = await db.selectFrom('unit').selectAll().orderBy('sort_order').orderBy('id').execute();
  return rows.map(unitView);
}

/** A unit, locked for the rest of the transaction. */
export async function lockUnit(trx: Transaction<DB>, id: string): Promise<Selectable<UnitTable> | undefined> {
  return trx.selectFrom('unit').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertUnit(db: Executor, input: UnitCreate, agencyCode: string): Promise<Unit> {
  const row = await db
    .insertInto('unit')
    .values({
      id: input.id,
      parent_id: input.parentId,
      agency_code: agencyCode,
      name_vi: input.nameVi,
      name_en: input.nameEn,
      kind: input.kind,
      sort_order: input.sortOrder ?? 1000,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return unitView(row);
}

export async function updateUnitRow(db: Executor, id: string, patch: UnitPatch, now: Date): Promise<Unit> {
  const row = await db
    .updateTable('unit')
    .set({
      ...(patch.parentId !== undefined ? { parent_id: patch.parentId } : {}),
      ...(patch.agencyCode !== undefined ? { agency_code: patch.agencyCode } : {}),
      ...(patch.nameVi !== undefined ? { name_vi: patch.nameVi } : {}),
      ...(patch.nameEn !== undefined ? { name_en: patch.nameEn } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return unitView(row);
}

export async function setUnitActiveRow(db: Executor, id: string, active: boolean, now: Date): Promise<Unit> {
  const row = await db.updateTable('unit').set({ active, updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return unitView(row);
}

export async function findActiveChild(db: Executor, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('unit').select('id').where('parent_id', '=', id).where('active', '=', true).executeTakeFirst();
  return row?.id;
}
