// SQL of logging in: OpenID Connect login state, accounts made or refreshed from a provider's
// claims, officers' password login (attempt counting, single-use TOTP steps), the officer's own
// account (TOTP enrolment, password change) and invitations.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { Role } from '../tables.ts';
import type { MappedIdentity } from './claims.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export interface LoginStateRow {
  purpose: 'citizen' | 'officer';
  state: string;
  nonce: string;
  codeVerifier: string;
  acrRequired: string | null;
  returnTo: string;
  expiresAt: Date;
}

export async function insertLoginState(db: Executor, idHash: string, row: LoginStateRow): Promise<void> {
  await db
    .insertInto('oidc_login')
    .values({
      id_hash: idHash,
      purpose: row.purpose,
      state: row.state,
      nonce: row.nonce,
      code_verifier: row.codeVerifier,
      acr_required: row.acrRequired,
      return_to: row.returnTo,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** Reads and deletes (one use only) the login state of a handle. */
export async function takeLoginState(db: Executor, idHash: string): Promise<LoginStateRow | undefined> {
  const row = await db.deleteFrom('oidc_login').where('id_hash', '=', idHash).returningAll().executeTakeFirst();
  if (!row) return undefined;
  return {
    purpose: row.purpose,
    state: row.state,
    nonce: row.nonce,
    codeVerifier: row.code_verifier,
    acrRequired: row.acr_required,
    returnTo: row.return_to,
    expiresAt: row.expires_at,
  };
}

export async function deleteExpiredLoginStates(db: Executor, now: Date): Promise<number> {
  const result = await db.deleteFrom('oidc_login').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Creates the account of a citizen (keyed by personal ID number) or an organization (keyed by tax
 * code), or refreshes its name, phone, e-mail and profile. One statement: two first logins at
 * once cannot make two accounts.
 */
export async function upsertSsoAccount(
  db: Executor,
  identity: MappedIdentity,
  oidc: { issuer: string; subject: string },
  now: Date,
): Promise<{ id: string; created: boolean; disabled: boolean }> {
  // Another account that held this (issuer, subject) pair lets go of it (a re-issued number).
  await db
    .updateTable('account')
    .set({ oidc_issuer: null, oidc_subject: null })
    .where('oidc_issuer', '=', oidc.issuer)
    .where('oidc_subject', '=', oidc.subject)
    .where(identity.kind === 'citizen' ? 'personal_id' : 'tax_code', '<>', identity.kind === 'citizen' ? identity.personalId : identity.taxCode)
    .execute();
  const values = {
    kind: identity.kind,
    personal_id: identity.kind === 'citizen' ? identity.personalId : null,
    tax_code: identity.kind === 'organization' ? identity.taxCode : null,
    full_name: identity.fullName,
    phone: identity.phone,
    email: identity.email,
    tech_id: identity.techId,
    profile: JSON.stringify(identity.profile),
    oidc_issuer: oidc.issuer,
    oidc_subject: oidc.subject,
    last_login_at: now,
  };
  const key = identity.kind === 'citizen' ? 'personal_id' : 'tax_code';
  const row = await db
    .insertInto('account')
    .values(values)
    .onConflict((oc) =>
      oc.column(key).doUpdateSet({
        full_name: (eb) => eb.ref('excluded.full_name'),
        phone: (eb) => eb.ref('excluded.phone'),
        email: (eb) => eb.ref('excluded.email'),
        tech_id: (eb) => eb.ref('excluded.tech_id'),
        profile: (eb) => eb.ref('excluded.profile'),
        oidc_issuer: (eb) => eb.ref('excluded.oidc_issuer'),
        oidc_subject: (eb) => eb.ref('excluded.oidc_subject'),
        last_login_at: (eb) => eb.ref('excluded.last_login_at'),
        updated_at: now,
      }),
    )
    .returning(['id', 'kind', 'disabled_at', sql<boolean>`(xmax = 0)`.as('inserted')])
    .executeTakeFirstOrThrow();
  if (row.kind !== identity.kind) throw new Error(`account ${row.id} is not a ${identity.kind}`);
  return { id: row.id, created: Boolean(row.inserted), disabled: row.disabled_at !== null };
}

export async function findOfficerForOidc(
  db: Executor,
  field: 'username' | 'email',
  value: string,
): Promise<{ id: string; disabled: boolean } | undefined> {
  const matches = await db
    .selectFrom('account')
    .select(['id', 'disabled_at'])
    .where('kind', '=', 'officer')
    .where((eb) => eb(eb.fn('lower', [field]), '=', value.toLowerCase()))
    .limit(2)
    .execute();
  // Two officers sharing an e-mail address: refuse rather than guess.
  const officer = matches.length === 1 ? matches[0] : undefined;
  return officer ? { id: officer.id, disabled: officer.disabled_at !== null } : undefined;
}

/** An applicant's contact details as the national SSO last gave them (for e-form prefill). */
export async function findAccountContact(db: Executor, accountId: string): Promise<{ phone: string | null; email: string | null } | undefined> {
  return db.selectFrom('account').select(['phone', 'email']).where('id', '=', accountId).executeTakeFirst();
}

export async function markLogin(db: Executor, accountId: string, now: Date): Promise<void> {
  await db.updateTable('account').set({ last_login_at: now }).where('id', '=', accountId).execute();
}

// ---- officers' password login

export interface OfficerCredentials {
  id: string;
  username: string;
  fullName: string;
  passwordHash: string | null;
  totpSecret: string | null;
  disabled: boolean;
  isAdmin: boolean;
}

export async function findOfficerCredentials(db: Executor, username: string): Promise<OfficerCredentials | undefined> {
  const row = await db
    .selectFrom('account as a')
    .select([
      'a.id',
      'a.username',
      'a.full_name',
      'a.password_hash',
      'a.totp_secret',
      'a.disabled_at',
      sql<boolean>`exists (select 1 from role_grant g where g.account_id = a.id and g.role = 'admin')`.as('is_admin'),
    ])
    .where('a.kind', '=', 'officer')
    .where((eb) => eb(eb.fn('lower', ['a.username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    username: row.username!,
    fullName: row.full_name,
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    disabled: row.disabled_at !== null,
    isAdmin: Boolean(row.is_admin),
  };
}

/**
 * Reserves one login attempt before the password is checked, in one statement: concurrent
 * attempts each take their own place and no more than `maxAttempts` are ever checked between two
 * successes. The attempt that reaches the limit locks the account (it is still checked: a right
 * password then lifts the lock). Undefined while the account is locked: nothing is checked.
 */
export async function reserveLoginAttempt(
  db: Executor,
  accountId: string,
  options: { maxAttempts: number; lockUntil: Date; now: Date },
): Promise<{ attempt: number; locked: boolean } | undefined> {
  const next = sql<number>`failed_logins + 1`;
  const reaches = sql<boolean>`failed_logins + 1 >= ${options.maxAttempts}`;
  const row = await db
    .updateTable('account')
    .set({
      failed_logins: sql<number>`case when ${reaches} then 0 else ${next} end`,
      locked_until: sql<Date | null>`case when ${reaches} then ${options.lockUntil}::timestamptz else null end`,
    })
    .where('id', '=', accountId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', options.now)]))
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirst();
  if (!row) return undefined;
  const locked = row.locked_until !== null;
  return { attempt: locked ? options.maxAttempts : row.failed_logins, locked };
}

/**
 * A successful login: the attempt counter and any lock are cleared. With `totpStep`, the code's
 * time step is taken at the same moment, only if no later-or-equal step was accepted before: a
 * code is good once, even when sent twice at the same time (false: refused).
 */
export async function recordSuccessfulLogin(db: Executor, accountId: string, now: Date, totpStep?: number): Promise<boolean> {
  let query = db
    .updateTable('account')
    .set({ failed_logins: 0, locked_until: null, last_login_at: now, ...(totpStep !== undefined ? { totp_last_step: totpStep } : {}) })
    .where('id', '=', accountId);
  if (totpStep !== undefined) {
    query = query.where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', totpStep)]));
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The role grants of an officer, for the login answer. */
export async function roleGrantsOf(db: Executor, accountId: string): Promise<Array<{ role: Role; unitId: string }>> {
  return db
    .selectFrom('role_grant')
    .select(['role', 'unit_id as unitId'])
    .where('account_id', '=', accountId)
    .orderBy('unit_id')
    .orderBy('role')
    .execute();
}

// ---- the officer's own account

export async function findOwnAccount(db: Executor, accountId: string, options: { forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('account')
    .select(['username', 'password_hash', 'totp_secret', 'totp_pending_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', accountId);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirstOrThrow();
}

export async function setPendingTotp(db: Executor, accountId: string, secret: string): Promise<void> {
  await db.updateTable('account').set({ totp_pending_secret: secret }).where('id', '=', accountId).execute();
}

export async function enableTotp(db: Executor, accountId: string, secret: string, step: number, now: Date): Promise<void> {
  await db
    .updateTable('account')
    .set({ totp_secret: secret, totp_pending_secret: null, totp_enabled_at: now, totp_last_step: step, updated_at: now })
    .where('id', '=', accountId)
    .execute();
}

export async function setPassword(db: Executor, accountId: string, passwordHash: string, now: Date, options: { unlock?: boolean } = {}): Promise<void> {
  await db
    .updateTable('account')
    .set({
      password_hash: passwordHash,
      password_changed_at: now,
      updated_at: now,
      ...(options.unlock ? { failed_logins: 0, locked_until: null } : {}),
    })
    .where('id', '=', accountId)
    .execute();
}

// ---- invitations

export async function takeInvitationForUpdate(db: Executor, tokenHash: string) {
  return db
    .selectFrom('officer_invitation as i')
    .innerJoin('account as a', 'a.id', 'i.account_id')
    .select(['i.account_id', 'i.expires_at', 'i.used_at', 'a.username', 'a.disabled_at'])
    .where('i.token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function markInvitationUsed(db: Executor, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('officer_invitation').set({ used_at: now }).where('token_hash', '=', tokenHash).execute();
}

/** Enabled officers holding `role` in one of `unitIds`, with their contacts (for escalations). */
export async function officersWithRole(db: Executor, role: Role, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('role_grant as g')
    .innerJoin('account as a', 'a.id', 'g.account_id')
    .select(['a.id as accountId', 'a.full_name as name', 'a.email', 'a.phone'])
    .where('g.role', '=', role)
    .where('g.unit_id', 'in', [...unitIds])
    .where('a.disabled_at', 'is', null)
    .distinct()
    .execute();
}

/** Enabled officers holding any role in one of `unitIds` (whose scores a reader of those units' index may read). */
export async function officersInUnits(db: Executor, unitIds: readonly string[]): Promise<Array<{ accountId: string; fullName: string }>> {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('role_grant as g')
    .innerJoin('account as a', 'a.id', 'g.account_id')
    .select(['a.id as accountId', 'a.full_name as fullName'])
    .where('g.unit_id', 'in', [...unitIds])
    .where('a.disabled_at', 'is', null)
    .distinct()
    .orderBy('a.full_name')
    .orderBy('a.id')
    .execute();
}

/** The units where an officer account holds a role (for reads about that officer by the units' leaders). */
export async function unitsOfOfficer(db: Executor, accountId: string): Promise<string[]> {
  const rows = await db.selectFrom('role_grant').select('unit_id').where('account_id', '=', accountId).distinct().execute();
  return rows.map((r) => r.unit_id);
}
