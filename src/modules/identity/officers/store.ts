// SQL for officer accounts, their role grants and invitations.
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { OfficerPrincipal, Role } from '../../../core/access/index.ts';
import type { DB } from '../../../db/types.ts';
import type { AccountTable } from '../tables.ts';
import type { Officer } from './schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export async function insertAccount(db: Executor, values: Insertable<AccountTable>): Promise<string> {
  const row = await db.insertInto('account').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function grantRole(db: Executor, accountId: string, unitId: string, role: Role, grantedBy: string): Promise<void> {
  await db
    .insertInto('role_grant')
    .values({ account_id: accountId, unit_id: unitId, role, granted_by: grantedBy })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function revokeRole(db: Executor, accountId: string, unitId: string, role: Role): Promise<void> {
  await db.deleteFrom('role_grant').where('account_id', '=', accountId).where('unit_id', '=', unitId).where('role', '=', role).execute();
}

const OFFICER_COLUMNS = [
  'a.id',
  'a.username',
  'a.full_name',
  'a.email',
  'a.phone',
  'a.unit_id',
  'a.disabled_at',
  'a.locked_until',
  'a.totp_secret',
  'a.password_hash',
  'a.last_login_at',
  'a.created_at',
] as const;

type OfficerRow = {
  id: string;
  username: string | null;
  full_name: string;
  email: string | null;
  phone: string | null;
  unit_id: string | null;
  disabled_at: Date | null;
  locked_until: Date | null;
  totp_secret: string | null;
  password_hash: string | null;
  last_login_at: Date | null;
  created_at: Date;
};

type Grant = { role: Role; unitId: string };

async function grantsOf(db: Executor, ids: string[]): Promise<Map<string, Grant[]>> {
  const out = new Map<string, Grant[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('role_grant')
    .select(['account_id', 'role', 'unit_id'])
    .where('account_id', 'in', ids)
    .orderBy('unit_id')
    .orderBy('role')
    .execute();
  for (const r of rows) {
    const list = out.get(r.account_id) ?? [];
    list.push({ role: r.role, unitId: r.unit_id });
    out.set(r.account_id, list);
  }
  return out;
}

function officerView(r: OfficerRow, roles: Grant[], now = new Date()): Officer {
  return {
    id: r.id,
    username: r.username!,
    fullName: r.full_name,
    email: r.email,
    phone: r.phone,
    unitId: r.unit_id,
    disabled: r.disabled_at !== null,
    lockedUntil: r.locked_until && r.locked_until.getTime() > now.getTime() ? r.locked_until.toISOString() : null,
    totpEnabled: r.totp_secret !== null,
    hasPassword: r.password_hash !== null,
    roles,
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

/** An officer with their grants; `lock` takes the account's row lock for the transaction. */
export async function findOfficer(db: Executor, id: string, options: { lock?: boolean } = {}): Promise<Officer | undefined> {
  let query = db.selectFrom('account as a').select(OFFICER_COLUMNS).where('a.id', '=', id).where('a.kind', '=', 'officer');
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return officerView(row, (await grantsOf(db, [id])).get(id) ?? []);
}

export interface OfficerSearch {
  /** Home units the caller may see. */
  unitIds: string[];
  /** Officers without a home unit too (ministry level). */
  unassigned: boolean;
  q?: string;
  role?: Role;
  includeDisabled: boolean;
  limit: number;
  offset: number;
}

export async function searchOfficers(db: Executor, search: OfficerSearch): Promise<{ items: Officer[]; total: number }> {
  if (search.unitIds.length === 0 && !search.unassigned) return { items: [], total: 0 };
  let base = db
    .selectFrom('account as a')
    .where('a.kind', '=', 'officer')
    .where((eb) => {
      const parts = [];
      if (search.unitIds.length) parts.push(eb('a.unit_id', 'in', search.unitIds));
      if (search.unassigned) parts.push(eb('a.unit_id', 'is', null));
      return eb.or(parts);
    });
  if (!search.includeDisabled) base = base.where('a.disabled_at', 'is', null);
  if (search.q) {
    const like = `%${search.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([eb(eb.fn('lower', ['a.username']), 'like', like), eb(eb.fn('lower', ['a.full_name']), 'like', like), eb(eb.fn('lower', ['a.email']), 'like', like)]),
    );
  }
  if (search.role) {
    const role = search.role;
    base = base.where((eb) =>
      eb.exists(eb.selectFrom('role_grant as g').select(sql`1`.as('one')).whereRef('g.account_id', '=', 'a.id').where('g.role', '=', role)),
    );
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base.select(OFFICER_COLUMNS).orderBy('a.username').limit(search.limit).offset(search.offset).execute();
  const grants = await grantsOf(db, rows.map((r) => r.id));
  return { items: rows.map((r) => officerView(r, grants.get(r.id) ?? [])), total: Number(total) };
}

export async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('account')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateOfficerRow(
  db: Executor,
  id: string,
  values: { fullName?: string; email?: string | null; phone?: string | null; unitId?: string; disabledAt?: Date | null },
  now: Date,
): Promise<void> {
  await db
    .updateTable('account')
    .set({
      ...(values.fullName !== undefined ? { full_name: values.fullName } : {}),
      ...(values.email !== undefined ? { email: values.email } : {}),
      ...(values.phone !== undefined ? { phone: values.phone } : {}),
      ...(values.unitId !== undefined ? { unit_id: values.unitId } : {}),
      ...(values.disabledAt !== undefined ? { disabled_at: values.disabledAt } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** A new password set by an administrator: any lock is lifted too. */
export async function resetPasswordRow(db: Executor, id: string, passwordHash: string, now: Date): Promise<void> {
  await db
    .updateTable('account')
    .set({ password_hash: passwordHash, password_changed_at: now, failed_logins: 0, locked_until: null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function removeTotp(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('account')
    .set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** The units where active accounts other than `exceptAccountId` hold the admin role. */
export async function adminGrantUnitsExcept(db: Executor, exceptAccountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grant as g')
    .innerJoin('account as a', 'a.id', 'g.account_id')
    .select(['g.unit_id'])
    .where('g.role', '=', 'admin')
    .where('a.disabled_at', 'is', null)
    .where('a.id', '<>', exceptAccountId)
    .execute();
  return rows.map((r) => r.unit_id);
}

/** A new invitation; earlier unused ones of the account are spent. */
export async function replaceInvitation(db: Executor, accountId: string, tokenHash: string, createdBy: string, expiresAt: Date, now: Date): Promise<void> {
  await db.updateTable('officer_invitation').set({ used_at: now }).where('account_id', '=', accountId).where('used_at', 'is', null).execute();
  await db.insertInto('officer_invitation').values({ token_hash: tokenHash, account_id: accountId, created_by: createdBy, expires_at: expiresAt }).execute();
}

/** The home unit of an officer account (undefined: no such officer). */
export async function officerHomeUnit(db: Executor, id: string): Promise<{ unitId: string | null } | undefined> {
  const row = await db.selectFrom('account').select(['unit_id', 'kind']).where('id', '=', id).executeTakeFirst();
  return row?.kind === 'officer' ? { unitId: row.unit_id } : undefined;
}

export async function findOfficerIdByUsername(db: Executor, username: string): Promise<string | undefined> {
  const row = await db.selectFrom('account').select('id').where('kind', '=', 'officer').where('username', '=', username.toLowerCase()).executeTakeFirst();
  return row?.id;
}

/**
 * An enabled officer as a principal with its role grants, for an operator of the command line who
 * names their account (`--as <username>`); undefined when there is no such enabled officer.
 */
export async function findOfficerPrincipal(db: Executor, username: string): Promise<OfficerPrincipal | undefined> {
  const row = await db
    .selectFrom('account')
    .select(['id', 'username', 'full_name', 'disabled_at'])
    .where('kind', '=', 'officer')
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
  if (!row || row.disabled_at) return undefined;
  const grants = await db.selectFrom('role_grant').select(['role', 'unit_id']).where('account_id', '=', row.id).orderBy('unit_id').orderBy('role').execute();
  return { kind: 'officer', accountId: row.id, fullName: row.full_name, username: row.username!, method: 'cli', roles: grants.map((g) => ({ role: g.role, unitId: g.unit_id })) };
}
