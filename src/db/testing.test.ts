// The test databases themselves: copies of the migrated template are at the latest schema and
// independent of each other; `migrate: false` is empty; `fromTemplate: false` migrates from empty
// to the same schema as the template.
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { pendingMigrations } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { createTestDatabase, PG_TEMPLATE_ENV, type TestDatabase } from './testing.ts';

async function withDatabases<T>(count: number, options: Parameters<typeof createTestDatabase>[0], fn: (dbs: TestDatabase[]) => Promise<T>) {
  const dbs = await Promise.all(Array.from({ length: count }, () => createTestDatabase(options)));
  try {
    return await fn(dbs);
  } finally {
    await Promise.all(dbs.map((d) => d.close()));
  }
}

/** Tables and their columns, in a stable order: a fingerprint of the schema. */
async function schemaOf(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ t: string; c: string; type: string; nullable: string }>`
    select table_name as t, column_name as c, data_type as type, is_nullable as nullable
    from information_schema.columns where table_schema = 'public'
    order by table_name, column_name`.execute(db);
  return rows.map((r) => `${r.t}.${r.c} ${r.type} ${r.nullable}`);
}

async function tableCount(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = 'public'`.execute(db);
  return rows[0]!.n;
}

describe('createTestDatabase', () => {
  it('gives databases at the latest schema that do not share data', async () => {
    await withDatabases(2, {}, async ([a, b]) => {
      expect(await pendingMigrations(a!.db)).toEqual([]);
      const applied = await sql<{ name: string }>`select name from schema_migration order by name`.execute(a!.db);
      expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
      await sql`insert into unit (id, agency_code, name_vi, name_en, kind) values ('rieng', 'G98', 'Riêng', 'Own', 'ministry')`.execute(a!.db);
      const inB = await sql<{ id: string }>`select id from unit where id = 'rieng'`.execute(b!.db);
      expect(inB.rows).toEqual([]);
    });
  });

  it.skipIf(!process.env.DATABASE_URL)('on PostgreSQL copies the run\'s template, several at once', async () => {
    expect(process.env[PG_TEMPLATE_ENV]).toMatch(/^motcua_tpl_/);
    await withDatabases(3, {}, async (dbs) => {
      for (const d of dbs) expect(await pendingMigrations(d.db)).toEqual([]);
      expect(new Set(dbs.map((d) => d.url)).size).toBe(3);
    });
  });

  it('with migrate: false gives an empty database', async () => {
    await withDatabases(1, { migrate: false }, async ([d]) => {
      expect(await tableCount(d!.db)).toBe(0);
      expect(await pendingMigrations(d!.db)).toEqual(Object.keys(migrations));
    });
  });

  it('with fromTemplate: false migrates from empty to the same schema as the template', async () => {
    const fromTemplate = await withDatabases(1, {}, ([d]) => schemaOf(d!.db));
    const migrated = await withDatabases(1, { fromTemplate: false }, ([d]) => schemaOf(d!.db));
    expect(migrated.length).toBeGreaterThan(20);
    expect(migrated).toEqual(fromTemplate);
  });

  it('reads int8 as a number and date as text, as the application does', async () => {
    await withDatabases(1, {}, async ([d]) => {
      const { rows } = await sql<{ n: unknown; day: unknown }>`select 42::int8 as n, date '2026-03-02' as day`.execute(d!.db);
      expect(rows[0]).toEqual({ n: 42, day: '2026-03-02' });
    });
  });
});
