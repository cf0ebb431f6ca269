// Tables of the identity module: units, accounts, role grants, sessions. See migration 0002.
import type { Generated } from 'kysely';
import type { DefaultTimestamp, NullableTimestamp, Timestamp } from '../../db/types.ts';

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
}

export type Role = 'receiver' | 'specialist' | 'unit_leader' | 'ministry_leader' | 'admin' | 'auditor';

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
  id_token: string | null;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface IdentityTables {
  unit: UnitTable;
  account: AccountTable;
  role_grant: RoleGrantTable;
  session: SessionTable;
}
