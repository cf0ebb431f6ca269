// Test support: every test file gets a database of its own, already at the latest schema.
// PGlite in memory by default, loaded from an archive of a migrated database (no initdb, no
// migrations: src/db/pglite-template.ts). With DATABASE_URL set, a fresh PostgreSQL database
// beside the one named there, copied from a template database that the test run's global setup
// migrated once (test/support/global-setup.ts), and dropped afterwards.
//
// `{ migrate: false }` gives an empty database (the tests of migrations themselves, and the
// emulators that make their own tables); `{ fromTemplate: false }` migrates from empty.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { buildPgliteTemplate, findPgliteTemplate, pgliteTemplatePath, type PgliteTemplateKind } from './pglite-template.ts';

export interface TestDatabase extends Database {
  /** The connection URL of the fresh PostgreSQL database, when running on PostgreSQL. */
  url?: string;
}

export interface TestDatabaseOptions {
  /** false: an empty database, no migration applied. Default true. */
  migrate?: boolean;
  /** false: run every migration on this database instead of copying a migrated template. */
  fromTemplate?: boolean;
}

/** Set by the global setup: the migrated PostgreSQL database that test databases copy. */
export const PG_TEMPLATE_ENV = 'MOTCUA_TEST_PG_TEMPLATE';

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const migrate = options.migrate !== false;
  const fromTemplate = options.fromTemplate !== false;
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    const template = migrate && fromTemplate ? process.env[PG_TEMPLATE_ENV] : undefined;
    const database = await createPostgresDatabase(baseUrl, template);
    if (migrate && !template) await migrateToLatest(database.db);
    return database;
  }
  // PGlite: 'empty' spares initdb even where migrations then run from the start.
  const kind: PgliteTemplateKind = migrate && fromTemplate ? 'migrated' : 'empty';
  const database: TestDatabase = await openPglite(undefined, { loadDataDir: await pgliteTemplate(kind) });
  if (migrate && kind === 'empty') await migrateToLatest(database.db);
  return database;
}

// Read once per worker (the archive is immutable; its name changes with the migrations).
const loaded = new Map<string, Blob>();

async function pgliteTemplate(kind: PgliteTemplateKind): Promise<Blob> {
  const file = pgliteTemplatePath(kind);
  let blob = loaded.get(file) ?? findPgliteTemplate(kind);
  if (!blob) {
    // Outside a test run (benchmarks), or the global setup did not run: make it now.
    await buildPgliteTemplate(kind);
    blob = findPgliteTemplate(kind)!;
  }
  loaded.set(file, blob);
  return blob;
}

async function createPostgresDatabase(baseUrl: string, template: string | undefined): Promise<TestDatabase> {
  const name = `motcua_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await createDatabase(baseUrl, name, template);
  const url = withDatabaseName(baseUrl, name);
  const opened = openPostgres(url, 5);
  return {
    ...opened,
    url,
    close: async () => {
      await opened.close();
      await adminQuery(baseUrl, `drop database if exists ${quoteIdent(name)} with (force)`);
    },
  };
}

/**
 * `create database … template …`. PostgreSQL refuses to copy a database that has a session
 * open (55006 object_in_use), and two copies of one template at the same moment may meet it in
 * some versions: wait a little and try again, a bounded number of times.
 */
export async function createDatabase(baseUrl: string, name: string, template?: string): Promise<void> {
  const text = `create database ${quoteIdent(name)}${template ? ` template ${quoteIdent(template)}` : ''}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(baseUrl, text);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== '55006' || attempt >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * Math.min(attempt, 10) + Math.random() * 50));
    }
  }
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
