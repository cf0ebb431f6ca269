// A ready-made embedded database. Creating a PGlite data folder runs PostgreSQL's initdb, which
// takes seconds; loading an archive of an initialized and migrated folder takes about one. The
// archive is made once at `npm install` (scripts/prepare.ts) and used when a data folder is new.
// It is keyed by the PGlite version and the list of migrations, so a stale one is never used.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from './pglite-dialect.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'motcua');

function templateKey(): string {
  const manifest = path.join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const hash = createHash('sha256').update(version).update(Object.keys(migrations).join('\n')).digest('hex');
  return hash.slice(0, 16);
}

export function pgliteTemplatePath(): string {
  return path.join(CACHE_DIR, `pglite-template-${templateKey()}.tar`);
}

/** The archive for the current PGlite version and migrations, if it has been made. */
export function findPgliteTemplate(): Blob | undefined {
  const file = pgliteTemplatePath();
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

/** Makes the archive (an in-memory database, migrated, dumped). Returns its path. */
export async function buildPgliteTemplate(): Promise<string> {
  const file = pgliteTemplatePath();
  if (existsSync(file)) return file;
  const client = new PGlite();
  const db = new Kysely<unknown>({ dialect: new PGliteDialect(client) });
  try {
    await migrateToLatest(db);
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
