// Command-line administration of officers (`./bin/motcua officer ...`). The operator acts with
// the rights of a ministry-level administrator; every change is audited as `cli:<user>`.
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Permission, ServicePrincipal } from '../../core/access/index.ts';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/types.ts';
import { ProblemError } from '../../http/problem.ts';
import type { Actor } from './actor.ts';
import { currentTotp } from './login/totp.ts';
import { createIdentityModule, type IdentityModule } from './module.ts';
import { OfficerCreate } from './officers/schema.ts';
import { findOfficerIdByUsername } from './officers/store.ts';
import { DEMO_ADMIN_TOTP_SECRET } from './seed/demo-officers.ts';
import { seedUnits } from './seed/units.ts';
import { ROLES, type Role } from '../../core/access/index.ts';
import { createUnitDirectory } from './units/directory.ts';

export interface CliSupport {
  withDatabase<T>(fn: (database: { db: Kysely<DB> }, cfg: Config) => Promise<T>): Promise<T>;
  fail(message: string): never;
  out(line: string): void;
}

const OPERATOR_PERMISSIONS: readonly Permission[] = ['unit.read', 'unit.manage', 'officer.read', 'officer.manage', 'audit.read'];

/** The operator at the command line: the administration's permissions in every unit, no account. */
function cliActor(user: string): Actor {
  const principal: ServicePrincipal = { kind: 'service', accountId: 'cli', fullName: `cli:${user}`, method: 'cli', permissions: OPERATOR_PERMISSIONS };
  return { principal };
}

const parseGrant = (value: string, support: CliSupport): { role: Role; unitId: string } => {
  const [role, unitId] = value.split('@');
  if (!role || !unitId || !(ROLES as readonly string[]).includes(role)) support.fail(`--role expects role@unit with a role among ${ROLES.join(', ')} (got "${value}")`);
  return { role: role as Role, unitId: unitId! };
};

interface CliContext {
  identity: IdentityModule;
  db: Kysely<DB>;
}

export function registerOfficerCommands(program: Command, support: CliSupport): void {
  const user = process.env.USER ?? 'operator';
  const run = <T>(fn: (ctx: CliContext, actor: Actor) => Promise<T>) =>
    support.withDatabase(async (database, cfg) => {
      await seedUnits(database.db);
      const identity = createIdentityModule({ config: cfg, db: database.db, units: createUnitDirectory(database.db, 0) });
      try {
        return await fn({ identity, db: database.db }, cliActor(user));
      } catch (error) {
        if (error instanceof ProblemError) support.fail(`${error.code}: ${typeof error.detailText === 'string' ? error.detailText : (error.detailText?.en ?? '')}`);
        throw error;
      }
    });
  const idOf = async (ctx: CliContext, username: string) => {
    const id = await findOfficerIdByUsername(ctx.db, username);
    if (!id) support.fail(`no officer "${username}"`);
    return id!;
  };

  const officer = program.command('officer').description('officer accounts (audited as cli:<user>)');

  officer
    .command('create')
    .description('create an officer; without --password an invitation link is printed')
    .requiredOption('--username <name>', 'login name (a-z, 0-9, . _ -)')
    .requiredOption('--full-name <name>', 'full name with diacritics')
    .requiredOption('--unit <id>', 'home unit, e.g. cuc-shtt')
    .option('--email <email>')
    .option('--password <password>', 'initial password (else an invitation)')
    .option('--role <role@unit...>', 'roles, e.g. receiver@bo-phan-mot-cua')
    .action(async (opts: { username: string; fullName: string; unit: string; email?: string; password?: string; role?: string[] }) => {
      const parsed = OfficerCreate.safeParse({
        username: opts.username,
        fullName: opts.fullName,
        unitId: opts.unit,
        email: opts.email,
        password: opts.password,
        roles: (opts.role ?? []).map((r) => parseGrant(r, support)),
      });
      if (!parsed.success) support.fail(`invalid input: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      const result = await run((ctx, actor) => ctx.identity.officers.create(actor, parsed.data!));
      support.out(`created ${result.officer.username} (${result.officer.id})`);
      if (result.invitation) support.out(`invitation (valid until ${result.invitation.expiresAt}): ${result.invitation.url}`);
    });

  officer
    .command('list')
    .description('list officers: username, name, unit, roles, state')
    .option('--unit <id>', 'this unit and the units below')
    .option('--all', 'include disabled officers')
    .action(async (opts: { unit?: string; all?: boolean }) => {
      const { items } = await run((ctx, actor) =>
        ctx.identity.officers.list(actor, { unitId: opts.unit, includeDisabled: opts.all ? 'true' : 'false', limit: 200, offset: 0 }),
      );
      for (const o of items) {
        const state = o.disabled ? 'disabled' : o.lockedUntil ? `locked until ${o.lockedUntil}` : 'active';
        support.out(`${o.username}\t${o.fullName}\t${o.unitId ?? '-'}\t${o.roles.map((g) => `${g.role}@${g.unitId}`).join(',') || '-'}\t${state}${o.totpEnabled ? '\ttotp' : ''}`);
      }
    });

  officer
    .command('grant')
    .description('grant a role in a unit')
    .requiredOption('--username <name>')
    .requiredOption('--role <role@unit>')
    .action(async (opts: { username: string; role: string }) => {
      const grant = parseGrant(opts.role, support);
      const o = await run(async (ctx, actor) => ctx.identity.officers.grantRole(actor, await idOf(ctx, opts.username), grant));
      support.out(`${o.username}: ${o.roles.map((g) => `${g.role}@${g.unitId}`).join(', ')}`);
    });

  officer
    .command('revoke')
    .description('revoke a role in a unit')
    .requiredOption('--username <name>')
    .requiredOption('--role <role@unit>')
    .action(async (opts: { username: string; role: string }) => {
      const grant = parseGrant(opts.role, support);
      const o = await run(async (ctx, actor) => ctx.identity.officers.revokeRole(actor, await idOf(ctx, opts.username), grant));
      support.out(`${o.username}: ${o.roles.map((g) => `${g.role}@${g.unitId}`).join(', ') || '-'}`);
    });

  officer
    .command('reset-password')
    .description('set a new password (or print a temporary one) and lift a lockout')
    .requiredOption('--username <name>')
    .option('--password <password>')
    .action(async (opts: { username: string; password?: string }) => {
      const result = await run(async (ctx, actor) => ctx.identity.officers.resetPassword(actor, await idOf(ctx, opts.username), { password: opts.password }));
      support.out(result.temporaryPassword ? `temporary password: ${result.temporaryPassword}` : 'password set');
    });

  officer
    .command('reset-totp')
    .description('remove an officer’s TOTP (they enrol again at next login)')
    .requiredOption('--username <name>')
    .action(async (opts: { username: string }) => {
      await run(async (ctx, actor) => ctx.identity.officers.resetTotp(actor, await idOf(ctx, opts.username)));
      support.out('totp removed');
    });

  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    officer
      .command(name)
      .description(`${name} an officer`)
      .requiredOption('--username <name>')
      .action(async (opts: { username: string }) => {
        await run(async (ctx, actor) => ctx.identity.officers.setDisabled(actor, await idOf(ctx, opts.username), disabled));
        support.out(`${opts.username} ${disabled ? 'disabled' : 'enabled'}`);
      });
  }

  program
    .command('demo-totp')
    .description('print the current TOTP code of the demo administrator "quantri" (public demo secret)')
    .action(() => support.out(currentTotp(DEMO_ADMIN_TOTP_SECRET)));
}
