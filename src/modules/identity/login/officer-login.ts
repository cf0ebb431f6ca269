// Officers' own login: username and password (argon2id), a TOTP code when the account has one
// enrolled (required for administrators), lockout after repeated failures.
//  - Every failure gives the same answer (invalid_credentials), whether the username exists, the
//    password or the code is wrong, or the account is locked or disabled.
//  - An account with TOTP asked without a code answers totp_required whether or not the password
//    is right (the password is not even checked), so that answer reveals nothing about it.
//  - Attempts are counted in the database before the password is checked (store.ts,
//    reserveLoginAttempt): concurrent requests cannot check more than the allowed number.
//  - A TOTP code is taken once, atomically (recordSuccessfulLogin).
import { STRONG_OFFICER_METHODS } from '../../../core/access/index.ts';
import { ProblemError } from '../../../http/problem.ts';
import { recordAudit, systemActor } from '../../audit/service.ts';
import { openSessionIn, type OpenedSession } from '../sessions/service.ts';
import type { LoginContext } from './config.ts';
import { verifyDummy, verifyPassword } from './passwords.ts';
import { findOfficerCredentials, recordSuccessfulLogin, reserveLoginAttempt } from './store.ts';
import { checkTotp } from './totp.ts';

export function invalidCredentials(): ProblemError {
  return new ProblemError('invalid_credentials', {
    detail: {
      vi: 'Tên đăng nhập, mật khẩu hoặc mã xác thực không đúng, hoặc tài khoản đang tạm khóa. Sau nhiều lần sai, tài khoản bị khóa trong ít phút.',
      en: 'Wrong username, password or code, or the account is temporarily locked. After several failures an account is locked for a few minutes.',
    },
  });
}

export function totpRequired(): ProblemError {
  return new ProblemError('totp_required', {
    detail: { vi: 'Nhập mã xác thực 6 số từ ứng dụng xác thực.', en: 'Enter the 6-digit code from your authenticator app.' },
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
  username: string;
  fullName: string;
  method: string;
  /** An administrator without TOTP: the session can only enrol TOTP. */
  totpEnrolmentRequired: boolean;
}

export async function loginOfficer(ctx: LoginContext, input: OfficerLoginInput, now = new Date()): Promise<OfficerLoginResult> {
  const { db, config } = ctx;
  const account = await findOfficerCredentials(db, input.username.trim());
  if (!account?.passwordHash || account.disabled) {
    await verifyDummy(input.password);
    throw invalidCredentials();
  }
  const lockUntil = new Date(now.getTime() + config.OFFICER_LOCKOUT_MINUTES * 60_000);
  const attempt = await reserveLoginAttempt(db, account.id, { maxAttempts: config.OFFICER_LOCKOUT_ATTEMPTS, lockUntil, now });
  if (!attempt) {
    // Locked: nothing is checked, the answer costs the time of a check.
    await verifyDummy(input.password);
    throw invalidCredentials();
  }
  const failed = async (problem: ProblemError): Promise<never> => {
    if (attempt.locked) {
      await recordAudit(db, {
        actor: systemActor('login'),
        action: 'officer.lock',
        entity: 'officer',
        entityId: account.id,
        after: { lockedUntil: lockUntil.toISOString(), failedLogins: attempt.attempt },
      });
    }
    throw problem;
  };

  let method = 'password';
  let totpStep: number | undefined;
  if (account.totpSecret) {
    if (!input.totp) return failed(totpRequired());
    const passwordOk = await verifyPassword(account.passwordHash, input.password);
    totpStep = checkTotp(account.totpSecret, input.totp.trim(), now.getTime());
    if (!passwordOk || totpStep === undefined) return failed(invalidCredentials());
    method = 'password+totp';
  } else if (!(await verifyPassword(account.passwordHash, input.password))) {
    return failed(invalidCredentials());
  }

  const session = await db.transaction().execute(async (trx) => {
    // A replayed code (or the same code sent twice at once): one of them only.
    if (!(await recordSuccessfulLogin(trx, account.id, now, totpStep))) throw invalidCredentials();
    return openSessionIn(trx, ctx.sessions, { accountId: account.id, method, previousToken: input.previousToken }, now);
  });
  return {
    session,
    accountId: account.id,
    username: account.username,
    fullName: account.fullName,
    method,
    totpEnrolmentRequired: account.isAdmin && !STRONG_OFFICER_METHODS.includes(method),
  };
}
