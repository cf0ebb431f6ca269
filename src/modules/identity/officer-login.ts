// Officers' own login: username and password (argon2id), a TOTP code when the account has one
// enrolled (required for administrators), lockout after repeated failures. Every failure gives
// the same answer, whether the username exists, the password is wrong or the account is locked.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { ProblemError } from '../../http/problem.ts';
import { recordAudit } from '../audit/service.ts';
import type { IdentityContext } from './context.ts';
import { hashPassword, passwordProblem, verifyDummy, verifyPassword } from './passwords.ts';
import { STRONG_OFFICER_METHODS, type OfficerPrincipal, type Principal } from './principal.ts';
import { closeSessionsOfAccount, openSessionIn, type OpenedSession } from './sessions.ts';
import { checkTotp, newTotpSecret, otpauthUrl, totpQrDataUrl } from './totp.ts';

export function invalidCredentials(): ProblemError {
  return new ProblemError('invalid_credentials', {
    detail: {
      vi: 'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa. Sau nhiều lần sai, tài khoản bị khóa trong ít phút.',
      en: 'Wrong username or password, or the account is temporarily locked. After several failures an account is locked for a few minutes.',
    },
  });
}

export interface OfficerLoginInput {
  username: string;
  password: string;
  totp?: string;
  previousToken?: string;
}

export interface OfficerLoginResult {
  session: OpenedSession;
  accountId: string;
  method: string;
  /** An administrator without TOTP: the session can only enrol TOTP. */
  totpEnrolmentRequired: boolean;
}

export async function loginOfficer(ctx: IdentityContext, input: OfficerLoginInput, now = new Date()): Promise<OfficerLoginResult> {
  const { db, config } = ctx;
  const account = await db
    .selectFrom('account as a')
    .select([
      'a.id',
      'a.username',
      'a.password_hash',
      'a.totp_secret',
      'a.totp_last_step',
      'a.locked_until',
      'a.disabled_at',
      sql<boolean>`exists (select 1 from role_grant g where g.account_id = a.id and g.role = 'admin')`.as('is_admin'),
    ])
    .where('a.kind', '=', 'officer')
    .where((eb) => eb(eb.fn('lower', ['a.username']), '=', input.username.trim().toLowerCase()))
    .executeTakeFirst();
  if (!account?.password_hash) {
    await verifyDummy(input.password);
    throw invalidCredentials();
  }
  const passwordOk = await verifyPassword(account.password_hash, input.password);
  const locked = account.locked_until !== null && account.locked_until.getTime() > now.getTime();
  if (account.disabled_at || locked) throw invalidCredentials();

  const fail = async () => {
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('account')
        .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
        .where('id', '=', account.id)
        .returning(['failed_logins'])
        .executeTakeFirstOrThrow();
      if (row.failed_logins >= config.OFFICER_LOCKOUT_ATTEMPTS) {
        const until = new Date(now.getTime() + config.OFFICER_LOCKOUT_MINUTES * 60_000);
        await trx.updateTable('account').set({ failed_logins: 0, locked_until: until }).where('id', '=', account.id).execute();
        await recordAudit(trx, {
          actor: 'system',
          action: 'officer.lock',
          entity: 'officer',
          entityId: account.id,
          after: { lockedUntil: until.toISOString(), failedLogins: row.failed_logins },
        });
      }
    });
  };
  if (!passwordOk) {
    await fail();
    throw invalidCredentials();
  }

  let method = 'password';
  let totpStep: number | undefined;
  if (account.totp_secret) {
    if (!input.totp) {
      throw new ProblemError('totp_required', {
        detail: { vi: 'Nhập mã xác thực 6 số từ ứng dụng xác thực.', en: 'Enter the 6-digit code from your authenticator app.' },
      });
    }
    totpStep = checkTotp(account.totp_secret, input.totp.trim(), now.getTime());
    if (totpStep === undefined || (account.totp_last_step !== null && totpStep <= account.totp_last_step)) {
      await fail();
      throw new ProblemError('totp_required', {
        detail: { vi: 'Mã xác thực không đúng hoặc đã được dùng.', en: 'The code is wrong or has already been used.' },
      });
    }
    method = 'password+totp';
  }

  const session = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('account')
      .set({ failed_logins: 0, locked_until: null, last_login_at: now, ...(totpStep !== undefined ? { totp_last_step: totpStep } : {}) })
      .where('id', '=', account.id)
      .execute();
    return openSessionIn(trx, ctx.sessions, { accountId: account.id, method, previousToken: input.previousToken }, now);
  });
  return {
    session,
    accountId: account.id,
    method,
    totpEnrolmentRequired: account.is_admin && !STRONG_OFFICER_METHODS.includes(method),
  };
}

