// Login routes outside /api: the browser is redirected through them.
//   GET  /auth/login?acr=LoA2&returnTo=/path   → the national SSO (or the emulator)
//   GET  /auth/callback                         ← back from it: session opened, → returnTo
//   POST /auth/logout[?everywhere=0]            local logout, then (default) the provider's logout
//   POST /auth/officer/login                    officers: username, password, totp
//   GET  /auth/officer/oidc/login, /auth/officer/callback   officers through the ministry's provider
//   POST /auth/officer/invitation               an invited officer sets a first password
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.ts';
import type { IdentityContext } from './context.ts';
import { acceptInvitation, loginOfficer } from './officer-login.ts';
import { beginOidcLogin, completeCitizenLogin, completeOfficerOidcLogin, LOGIN_COOKIE, LOGIN_TTL_MS, safeReturnTo } from './oidc-login.ts';
import { clearSessionCookies, closeSession, SESSION_COOKIE, setSessionCookies } from './sessions.ts';

export const OfficerLoginBody = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(256),
    totp: z.string().trim().regex(/^\d{6}$/, { message: '6 chữ số / 6 digits' }).optional(),
  })
  .meta({ id: 'OfficerLogin' });

export const OfficerSession = z
  .object({
    accountId: z.string(),
    username: z.string(),
    fullName: z.string(),
    method: z.string(),
    roles: z.array(z.object({ role: z.string(), unitId: z.string() })),
    totpEnrolmentRequired: z.boolean(),
    csrfToken: z.string().describe('Echo in the x-csrf-token header of writes (also in the motcua_csrf cookie)'),
  })
  .meta({ id: 'OfficerSession' });

const LoginQuery = z.object({
  acr: z.enum(['LoA1', 'LoA2']).optional().describe('Minimum e-ID level (acr_values)'),
  returnTo: z.string().max(1000).optional().describe('Same-origin path to return to, e.g. /thu-tuc/1.001234'),
});

const LogoutQuery = z.object({
  everywhere: z.enum(['0', '1']).optional().describe('1 (default): also end the session at the identity provider'),
});

export function registerAuthRoutes(root: FastifyInstance, ctx: IdentityContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const loginCookie = { path: '/auth', httpOnly: true, sameSite: 'lax' as const, secure: ctx.sessions.secure };

  const redirectToProvider = async (
    reply: FastifyReply,
    purpose: 'citizen' | 'officer',
    query: { acr?: 'LoA1' | 'LoA2'; returnTo?: string },
  ) => {
    const { url, handle } = await beginOidcLogin(ctx, { purpose, acr: query.acr, returnTo: query.returnTo ?? '/' });
    reply.setCookie(LOGIN_COOKIE, handle, { ...loginCookie, maxAge: LOGIN_TTL_MS / 1000 });
    reply.header('cache-control', 'no-store');
    return reply.redirect(url, 302);
  };

  const callbackUrl = (request: FastifyRequest) => new URL(request.url, ctx.publicUrl());

  app.get(
    '/auth/login',
    {
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
      schema: {
        tags: ['identity'],
        summary: 'Return from the national SSO: the session is opened and the browser sent to returnTo',
        response: { 400: problemSchema, 403: problemSchema, 503: problemSchema },
      },
    },
    async (request, reply) => {
      const handle = request.cookies[LOGIN_COOKIE];
      reply.clearCookie(LOGIN_COOKIE, loginCookie);
      const result = await completeCitizenLogin(ctx, {
        handle,
        callbackUrl: callbackUrl(request),
        previousToken: request.cookies[SESSION_COOKIE],
      });
      setSessionCookies(reply, ctx.sessions, result.session);
      reply.header('cache-control', 'no-store');
      return reply.redirect(result.returnTo, 303);
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['identity'],
        summary: 'Log out: close the session; by default also end the session at the identity provider',
        description:
          'Answers 303 to the provider’s end_session_endpoint (with id_token_hint) or to `/`; with ' +
          '`Accept: application/json`, 200 `{redirectTo}` for the web app to follow.',
        querystring: LogoutQuery,
        response: { 200: z.object({ redirectTo: z.string() }).meta({ id: 'LogoutResult' }) },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      const closed = token ? await closeSession(ctx.db, token, ctx.sessions) : undefined;
      clearSessionCookies(reply, ctx.sessions);
      let redirectTo = '/';
      if (request.query.everywhere !== '0' && closed?.idToken) {
        const rp = closed.method === 'vneid' ? ctx.citizenRp : closed.method === 'oidc' ? ctx.officerRp : undefined;
        try {
          const url = await rp?.endSessionUrl(closed.idToken, `${ctx.publicUrl()}/`);
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
      schema: {
        tags: ['identity'],
        summary: 'Officer login with username, password and (administrators) a TOTP code',
        body: OfficerLoginBody,
        response: { 200: OfficerSession, 401: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const result = await loginOfficer(ctx, { ...request.body, previousToken: request.cookies[SESSION_COOKIE] });
      setSessionCookies(reply, ctx.sessions, result.session);
      const account = await ctx.db
        .selectFrom('account')
        .select(['username', 'full_name'])
        .where('id', '=', result.accountId)
        .executeTakeFirstOrThrow();
      const roles = result.totpEnrolmentRequired
        ? []
        : await ctx.db
            .selectFrom('role_grant')
            .select(['role', 'unit_id as unitId'])
            .where('account_id', '=', result.accountId)
            .orderBy('unit_id')
            .orderBy('role')
            .execute();
      return {
        accountId: result.accountId,
        username: account.username!,
        fullName: account.full_name,
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
      schema: {
        tags: ['identity'],
        summary: 'Return from the ministry’s provider: the officer’s session is opened',
        response: { 400: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      const handle = request.cookies[LOGIN_COOKIE];
      reply.clearCookie(LOGIN_COOKIE, loginCookie);
      const result = await completeOfficerOidcLogin(ctx, {
        handle,
        callbackUrl: callbackUrl(request),
        previousToken: request.cookies[SESSION_COOKIE],
      });
      setSessionCookies(reply, ctx.sessions, result.session);
      reply.header('cache-control', 'no-store');
      return reply.redirect(safeReturnTo(result.returnTo), 303);
    },
  );

  app.post(
    '/auth/officer/invitation',
    {
      schema: {
        tags: ['identity'],
        summary: 'An invited officer sets their first password',
        body: z.object({ token: z.string().min(20).max(200), password: z.string().min(1).max(256) }).meta({ id: 'InvitationAcceptance' }),
        response: { 200: z.object({ username: z.string() }), 404: problemSchema, 422: problemSchema },
      },
    },
    async (request) => acceptInvitation(ctx, { ...request.body, requestId: request.id }),
  );
}
