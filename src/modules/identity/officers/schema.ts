// Zod schemas of the officers' administration API and of the audit trail reading.
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, USERNAME_PATTERN } from '../../../contracts/identity.ts';
import { RoleName } from '../sessions/schema.ts';
import { name, unitId } from '../units/schema.ts';

export { RoleName };

export const RoleGrantView = z.object({ role: RoleName, unitId: z.string() }).meta({ id: 'RoleGrant' });

const username = z.string().trim().toLowerCase().regex(USERNAME_PATTERN, { message: 'a-z, 0-9, . _ -; 3–64 ký tự / characters' });
const email = z.email().max(254);
const phone = z.string().trim().regex(/^\+?[0-9 .()-]{6,20}$/);

export const OfficerCreate = z
  .object({
    username,
    fullName: name,
    email: email.optional(),
    phone: phone.optional(),
    unitId: unitId.describe('Home unit (đơn vị công tác)'),
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional().describe('Initial password; omit to get an invitation instead'),
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
  .object({ password: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional().describe('New password; omit for a generated temporary one') })
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
    actor: z.string().describe('Who, as readers see it (e.g. “quantri (Vũ Đức Thắng)”, “seed:demo”)'),
    actorId: z.string().nullable().describe('The account that acted; null for the system or a machine credential'),
    actorKind: z.enum(['officer', 'citizen', 'organization', 'service', 'system']),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export const AuditList = z.object({ items: z.array(AuditEntry) }).meta({ id: 'AuditList' });
