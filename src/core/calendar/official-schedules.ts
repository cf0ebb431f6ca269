// Official days off for civil servants (công chức, viên chức), 2024–2026.
// Sources: a fixed-date holiday cites Labor Code 2019 Art. 112(1) and a nghỉ bù that follows
// directly from Art. 111(3) cites that article; days chosen by the Government (the Tết days and
// their nghỉ bù, the day adjacent to 02/09, swapped days off, working Saturdays) cite the notice.
// Weekly days off (Saturday, Sunday) are listed only when they are themselves holidays.
import { HOLIDAY_NAMES, compensatoryName, swapOffName, type HolidayKey } from './names.ts';
import type { DayOff, DayOffKind, LocalDate, WorkingWeekendDay, YearSchedule } from './types.ts';

const LC_112 = 'Labor Code 2019 Art. 112(1)';
const LC_111 = 'Labor Code 2019 Art. 111(3)';
// 2024 rows without a notice number: the schedule is known from press reports of the notice.
const TET_2024 = 'Notice on Tết 2024 for civil servants (reported by sucsongtre.vn)';
const NATIONAL_DAY_2024 = 'Notice on Quốc khánh 2024 for civil servants (reported by sucsongtre.vn, btv.org.vn)';
const SWAP_2024 = 'CV 2450/VPCP-KGVX, 12/4/2024';
const TB_6150 = 'TB 6150/TB-BLĐTBXH';
const NOTICES_2025 = 'TB 6150/TB-BLĐTBXH; CV 8726/VPCP-KGVX 26/11/2024';
const TET_2026 = 'TB 9441/TB-BNV; CV 9859/VPCP-KGVX (2025)';
const SWAP_2026 = 'CV 8764/BNV-CVL 01/10/2025';

type Row = [date: LocalDate, kind: DayOffKind, holiday: HolidayKey, source: string];

function entry([date, kind, holiday, source]: Row): DayOff {
  const base = HOLIDAY_NAMES[holiday];
  const name = kind === 'holiday' ? base : kind === 'compensatory' ? compensatoryName(base) : swapOffName(base);
  return { date, name: { ...name }, kind, source };
}

function schedule(year: number, rows: Row[], workingWeekendDays: WorkingWeekendDay[]): YearSchedule {
  const daysOff = rows.map(entry);
  const sources = [...new Set([...daysOff, ...workingWeekendDays].map((d) => d.source))];
  return deepFreeze({ year, status: 'official', daysOff, workingWeekendDays, sources });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const S2024 = schedule(
  2024,
  [
    ['2024-01-01', 'holiday', 'newYear', LC_112],
    // Tết: Thu 08/02 – Wed 14/02 = 5 Tết days (08–12, incl. Sat 10 and Sun 11) + 2 nghỉ bù.
    ['2024-02-08', 'holiday', 'tet', TET_2024],
    ['2024-02-09', 'holiday', 'tet', TET_2024],
    ['2024-02-10', 'holiday', 'tet', TET_2024],
    ['2024-02-11', 'holiday', 'tet', TET_2024],
    ['2024-02-12', 'holiday', 'tet', TET_2024],
    ['2024-02-13', 'compensatory', 'tet', TET_2024],
    ['2024-02-14', 'compensatory', 'tet', TET_2024],
    // 10/3 lunar = Thu 18/04/2024 (lunar converter); no notice text was read for this day.
    ['2024-04-18', 'holiday', 'hungKings', LC_112],
    // Sat 27/04 – Wed 01/05; Mon 29/04 swapped for Sat 04/05.
    ['2024-04-29', 'swap_off', 'victory', SWAP_2024],
    ['2024-04-30', 'holiday', 'victory', LC_112],
    ['2024-05-01', 'holiday', 'labour', LC_112],
    // Sat 31/08 – Tue 03/09: 02/09 and the adjacent day 03/09.
    ['2024-09-02', 'holiday', 'nationalDay', LC_112],
    ['2024-09-03', 'holiday', 'nationalDay', NATIONAL_DAY_2024],
  ],
  [{ date: '2024-05-04', replaces: '2024-04-29', source: SWAP_2024 }],
);

const S2025 = schedule(
  2025,
  [
    ['2025-01-01', 'holiday', 'newYear', LC_112],
    // Sat 25/01 – Sun 02/02: the 5 Tết days are Mon 27/01 – Fri 31/01, plus 4 weekend days.
    ['2025-01-27', 'holiday', 'tet', NOTICES_2025],
    ['2025-01-28', 'holiday', 'tet', NOTICES_2025],
    ['2025-01-29', 'holiday', 'tet', NOTICES_2025],
    ['2025-01-30', 'holiday', 'tet', NOTICES_2025],
    ['2025-01-31', 'holiday', 'tet', NOTICES_2025],
    ['2025-04-07', 'holiday', 'hungKings', LC_112],
    // Wed 30/04 – Sun 04/05; Fri 02/05 swapped for Sat 26/04.
    ['2025-04-30', 'holiday', 'victory', LC_112],
    ['2025-05-01', 'holiday', 'labour', LC_112],
    ['2025-05-02', 'swap_off', 'labour', TB_6150],
    // Sat 30/08 – Tue 02/09: the adjacent day is Mon 01/09.
    ['2025-09-01', 'holiday', 'nationalDay', NOTICES_2025],
    ['2025-09-02', 'holiday', 'nationalDay', LC_112],
  ],
  [{ date: '2025-04-26', replaces: '2025-05-02', source: TB_6150 }],
);

const S2026 = schedule(
  2026,
  [
    ['2026-01-01', 'holiday', 'newYear', LC_112],
    // Sat 14/02 – Sun 22/02: the 5 Tết days are Mon 16/02 – Fri 20/02, plus 4 weekend days.
    ['2026-02-16', 'holiday', 'tet', TET_2026],
    ['2026-02-17', 'holiday', 'tet', TET_2026],
    ['2026-02-18', 'holiday', 'tet', TET_2026],
    ['2026-02-19', 'holiday', 'tet', TET_2026],
    ['2026-02-20', 'holiday', 'tet', TET_2026],
    // 10/3 lunar falls on Sun 26/04: nghỉ bù on Mon 27/04.
    ['2026-04-26', 'holiday', 'hungKings', LC_112],
    ['2026-04-27', 'compensatory', 'hungKings', LC_111],
    ['2026-04-30', 'holiday', 'victory', LC_112],
    ['2026-05-01', 'holiday', 'labour', LC_112],
    // Sat 29/08 – Wed 02/09: holidays 01/09 and 02/09; Mon 31/08 swapped for Sat 22/08.
    ['2026-08-31', 'swap_off', 'nationalDay', SWAP_2026],
    ['2026-09-01', 'holiday', 'nationalDay', SWAP_2026],
    ['2026-09-02', 'holiday', 'nationalDay', LC_112],
  ],
  [{ date: '2026-08-22', replaces: '2026-08-31', source: SWAP_2026 }],
);

/** The bundled official schedules, by year (frozen). */
export const OFFICIAL_SCHEDULES: Readonly<Record<number, YearSchedule>> = Object.freeze({
  2024: S2024,
  2025: S2025,
  2026: S2026,
});
