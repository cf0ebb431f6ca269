import { describe, expect, it } from 'vitest';
import { weekday } from './local-time.ts';
import { lunarToSolar } from './lunar.ts';
import { OFFICIAL_SCHEDULES } from './official-schedules.ts';
import { estimateYearSchedule, scheduleForYear } from './rules.ts';
import type { YearSchedule } from './types.ts';

const dates = (s: YearSchedule, kind?: string) => s.daysOff.filter((d) => !kind || d.kind === kind).map((d) => d.date);
const byDate = (s: YearSchedule, date: string) => s.daysOff.find((d) => d.date === date);
const iso = ({ year, month, day }: { year: number; month: number; day: number }) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

describe('estimateYearSchedule', () => {
  it('2027: Tết and Hùng Kings from the lunar converter, nghỉ bù per Art. 111(3)', () => {
    const s = estimateYearSchedule(2027);
    expect(s.status).toBe('estimated');
    expect(s.year).toBe(2027);
    expect(s.workingWeekendDays).toEqual([]);
    // Tết 2027 = Sat 06/02: last day of the lunar year Fri 05/02 + 06–09/02; Sat 06 and Sun 07 → nghỉ bù Wed 10, Thu 11.
    expect(iso(lunarToSolar(2027, 1, 1))).toBe('2027-02-06');
    expect(dates(s, 'holiday')).toEqual([
      '2027-01-01',
      '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09',
      '2027-04-16', // 10/3 lunar
      '2027-04-30',
      '2027-05-01', // Saturday
      '2027-09-02', // Thursday → adjacent day 03/09
      '2027-09-03',
    ]);
    expect(dates(s, 'compensatory')).toEqual(['2027-02-10', '2027-02-11', '2027-05-03']);
    expect(byDate(s, '2027-02-10')?.name.vi).toBe('Nghỉ bù Tết Nguyên đán');
    expect(byDate(s, '2027-05-03')?.name.vi).toBe('Nghỉ bù Ngày Quốc tế Lao động');
    expect(byDate(s, '2027-05-03')?.source).toBe('Labor Code 2019 Art. 111(3)');
    expect(byDate(s, '2027-04-16')?.name.vi).toBe('Giỗ Tổ Hùng Vương');
    expect(s.sources).toEqual(expect.arrayContaining(['Labor Code 2019 Art. 112(1)', 'Labor Code 2019 Art. 111(3)']));
  });

  it('2028: nghỉ bù skips days already off', () => {
    const s = estimateYearSchedule(2028);
    expect(s.status).toBe('estimated');
    // Tết 2028 = Wed 26/01: 25/01–29/01 (Sat 29 → Mon 31/01).
    expect(dates(s, 'holiday').slice(1, 6)).toEqual(['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-01-29']);
    expect(byDate(s, '2028-04-04')?.name.vi).toBe('Giỗ Tổ Hùng Vương');
    // Sat 01/01 → Mon 03/01; Sat 29/01 → Mon 31/01; Sun 30/04 → Tue 02/05 (Mon 01/05 is already a holiday);
    // Sat 02/09 + Sun 03/09 → Mon 04/09, Tue 05/09.
    expect(dates(s, 'compensatory')).toEqual(['2028-01-03', '2028-01-31', '2028-05-02', '2028-09-04', '2028-09-05']);
    for (const d of dates(s, 'compensatory')) expect([0, 6]).not.toContain(weekday(d));
  });

  it('chooses the day adjacent to 02/09 as documented', () => {
    // 02/09/2025 is a Tuesday → 01/09 (matches the official 2025 schedule); 02/09/2026 a Wednesday → 03/09.
    expect(dates(estimateYearSchedule(2025)).filter((d) => d >= '2025-09')).toEqual(['2025-09-01', '2025-09-02']);
    expect(dates(estimateYearSchedule(2026)).filter((d) => d >= '2026-09')).toEqual(['2026-09-02', '2026-09-03']);
    expect(dates(estimateYearSchedule(2026, { nationalDayAdjacent: 'before' })).filter((d) => d >= '2026-09')).toEqual([
      '2026-09-01',
      '2026-09-02',
    ]);
    // 2024: Mon 02/09 → Sun 01/09 → nghỉ bù Tue 03/09: the same days off as the official schedule.
    const estimate2024 = estimateYearSchedule(2024);
    expect(dates(estimate2024).filter((d) => d >= '2024-09')).toEqual(['2024-09-01', '2024-09-02', '2024-09-03']);
    expect(byDate(estimate2024, '2024-09-03')?.kind).toBe('compensatory');
  });

  it('estimates the 2026 Tết days as the official schedule has them', () => {
    const tet = (s: YearSchedule) => s.daysOff.filter((d) => d.name.vi === 'Tết Nguyên đán').map((d) => d.date);
    expect(tet(estimateYearSchedule(2026))).toEqual(tet(OFFICIAL_SCHEDULES[2026]!));
  });

  it('adds 24/11 only when the pending holiday is switched on', () => {
    expect(byDate(estimateYearSchedule(2027), '2027-11-24')).toBeUndefined();
    expect(byDate(estimateYearSchedule(2027, { vietnameseCultureDayFrom: 2027 }), '2027-11-24')?.name.vi).toBe(
      'Ngày Văn hóa Việt Nam',
    );
    expect(byDate(estimateYearSchedule(2027, { vietnameseCultureDayFrom: 2028 }), '2027-11-24')).toBeUndefined();
    // 24/11/2029 is a Saturday → nghỉ bù Mon 26/11.
    expect(byDate(estimateYearSchedule(2029, { vietnameseCultureDayFrom: 2026 }), '2029-11-26')?.kind).toBe('compensatory');
  });
});

describe('scheduleForYear', () => {
  const custom: YearSchedule = { year: 2026, status: 'official', daysOff: [], workingWeekendDays: [], sources: ['admin'] };

  it('prefers overrides, then bundled official data, then the estimate', () => {
    expect(scheduleForYear(2026, new Map([[2026, custom]]))).toBe(custom);
    expect(scheduleForYear(2026, { 2026: custom })).toBe(custom);
    expect(scheduleForYear(2026)).toBe(OFFICIAL_SCHEDULES[2026]);
    expect(scheduleForYear(2025, { 2026: custom })).toBe(OFFICIAL_SCHEDULES[2025]);
    expect(scheduleForYear(2027).status).toBe('estimated');
    expect(() => scheduleForYear(2027, { 2027: custom })).toThrow(/2027/);
  });

  it('adds the pending 24/11 holiday to bundled schedules from the chosen year only', () => {
    const s = scheduleForYear(2026, undefined, { vietnameseCultureDayFrom: 2026 });
    expect(s.status).toBe('official');
    expect(byDate(s, '2026-11-24')?.kind).toBe('holiday');
    expect(s.daysOff).toHaveLength(OFFICIAL_SCHEDULES[2026]!.daysOff.length + 1); // Tuesday: no nghỉ bù
    expect(scheduleForYear(2025, undefined, { vietnameseCultureDayFrom: 2026 })).toBe(OFFICIAL_SCHEDULES[2025]);
    expect(byDate(scheduleForYear(2026, { 2026: custom }, { vietnameseCultureDayFrom: 2026 }), '2026-11-24')).toBeUndefined();
  });
});
