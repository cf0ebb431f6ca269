// The bundle and settings schemas: defaults, the cross-checks between the bundle's lists, and the
// parsed bundle through the engine (its type is the engine's input).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeIndex, parsePeriod, resolveSettings, type QualityBundle } from '../../core/quality/index.ts';
import { testCalendar } from '../../core/quality/testing.ts';
import { QualityBundleSchema, QualitySettingsSchema } from './schema.ts';
import { syncRecord } from './testing.ts';

const fixture = () => JSON.parse(readFileSync(path.resolve('src/modules/quality/fixtures/march-2026.json'), 'utf8'));
const messages = (value: unknown) => {
  const r = QualityBundleSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('QualityBundleSchema', () => {
  it('parses the fixture; syncedToPortal defaults to true', () => {
    const raw = fixture();
    delete raw.dossiers[1].syncedToPortal;
    const bundle: QualityBundle = QualityBundleSchema.parse(raw);
    expect(bundle.dossiers.map((d) => d.syncedToPortal)).toEqual([true, true, false, true]);
    expect(computeIndex(bundle, parsePeriod('2026-03'), resolveSettings(), { workingDays: testCalendar }).total).toBe(57.05);
  });

  it('names each bad field', () => {
    const raw = fixture();
    raw.procedures[0].hasFees = 'yes';
    raw.feedback[0].receivedAt = '2026-03-02 09:00';
    raw.reportCounts.bcqgReceived = -1;
    raw.dossiers[0].NgayTiepNhan = '2026-03-02';
    expect(messages(raw)).toEqual([
      expect.stringMatching(/^procedures\.0\.hasFees: /),
      expect.stringMatching(/^dossiers\.0\.NgayTiepNhan: /),
      expect.stringMatching(/^feedback\.0\.receivedAt: /),
      expect.stringMatching(/^reportCounts\.bcqgReceived: /),
    ]);
  });

  it('cross-checks: a dossier’s procedure must be in the bundle; codes and ids are unique', () => {
    const raw = fixture();
    raw.dossiers.push(syncRecord('H01.1-260302-0001'), syncRecord('X-1', { MaTTHC: '1.999999' }));
    raw.procedures.push(raw.procedures[1]);
    raw.feedback.push(raw.feedback[0]);
    expect(messages(raw)).toEqual([
      'procedures.2.code: procedure 1.000002 is listed twice',
      'dossiers.4.MaHoSo: dossier H01.1-260302-0001 is listed twice',
      "dossiers.5.MaTTHC: procedure 1.999999 is not among the bundle's procedures",
      'feedback.2.id: feedback PAKN-1 is listed twice',
    ]);
  });
});

describe('QualitySettingsSchema', () => {
  it('takes any part of the settings, refuses unknown keys and indicators', () => {
    expect(QualitySettingsSchema.parse({ processing: { dueDate: 'synced' }, indicators: { '3.3': { points: 6 } } })).toEqual({ processing: { dueDate: 'synced' }, indicators: { '3.3': { points: 6 } } });
    expect(QualitySettingsSchema.safeParse({ indicators: { '9.9': { points: 1 } } }).success).toBe(false);
    expect(QualitySettingsSchema.safeParse({ processing: { dueDat: 'synced' } }).success).toBe(false);
    expect(QualitySettingsSchema.safeParse({ indicators: { '2.1': { target: 0 } } }).success).toBe(false);
    // Merged over the defaults: the untouched target of 3.3 stays 50.
    expect(resolveSettings(QualitySettingsSchema.parse({ indicators: { '3.3': { points: 6 } } })).indicators['3.3']).toEqual({ points: 6, target: 50 });
  });
});
