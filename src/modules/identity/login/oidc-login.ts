// Login through an OpenID Connect provider: citizens and organizations through the national SSO
// (or the emulator), officers through the ministry's own provider when configured. The state,
// nonce and PKCE verifier wait in the database (keyed by the hash of a random handle held in an
// httpOnly cookie) between the redirect and the callback, so any instance can take the callback.
import { createHash, randomBytes } from 'node:crypto';
import type { Acr } from '../../../core/access/index.ts';
import { ProblemError } from '../../../http/problem.ts';
import { recordAudit, systemActor } from '../../audit/service.ts';
import { openSessionIn, type OpenedSession } from '../sessions/service.ts';
import { ClaimError, mapClaims } from './claims.ts';
import type { LoginContext } from './config.ts';
import { providerErrorOf, RelyingParty, type CompletedLogin } from './oidc-client.ts';
import { deleteExpiredLoginStates, findOfficerForOidc, insertLoginState, markLogin, takeLoginState, upsertSsoAccount } from './store.ts';

export const LOGIN_COOKIE = 'motcua_login';
export const LOGIN_TTL_MS = 10 * 60_000;
const ACR_RANK: Record<Acr, number> = { LoA1: 1, LoA2: 2 };

const hash = (handle: string) => createHash('sha256').update(handle).digest('hex');

const LOCAL_ORIGIN = 'http://local.invalid';

/**
 * A same-origin path to come back to after login, or `/`. The value is checked as the browser will
 * read it: resolved against a local origin and normalized (`/./`, `/x/../` and `%2e` segments
 * removed), so `/.//evil.example` or `/x/..//evil.example`, which become `//evil.example`, are
 * refused. The normalized path is what is stored and redirected to. Refused too: absolute and
 * scheme-relative URLs, backslashes (browsers read `\` as `/`), control characters and /auth/*.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 1000) return '/';
  if (!value.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, LOCAL_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== LOCAL_ORIGIN) return '/';
  const { pathname } = url;
  if (!pathname.startsWith('/') || pathname.startsWith('//') || pathname.includes('\\') || /%5c/i.test(pathname)) return '/';
  if (pathname === '/auth' || pathname.startsWith('/auth/')) return '/';
  return `${pathname}${url.search}${url.hash}`;
}

function unavailable(): ProblemError {
  return new ProblemError('unavailable', {
    detail: {
      vi: 'Không kết nối được hệ thống đăng nhập một lần. Vui lòng thử lại sau ít phút.',
      en: 'The single sign-on provider cannot be reached. Please try again in a few minutes.',
    },
  });
}

function loginFailed(vi: string, en: string): ProblemError {
  return new ProblemError('login_failed', { detail: { vi, en } });
}

/** Starts a login: the provider's authorization URL and the handle for the login cookie. */
export async function beginOidcLogin(
  ctx: LoginContext,
  options: { purpose: 'citizen' | 'officer'; acr?: Acr; returnTo: string },
  now = new Date(),
): Promise<{ url: string; handle: string }> {
  const rp = options.purpose === 'citizen' ? ctx.citizenRp : ctx.officerRp;
  if (!rp) {
    throw new ProblemError('not_found', {
      detail: { vi: 'Chưa cấu hình đăng nhập cán bộ qua OpenID Connect.', en: 'Officer OpenID Connect login is not configured.' },
    });
  }
  const checks = RelyingParty.newChecks();
  let url: URL;
  try {
    url = await rp.authorizationUrl(checks, options.acr ? { acr_values: ctx.acrValues[options.acr] } : {});
  } catch {
    throw unavailable();
  }
  const handle = randomBytes(32).toString('base64url');
  await deleteExpiredLoginStates(ctx.db, now);
  await insertLoginState(ctx.db, hash(handle), {
    purpose: options.purpose,
    state: checks.state,
    nonce: checks.nonce,
    codeVerifier: checks.codeVerifier,
    acrRequired: options.acr ?? null,
    returnTo: safeReturnTo(options.returnTo),
    expiresAt: new Date(now.getTime() + LOGIN_TTL_MS),
  });
  return { url: url.href, handle };
}

/** The provider's answer, checked (state, nonce, PKCE, ID token signature), for a login handle. */
async function finishAtProvider(
  ctx: LoginContext,
  purpose: 'citizen' | 'officer',
  handle: string | undefined,
  callbackUrl: URL,
  now: Date,
): Promise<{ done: CompletedLogin; returnTo: string; acrRequired: Acr | null }> {
  const state = handle ? await takeLoginState(ctx.db, hash(handle)) : undefined;
  if (!state || state.purpose !== purpose || state.expiresAt.getTime() <= now.getTime()) {
    throw loginFailed(
      'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng bấm đăng nhập lại.',
      'The login attempt is unknown or has expired. Please log in again.',
    );
  }
  const providerError = callbackUrl.searchParams.get('error');
  if (providerError) {
    throw providerError === 'access_denied'
      ? loginFailed('Bạn đã hủy đăng nhập.', 'You cancelled the login.')
      : loginFailed(`Hệ thống đăng nhập báo lỗi: ${providerError}.`, `The identity provider answered: ${providerError}.`);
  }
  const rp = purpose === 'citizen' ? ctx.citizenRp : ctx.officerRp!;
  try {
    const done = await rp.complete(callbackUrl, { state: state.state, nonce: state.nonce, codeVerifier: state.codeVerifier });
    return { done, returnTo: state.returnTo, acrRequired: (state.acrRequired as Acr | null) ?? null };
  } catch (error) {
    const fromProvider = providerErrorOf(error);
    if (fromProvider) {
      throw loginFailed(`Hệ thống đăng nhập từ chối: ${fromProvider.error}.`, `The identity provider refused: ${fromProvider.error}.`);
    }
    if (error instanceof TypeError && /fetch/i.test(error.message)) throw unavailable();
    // State mismatch, bad signature, wrong nonce or issuer, expired token...
    throw loginFailed(
      'Không xác minh được kết quả đăng nhập. Vui lòng đăng nhập lại.',
      `The login response could not be verified (${(error as Error).message}).`,
    );
  }
}

