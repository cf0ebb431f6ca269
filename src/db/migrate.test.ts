import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openPostgres } from './database.ts';
import { migrateToLatest, pendingMigrations } from './migrate.ts';
import { createTestDatabase } from './testing.ts';

describe('migrations', () => {
  it('apply once; a second run finds nothing to do', async () => {
    const database = await createTestDatabase({ migrate: false });
    try {
      expect(await pendingMigrations(database.db)).toContain('0001-foundation');
      expect(await migrateToLatest(database.db)).toContain('0001-foundation');
      expect(await migrateToLatest(database.db)).toEqual([]);
      expect(await pendingMigrations(database.db)).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'two instances migrating one PostgreSQL database at once apply each migration exactly once',
    async () => {
      const database = await createTestDatabase({ migrate: false });
      const second = openPostgres(database.url!, 2);
      try {
        const [a, b] = await Promise.all([migrateToLatest(database.db), migrateToLatest(second.db)]);
        expect([...a, ...b].filter((name) => name === '0001-foundation')).toHaveLength(1);
        const rows = await sql<{ n: number }>`select count(*)::int as n from schema_migration`.execute(database.db);
        expect(rows.rows[0]!.n).toBe(Object.keys((await import('./migrations/index.ts')).migrations).length);
      } finally {
        await second.close();
        await database.close();
      }
    },
  );
});
