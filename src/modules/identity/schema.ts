// Zod schemas of the identity administration API (units, officers, audit).
import { z } from 'zod';
import { ROLES } from './principal.ts';

export const RoleName = z.enum(ROLES as ['receiver', 'specialist', 'unit_leader', 'ministry_leader', 'admin', 'auditor']).meta({ id: 'Role' });
export const UnitKindName = z.enum(['ministry', 'department', 'division', 'centre', 'office']).meta({ id: 'UnitKind' });

const unitId = z.string().regex(/^[a-z0-9-]{2,64}$/, { message: 'a-z, 0-9, -; 2–64 ký tự / characters' });
const name = z.string().trim().min(1).max(300);

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

export const RoleGrantView = z.object({ role: RoleName, unitId: z.string() }).meta({ id: 'RoleGrant' });

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: 'a-z, 0-9, . _ -; 3–64 ký tự / characters' });
const email = z.email().max(254);
const phone = z.string().trim().regex(/^\+?[0-9 .()-]{6,20}$/);

export const OfficerCreate = z
  .object({
    username,
    fullName: name,
    email: email.optional(),
    phone: phone.optional(),
    unitId: unitId.describe('Home unit (đơn vị công tác)'),
    password: z.string().min(1).max(256).optional().describe('Initial password; omit to get an invitation instead'),
    roles: z.array(RoleGrantView).max(50).default([]),
  })
  .meta({ id: 'OfficerCreate' });
export type OfficerCreate = z.infer<typeof OfficerCreate>;

export const OfficerPatch = z
  .object({ fullName: name, email: email.nullable(), phone: phone.nullable(), unitId })
  .partial()
  .meta({ id: 'OfficerPatch' });
export type OfficerPatch = z.infer<typeof OfficerPatch>;

export const Officer = z
  .object({
    id: z.string(),
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    unitId: z.string().nullable(),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    totpEnabled: z.boolean(),
    hasPassword: z.boolean(),
    roles: z.array(RoleGrantView),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Officer' });
export type Officer = z.infer<typeof Officer>;

export const Invitation = z
  .object({ token: z.string(), url: z.string(), expiresAt: z.string() })
  .meta({ id: 'Invitation', description: 'Shown once: hand it to the officer, who sets a first password with it' });

export const OfficerCreated = z.object({ officer: Officer, invitation: Invitation.optional() }).meta({ id: 'OfficerCreated' });

export const OfficerQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Part of username, name or e-mail'),
  unitId: unitId.optional().describe('Officers of this unit and the units below'),
  role: RoleName.optional(),
  includeDisabled: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const OfficerList = z.object({ items: z.array(Officer), total: z.number().int() }).meta({ id: 'OfficerList' });
export const OfficerParams = z.object({ id: z.uuid() });
export const RoleParams = z.object({ id: z.uuid(), unitId, role: RoleName });

export const PasswordReset = z
  .object({ password: z.string().min(1).max(256).optional().describe('New password; omit for a generated temporary one') })
  .meta({ id: 'PasswordReset' });
export const PasswordResetResult = z
  .object({ temporaryPassword: z.string().optional().describe('Shown once') })
  .meta({ id: 'PasswordResetResult' });

export const AuditQuery = z.object({
  entity: z.string().trim().min(1).max(64),
  entityId: z.string().trim().min(1).max(200),
});
export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export const AuditList = z.object({ items: z.array(AuditEntry) }).meta({ id: 'AuditList' });