function officerOf(principal: Principal): OfficerPrincipal {
  if (principal.kind !== 'officer') {
    throw new ProblemError('forbidden', { detail: { vi: 'Chỉ dành cho cán bộ.', en: 'For officers only.' } });
  }
  return principal;
}

/** Starts TOTP enrolment: a new secret (kept pending until confirmed), its otpauth URL and QR code. */
export async function setupTotp(
  ctx: IdentityContext,
  principal: Principal,
): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
  const officer = officerOf(principal);
  const account = await ctx.db.selectFrom('account').select(['totp_secret']).where('id', '=', officer.accountId).executeTakeFirstOrThrow();
  // Replacing an enrolled factor needs a session that proved it.
  if (account.totp_secret && !STRONG_OFFICER_METHODS.includes(officer.method)) {
    throw new ProblemError('forbidden', {
      detail: { vi: 'Đăng nhập bằng mã xác thực hiện tại để đổi thiết bị xác thực.', en: 'Log in with your current code to replace it.' },
    });
  }
  const secret = newTotpSecret();
  await ctx.db.updateTable('account').set({ totp_pending_secret: secret }).where('id', '=', officer.accountId).execute();
  const url = otpauthUrl(secret, ctx.config.TOTP_ISSUER, officer.username);
  return { secret, otpauthUrl: url, qrDataUrl: await totpQrDataUrl(url) };
}

/** Confirms enrolment with a code; the session is replaced by one that carries the second factor. */
export async function confirmTotp(
  ctx: IdentityContext,
  principal: Principal,
  input: { code: string; currentToken: string; requestId?: string },
  now = new Date(),
): Promise<OpenedSession> {
  const officer = officerOf(principal);
  return ctx.db.transaction().execute(async (trx) => {
    const account = await trx
      .selectFrom('account')
      .select(['totp_pending_secret', 'totp_enabled_at'])
      .where('id', '=', officer.accountId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!account.totp_pending_secret) {
      throw new ProblemError('conflict', {
        detail: { vi: 'Hãy bắt đầu đăng ký mã xác thực trước.', en: 'Start the enrolment first.' },
      });
    }
    const step = checkTotp(account.totp_pending_secret, input.code.trim(), now.getTime());
    if (step === undefined) {
      throw new ProblemError('validation', {
        detail: { vi: 'Mã xác thực không đúng.', en: 'The code is wrong.' },
        errors: [{ pointer: '/body/code', code: 'invalid', message: { vi: 'Mã xác thực không đúng.', en: 'The code is wrong.' } }],
      });
    }
    await trx
      .updateTable('account')
      .set({ totp_secret: account.totp_pending_secret, totp_pending_secret: null, totp_enabled_at: now, totp_last_step: step, updated_at: now })
      .where('id', '=', officer.accountId)
      .execute();
    await recordAudit(trx, {
      actor: `officer:${officer.username}`,
      action: account.totp_enabled_at ? 'officer.totp.replace' : 'officer.totp.enable',
      entity: 'officer',
      entityId: officer.accountId,
      before: { totpEnabled: account.totp_enabled_at !== null },
      after: { totpEnabled: true },
      requestId: input.requestId,
    });
    // Other sessions of the account (opened with the old factor or none) end.
    await closeSessionsOfAccount(trx, ctx.sessions, officer.accountId, input.currentToken);
    const method = STRONG_OFFICER_METHODS.includes(officer.method) ? officer.method : 'password+totp';
    return openSessionIn(trx, ctx.sessions, { accountId: officer.accountId, method, previousToken: input.currentToken }, now);
  });
}

