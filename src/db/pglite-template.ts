// A ready-made embedded database. Creating a PGlite data folder runs PostgreSQL's initdb, which
// takes seconds; loading an archive of an initialized and migrated folder takes about one. The
// archive is made once at `npm install` (scripts/prepare.ts) and used when a data folder is new;
// the tests load it for every in-memory database (src/db/testing.ts, built by the test run's
// global setup when missing). It is keyed by the PGlite version and the migrations (names and
// source text), so a stale one is never used. A second archive, initialized but not migrated,
// serves the tests that run migrations themselves.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from './pglite-dialect.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { packageRoot } from '../package-root.ts';

const ROOT = packageRoot();
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'motcua');
const MIGRATIONS_DIR = path.join(ROOT, 'src', 'db', 'migrations');

/** 'migrated': the latest schema; 'empty': initialized, no migration applied. */
export type PgliteTemplateKind = 'migrated' | 'empty';

function templateKey(kind: PgliteTemplateKind): string {
  const manifest = path.join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const hash = createHash('sha256').update(version);
  if (kind === 'migrated') {
    hash.update(Object.keys(migrations).join('\n'));
    // The source text too: a migration edited before it shipped must not load an old schema.
    if (existsSync(MIGRATIONS_DIR)) {
      for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.ts')).sort()) {
        hash.update(`\0${file}\0`).update(readFileSync(path.join(MIGRATIONS_DIR, file)));
      }
    }
  }
  return hash.digest('hex').slice(0, 16);
}

export function pgliteTemplatePath(kind: PgliteTemplateKind = 'migrated'): string {
  const prefix = kind === 'migrated' ? 'pglite-template' : 'pglite-empty';
  return path.join(CACHE_DIR, `${prefix}-${templateKey(kind)}.tar`);
}

/** The archive for the current PGlite version and migrations, if it has been made. */
export function findPgliteTemplate(kind: PgliteTemplateKind = 'migrated'): Blob | undefined {
  const file = pgliteTemplatePath(kind);
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

/** Makes the archive (an in-memory database, migrated unless 'empty', dumped). Returns its path. */
export async function buildPgliteTemplate(kind: PgliteTemplateKind = 'migrated'): Promise<string> {
  const file = pgliteTemplatePath(kind);
  if (existsSync(file)) return file;
  const client = new PGlite();
  const db = new Kysely<unknown>({ dialect: new PGliteDialect(client) });
  try {
    await client.waitReady; // a dump asked for before the database is ready never completes
    if (kind === 'migrated') await migrateToLatest(db);
    const dump = await client.dumpDataDir('none');
    mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file); // never a half-written archive under the real name
    return file;
  } finally {
    await db.destroy();
  }
}
