// What every module's routes and use cases are built from.
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { DB } from './db/types.ts';

export interface AppContext {
  config: Config;
  database: Database;
  db: Kysely<DB>;
}
