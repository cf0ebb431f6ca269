// SQL for OpenID Connect login state and for accounts made or refreshed from a provider's claims.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
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
