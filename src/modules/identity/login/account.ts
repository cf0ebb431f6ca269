// The logged-in officer's own account: TOTP enrolment, password change; and the invited officer's
// first password. Each change is audited and ends the account's other sessions.
import { createHash } from 'node:crypto';
import { STRONG_OFFICER_METHODS, type OfficerPrincipal, type Principal } from '../../../core/access/index.ts';
import { ProblemError } from '../../../http/problem.ts';
import { actorOf, recordAudit } from '../../audit/service.ts';
import { closeSessionsOfAccount, openSessionIn, type OpenedSession } from '../sessions/service.ts';
import type { LoginContext } from './config.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { enableTotp, findOwnAccount, markInvitationUsed, setPassword, setPendingTotp, takeInvitationForUpdate } from './store.ts';
import { checkTotp, newTotpSecret, otpauthUrl, totpQrDataUrl } from './totp.ts';

function officerOf(principal: Principal): OfficerPrincipal {
  if (principal.kind !== 'officer') {
    throw new ProblemError('forbidden', { detail: { vi: 'Chỉ dành cho cán bộ.', en: 'For officers only.' } });
  }
  return principal;
}

/** Starts TOTP enrolment: a new secret (kept pending until confirmed), its otpauth URL and QR code. */
export async function setupTotp(ctx: LoginContext, principal: Principal): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
  const officer = officerOf(principal);
  const account = await findOwnAccount(ctx.db, officer.accountId);
  // Replacing an enrolled factor needs a session that proved it.
  if (account.totp_secret && !STRONG_OFFICER_METHODS.includes(officer.method)) {
    throw new ProblemError('forbidden', {
      detail: { vi: 'Đăng nhập bằng mã xác thực hiện tại để đổi thiết bị xác thực.', en: 'Log in with your current code to replace it.' },
    });
  }
  const secret = newTotpSecret();
  await setPendingTotp(ctx.db, officer.accountId, secret);
  const url = otpauthUrl(secret, ctx.config.TOTP_ISSUER, officer.username);
  return { secret, otpauthUrl: url, qrDataUrl: await totpQrDataUrl(url) };
}

/** Confirms enrolment with a code; the session is replaced by one that carries the second factor. */
export async function confirmTotp(
  ctx: LoginContext,
  principal: Principal,
  input: { code: string; currentToken: string; requestId?: string },
  now = new Date(),
): Promise<OpenedSession> {
  const officer = officerOf(principal);
  return ctx.db.transaction().execute(async (trx) => {
    const account = await findOwnAccount(trx, officer.accountId, { forUpdate: true });
    if (!account.totp_pending_secret) {
      throw new ProblemError('conflict', { detail: { vi: 'Hãy bắt đầu đăng ký mã xác thực trước.', en: 'Start the enrolment first.' } });
    }
    const step = checkTotp(account.totp_pending_secret, input.code.trim(), now.getTime());
    if (step === undefined) {
      throw new ProblemError('validation', {
        detail: { vi: 'Mã xác thực không đúng.', en: 'The code is wrong.' },
        errors: [{ pointer: '/body/code', code: 'invalid', message: { vi: 'Mã xác thực không đúng.', en: 'The code is wrong.' } }],
      });
    }
    await enableTotp(trx, officer.accountId, account.totp_pending_secret, step, now);
    await recordAudit(trx, {
      actor: actorOf(officer),
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

function passwordPolicyError(pointer: string, problem: NonNullable<ReturnType<typeof passwordProblem>>): ProblemError {
  return new ProblemError('validation', { detail: problem, errors: [{ pointer, code: 'password_policy', message: problem }] });
}

/** An officer changes their own password; their other sessions end. */
export async function changeOwnPassword(
  ctx: LoginContext,
  principal: Principal,
  input: { currentPassword: string; newPassword: string; currentToken: string; requestId?: string },
  now = new Date(),
): Promise<void> {
  const officer = officerOf(principal);
  const account = await findOwnAccount(ctx.db, officer.accountId);
  const ok = account.password_hash ? await verifyPassword(account.password_hash, input.currentPassword) : false;
  if (!ok) {
    throw new ProblemError('validation', {
      detail: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
      errors: [{ pointer: '/body/currentPassword', code: 'invalid', message: { vi: 'Mật khẩu hiện tại không đúng.', en: 'Wrong password.' } }],
    });
  }
  const problem = passwordProblem(input.newPassword, { username: account.username });
  if (problem) throw passwordPolicyError('/body/newPassword', problem);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await setPassword(trx, officer.accountId, passwordHash, now);
    await recordAudit(trx, {
      actor: actorOf(officer),
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
  ctx: LoginContext,
  input: { token: string; password: string; requestId?: string },
  now = new Date(),
): Promise<{ username: string }> {
  const invalid = () =>
    new ProblemError('not_found', {
      detail: { vi: 'Lời mời không hợp lệ, đã dùng hoặc đã hết hạn.', en: 'The invitation is unknown, used or expired.' },
    });
  const passwordHash = await hashPassword(input.password);
  const tokenHash = invitationTokenHash(input.token);
  return ctx.db.transaction().execute(async (trx) => {
    const invitation = await takeInvitationForUpdate(trx, tokenHash);
    if (!invitation || invitation.used_at || invitation.disabled_at || invitation.expires_at.getTime() <= now.getTime()) throw invalid();
    const problem = passwordProblem(input.password, { username: invitation.username });
    if (problem) throw passwordPolicyError('/body/password', problem);
    await markInvitationUsed(trx, tokenHash, now);
    await setPassword(trx, invitation.account_id, passwordHash, now, { unlock: true });
    await recordAudit(trx, {
      actor: { id: invitation.account_id, kind: 'officer', label: invitation.username! },
      action: 'officer.invitation.accept',
      entity: 'officer',
      entityId: invitation.account_id,
      requestId: input.requestId,
    });
    return { username: invitation.username! };
  });
}
