// The logged-in caller as the web app sees it (GET /api/v1/me). The web app imports the inferred
// type `Me` (type-only), so the shape is written once.
import { z } from 'zod';
import { PERMISSION_NAMES } from '../../../core/access/permissions.ts';
import { ROLES } from '../../../core/access/roles.ts';

export const RoleName = z.enum(ROLES).meta({ id: 'Role' });
export const PermissionName = z.enum(PERMISSION_NAMES).meta({ id: 'Permission' });

/** A role the caller holds in an active unit, with the unit's names for display. */
export const MeRoleGrant = z
  .object({ role: RoleName, unitId: z.string(), unitNameVi: z.string(), unitNameEn: z.string() })
  .meta({ id: 'MeRoleGrant' });
export type MeRoleGrant = z.infer<typeof MeRoleGrant>;

export const Me = z
  .object({
    kind: z.enum(['citizen', 'organization', 'officer']),
    accountId: z.string(),
    personalId: z.string().optional(),
    taxCode: z.string().optional(),
    username: z.string().optional(),
    fullName: z.string(),
    acr: z.enum(['LoA1', 'LoA2']).nullable(),
    method: z.string(),
    /** Grants in deactivated units (or below one) are left out: they give no right. */
    roles: z.array(MeRoleGrant),
    /**
     * The permissions the caller holds in at least one unit (src/core/access/permissions.ts), as the
     * routes check them: the web app shows a page or an action when its route would answer.
     */
    permissions: z.array(PermissionName),
    /** Of those, the ones held at a root unit: the ministry-wide rules (calendar, reconciliation). */
    ministryPermissions: z.array(PermissionName),
    /** An administrator logged in without a second factor: only TOTP enrolment is possible. */
    totpEnrolmentRequired: z.boolean().optional(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;
