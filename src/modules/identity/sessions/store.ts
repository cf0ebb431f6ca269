// SQL for sessions and the principal they carry.
import { sql, type Kysely, type Transaction } from 'kysely';
import { STRONG_OFFICER_METHODS, type Acr, type Principal, type Role } from '../../../core/access/index.ts';
import type { DB } from '../../../db/types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export interface SessionRow {
  accountId: string;
  method: string;
  acr: string | null;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export async function insertSession(
  db: Executor,
  values: { idHash: string; accountId: string; method: string; acr: string | null; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('session')
    .values({
      id_hash: values.idHash,
      account_id: values.accountId,
      method: values.method,
      acr: values.acr,
      csrf_token: values.csrfToken,
      expires_at: values.expiresAt,
    })
    .execute();
}

/** The session and its principal in one round trip (account and role grants joined). */
export async function findSessionWithPrincipal(
  db: Executor,
  idHash: string,
): Promise<{ session: SessionRow; principal: Principal } | undefined> {
  const row = await db
    .selectFrom('session as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .select([
      's.account_id',
      's.method',
      's.acr',
      's.csrf_token',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      'a.kind',
      'a.personal_id',
      'a.tax_code',
      'a.username',
      'a.full_name',
      'a.disabled_at',
    ])
    .select(
      sql<Array<{ role: Role; unitId: string }> | string>`coalesce((
        select json_agg(json_build_object('role', g.role, 'unitId', g.unit_id) order by g.unit_id, g.role)
        from role_grant g where g.account_id = a.id), '[]'::json)`.as('roles'),
    )
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row || row.disabled_at) return undefined;
  const session: SessionRow = {
    accountId: row.account_id,
    method: row.method,
    acr: row.acr,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
  const base = { accountId: row.account_id, fullName: row.full_name, method: row.method };
  const acr = (row.acr as Acr | null) ?? null;
  let principal: Principal;
  if (row.kind === 'citizen') principal = { ...base, kind: 'citizen', personalId: row.personal_id!, acr };
  else if (row.kind === 'organization') principal = { ...base, kind: 'organization', taxCode: row.tax_code!, acr };
  else {
    const roles = typeof row.roles === 'string' ? (JSON.parse(row.roles) as Array<{ role: Role; unitId: string }>) : row.roles;
    // An administrator's account needs a second factor: without one, no role is effective.
    if (roles.some((g) => g.role === 'admin') && !STRONG_OFFICER_METHODS.includes(row.method)) {
      principal = { ...base, kind: 'officer', username: row.username!, roles: [], totpEnrolmentRequired: true };
    } else {
      principal = { ...base, kind: 'officer', username: row.username!, roles };
    }
  }
  return { session, principal };
}

export async function touchSession(db: Executor, idHash: string, at: Date): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(
  db: Executor,
  idHash: string,
): Promise<{ method: string; accountId: string } | undefined> {
  const row = await db.deleteFrom('session').where('id_hash', '=', idHash).returning(['method', 'account_id']).executeTakeFirst();
  return row ? { method: row.method, accountId: row.account_id } : undefined;
}

/** Closes every session of an account (disabled, password reset, roles changed...). */
export async function deleteSessionsOfAccount(db: Executor, accountId: string, exceptIdHash?: string): Promise<number> {
  let query = db.deleteFrom('session').where('account_id', '=', accountId);
  if (exceptIdHash) query = query.where('id_hash', '<>', exceptIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<number> {
  const result = await db.deleteFrom('session').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
