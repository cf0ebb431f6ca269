// Login routes outside /api (the browser is redirected through them) and the officer's own
// account under /api/v1. Thin: parse, declare access, throttle, call a use case, present.
//   GET  /auth/login?acr=LoA2&returnTo=/path   → the national SSO (or the emulator)
//   GET  /auth/callback                         ← back from it: session opened, → returnTo
//   POST /auth/logout[?everywhere=0]            local logout, then (default) the provider's logout
//   POST /auth/officer/login                    officers: username, password, totp
//   GET  /auth/officer/oidc/login, /auth/officer/callback   officers through the ministry's provider
//   POST /auth/officer/invitation               an invited officer sets a first password
//   POST /api/v1/account/totp/setup, /account/totp/confirm, /account/password
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../../http/access.ts';
import { problemSchema } from '../../../http/problem.ts';
import { effectiveGrants } from '../sessions/me.ts';
import { clearSessionCookies, closeSession, SESSION_COOKIE, setSessionCookies, type OpenedSession } from '../sessions/service.ts';
import { acceptInvitation, changeOwnPassword, confirmTotp, setupTotp } from './account.ts';
import type { LoginContext } from './config.ts';
import { loginOfficer } from './officer-login.ts';
import { beginOidcLogin, completeCitizenLogin, completeOfficerOidcLogin, LOGIN_COOKIE, LOGIN_TTL_MS, safeReturnTo } from './oidc-login.ts';
import type { AccountKey } from './rate-limit.ts';
import {
  InvitationAcceptance,
  LoginQuery,
  LogoutQuery,
  OfficerLoginBody,
  OfficerSession,
  PasswordChange,
  TotpConfirmation,
  TotpSetup,
} from './schema.ts';
import { roleGrantsOf } from './store.ts';

export type RateLimitGuard = (group: string, accountKey?: AccountKey) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

