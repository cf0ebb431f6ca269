// Wiring of the login side: the SSO emulator (when on) and the /auth routes.
import type { FastifyInstance } from 'fastify';
import { mountSsoEmulator } from '../../emulators/sso/index.ts';
import { registerAuthRoutes } from './auth-routes.ts';
import type { IdentityContext } from './context.ts';

export { createIdentityContext, type IdentityContext } from './context.ts';

export function registerLogin(app: FastifyInstance, ctx: IdentityContext): void {
  if (ctx.emulator) mountSsoEmulator(app, ctx.config, ctx.publicUrl, ctx.db);
  registerAuthRoutes(app, ctx);
}
