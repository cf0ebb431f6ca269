// Runs once per test run, before any test file: makes the databases that every test file's
// database starts from (src/db/testing.ts), so no file pays for initdb and migrations.
// - PGlite: archives of an initialized database, migrated and not, kept under
//   node_modules/.cache/motcua/ between runs (made only when missing or stale).
// - PostgreSQL (DATABASE_URL set): one template database for this run, migrated here, every
//   connection to it closed (PostgreSQL copies only a database nobody is connected to), dropped
//   at the end of the run.
import { randomBytes } from 'node:crypto';
import { openPostgres } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { buildPgliteTemplate } from '../../src/db/pglite-template.ts';
import { adminQuery, createDatabase, PG_TEMPLATE_ENV, quoteIdent, withDatabaseName } from '../../src/db/testing.ts';

export default async function setup(): Promise<(() => Promise<void>) | void> {
  const started = performance.now();
  // The CLI's embedded database starts from the migrated archive on PostgreSQL runs too.
  await buildPgliteTemplate('migrated');
  await buildPgliteTemplate('empty');
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    report('PGlite templates', started);
    return;
  }
  const name = `motcua_tpl_${process.pid}_${randomBytes(4).toString('hex')}`;
  await createDatabase(baseUrl, name);
  try {
    const template = openPostgres(withDatabaseName(baseUrl, name), 1);
    try {
      await migrateToLatest(template.db);
    } finally {
      await template.close(); // ends the pool: no session left on the template
    }
  } catch (error) {
    await adminQuery(baseUrl, `drop database if exists ${quoteIdent(name)} with (force)`);
    throw error;
  }
  // Inherited by the workers, which start after the global setup.
  process.env[PG_TEMPLATE_ENV] = name;
  report(`PostgreSQL template ${name}`, started);
  return async () => {
    await adminQuery(baseUrl, `drop database if exists ${quoteIdent(name)} with (force)`);
  };
}

function report(what: string, started: number): void {
  if (process.env.CI || process.env.MOTCUA_TEST_VERBOSE) {
    process.stdout.write(`test databases: ${what} ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
}