/** The level a provider's `acr` stands for (OIDC_ACR_MAP), or null. */
function acrOf(ctx: LoginContext, value: unknown): Acr | null {
  if (value === ctx.acrValues.LoA2) return 'LoA2';
  if (value === ctx.acrValues.LoA1) return 'LoA1';
  return null;
}

/** Completes a citizen's (or organization's) login: account made or refreshed, session opened. */
export async function completeCitizenLogin(
  ctx: LoginContext,
  input: { handle: string | undefined; callbackUrl: URL; previousToken?: string },
  now = new Date(),
): Promise<{ session: OpenedSession; returnTo: string; accountId: string; acr: Acr | null }> {
  const { done, returnTo, acrRequired } = await finishAtProvider(ctx, 'citizen', input.handle, input.callbackUrl, now);
  const acr = acrOf(ctx, done.idTokenClaims.acr);
  // A session records the level it really got; a level-2 procedure never runs on a level-1 login.
  if (acrRequired && (acr === null || ACR_RANK[acr] < ACR_RANK[acrRequired])) {
    throw new ProblemError('insufficient_assurance', {
      detail: {
        vi: `Dịch vụ yêu cầu tài khoản định danh điện tử ${acrRequired === 'LoA2' ? 'mức độ 2' : 'mức độ 1'}, nhưng lần đăng nhập này chỉ đạt ${acr ?? 'mức không xác định'}.`,
        en: `The service requires ${acrRequired}; this login reached ${acr ?? 'no known level'}.`,
      },
      extensions: { requiredAcr: acrRequired, acr },
    });
  }
  let identity;
  try {
    identity = mapClaims({ ...done.idTokenClaims, ...done.userinfo }, ctx.claimMap);
  } catch (error) {
    if (!(error instanceof ClaimError)) throw error;
    throw loginFailed(
      'Hệ thống đăng nhập không trả về số định danh cá nhân (hoặc mã số thuế) hợp lệ.',
      `The identity provider sent no usable identity: ${error.message}.`,
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    const account = await upsertSsoAccount(trx, identity, { issuer: done.issuer, subject: done.idTokenClaims.sub }, now);
    if (account.disabled) {
      throw new ProblemError('forbidden', {
        detail: { vi: 'Tài khoản này đã bị khóa.', en: 'This account is disabled.' },
      });
    }
    if (account.created) {
      await recordAudit(trx, {
        actor: systemActor(`sso:${done.issuer}`),
        action: 'account.create',
        entity: 'account',
        entityId: account.id,
        after: {
          kind: identity.kind,
          ...(identity.kind === 'citizen' ? { personalId: identity.personalId } : { taxCode: identity.taxCode }),
          fullName: identity.fullName,
        },
      });
    }
    const session = await openSessionIn(
      trx,
      ctx.sessions,
      { accountId: account.id, method: 'vneid', acr, previousToken: input.previousToken },
      now,
    );
    return { session, returnTo, accountId: account.id, acr };
  });
}

/**
 * Completes an officer's login through the ministry's provider. The officer is found by the
 * configured claim (OFFICER_OIDC_CLAIM → username or e-mail); an external login never creates
 * an officer.
 */
export async function completeOfficerOidcLogin(
  ctx: LoginContext,
  input: { handle: string | undefined; callbackUrl: URL; previousToken?: string },
  now = new Date(),
): Promise<{ session: OpenedSession; returnTo: string; accountId: string }> {
  const { done, returnTo } = await finishAtProvider(ctx, 'officer', input.handle, input.callbackUrl, now);
  const claims = { ...done.idTokenClaims, ...done.userinfo };
  const value = claims[ctx.config.OFFICER_OIDC_CLAIM];
  const notAnOfficer = () =>
    new ProblemError('forbidden', {
      detail: {
        vi: 'Tài khoản này không gắn với cán bộ nào trong hệ thống. Hãy liên hệ quản trị viên.',
        en: 'This login does not match any officer account. Contact an administrator.',
      },
    });
  if (typeof value !== 'string' || value.trim() === '') throw notAnOfficer();
  return ctx.db.transaction().execute(async (trx) => {
    const officer = await findOfficerForOidc(trx, ctx.config.OFFICER_OIDC_MATCH === 'email' ? 'email' : 'username', value.trim());
    if (!officer || officer.disabled) throw notAnOfficer();
    await markLogin(trx, officer.id, now);
    const session = await openSessionIn(trx, ctx.sessions, { accountId: officer.id, method: 'oidc', previousToken: input.previousToken }, now);
    return { session, returnTo, accountId: officer.id };
  });
}
