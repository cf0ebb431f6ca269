// The arithmetic of the index: the hand-computable cases of SPEC §1.7 (T1–T8, T11), periods,
// bands, working days, and properties of the conversion.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriod, PeriodError } from './period.ts';
import { bandOf, ratioOf, receivingSatisfactionRatio, round2, scoreOf, sumScores, syncDenominator } from './score.ts';
import { DEFAULT_QUALITY_SETTINGS, resolveSettings } from './settings.ts';
import { testCalendar } from './testing.ts';
import { addWorkingDays } from './working-days.ts';

describe('SPEC §1.7 cases', () => {
  it.each([
    // [case, ratio, Pmax, T, score]
    ['T1 (3.3, R = 300/1000 × 100% sync)', round2((ratioOf(300, 1000)! * 100) / 100), 6, 50, 3.6],
    ['T2 (3.3, R = 62%)', 62, 6, 50, 6],
    ['T3 (5.4, 100 − (3.5 + 1.5))', receivingSatisfactionRatio(3.5, 1.5), 6, 90, 6],
    ['T4 (5.4, 100 − (12 + 3))', receivingSatisfactionRatio(12, 3), 6, 90, 5.67],
    ['T5 (4.2, 1200/2000)', ratioOf(1200, 2000), 4, 80, 3],
    ['T6 (2.1 proportional, 970/1000)', ratioOf(970, 1000), 20, 100, 19.4],
  ])('%s', (_name, ratio, points, target, expected) => {
    expect(scoreOf(ratio, points, target)).toBe(expected);
  });

  it('T3/T4 ratios are 95% and 85%', () => {
    expect(receivingSatisfactionRatio(3.5, 1.5)).toBe(95);
    expect(receivingSatisfactionRatio(12, 3)).toBe(85);
    expect(receivingSatisfactionRatio(70, 40)).toBe(0);
  });

  it('T7: D = max(BCQG 1050, portal 1000); synced 980 → 93.33%', () => {
    const D = syncDenominator({ bcqg: 1050, portal: 1000, periodKind: 'month', previousYearTotal: 12_000 });
    expect(D).toEqual({ denominator: 1050, rule: 'max' });
    expect(ratioOf(980, D.denominator)).toBe(93.33);
  });

  it('T8 and the other fallbacks: previous year ÷ 12 / ÷ 4 / itself; no previous year ⇒ no denominator', () => {
    const base = { bcqg: 0, portal: null, previousYearTotal: 12_000 } as const;
    const month = syncDenominator({ ...base, periodKind: 'month' });
    expect(month).toEqual({ denominator: 1000, rule: 'previous_year' });
    expect(ratioOf(700, month.denominator)).toBe(70);
    expect(syncDenominator({ ...base, periodKind: 'quarter' }).denominator).toBe(3000);
    expect(syncDenominator({ ...base, periodKind: 'year' }).denominator).toBe(12_000);
    expect(syncDenominator({ ...base, periodKind: 'custom', customShare: 0.5 }).denominator).toBe(6000);
    expect(syncDenominator({ ...base, periodKind: 'custom', customShare: null }).rule).toBe('no_previous_year');
    expect(syncDenominator({ bcqg: null, portal: 0, periodKind: 'month', previousYearTotal: null })).toEqual({ denominator: 0, rule: 'no_previous_year' });
    expect(syncDenominator({ bcqg: null, portal: 0, periodKind: 'year', previousYearTotal: 0 }).rule).toBe('no_previous_year');
  });

  it('T11: 16.2 + 19.4 + 10.1 + 8.0 + 18.5 + 17.0 = 89.20, below 90: not "Xuất sắc"', () => {
    const groups = [16.2, 19.4, 10.1, 8.0, 18.5, 17.0].map((score, i) => ({ score, max: [18, 20, 12, 10, 22, 18][i]! }));
    const total = sumScores(groups);
    expect(total).toEqual({ score: 89.2, max: 100 });
    expect(bandOf(total.score!, total.max, DEFAULT_QUALITY_SETTINGS)).toBe('Tốt');
    expect(bandOf(total.score!, total.max, DEFAULT_QUALITY_SETTINGS)).not.toBe('Xuất sắc');
  });
});

