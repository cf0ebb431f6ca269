// The module's index reads the working days of the calendar module: an administrator's extra day
// off moves the 1.1 test (the 20th working day before 01/04/2026 becomes 03/03, so a decision of
// 04/03 is late).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { OFFICIAL_SCHEDULES } from '../../core/calendar/index.ts';
import { parsePeriod } from '../../core/quality/index.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { systemActor } from '../audit/service.ts';
import { createCalendarModule } from '../calendar/module.ts';
import { createUnitDirectory } from '../identity/units/directory.ts';
import { createQualityModule } from './module.ts';
import { QualityBundleSchema } from './schema.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('createQualityModule', () => {
  it('computes over the calendar module’s days off, administrators’ entries included', async () => {
    const config = loadConfig({});
    const calendar = createCalendarModule({ config, db: database.db, units: createUnitDirectory(database.db) });
    const quality = createQualityModule({ calendar });
    const bundle = QualityBundleSchema.parse(JSON.parse(readFileSync(path.resolve('src/modules/quality/fixtures/march-2026.json'), 'utf8')));
    const march = parsePeriod('2026-03');

    const before = await quality.computeIndex(bundle, march);
    expect(before.groups.CKMB.indicators['1.1']).toMatchObject({ numerator: 1, denominator: 2 });

    const official = OFFICIAL_SCHEDULES[2026]!;
    await calendar.service.setYear(
      2026,
      {
        sources: [...official.sources, 'test: an extra day off'],
        daysOff: [...official.daysOff, { date: '2026-03-20', name: { vi: 'Ngày nghỉ thử', en: 'Test day off' }, kind: 'swap_off', source: 'test' }],
        workingWeekendDays: official.workingWeekendDays,
      },
      { system: systemActor('test') },
    );
    const after = await quality.computeIndex(bundle, march, { explain: true });
    expect(after.groups.CKMB.indicators['1.1']).toMatchObject({ numerator: 0, denominator: 2 });
    expect(after.groups.CKMB.indicators['1.1']!.explain!.reasons['1.009901']).toMatch(/decided 2026-03-04, less than 20 working days/);
  });
});
