// What the server and the web app share about accounts: plain values, no library, so the web
// bundle can import them (the Zod schemas on the server are built from them). The role list is
// in src/core/access/roles.ts.
export { ROLES, ROLE_LABELS, type Role } from '../core/access/roles.ts';

/** Officers' login names: lower-case letters, digits, dot, underscore, hyphen; 3–64 characters. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** NIST SP 800-63B: length over complexity. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** The kinds of unit, in the order the unit form offers them (the server's UnitKindName is built from it). */
export const UNIT_KINDS = ['ministry', 'department', 'division', 'centre', 'office'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
