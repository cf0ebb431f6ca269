// Hand-computed cases for 2.2 (average processing time), the 5.3 repeat-complaint rule and 4.4's
// result-in-the-data-store branch (SPEC §1.4). March 2026: weekends only; a working day is 8 h.
import { describe, expect, it } from 'vitest';
import { computeIndex } from './compute.ts';
import { parsePeriod } from './period.ts';
import { DEFAULT_QUALITY_SETTINGS, resolveSettings, type QualitySettings } from './settings.ts';
import { dvc, processed, qBundle, qDossier, qFeedback, qProcedure, testCalendar } from './testing.ts';
import type { QualityBundle } from './types.ts';

const march = parsePeriod('2026-03');
const run = (bundle: QualityBundle, settings: QualitySettings = DEFAULT_QUALITY_SETTINGS) => computeIndex(bundle, march, settings, { workingDays: testCalendar, explain: true });
const t = (local: string) => `${local}:00+07:00`;

describe('2.2 average processing time (tracked, no points)', () => {
  // Received Mon 02/03 08:00; A processed Wed 04/03 08:00 = 2 WD; B processed Fri 06/03 08:00 = 4 WD,
  // with a supplement Tue 03/03 08:00 → Thu 05/03 08:00 (2 WD) taken out = 2 WD. C is still open.
  const dossiers = [
    processed('A', '2026-03-02T08:00', '2026-03-09T08:00', '2026-03-04T08:00'),
    processed('B', '2026-03-02T08:00', '2026-03-09T08:00', '2026-03-06T08:00', {
      DanhSachHoSoBoSung: [{ NgayBoSung: dvc('2026-03-03T08:00'), NgayTiepNhanBoSung: dvc('2026-03-05T08:00'), NgayHenTraTruoc: '' }],
    }),
    qDossier('C', { NgayTiepNhan: dvc('2026-03-02T08:00') }),
    processed('D', '2026-02-26T08:00', '2026-03-09T08:00', '2026-03-04T08:00'), // received in February
  ];
  const procedure = qProcedure('1.000001', { processingTime: { value: 5, unit: 'working_days' } });

  const cases: Array<{ name: string; bundle: QualityBundle; numerator: number | null; denominator: number | null; value: number | null; unit: string | null }> = [
    { name: 'one procedure: (2 + 2) ÷ 2 = 2 working days', bundle: qBundle({ procedures: [procedure], dossiers }), numerator: 4, denominator: 2, value: 2, unit: 'working_days' },
    {
      name: 'in working hours: 32 h ÷ 2 = 16',
      bundle: qBundle({ procedures: [qProcedure('1.000001', { processingTime: { value: 40, unit: 'working_hours' } })], dossiers }),
      numerator: 32,
      denominator: 2,
      value: 16,
      unit: 'working_hours',
    },
    { name: 'two procedures: not shown', bundle: qBundle({ procedures: [procedure, qProcedure('1.000002')], dossiers }), numerator: null, denominator: null, value: null, unit: null },
    { name: 'no completed dossier: null, not 0', bundle: qBundle({ procedures: [procedure], dossiers: [dossiers[2]!] }), numerator: 0, denominator: 0, value: null, unit: 'working_days' },
  ];
  it.each(cases)('$name', ({ bundle, numerator, denominator, value, unit }) => {
    const r = run(bundle).groups.TDGQ.indicators['2.2']!;
    expect([r.numerator, r.denominator]).toEqual([numerator, denominator]);
    expect(r.average).toEqual({ value, unit });
    expect(r.score).toBeNull();
    expect(r.max).toBe(0);
  });
  it('leaves the group TDGQ at 20 points', () => {
    expect(run(qBundle({ procedures: [procedure], dossiers })).groups.TDGQ.max).toBe(20);
  });
});

describe('5.3 a later PAKN repeats the complaint', () => {
  const answered = { processedAt: t('2026-03-04T09:00'), publishedAt: t('2026-03-04T10:00') };
  const cases: Array<{ name: string; feedback: ReturnType<typeof qFeedback>[]; settings?: QualitySettings; numerator: number; reasons: Record<string, string> }> = [
    {
      name: 'linked by repeatsId: the first is dissatisfied',
      feedback: [qFeedback('K1', t('2026-03-02T09:00'), answered), qFeedback('K2', t('2026-03-10T09:00'), { ...answered, processedAt: t('2026-03-11T09:00'), publishedAt: t('2026-03-11T10:00'), repeatsId: 'K1' })],
      numerator: 1,
      reasons: { K1: 'repeated by K2' },
    },
    {
      name: 'same dossier (default rule)',
      feedback: [qFeedback('K1', t('2026-03-02T09:00'), { ...answered, dossierCode: 'H1' }), qFeedback('K2', t('2026-03-10T09:00'), { processedAt: t('2026-03-11T09:00'), publishedAt: t('2026-03-11T10:00'), dossierCode: 'H1' })],
      numerator: 1,
      reasons: { K1: 'repeated by K2' },
    },
    {
      name: 'same dossier under the "linked" rule: both satisfied',
      feedback: [qFeedback('K1', t('2026-03-02T09:00'), { ...answered, dossierCode: 'H1' }), qFeedback('K2', t('2026-03-10T09:00'), { processedAt: t('2026-03-11T09:00'), publishedAt: t('2026-03-11T10:00'), dossierCode: 'H1' })],
      settings: resolveSettings({ feedback: { repeatRule: 'linked' } }),
      numerator: 2,
      reasons: {},
    },
    {
      name: 'an earlier PAKN does not repeat a later one',
      feedback: [qFeedback('K1', t('2026-03-10T09:00'), { processedAt: t('2026-03-11T09:00'), publishedAt: t('2026-03-11T10:00'), dossierCode: 'H1' }), qFeedback('K0', t('2026-03-02T09:00'), { ...answered, dossierCode: 'H2' })],
      numerator: 2,
      reasons: {},
    },
  ];
  it.each(cases)('$name', ({ feedback, settings, numerator, reasons }) => {
    const r = run(qBundle({ feedback }), settings).groups.MDHL.indicators['5.3']!;
    expect([r.numerator, r.denominator]).toEqual([numerator, 2]);
    expect(r.explain!.reasons).toEqual(reasons);
  });
});

describe('4.4 the result in the holder’s data store', () => {
  const received = { NgayTiepNhan: dvc('2026-03-02T09:00') };
  const dossiers = [qDossier('A', { ...received, resultInDataStore: true }), qDossier('B', received), qDossier('C', { ...received, resultInDataStore: false })];
  it.each([
    { name: 'counts by default: 1 of 3 → 33.33 → 4 × 33.33 / 100 = 1.33', settings: DEFAULT_QUALITY_SETTINGS, numerator: 1, score: 1.33 },
    { name: 'turned off: 0 of 3', settings: resolveSettings({ digitization: { resultInDataStore: false } }), numerator: 0, score: 0 },
  ])('$name', ({ settings, numerator, score }) => {
    const r = run(qBundle({ dossiers }), settings).groups.MDSH.indicators['4.4']!;
    expect([r.numerator, r.denominator, r.score]).toEqual([numerator, 3, score]);
  });
});
