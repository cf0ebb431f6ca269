// Sessions for tests: creates an account (with role grants for officers) and opens a real
// session for it, returning the headers a browser would send.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/types.ts';
import { grantRole, insertAccount } from '../../src/modules/identity/officers/store.ts';
import type { Acr, Role } from '../../src/core/access/index.ts';
import { CSRF_HEADER, SESSION_COOKIE, openSession, type SessionSettings } from '../../src/modules/identity/sessions/service.ts';
import { seedUnits } from '../../src/modules/identity/seed/units.ts';

export const TEST_SESSION_SETTINGS: SessionSettings = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000, secure: false };

export type LoginSpec =
  | { kind: 'citizen'; personalId: string; fullName?: string; acr?: Acr }
  | { kind: 'organization'; taxCode: string; fullName?: string; acr?: Acr }
  | {
      kind: 'officer';
      username?: string;
      fullName?: string;
      roles: Array<{ role: Role; unitId: string }>;
      /** Home unit (đơn vị công tác); default: the unit of the first role. */
      unitId?: string;
    };

export interface TestLogin {
  accountId: string;
  /** Headers for a request as this user: cookie, and the CSRF token for writes. */
  headers: { cookie: string; [CSRF_HEADER]: string };
}

/**
 * Creates the account and opens a session for it; with `options.accountId`, opens another session
 * for that existing account of the same spec.
 */
export async function loginAs(db: Kysely<DB>, spec: LoginSpec, options: { accountId?: string } = {}): Promise<TestLogin> {
  if (options.accountId) return { accountId: options.accountId, headers: await sessionHeaders(db, spec, options.accountId) };
  await seedUnits(db);
  const suffix = randomBytes(4).toString('hex');
  const accountId = await insertAccount(db, {
    kind: spec.kind,
    personal_id: spec.kind === 'citizen' ? spec.personalId : null,
    tax_code: spec.kind === 'organization' ? spec.taxCode : null,
    username: spec.kind === 'officer' ? (spec.username ?? `officer-${suffix}`) : null,
    full_name: spec.fullName ?? `Người dùng thử ${suffix}`,
    unit_id: spec.kind === 'officer' ? (spec.unitId ?? spec.roles[0]?.unitId ?? null) : null,
  });
  if (spec.kind === 'officer') {
    for (const grant of spec.roles) await grantRole(db, accountId, grant.unitId, grant.role, 'test');
  }
  return { accountId, headers: await sessionHeaders(db, spec, accountId) };
}

async function sessionHeaders(db: Kysely<DB>, spec: LoginSpec, accountId: string): Promise<TestLogin['headers']> {
  const session = await openSession(db, TEST_SESSION_SETTINGS, {
    accountId,
    // An administrator's session always has its second factor (see STRONG_OFFICER_METHODS).
    method: spec.kind !== 'officer' ? 'vneid' : spec.roles.some((g) => g.role === 'admin') ? 'password+totp' : 'password',
    acr: spec.kind === 'officer' ? null : (spec.acr ?? 'LoA2'),
  });
  return { cookie: `${SESSION_COOKIE}=${session.token}`, [CSRF_HEADER]: session.csrfToken };
}
