// Rule-based schedules for years without an official notice, and the schedule lookup order.
import { addDays, weekday } from './local-time.ts';
import { lunarToSolar, type SolarDate } from './lunar.ts';
import { HOLIDAY_NAMES, compensatoryName } from './names.ts';
import { OFFICIAL_SCHEDULES } from './official-schedules.ts';
import type { DayOff, LocalDate, LocalizedText, YearSchedule } from './types.ts';

const LC_112 = 'Labor Code 2019 Art. 112(1)';
const LC_111 = 'Labor Code 2019 Art. 111(3)';
const LUNAR = 'Vietnamese lunar calendar (Hồ Ngọc Đức algorithm, UTC+07:00)';
// Pending as of 26/02/2026: policy adopted, the amendment of Art. 112(1) not yet enacted.
const CULTURE_DAY = 'Resolution 80-NQ/TW; Resolution 30/NQ-CP (pending amendment of Labor Code 2019 Art. 112(1))';

export interface EstimateOptions {
  /**
   * The day joined to 02/09 (Labor Code 2019 Art. 112(1): "02/9 and one adjacent day before or
   * after"). The Prime Minister picks it each year (Art. 112(3)); `auto` (default) takes 01/09
   * when 02/09 is a Monday or Tuesday (giving a long weekend), else 03/09.
   */
  nationalDayAdjacent?: 'auto' | 'before' | 'after';
  /**
   * First year in which 24/11 "Ngày Văn hóa Việt Nam" is a paid holiday. Unset (default) = not a
   * holiday: Resolution 80-NQ/TW adopted the policy but Art. 112(1) was not yet amended.
   */
  vietnameseCultureDayFrom?: number;
  /** Weekly days off, 0 = Sunday; default Saturday and Sunday (Decision 188/1999/QĐ-TTg, 40-hour week). */
  weeklyDaysOff?: number[];
}

const WEEKEND = [0, 6];
const iso = (s: SolarDate): LocalDate =>
  `${String(s.year).padStart(4, '0')}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
const holiday = (date: LocalDate, name: LocalizedText, source: string): DayOff => ({ date, name, kind: 'holiday', source });

/**
 * Adds `holidays` to `existing`, with a nghỉ bù for each of them that falls on a weekly day off:
 * the next day that is neither a weekly day off nor already off (Labor Code 2019 Art. 111(3)).
 * Returns all entries sorted by date.
 */
export function withCompensatoryDays(existing: DayOff[], holidays: DayOff[], weeklyDaysOff: number[] = WEEKEND): DayOff[] {
  const result = [...existing, ...holidays];
  const taken = new Set(result.map((d) => d.date));
  const sorted = [...holidays].sort((a, b) => a.date.localeCompare(b.date));
  for (const h of sorted) {
    if (!weeklyDaysOff.includes(weekday(h.date))) continue;
    let d = addDays(h.date, 1);
    while (taken.has(d) || weeklyDaysOff.includes(weekday(d))) d = addDays(d, 1);
    taken.add(d);
    result.push({ date: d, name: compensatoryName(h.name), kind: 'compensatory', source: LC_111 });
  }
  return result.sort((a, b) => a.date.localeCompare(b.date));
}

/** The public holidays of one year by rule (before nghỉ bù). */
function ruleHolidays(year: number, options: EstimateOptions): DayOff[] {
  const y = String(year).padStart(4, '0');
  const n = HOLIDAY_NAMES;
  // Labor Code 2019 Art. 112(1)(b): 5 Tết days, decided each year by the Prime Minister (Art.
  // 112(3)); estimate: the last day of the lunar year (29 or 30 Tết) + 1st–4th of the new year.
  const tet = iso(lunarToSolar(year, 1, 1));
  const tetDays = [-1, 0, 1, 2, 3].map((i) => holiday(addDays(tet, i), n.tet, `${LC_112}; ${LUNAR}`));
  // Labor Code 2019 Art. 112(1): Quốc khánh = 02/09 + one adjacent day.
  const nationalDay = `${y}-09-02`;
  const mode = options.nationalDayAdjacent ?? 'auto';
  const before = mode === 'before' || (mode === 'auto' && [1, 2].includes(weekday(nationalDay)));
  const days = [
    holiday(`${y}-01-01`, n.newYear, LC_112),
    ...tetDays,
    holiday(iso(lunarToSolar(year, 3, 10)), n.hungKings, `${LC_112}; ${LUNAR}`),
    holiday(`${y}-04-30`, n.victory, LC_112),
    holiday(`${y}-05-01`, n.labour, LC_112),
    holiday(addDays(nationalDay, before ? -1 : 1), n.nationalDay, LC_112),
    holiday(nationalDay, n.nationalDay, LC_112),
  ];
  const from = options.vietnameseCultureDayFrom;
  if (from !== undefined && year >= from) days.push(holiday(`${y}-11-24`, n.cultureDay, CULTURE_DAY));
  return days;
}

/**
 * The days off of a year by rule, marked `estimated`: the real Tết days, the day adjacent to
 * 02/09 and any swaps are fixed by each year's Government notice.
 */
export function estimateYearSchedule(year: number, options: EstimateOptions = {}): YearSchedule {
  const daysOff = withCompensatoryDays([], ruleHolidays(year, options), options.weeklyDaysOff ?? WEEKEND);
  return {
    year,
    status: 'estimated',
    daysOff,
    workingWeekendDays: [],
    sources: [...new Set(daysOff.flatMap((d) => d.source.split('; ')))],
  };
}

export type ScheduleOverrides = Map<number, YearSchedule> | Readonly<Record<number, YearSchedule>>;

/**
 * The schedule of a year: an administrator's entry (override) if any, else the bundled official
 * schedule, else the rule-based estimate. `vietnameseCultureDayFrom` also adds 24/11 (with its
 * nghỉ bù) to bundled official schedules of those years, which predate the pending amendment;
 * overrides are taken as entered.
 */
export function scheduleForYear(year: number, overrides: ScheduleOverrides = new Map(), options: EstimateOptions = {}): YearSchedule {
  const override = overrides instanceof Map ? overrides.get(year) : overrides[year];
  if (override) {
    if (override.year !== year) throw new Error(`Override for ${year} is the schedule of ${override.year}`);
    return override;
  }
  const official = OFFICIAL_SCHEDULES[year];
  if (!official) return estimateYearSchedule(year, options);
  const from = options.vietnameseCultureDayFrom;
  if (from === undefined || year < from) return official;
  const cultureDay = holiday(`${year}-11-24`, HOLIDAY_NAMES.cultureDay, CULTURE_DAY);
  return {
    ...official,
    daysOff: withCompensatoryDays(official.daysOff, [cultureDay], options.weeklyDaysOff ?? WEEKEND),
    sources: [...official.sources, CULTURE_DAY],
  };
}
