// Who is making a request. Built from the session (or a machine credential) on every request;
// routes, policies and `can()` read it. Pure types: the identity module builds principals.
import type { Permission } from './permissions.ts';
import { ROLES, type Role } from './roles.ts';

export { ROLES, type Role };

export interface RoleGrant {
  role: Role;
  unitId: string;
}

/** e-ID assurance level of the login (Decree 69/2024/NĐ-CP Art. 7; acr of the national SSO). */
export type Acr = 'LoA1' | 'LoA2';

interface PrincipalBase {
  accountId: string;
  fullName: string;
  /** How the session was opened, e.g. `vneid`, `password`, `password+totp`, `oidc`, `token`. */
  method: string;
}

export interface CitizenPrincipal extends PrincipalBase {
  kind: 'citizen';
  personalId: string;
  acr: Acr | null;
}

export interface OrganizationPrincipal extends PrincipalBase {
  kind: 'organization';
  taxCode: string;
  acr: Acr | null;
}

export interface OfficerPrincipal extends PrincipalBase {
  kind: 'officer';
  username: string;
  roles: RoleGrant[];
  /**
   * The account holds the admin role but this session has no second factor (a password-only
   * login, before TOTP enrolment): no role is effective, only TOTP enrolment is possible.
   */
  totpEnrolmentRequired?: boolean;
}

/**
 * A machine client holding a credential that carries a fixed set of permissions, valid for every
 * unit (ADMIN_API_TOKEN). No person: the audit trail names the credential.
 */
export interface ServicePrincipal extends PrincipalBase {
  kind: 'service';
  permissions: readonly Permission[];
}

export type Principal = CitizenPrincipal | OrganizationPrincipal | OfficerPrincipal | ServicePrincipal;

/** Session methods that carry a second factor (or an external IdP responsible for it). */
export const STRONG_OFFICER_METHODS: readonly string[] = ['password+totp', 'oidc'];

export function rolesOf(principal: Principal | undefined): RoleGrant[] {
  return principal?.kind === 'officer' && !principal.totpEnrolmentRequired ? principal.roles : [];
}