const bodyField = (field: string): AccountKey => (request) => {
  const value = (request.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value.trim().toLowerCase() : undefined;
};
const sessionAccount: AccountKey = (request) => request.principal?.accountId;
const tooMany = { 429: problemSchema };

export function registerAuthRoutes(root: FastifyInstance, ctx: LoginContext, guard: RateLimitGuard): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const loginCookie = { path: '/auth', httpOnly: true, sameSite: 'lax' as const, secure: ctx.sessions.secure };

  const redirectToProvider = async (reply: FastifyReply, purpose: 'citizen' | 'officer', query: { acr?: 'LoA1' | 'LoA2'; returnTo?: string }) => {
    const { url, handle } = await beginOidcLogin(ctx, { purpose, acr: query.acr, returnTo: query.returnTo ?? '/' });
    reply.setCookie(LOGIN_COOKIE, handle, { ...loginCookie, maxAge: LOGIN_TTL_MS / 1000 });
    reply.header('cache-control', 'no-store');
    return reply.redirect(url, 302);
  };

  const callbackUrl = (request: FastifyRequest) => new URL(request.url, ctx.publicUrl());
  /** The end of an OpenID Connect login: the new session's cookies, then back where the user was. */
  const enterSession = (reply: FastifyReply, result: { session: OpenedSession; returnTo: string }) => {
    setSessionCookies(reply, ctx.sessions, result.session);
    reply.header('cache-control', 'no-store');
    return reply.redirect(safeReturnTo(result.returnTo), 303);
  };

  app.get(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Citizen login: redirect to the national SSO (VNeID)',
        querystring: LoginQuery,
        response: { 422: problemSchema, 503: problemSchema },
      },
    },
    async (request, reply) => redirectToProvider(reply, 'citizen', request.query),
  );

  app.get(
    '/auth/callback',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Return from the national SSO: the session is opened and the browser sent to returnTo',
        response: { 400: problemSchema, 403: problemSchema, 503: problemSchema },
      },
    },
    async (request, reply) => {
      const handle = request.cookies[LOGIN_COOKIE];
      reply.clearCookie(LOGIN_COOKIE, loginCookie);
      const result = await completeCitizenLogin(ctx, { handle, callbackUrl: callbackUrl(request), previousToken: request.cookies[SESSION_COOKIE] });
      return enterSession(reply, result);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'login' },
      schema: {
        tags: ['identity'],
        summary: 'Log out: close the session; by default also end the session at the identity provider',
        description:
          'Answers 303 to the provider’s end_session_endpoint (RP-initiated logout with client_id and ' +
          'post_logout_redirect_uri) or to `/`; with `Accept: application/json`, 200 `{redirectTo}` for the web app to follow.',
        querystring: LogoutQuery,
        response: { 200: z.object({ redirectTo: z.string() }).meta({ id: 'LogoutResult' }), 401: problemSchema },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      const closed = token ? await closeSession(ctx.db, token, ctx.sessions) : undefined;
      clearSessionCookies(reply, ctx.sessions);
      let redirectTo = '/';
      if (request.query.everywhere !== '0' && closed) {
        const rp = closed.method === 'vneid' ? ctx.citizenRp : closed.method === 'oidc' ? ctx.officerRp : undefined;
        try {
          const url = await rp?.endSessionUrl(`${ctx.publicUrl()}/`);
          if (url) redirectTo = url.href;
        } catch (error) {
          request.log.warn({ err: error }, 'provider logout address unavailable; local logout only');
        }
      }
      reply.header('cache-control', 'no-store');
      if (request.headers.accept?.includes('application/json')) return reply.status(200).send({ redirectTo });
      return reply.redirect(redirectTo, 303);
    },
  );

  app.post(
    '/auth/officer/login',
    {
      config: { access: 'public' },
      preHandler: guard('officer-login', bodyField('username')),
      schema: {
        tags: ['identity'],
        summary: 'Officer login with username, password and (administrators) a TOTP code',
        body: OfficerLoginBody,
        response: { 200: OfficerSession, 401: problemSchema, 422: problemSchema, ...tooMany },
      },
    },
    async (request, reply) => {
      const result = await loginOfficer(ctx, { ...request.body, previousToken: request.cookies[SESSION_COOKIE] });
      setSessionCookies(reply, ctx.sessions, result.session);
      const roles = result.totpEnrolmentRequired ? [] : await effectiveGrants(ctx.units, await roleGrantsOf(ctx.db, result.accountId));
      return {
        accountId: result.accountId,
        username: result.username,
        fullName: result.fullName,
        method: result.method,
        roles,
        totpEnrolmentRequired: result.totpEnrolmentRequired,
        csrfToken: result.session.csrfToken,
      };
    },
  );

  app.get(
    '/auth/officer/oidc/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Officer login through the ministry’s OpenID Connect provider (when configured)',
        querystring: LoginQuery.pick({ returnTo: true }),
        response: { 404: problemSchema, 503: problemSchema },
      },
    },
    async (request, reply) => redirectToProvider(reply, 'officer', request.query),
  );

  app.get(
    '/auth/officer/callback',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Return from the ministry’s provider: the officer’s session is opened',
        response: { 400: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      const handle = request.cookies[LOGIN_COOKIE];
      reply.clearCookie(LOGIN_COOKIE, loginCookie);
      const result = await completeOfficerOidcLogin(ctx, { handle, callbackUrl: callbackUrl(request), previousToken: request.cookies[SESSION_COOKIE] });
      return enterSession(reply, result);
    },
  );

  app.post(
    '/auth/officer/invitation',
    {
      config: { access: 'public' },
      preHandler: guard('officer-invitation', bodyField('token')),
      schema: {
        tags: ['identity'],
        summary: 'An invited officer sets their first password',
        body: InvitationAcceptance,
        response: { 200: z.object({ username: z.string() }), 404: problemSchema, 422: problemSchema, ...tooMany },
      },
    },
    async (request) => acceptInvitation(ctx, { ...request.body, requestId: request.id }),
  );
}

export function registerAccountRoutes(api: FastifyInstance, ctx: LoginContext, guard: RateLimitGuard): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const errors = { 401: problemSchema, 403: problemSchema, 409: problemSchema, 422: problemSchema, ...tooMany };

  app.post(
    '/account/totp/setup',
    {
      config: { access: 'login' },
      preHandler: guard('account-totp', sessionAccount),
      schema: {
        tags: ['identity'],
        summary: 'Start TOTP enrolment (officers): a new secret, its otpauth URL and QR code',
        response: { 200: TotpSetup, ...errors },
      },
    },
    async (request) => setupTotp(ctx, requirePrincipal(request)),
  );

  app.post(
    '/account/totp/confirm',
    {
      config: { access: 'login' },
      preHandler: guard('account-totp', sessionAccount),
      schema: {
        tags: ['identity'],
        summary: 'Confirm TOTP enrolment with a code; the session is renewed with the second factor',
        body: TotpConfirmation,
        response: { 200: z.object({ enabled: z.literal(true), csrfToken: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const session = await confirmTotp(ctx, requirePrincipal(request), {
        code: request.body.code,
        currentToken: request.cookies[SESSION_COOKIE] ?? '',
        requestId: request.id,
      });
      setSessionCookies(reply, ctx.sessions, session);
      return { enabled: true as const, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/account/password',
    {
      config: { access: 'login' },
      preHandler: guard('account-password', sessionAccount),
      schema: {
        tags: ['identity'],
        summary: 'Change one’s own password (officers); other sessions end',
        body: PasswordChange,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(ctx, requirePrincipal(request), {
        ...request.body,
        currentToken: request.cookies[SESSION_COOKIE] ?? '',
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );
}
