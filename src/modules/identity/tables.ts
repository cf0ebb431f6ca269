// Tables of the identity module: units, accounts, role grants, sessions (migration 0002), and
// login state, invitations, TOTP and SSO profile (migration 0005).
import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../../core/access/roles.ts';
import type { DefaultTimestamp, NullableTimestamp, Timestamp } from '../../db/types.ts';

export type { Role };

export type UnitKind = 'ministry' | 'department' | 'division' | 'centre' | 'office';

export interface UnitTable {
  /** Stable slug, e.g. `cuc-shtt`. */
  id: string;
  parent_id: string | null;
  /** Agency electronic ID (mã định danh điện tử, Decision 20/2020/QĐ-TTg). */
  agency_code: string;
  name_vi: string;
  name_en: string;
  kind: UnitKind;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export type AccountKind = 'citizen' | 'organization' | 'officer';

export interface AccountTable {
  id: Generated<string>;
  kind: AccountKind;
  /** Citizens: the 12-digit personal identification number, the key that links their data. */
  personal_id: string | null;
  /** Organizations: tax code (mã số thuế / mã số doanh nghiệp). */
  tax_code: string | null;
  /** Officers: login name. */
  username: string | null;
  full_name: string;
  email: string | null;
  phone: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  disabled_at: NullableTimestamp;
  last_login_at: NullableTimestamp;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  /** Officers: home unit (đơn vị công tác); an administrator of a unit above it manages them. */
  unit_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** TOTP secret (base32) generated at enrolment, until confirmed with a code. */
  totp_pending_secret: ColumnType<string | null, string | null | undefined, string | null>;
  totp_enabled_at: NullableTimestamp;
  /** Last accepted TOTP time step (a code is accepted once). */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  password_changed_at: NullableTimestamp;
  /** TechID of the national SSO account (MaDoiTuong in dossier sync). */
  tech_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Other claims of the last SSO login, in motcua's field names. */
  profile: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

export interface RoleGrantTable {
  account_id: string;
  unit_id: string;
  role: Role;
  granted_at: DefaultTimestamp;
  granted_by: string;
}

export interface SessionTable {
  /** SHA-256 (hex) of the session token; the token itself is only in the browser's cookie. */
  id_hash: string;
  account_id: string;
  method: string;
  acr: string | null;
  csrf_token: string;
  /** Unused since logout names the client (client_id) instead of sending the ID token; always null. */
  id_token: string | null;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
}

/** State of an OpenID Connect login between the redirect to the provider and its callback. */
export interface OidcLoginTable {
  /** SHA-256 of the random handle held in the browser's login cookie. */
  id_hash: string;
  purpose: 'citizen' | 'officer';
  state: string;
  nonce: string;
  code_verifier: string;
  acr_required: string | null;
  return_to: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface OfficerInvitationTable {
  token_hash: string;
  account_id: string;
  created_by: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface IdentityTables {
  unit: UnitTable;
  account: AccountTable;
  role_grant: RoleGrantTable;
  session: SessionTable;
  oidc_login: OidcLoginTable;
  officer_invitation: OfficerInvitationTable;
}