describe('ratio, score, sums', () => {
  it('a zero denominator is null, never 0; null stays null through the score', () => {
    expect(ratioOf(0, 0)).toBeNull();
    expect(ratioOf(0, 5)).toBe(0);
    expect(scoreOf(null, 6, 100)).toBeNull();
    expect(scoreOf(0, 6, 100)).toBe(0);
  });

  it('the score uses the rounded ratio (2/3 = 66.67% → 12 × 66.67 / 100 = 8.0)', () => {
    expect(ratioOf(2, 3)).toBe(66.67);
    expect(scoreOf(ratioOf(2, 3), 12, 100)).toBe(8);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(-1.005)).toBe(-1.01);
  });

  it('null parts are left out of the sum and of its maximum', () => {
    expect(sumScores([{ score: 3, max: 6 }, { score: null, max: 4 }, { score: 1.5, max: 2 }])).toEqual({ score: 4.5, max: 8 });
    expect(sumScores([{ score: null, max: 4 }])).toEqual({ score: null, max: 0 });
  });

  it('bands: confirmed ≥ 90 and < 50, intermediate configurable, optionally on the share of the maximum', () => {
    const s = DEFAULT_QUALITY_SETTINGS;
    expect([90, 89.99, 80, 65, 50, 49.99, 0].map((t) => bandOf(t, 100, s))).toEqual(['Xuất sắc', 'Tốt', 'Tốt', 'Khá', 'Trung bình', 'Yếu', 'Yếu']);
    const custom = resolveSettings({ bands: [{ min: 90, label: 'Xuất sắc' }, { min: 70, label: 'Đạt' }, { min: 0, label: 'Yếu' }], bandBasis: 'percent_of_max' });
    expect(bandOf(88.2, 98, custom)).toBe('Xuất sắc'); // 90% of 98
    expect(bandOf(88.2, 100, custom)).toBe('Đạt');
  });

  it('property: a score lies in [0, Pmax] and never falls when R rises', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 0, max: 22 }), fc.integer({ min: 1, max: 100 }), (a, b, points, target) => {
        const [lo, hi] = [round2(Math.min(a, b)), round2(Math.max(a, b))];
        const s = scoreOf(hi, points, target)!;
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(points);
        expect(scoreOf(lo, points, target)!).toBeLessThanOrEqual(s);
      }),
    );
  });
});

describe('parsePeriod', () => {
  it.each([
    ['2026-03', { kind: 'month', from: '2026-03-01', to: '2026-03-31' }],
    ['2026-02', { kind: 'month', from: '2026-02-01', to: '2026-02-28' }],
    ['2024-02', { kind: 'month', from: '2024-02-01', to: '2024-02-29' }],
    ['2026-Q1', { kind: 'quarter', from: '2026-01-01', to: '2026-03-31' }],
    ['2026-Q4', { kind: 'quarter', from: '2026-10-01', to: '2026-12-31' }],
    ['2026', { kind: 'year', from: '2026-01-01', to: '2026-12-31' }],
  ])('%s', (text, expected) => {
    expect(parsePeriod(text)).toEqual(expected);
  });

  it('from/to is custom; bad input throws PeriodError', () => {
    expect(parsePeriod({ from: '2026-03-10', to: '2026-04-09' })).toEqual({ kind: 'custom', from: '2026-03-10', to: '2026-04-09' });
    for (const bad of ['2026-13', '2026-Q5', 'March', '26-03', '']) expect(() => parsePeriod(bad)).toThrow(PeriodError);
    expect(() => parsePeriod({ from: '2026-04-01', to: '2026-03-01' })).toThrow(/after it ends/);
    expect(() => parsePeriod({ from: '2026-02-30', to: '2026-03-01' })).toThrow(/not a date/);
  });
});

describe('addWorkingDays over the calendar', () => {
  it.each([
    ['2026-03-06', 2, '2026-03-10'], // Fri + 2 = Tue
    ['2026-03-09', -1, '2026-03-06'], // Mon − 1 = Fri
    ['2026-03-07', 1, '2026-03-09'], // from a Saturday
    ['2026-02-13', 1, '2026-02-23'], // Tết 2026: Mon 16 – Fri 20/02 off
    ['2026-04-01', -20, '2026-03-04'], // 1.1 ministry lead
    ['2026-04-01', -5, '2026-03-25'], // 1.1 province lead
    ['2026-04-24', 1, '2026-04-28'], // Mon 27/04 nghỉ bù Giỗ Tổ
    ['2026-03-02', 0, '2026-03-02'],
  ])('%s %+d → %s', (date, n, expected) => {
    expect(addWorkingDays(testCalendar, date, n)).toBe(expected);
  });
});