/** An officer changes their own password; their other sessions end. */
export async function changeOwnPassword(
  ctx: IdentityContext,
  principal: Principal,
  input: { currentPassword: string; newPassword: string; currentToken: string; requestId?: string },
  now = new Date(),
): Promise<void> {
  const officer = officerOf(principal);
  const account = await ctx.db
    .selectFrom('account')
    .select(['password_hash', 'username'])
    .where('id', '=', officer.accountId)
    .executeTakeFirstOrThrow();
  const ok = account.password_hash ? await verifyPassword(account.password_hash, input.currentPassword) : false;
  if (!ok) {
    throw new ProblemError('validation', {
      detail: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
      errors: [{ pointer: '/body/currentPassword', code: 'invalid', message: { vi: 'Mật khẩu hiện tại không đúng.', en: 'Wrong password.' } }],
    });
  }
  const problem = passwordProblem(input.newPassword, { username: account.username });
  if (problem) {
    throw new ProblemError('validation', {
      detail: problem,
      errors: [{ pointer: '/body/newPassword', code: 'password_policy', message: problem }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('account')
      .set({ password_hash: passwordHash, password_changed_at: now, updated_at: now })
      .where('id', '=', officer.accountId)
      .execute();
    await recordAudit(trx, {
      actor: `officer:${officer.username}`,
      action: 'officer.password.change',
      entity: 'officer',
      entityId: officer.accountId,
      requestId: input.requestId,
    });
    await closeSessionsOfAccount(trx, ctx.sessions, officer.accountId, input.currentToken);
  });
}

export const invitationTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** An invited officer sets their first password with the invitation token. */
export async function acceptInvitation(
  ctx: IdentityContext,
  input: { token: string; password: string; requestId?: string },
  now = new Date(),
): Promise<{ username: string }> {
  const invalid = () =>
    new ProblemError('not_found', {
      detail: { vi: 'Lời mời không hợp lệ, đã dùng hoặc đã hết hạn.', en: 'The invitation is unknown, used or expired.' },
    });
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const invitation = await trx
      .selectFrom('officer_invitation as i')
      .innerJoin('account as a', 'a.id', 'i.account_id')
      .select(['i.account_id', 'i.expires_at', 'i.used_at', 'a.username', 'a.disabled_at'])
      .where('i.token_hash', '=', invitationTokenHash(input.token))
      .forUpdate()
      .executeTakeFirst();
    if (!invitation || invitation.used_at || invitation.disabled_at || invitation.expires_at.getTime() <= now.getTime()) throw invalid();
    const problem = passwordProblem(input.password, { username: invitation.username });
    if (problem) {
      throw new ProblemError('validation', { detail: problem, errors: [{ pointer: '/body/password', code: 'password_policy', message: problem }] });
    }
    await trx.updateTable('officer_invitation').set({ used_at: now }).where('token_hash', '=', invitationTokenHash(input.token)).execute();
    await trx
      .updateTable('account')
      .set({ password_hash: passwordHash, password_changed_at: now, failed_logins: 0, locked_until: null, updated_at: now })
      .where('id', '=', invitation.account_id)
      .execute();
    await recordAudit(trx, {
      actor: `officer:${invitation.username}`,
      action: 'officer.invitation.accept',
      entity: 'officer',
      entityId: invitation.account_id,
      requestId: input.requestId,
    });
    return { username: invitation.username! };
  });
}
