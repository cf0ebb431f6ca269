// The logged-in officer's own account: TOTP enrolment and password change (under /api/v1).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.ts';
import type { IdentityContext } from './context.ts';
import { changeOwnPassword, confirmTotp, setupTotp } from './officer-login.ts';
import { getPrincipal, SESSION_COOKIE, setSessionCookies } from './sessions.ts';

export const TotpSetup = z
  .object({
    secret: z.string().describe('Base32 secret, for manual entry'),
    otpauthUrl: z.string(),
    qrDataUrl: z.string().describe('PNG QR code of otpauthUrl as a data: URL'),
  })
  .meta({ id: 'TotpSetup' });

export function registerAccountRoutes(api: FastifyInstance, ctx: IdentityContext): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const errors = { 401: problemSchema, 403: problemSchema, 409: problemSchema, 422: problemSchema };

  app.post(
    '/account/totp/setup',
    {
      schema: {
        tags: ['identity'],
        summary: 'Start TOTP enrolment (officers): a new secret, its otpauth URL and QR code',
        response: { 200: TotpSetup, ...errors },
      },
    },
    async (request) => setupTotp(ctx, getPrincipal(request)),
  );

  app.post(
    '/account/totp/confirm',
    {
      schema: {
        tags: ['identity'],
        summary: 'Confirm TOTP enrolment with a code; the session is renewed with the second factor',
        body: z.object({ code: z.string().trim().regex(/^\d{6}$/) }).meta({ id: 'TotpConfirmation' }),
        response: { 200: z.object({ enabled: z.literal(true), csrfToken: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const session = await confirmTotp(ctx, getPrincipal(request), {
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
      schema: {
        tags: ['identity'],
        summary: 'Change one’s own password (officers); other sessions end',
        body: z
          .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) })
          .meta({ id: 'PasswordChange' }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(ctx, getPrincipal(request), {
        ...request.body,
        currentToken: request.cookies[SESSION_COOKIE] ?? '',
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );
}
