// Server-side sessions. The browser holds a random token in an httpOnly, SameSite=Lax cookie; the
// database holds only its SHA-256. Sessions end after SESSION_IDLE_MINUTES without a request or
// SESSION_ABSOLUTE_HOURS after login. A login always opens a new session (rotation), and
// cookie-authenticated writes must echo the session's CSRF token in the x-csrf-token header.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../../config.ts';
import type { DB } from '../../../db/types.ts';
import type { Principal } from '../../../core/access/index.ts';
import { SessionCache } from './cache.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfAccount,
  findSessionWithPrincipal,
  insertSession,
  touchSession,
} from './store.ts';

export const SESSION_COOKIE = 'motcua_sid';
export const CSRF_COOKIE = 'motcua_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller, if any (sessions/hook.ts). */
    principal?: Principal;
    /** The session's CSRF token (cookie-authenticated requests only). */
    sessionCsrf?: string;
  }
}

export interface SessionSettings {
  idleMs: number;
  absoluteMs: number;
  secure: boolean;
  /**
   * Resolved sessions kept in this instance for a few seconds (SESSION_CACHE_MS). A logout or a
   * change made through another instance reaches this one after at most that delay.
   */
  cache?: SessionCache;
}

/** Default in-process session cache: 5 s (bench/session.ts), off in tests. */
export const DEFAULT_SESSION_CACHE_MS = 5000;

export function sessionSettings(config: Config): SessionSettings {
  const cacheMs = config.SESSION_CACHE_MS ?? (config.NODE_ENV === 'test' ? 0 : DEFAULT_SESSION_CACHE_MS);
  return {
    idleMs: config.SESSION_IDLE_MINUTES * 60_000,
    absoluteMs: config.SESSION_ABSOLUTE_HOURS * 3_600_000,
    secure: config.COOKIE_SECURE ?? config.PUBLIC_URL?.startsWith('https://') ?? false,
    ...(cacheMs > 0 ? { cache: new SessionCache(cacheMs) } : {}),
  };
}

export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex');
const hash = hashSessionToken;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
// Writing last_seen_at on every request would turn reads into writes; a minute's precision is
// plenty for an idle timeout counted in tens of minutes.
const TOUCH_AFTER_MS = 60_000;

export interface OpenedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface OpenSessionValues {
  accountId: string;
  method: string;
  acr?: string | null;
  previousToken?: string;
}

/** Opens a session (call at login). `previousToken`'s session, if any, is closed: rotation. */
export async function openSession(
  db: Kysely<DB>,
  settings: SessionSettings,
  values: OpenSessionValues,
  now = new Date(),
): Promise<OpenedSession> {
  return db.transaction().execute((trx) => openSessionIn(trx, settings, values, now));
}

/** openSession inside the caller's transaction (a login use case that also writes the account). */
export async function openSessionIn(
  trx: Transaction<DB>,
  settings: SessionSettings,
  values: OpenSessionValues,
  now = new Date(),
): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + settings.absoluteMs);
  if (values.previousToken && TOKEN.test(values.previousToken)) {
    await deleteSession(trx, hash(values.previousToken));
    settings.cache?.delete(hash(values.previousToken));
  }
  // Housekeeping at each login (indexed): sessions past their absolute end.
  await deleteExpiredSessions(trx, now);
  await insertSession(trx, {
    idHash: hash(token),
    accountId: values.accountId,
    method: values.method,
    acr: values.acr ?? null,
    csrfToken,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

/** Closes every session of an account, in the caller's transaction (and this instance's cache). */
export async function closeSessionsOfAccount(
  trx: Kysely<DB> | Transaction<DB>,
  settings: SessionSettings,
  accountId: string,
  exceptToken?: string,
): Promise<number> {
  settings.cache?.deleteAccount(accountId);
  return deleteSessionsOfAccount(trx, accountId, exceptToken ? hash(exceptToken) : undefined);
}

export async function resolveSession(
  db: Kysely<DB>,
  settings: SessionSettings,
  token: string,
  now = new Date(),
): Promise<{ principal: Principal; csrfToken: string } | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const idHash = hash(token);
  const cached = settings.cache?.get(idHash, now.getTime());
  const found = cached ?? (await findSessionWithPrincipal(db, idHash));
  if (!found) return undefined;
  const { session } = found;
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt.getTime() <= now.getTime() || idleSince > settings.idleMs) {
    settings.cache?.delete(idHash);
    await deleteSession(db, idHash);
    return undefined;
  }
  if (idleSince > TOUCH_AFTER_MS) {
    await touchSession(db, idHash, now);
    session.lastSeenAt = now;
  }
  if (!cached) settings.cache?.set(idHash, found, now.getTime());
  return { principal: found.principal, csrfToken: session.csrfToken };
}

/** Closes a session; returns how it was opened (for RP-initiated logout at the provider). */
export async function closeSession(
  db: Kysely<DB>,
  token: string,
  settings?: SessionSettings,
): Promise<{ method: string; accountId: string } | undefined> {
  if (!TOKEN.test(token)) return undefined;
  settings?.cache?.delete(hash(token));
  return deleteSession(db, hash(token));
}

export function setSessionCookies(reply: FastifyReply, settings: SessionSettings, session: OpenedSession): void {
  const common = { path: '/', sameSite: 'lax' as const, secure: settings.secure, expires: session.expiresAt };
  reply.setCookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  // Readable by the web app, which echoes it in x-csrf-token on writes.
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, settings: SessionSettings): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', secure: settings.secure, sameSite: 'lax', httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, { path: '/', secure: settings.secure, sameSite: 'lax' });
}

