// Test support: every test file gets a database of its own. PGlite in memory by default; with
// DATABASE_URL set, a fresh PostgreSQL database created beside the one named there and dropped
// afterwards. Both are migrated to the latest schema.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';

export interface TestDatabase extends Database {
  /** The connection URL of the fresh PostgreSQL database, when running on PostgreSQL. */
  url?: string;
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  let database: TestDatabase;
  if (baseUrl) {
    const name = `motcua_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(baseUrl, `create database ${name}`);
    const url = withDatabaseName(baseUrl, name);
    const opened = openPostgres(url, 5);
    database = {
      ...opened,
      url,
      close: async () => {
        await opened.close();
        await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
      },
    };
  } else {
    database = await openPglite();
  }
  if (options.migrate !== false) await migrateToLatest(database.db);
  return database;
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
