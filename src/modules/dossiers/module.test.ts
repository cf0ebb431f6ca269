import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { createCalendarModule } from '../calendar/module.ts';
import { createUnitDirectory } from '../identity/units/directory.ts';
import { createDossiersModule } from './module.ts';

describe('createDossiersModule', () => {
  it('issues codes in the format and with the system digits of the configuration', async () => {
    const database = await createTestDatabase();
    try {
      const config = loadConfig({ DOSSIER_CODE_FORMAT: '2025', DOSSIER_CODE_SYSTEM_CODE: '07' });
      const dossiers = createDossiersModule({
        config,
        db: database.db,
        units: createUnitDirectory(database.db),
        calendar: createCalendarModule({ config, db: database.db, units: createUnitDirectory(database.db) }),
        catalog: {} as never,
        files: { keepWhile: () => undefined } as never,
        payments: { onPaid: () => undefined } as never,
        notifications: {} as never,
        population: {} as never,
        jobs: { handle: () => undefined, schedule: () => undefined } as never,
        officersCovering: async () => [],
        contact: async () => undefined,
        publicUrl: () => 'http://localhost',
      });
      const at = new Date('2026-03-02T01:00:00Z');
      expect(await dossiers.issueDossierCode(database.db, 'G22.99', at)).toBe('G22.99-260302-070001');
      expect(await dossiers.issueDossierCode(database.db, 'G22.99', at)).toBe('G22.99-260302-070002');
    } finally {
      await database.close();
    }
  });
});
