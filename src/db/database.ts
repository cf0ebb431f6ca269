// The database: an embedded PGlite by default (data in DATA_DIR), a PostgreSQL server when
// DATABASE_URL is set. One SQL dialect, the same migrations and queries on both.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import { findPgliteTemplate } from './pglite-template.ts';
import type { DB } from './types.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Connections of the pool (PGlite: one in-process connection). */
  poolStats(): PoolStats;
  close(): Promise<void>;
}

// Values come back the same on both drivers: int8 as number (counts and sequences stay far
// below 2^53), date as 'YYYY-MM-DD' text (a local date has no time zone), timestamptz as Date.
const INT8 = 20;
const DATE = 1082;

export function openPostgres(url: string, max = 10): Database {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8) return (v: string) => Number(v);
      if (oid === DATE) return (v: string) => v;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max, types: types as pg.CustomTypesConfig });
  // An idle connection that the server closes (restart, failover, an administrator's terminate)
  // is dropped and replaced by the pool on next use; without a listener the process would crash.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL pool: idle connection lost (${error.message})`);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => db.destroy(),
  };
}

const pgliteParsers = {
  [INT8]: (v: string) => Number(v),
  [DATE]: (v: string) => v,
};

/**
 * An embedded database in `dataDir`, or in memory when dataDir is undefined. `loadDataDir`: an
 * archive to start an in-memory database from (the tests' templates).
 */
export async function openPglite(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  let releaseLock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDataDir(dataDir);
  }
  try {
    const folder = dataDir ? path.join(dataDir, 'pgdata') : undefined;
    // A new data folder starts from the archive made at install time, if there is one.
    const template = folder
      ? !existsSync(path.join(folder, 'PG_VERSION')) ? findPgliteTemplate() : undefined
      : options.loadDataDir;
    // One options object: PGlite ignores the second argument when the first is not a path, which
    // left in-memory databases without the parsers.
    const client = new PGlite({
      ...(folder ? { dataDir: folder } : {}),
      parsers: pgliteParsers,
      ...(template ? { loadDataDir: template } : {}),
    });
    await client.waitReady;
    const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
    return {
      db,
      kind: 'pglite',
      poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
      close: async () => {
        await db.destroy();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

export async function openDatabase(config: {
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
  DATABASE_POOL_MAX?: number;
}): Promise<Database> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL, config.DATABASE_POOL_MAX);
  return openPglite(config.DATA_DIR);
}

export class DataDirInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by process ${pid}. Stop that process first, ` +
        'or run this command against the running server through its API.',
    );
    this.name = 'DataDirInUseError';
  }
}

/** PGlite is single-process: a second process opening the same folder would corrupt it. */
function lockDataDir(dir: string): () => void {
  const file = path.join(dir, 'motcua.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataDirInUseError(dir, pid);
      }
      rmSync(file, { force: true }); // stale lock of a process that is gone
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
