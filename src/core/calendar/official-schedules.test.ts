import { describe, expect, it } from 'vitest';
import { addDays, weekday } from './local-time.ts';
import { OFFICIAL_SCHEDULES } from './official-schedules.ts';
import type { DayOffKind } from './types.ts';

const ALL = Object.values(OFFICIAL_SCHEDULES);
const entry = (date: string) => OFFICIAL_SCHEDULES[Number(date.slice(0, 4))]?.daysOff.find((d) => d.date === date);

/** Every calendar day of an inclusive range that is off (a listed day off or an unlisted weekend day). */
function offRange(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days.filter((d) => entry(d) || [0, 6].includes(weekday(d)));
}

describe('official schedules 2024–2026', () => {
  it('covers 2024, 2025 and 2026 as official schedules with sourced entries', () => {
    expect(ALL.map((s) => [s.year, s.status])).toEqual([
      [2024, 'official'],
      [2025, 'official'],
      [2026, 'official'],
    ]);
    for (const s of ALL) {
      for (const d of [...s.daysOff, ...s.workingWeekendDays]) {
        expect(d.date.startsWith(`${s.year}-`)).toBe(true);
        expect(d.source.length).toBeGreaterThan(5);
        expect(s.sources).toContain(d.source);
      }
      const dates = s.daysOff.map((d) => d.date);
      expect(new Set(dates).size).toBe(dates.length);
      expect([...dates].sort()).toEqual(dates);
    }
  });

  it.each([
    // [date, kind, Vietnamese name]
    ['2024-01-01', 'holiday', 'Tết Dương lịch'],
    ['2024-02-08', 'holiday', 'Tết Nguyên đán'],
    ['2024-02-12', 'holiday', 'Tết Nguyên đán'],
    ['2024-02-13', 'compensatory', 'Nghỉ bù Tết Nguyên đán'],
    ['2024-02-14', 'compensatory', 'Nghỉ bù Tết Nguyên đán'],
    ['2024-04-18', 'holiday', 'Giỗ Tổ Hùng Vương'],
    ['2024-04-29', 'swap_off', 'Nghỉ hoán đổi dịp Ngày Chiến thắng'],
    ['2024-04-30', 'holiday', 'Ngày Chiến thắng'],
    ['2024-05-01', 'holiday', 'Ngày Quốc tế Lao động'],
    ['2024-09-02', 'holiday', 'Quốc khánh'],
    ['2024-09-03', 'holiday', 'Quốc khánh'],
    ['2025-01-01', 'holiday', 'Tết Dương lịch'],
    ['2025-01-27', 'holiday', 'Tết Nguyên đán'],
    ['2025-01-31', 'holiday', 'Tết Nguyên đán'],
    ['2025-04-07', 'holiday', 'Giỗ Tổ Hùng Vương'],
    ['2025-05-02', 'swap_off', 'Nghỉ hoán đổi dịp Ngày Quốc tế Lao động'],
    ['2025-09-01', 'holiday', 'Quốc khánh'],
    ['2026-01-01', 'holiday', 'Tết Dương lịch'],
    ['2026-02-16', 'holiday', 'Tết Nguyên đán'],
    ['2026-02-20', 'holiday', 'Tết Nguyên đán'],
    ['2026-04-26', 'holiday', 'Giỗ Tổ Hùng Vương'],
    ['2026-04-27', 'compensatory', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
    ['2026-04-30', 'holiday', 'Ngày Chiến thắng'],
    ['2026-05-01', 'holiday', 'Ngày Quốc tế Lao động'],
    ['2026-08-31', 'swap_off', 'Nghỉ hoán đổi dịp Quốc khánh'],
    ['2026-09-01', 'holiday', 'Quốc khánh'],
    ['2026-09-02', 'holiday', 'Quốc khánh'],
  ] as [string, DayOffKind, string][])('%s is %s (%s)', (date, kind, vi) => {
    const e = entry(date);
    expect(e?.kind).toBe(kind);
    expect(e?.name.vi).toBe(vi);
    expect(e?.name.en.length).toBeGreaterThan(3);
  });

  it('cites the Government notices', () => {
    expect(entry('2026-02-17')?.source).toBe('TB 9441/TB-BNV; CV 9859/VPCP-KGVX (2025)');
    expect(entry('2024-04-29')?.source).toBe('CV 2450/VPCP-KGVX, 12/4/2024');
    expect(entry('2026-08-31')?.source).toBe('CV 8764/BNV-CVL 01/10/2025');
    expect(entry('2025-01-29')?.source).toBe('TB 6150/TB-BLĐTBXH; CV 8726/VPCP-KGVX 26/11/2024');
    expect(entry('2026-01-01')?.source).toBe('Labor Code 2019 Art. 112(1)');
    expect(entry('2026-04-27')?.source).toBe('Labor Code 2019 Art. 111(3)');
  });

  it('lists the working Saturdays and the days they replace', () => {
    expect(ALL.flatMap((s) => s.workingWeekendDays.map((w) => [w.date, w.replaces]))).toEqual([
      ['2024-05-04', '2024-04-29'],
      ['2025-04-26', '2025-05-02'],
      ['2026-08-22', '2026-08-31'],
    ]);
    for (const s of ALL) for (const w of s.workingWeekendDays) expect(entry(w.replaces!)?.kind).toBe('swap_off');
  });

  it.each([
    // The continuous breaks announced for civil servants: every day of the range is off.
    ['2024-02-08', '2024-02-14', 7],
    ['2024-04-27', '2024-05-01', 5],
    ['2024-08-31', '2024-09-03', 4],
    ['2025-01-25', '2025-02-02', 9],
    ['2025-04-30', '2025-05-04', 5],
    ['2025-08-30', '2025-09-02', 4],
    ['2026-02-14', '2026-02-22', 9],
    ['2026-04-25', '2026-04-27', 3],
    ['2026-04-30', '2026-05-03', 4],
    ['2026-08-29', '2026-09-02', 5],
  ])('%s – %s: %i days off in a row', (from, to, days) => {
    expect(offRange(from, to)).toHaveLength(days);
    // …and the days around the break are working days.
    expect(offRange(addDays(from, -1), addDays(from, -1))).toEqual([]);
    expect(offRange(addDays(to, 1), addDays(to, 1))).toEqual([]);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(OFFICIAL_SCHEDULES[2026]?.daysOff[0])).toBe(true);
  });
});
