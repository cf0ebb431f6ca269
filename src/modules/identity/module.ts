// The identity module: sessions (server-side, CSRF, principal resolution), login (citizens through
// the national SSO, officers by password and TOTP or the ministry's provider), officers'
// administration and the unit tree's administration. Built by server.ts (and cli.ts) from the
// shared dependencies; `register(app)` adds the session hook, the /auth routes and the API routes.
import type { FastifyInstance } from 'fastify';
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import type { Actor } from './actor.ts';
import { createLoginContext, publicUrlOf, type LoginContext } from './login/config.ts';
import { createAuthRateLimit } from './login/rate-limit.ts';
import { findAccountContact, officersInUnits, officersWithRole, unitsOfOfficer } from './login/store.ts';
import { registerAccountRoutes, registerAuthRoutes } from './login/routes.ts';
import { createOfficer } from './officers/create-officer.ts';
import { getOfficer, listOfficers, type OfficerQueryInput } from './officers/list-officers.ts';
import { readAudit } from './officers/read-audit.ts';
import { resetOfficerPassword, resetOfficerTotp } from './officers/reset-credentials.ts';
import { grantOfficerRole, revokeOfficerRole } from './officers/role-grants.ts';
import { registerOfficerRoutes } from './officers/routes.ts';
import type { OfficerCreate, OfficerPatch } from './officers/schema.ts';
import type { OfficerDeps } from './officers/support.ts';
import { setOfficerDisabled, updateOfficer } from './officers/update-officer.ts';
import { registerSessionAuth } from './sessions/hook.ts';
import { describeMe } from './sessions/me.ts';
import { registerSessionRoutes } from './sessions/routes.ts';
import { sessionSettings, type SessionSettings } from './sessions/service.ts';
import type { Role } from './tables.ts';
import { registerUnitRoutes } from './units/routes.ts';
import type { UnitCreate, UnitPatch } from './units/schema.ts';
import { createUnit, listUnitTree, setUnitActive, updateUnit } from './units/service.ts';

export type { Actor } from './actor.ts';
/** An enabled officer by username, as a principal (the command line's operator). */
export { findOfficerPrincipal } from './officers/store.ts';
/** The ministry's unit tree as reference data (other modules' seeds and commands need it first). */
export { seedUnits, UNIT_SEEDS } from './seed/units.ts';
export { GENERATED_RECEIVER_USERNAME, generatedDataReceiver } from './seed/generated-receiver.ts';

export interface IdentityModuleDeps extends ModuleDeps {
  /** Session settings (default: from the configuration). */
  sessions?: SessionSettings;
}

export function createIdentityModule(deps: IdentityModuleDeps) {
  const { config, db, units } = deps;
  const sessions = deps.sessions ?? sessionSettings(config);
  let server: FastifyInstance | undefined;
  /** PUBLIC_URL, else the address this server listens on (known once it listens). */
  const publicUrl = () =>
    server ? publicUrlOf(server, config) : (config.PUBLIC_URL?.replace(/\/$/, '') ?? `http://localhost:${config.PORT}`);
  const login: LoginContext = createLoginContext({ config, db, sessions, units, publicUrl });
  const officerDeps: OfficerDeps = { db, units, sessions, publicUrl };
  const unitDeps = { db, units };

  return {
    sessions,
    publicUrl,
    /** The caller as GET /me presents it (grants with unit names, active units only). */
    describeMe: (principal: Actor['principal']) => describeMe(units, principal),
    /** The phone and e-mail of an account, for e-form prefill. */
    accountContact: (accountId: string) => findAccountContact(db, accountId),
    /** The units where the officer holds a role. */
    officerUnits: (accountId: string) => unitsOfOfficer(db, accountId),
    /** Enabled officers holding a role in one of the units, by name. */
    officersIn: (unitIds: readonly string[]) => officersInUnits(db, unitIds),
    /** Enabled officers whose `role` covers the unit (granted there or in a unit above it), with contacts. */
    async officersCovering(role: Role, unitId: string) {
      const tree = await units.tree();
      const chain: string[] = [];
      for (let id: string | null | undefined = unitId; id; id = tree.parentOf(id)) chain.push(id);
      return officersWithRole(db, role, chain);
    },
    units: {
      listTree: (actor: Actor) => listUnitTree(unitDeps, actor),
      create: (actor: Actor, input: UnitCreate) => createUnit(unitDeps, actor, input),
      update: (actor: Actor, id: string, patch: UnitPatch) => updateUnit(unitDeps, actor, id, patch),
      setActive: (actor: Actor, id: string, active: boolean) => setUnitActive(unitDeps, actor, id, active),
    },
    officers: {
      list: (actor: Actor, query: OfficerQueryInput) => listOfficers(officerDeps, actor, query),
      get: (actor: Actor, id: string) => getOfficer(officerDeps, actor, id),
      create: (actor: Actor, input: OfficerCreate) => createOfficer(officerDeps, actor, input),
      update: (actor: Actor, id: string, patch: OfficerPatch) => updateOfficer(officerDeps, actor, id, patch),
      setDisabled: (actor: Actor, id: string, disabled: boolean) => setOfficerDisabled(officerDeps, actor, id, disabled),
      resetPassword: (actor: Actor, id: string, input: { password?: string }) => resetOfficerPassword(officerDeps, actor, id, input),
      resetTotp: (actor: Actor, id: string) => resetOfficerTotp(officerDeps, actor, id),
      grantRole: (actor: Actor, id: string, grant: { role: Role; unitId: string }) => grantOfficerRole(officerDeps, actor, id, grant),
      revokeRole: (actor: Actor, id: string, grant: { role: Role; unitId: string }) => revokeOfficerRole(officerDeps, actor, id, grant),
    },
    readAudit: (actor: Actor, entity: string, entityId: string) => readAudit(officerDeps, actor, entity, entityId),

    /**
     * The session hook (on every request, so register this before the other modules), the login
     * routes at /auth and the API routes under /api/v1.
     */
    async register(app: FastifyInstance): Promise<void> {
      server = app;
      registerSessionAuth(app, { db, settings: sessions });
      const guard = await createAuthRateLimit(app, {
        perIp: config.AUTH_RATE_LIMIT_PER_IP,
        perAccount: config.AUTH_RATE_LIMIT_PER_ACCOUNT,
        windowMs: config.AUTH_RATE_LIMIT_WINDOW_SECONDS * 1000,
      });
      await app.register(
        async (api) => {
          registerSessionRoutes(api, { units });
          registerAccountRoutes(api, login, guard);
          registerUnitRoutes(api, unitDeps);
          registerOfficerRoutes(api, officerDeps);
        },
        { prefix: API_PREFIX },
      );
      registerAuthRoutes(app, login, guard);
    },
  } satisfies Module & Record<string, unknown>;
}

export type IdentityModule = ReturnType<typeof createIdentityModule>;
