// Zod schemas of the units' administration API.
import { z } from 'zod';
import { UNIT_KINDS } from '../../../contracts/identity.ts';

export const UnitKindName = z.enum(UNIT_KINDS).meta({ id: 'UnitKind' });

export const unitId = z.string().regex(/^[a-z0-9-]{2,64}$/, { message: 'a-z, 0-9, -; 2–64 ký tự / characters' });
export const name = z.string().trim().min(1).max(300);

export const UnitCreate = z
  .object({
    id: unitId.describe('Stable slug, e.g. cuc-shtt-sang-che'),
    parentId: unitId.nullable(),
    agencyCode: z.string().trim().min(1).max(35).describe('Agency electronic ID (Decision 20/2020/QĐ-TTg)'),
    nameVi: name,
    nameEn: name,
    kind: UnitKindName,
    sortOrder: z.number().int().min(0).max(100_000).optional(),
  })
  .meta({ id: 'UnitCreate' });
export type UnitCreate = z.infer<typeof UnitCreate>;

export const UnitPatch = UnitCreate.omit({ id: true }).partial().meta({ id: 'UnitPatch' });
export type UnitPatch = z.infer<typeof UnitPatch>;

export const Unit = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    agencyCode: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    kind: z.string(),
    sortOrder: z.number().int(),
    active: z.boolean(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof Unit>;

export interface UnitTreeNode extends Unit {
  children: UnitTreeNode[];
}
export const UnitTreeNode: z.ZodType<UnitTreeNode> = Unit.extend({
  get children() {
    return z.array(UnitTreeNode);
  },
}).meta({ id: 'UnitTreeNode' });

export const UnitTreeResponse = z.object({ roots: z.array(UnitTreeNode) }).meta({ id: 'UnitTree' });
export const UnitParams = z.object({ id: unitId });

