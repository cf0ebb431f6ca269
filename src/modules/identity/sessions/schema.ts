// The logged-in caller as the web app sees it (GET /api/v1/me). The web app imports the inferred
// type `Me` (type-only), so the shape is written once.
import { z } from 'zod';
import { ROLES } from '../../../core/access/roles.ts';

export const RoleName = z.enum(ROLES).meta({ id: 'Role' });

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
    /** An administrator logged in without a second factor: only TOTP enrolment is possible. */
    totpEnrolmentRequired: z.boolean().optional(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;
