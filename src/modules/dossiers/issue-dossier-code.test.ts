import { describe, expect, it } from 'vitest';
import { parseDossierCode } from '../../core/identifiers/index.ts';
import { openPostgres, type Database } from '../../db/database.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { issueDossierCode } from './issue-dossier-code.ts';

const settings2018 = { format: '2018' as const, systemCode: '00' };

describe('issueDossierCode', () => {
  it('numbers each unit per local day, from 0001, and restarts the next day', async () => {
    const database = await createTestDatabase();
    try {
      const morning = new Date('2026-03-02T01:00:00Z'); // 08:00 in Hà Nội
      const lateUtc = new Date('2026-03-02T17:30:00Z'); // 00:30 on 03/03 in Hà Nội
      const a1 = await issueDossierCode(database.db, settings2018, 'G22.99', morning);
      const a2 = await issueDossierCode(database.db, settings2018, 'G22.99', morning);
      const b1 = await issueDossierCode(database.db, settings2018, 'G22.98', morning);
      const a3 = await issueDossierCode(database.db, settings2018, 'G22.99', lateUtc);
      expect([a1, a2, b1, a3]).toEqual([
        'G22.99-260302-0001',
        'G22.99-260302-0002',
        'G22.98-260302-0001',
        'G22.99-260303-0001',
      ]);
    } finally {
      await database.close();
    }
  });

  it('formats the 2025 centralized code with the system digits AA', async () => {
    const database = await createTestDatabase();
    try {
      const code = await issueDossierCode(
        database.db,
        { format: '2025', systemCode: '07' },
        'G22.99',
        new Date('2026-03-02T01:00:00Z'),
      );
      expect(code).toBe('G22.99-260302-070001');
    } finally {
      await database.close();
    }
  });

  it('a rolled-back intake does not use up its number', async () => {
    const database = await createTestDatabase();
    try {
      const at = new Date('2026-03-02T01:00:00Z');
      await expect(
        database.db.transaction().execute(async (trx) => {
          await issueDossierCode(trx, settings2018, 'G22.99', at);
          throw new Error('intake failed');
        }),
      ).rejects.toThrow('intake failed');
      expect(await issueDossierCode(database.db, settings2018, 'G22.99', at)).toBe('G22.99-260302-0001');
    } finally {
      await database.close();
    }
  });

  it('never repeats a number when two app instances issue codes at once', async () => {
    const database = await createTestDatabase();
    // A second instance: on PostgreSQL its own connection pool, as another server would have.
    const other: Database = database.url ? openPostgres(database.url, 5) : database;
    try {
      const at = new Date('2026-03-02T03:00:00Z');
      const perInstance = 60;
      const issue = (db: Database) =>
        Array.from({ length: perInstance }, () => issueDossierCode(db.db, settings2018, 'G22.99', at));
      const codes = await Promise.all([...issue(database), ...issue(other)]);
      expect(new Set(codes).size).toBe(codes.length);
      const sequences = codes.map((c) => {
        const parsed = parseDossierCode(c);
        if (!parsed.valid) throw new Error(`bad code ${c}`);
        return parsed.sequence;
      });
      expect(sequences.sort((x, y) => x - y)).toEqual(Array.from({ length: 2 * perInstance }, (_, i) => i + 1));
    } finally {
      if (other !== database) await other.close();
      await database.close();
    }
  });
});
