// Who is making a request. Built from the session on every request; routes and policies read it.
import type { Role } from './tables.ts';

export type { Role } from './tables.ts';

export const ROLES: readonly Role[] = ['receiver', 'specialist', 'unit_leader', 'ministry_leader', 'admin', 'auditor'];

export interface RoleGrant {
  role: Role;
  unitId: string;
}

/** e-ID assurance level of the login (Decree 69/2024/NĐ-CP Art. 7; acr of the national SSO). */
export type Acr = 'LoA1' | 'LoA2';

interface PrincipalBase {
  accountId: string;
  fullName: string;
  /** How the session was opened, e.g. `vneid`, `password`, `password+totp`, `oidc`. */
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

/** Session methods that carry a second factor (or an external IdP responsible for it). */
export const STRONG_OFFICER_METHODS: readonly string[] = ['password+totp', 'oidc'];

export type Principal = CitizenPrincipal | OrganizationPrincipal | OfficerPrincipal;

export function rolesOf(principal: Principal | undefined): RoleGrant[] {
  return principal?.kind === 'officer' ? principal.roles : [];
}
