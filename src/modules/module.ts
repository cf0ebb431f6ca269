// The shape every module has. `modules/<name>/module.ts` exports `create<Name>Module(deps)`, which
// builds the module from what it is given and returns its use cases plus `register(app)`, which
// adds its HTTP routes (each declaring its access, src/http/access.ts). server.ts builds the
// modules in dependency order and registers them; cli.ts builds the same modules for commands.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/types.ts';
import type { UnitDirectory } from './identity/units/directory.ts';

/** What every module may be built from; a module's own factory adds the use cases it needs of others. */
export interface ModuleDeps {
  config: Config;
  db: Kysely<DB>;
  /** The one unit directory of the process (invalidated on every unit change). */
  units: UnitDirectory;
}

export interface Module {
  /** Adds the module's routes. API routes go under API_PREFIX; pages and callbacks where they belong. */
  register(app: FastifyInstance): void | Promise<void>;
}

export const API_PREFIX = '/api/v1';
