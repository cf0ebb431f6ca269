import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { addDays, formatLocalIso, localDateTime, toLocalDate } from './local-time.ts';
import { scheduleForYear } from './rules.ts';
import type { TimeUnit, YearSchedule } from './types.ts';
import { DEFAULT_SETTINGS, createWorkingCalendar, parseSessions } from './working-time.ts';

const cal = createWorkingCalendar(DEFAULT_SETTINGS, (year) => scheduleForYear(year));
const at = (local: string) => new Date(`${local}+07:00`);
const fmt = formatLocalIso;
const MIN = 60_000;

describe('isWorkingDay and dayOffInfo', () => {
  it.each([
    ['2026-02-13', true], // Friday before Tết
    ['2026-02-14', false], // Saturday
    ['2026-02-16', false],
    ['2026-02-17', false],
    ['2026-02-18', false],
    ['2026-02-19', false],
    ['2026-02-20', false],
    ['2026-02-23', true],
    ['2026-08-22', true], // working Saturday
    ['2026-08-29', false],
    ['2026-08-31', false], // swapped day off
    ['2026-09-03', true],
    ['2024-05-04', true], // working Saturday
    ['2024-04-29', false], // swapped day off
    ['2024-02-14', false], // nghỉ bù
    ['2024-02-15', true],
    ['2025-04-26', true], // working Saturday
    ['2025-05-02', false], // swapped day off
    ['2026-04-27', false], // nghỉ bù Giỗ Tổ Hùng Vương
    ['2026-04-28', true],
    ['2026-01-01', false],
    ['2026-01-02', true],
    ['2027-02-10', false], // estimated nghỉ bù Tết 2027
    ['2027-02-12', true],
  ])('%s working: %s', (date, working) => {
    expect(cal.isWorkingDay(date)).toBe(working);
  });

  it('describes days off', () => {
    expect(cal.dayOffInfo('2026-02-17')).toMatchObject({ kind: 'holiday', name: { vi: 'Tết Nguyên đán' } });
    expect(cal.dayOffInfo('2024-02-10')).toMatchObject({ kind: 'holiday', name: { vi: 'Tết Nguyên đán' } }); // a Saturday
    expect(cal.dayOffInfo('2026-08-31')).toMatchObject({ kind: 'swap_off', source: 'CV 8764/BNV-CVL 01/10/2025' });
    expect(cal.dayOffInfo('2026-02-14')).toEqual({ date: '2026-02-14', kind: 'weekend' });
    expect(cal.dayOffInfo('2026-08-22')).toBeUndefined();
    expect(cal.dayOffInfo('2026-03-02')).toBeUndefined();
    expect(() => cal.dayOffInfo('2026-02-30')).toThrow(RangeError);
  });
});

describe('normalizeStart', () => {
  it.each([
    ['2026-03-02T06:00', '2026-03-02T07:00:00+07:00'],
    ['2026-03-02T07:00', '2026-03-02T07:00:00+07:00'],
    ['2026-03-02T09:15:30', '2026-03-02T09:15:30+07:00'],
    ['2026-03-02T11:30', '2026-03-02T13:30:00+07:00'], // a session end → next session start
    ['2026-03-02T12:10', '2026-03-02T13:30:00+07:00'], // lunch
    ['2026-03-02T16:59', '2026-03-02T16:59:00+07:00'],
    ['2026-03-02T17:00', '2026-03-03T07:00:00+07:00'],
    ['2026-03-06T18:00', '2026-03-09T07:00:00+07:00'], // Friday evening → Monday
    ['2026-03-07T10:00', '2026-03-09T07:00:00+07:00'], // Saturday
    ['2026-02-13T17:00', '2026-02-23T07:00:00+07:00'], // before Tết 2026
    ['2026-08-21T17:30', '2026-08-22T07:00:00+07:00'], // → working Saturday
  ])('%s → %s', (start, expected) => {
    expect(fmt(cal.normalizeStart(at(start)))).toBe(expected);
  });
});

describe('addWorkingTime', () => {
  it.each([
    // [start (+07:00), amount, unit, due]
    ['2026-03-02T07:00', 1, 'working_days', '2026-03-02T17:00:00+07:00'], // due may equal a session end
    ['2026-03-02T09:00', 1, 'working_days', '2026-03-03T09:00:00+07:00'], // 2.5 + 3.5 h Mon, 2 h Tue
    ['2026-03-02T09:00', 5, 'working_days', '2026-03-09T09:00:00+07:00'], // over a weekend
    ['2026-03-02T07:00', 0.5, 'working_days', '2026-03-02T11:00:00+07:00'],
    // Fri 16:00–17:00 = 1 h; Tết 14–22/02; Mon 23/02 07:00–11:30 (4.5 h) + 13:30–16:00 (2.5 h).
    ['2026-02-13T16:00', 1, 'working_days', '2026-02-23T16:00:00+07:00'],
    // Thu 17:30 → Fri 13/02 07:00; 8 h → Fri 17:00; 8 h more → Mon 23/02 17:00.
    ['2026-02-12T17:30', 2, 'working_days', '2026-02-23T17:00:00+07:00'],
    // Fri 6 h; Sat 27, Sun 28, Mon 29 (swapped), 30/04, 01/05 off; Thu 02/05 2 h.
    ['2024-04-26T09:00', 1, 'working_days', '2024-05-02T09:00:00+07:00'],
    ['2024-05-03T09:00', 1, 'working_days', '2024-05-04T09:00:00+07:00'], // working Saturday
    ['2025-04-25T09:00', 1, 'working_days', '2025-04-26T09:00:00+07:00'], // working Saturday
    ['2025-04-29T09:00', 1, 'working_days', '2025-05-05T09:00:00+07:00'], // 30/04–04/05 off
    ['2026-04-24T09:00', 1, 'working_days', '2026-04-28T09:00:00+07:00'], // Mon 27/04 nghỉ bù
    ['2026-08-21T09:00', 1, 'working_days', '2026-08-22T09:00:00+07:00'], // working Saturday
    ['2026-08-28T09:00', 1, 'working_days', '2026-09-03T09:00:00+07:00'], // 29/08–02/09 off
    ['2025-12-31T09:00', 1, 'working_days', '2026-01-02T09:00:00+07:00'], // across years
    // Thu 31/12 16:00–17:00 = 1 h; 01/01/2027 (estimated) and the weekend off; Mon 04/01 7 h.
    ['2026-12-31T16:00', 1, 'working_days', '2027-01-04T16:00:00+07:00'],
    ['2026-03-02T11:00', 1, 'working_hours', '2026-03-02T14:00:00+07:00'], // over lunch
    ['2026-03-02T07:00', 4.5, 'working_hours', '2026-03-02T11:30:00+07:00'],
    ['2026-03-02T16:30', 1, 'working_hours', '2026-03-03T07:30:00+07:00'],
    ['2026-03-02T07:00', 0.1, 'working_hours', '2026-03-02T07:06:00+07:00'], // 6 min, not 7
    ['2026-03-02T07:00', 0.01, 'working_hours', '2026-03-02T07:01:00+07:00'], // 0.6 min → 1 min
    ['2026-03-02T11:30', 0, 'working_hours', '2026-03-02T13:30:00+07:00'], // 0 → normalizeStart
    ['2026-03-07T10:00', 0, 'working_days', '2026-03-09T07:00:00+07:00'],
    ['2026-02-09T10:00', 5, 'calendar_days', '2026-02-14T10:00:00+07:00'],
    ['2026-03-07T10:00', 0, 'calendar_days', '2026-03-07T10:00:00+07:00'],
  ] as [string, number, TimeUnit, string][])('%s + %s %s = %s', (start, amount, unit, due) => {
    expect(fmt(cal.addWorkingTime(at(start), amount, unit))).toBe(due);
  });

  it.each([
    ['2026-02-09T10:00', 5, '2026-02-23T10:00:00+07:00'], // Sat 14/02 → after Tết
    ['2026-04-22T10:00', 4, '2026-04-28T10:00:00+07:00'], // Sun 26/04 → past nghỉ bù Mon 27/04
    ['2024-04-30T08:00', 4, '2024-05-04T08:00:00+07:00'], // a working Saturday stays
    ['2026-03-02T20:00', 3, '2026-03-05T20:00:00+07:00'], // working day: time of day kept
  ])('calendar days skipping days off: %s + %i = %s', (start, amount, due) => {
    expect(fmt(cal.addWorkingTime(at(start), amount, 'calendar_days', { skipDaysOff: true }))).toBe(due);
  });

  it('rejects invalid amounts, units and dates', () => {
    const start = at('2026-03-02T07:00');
    for (const bad of [-1, NaN, Infinity, -Infinity]) {
      expect(() => cal.addWorkingTime(start, bad, 'working_days')).toThrow(RangeError);
    }
    expect(() => cal.addWorkingTime(start, 1.5, 'calendar_days')).toThrow(RangeError);
    expect(() => cal.addWorkingTime(start, 1, 'weeks' as TimeUnit)).toThrow(RangeError);
    expect(() => cal.addWorkingTime(new Date(NaN), 1, 'working_days')).toThrow(RangeError);
  });

  // How fast belongs in bench/; here only what the answer is.
  it('adds 1000 working days', () => {
    const start = at('2026-03-02T09:00');
    expect(fmt(cal.addWorkingTime(start, 1000, 'working_days'))).toMatch(/^2030-/);
  });
});

describe('workingTimeBetween and daysOffBetween', () => {
  it.each([
    ['2026-03-02T07:00', '2026-03-02T17:00', 480],
    ['2026-03-02T11:00', '2026-03-02T14:00', 60],
    ['2026-03-02T12:00', '2026-03-02T13:00', 0],
    ['2026-02-13T16:00', '2026-02-23T16:00', 480],
    ['2026-03-07T00:00', '2026-03-08T23:59', 0],
    ['2026-03-02T17:00', '2026-03-02T09:00', 0], // b < a
    // 2026: 261 weekdays − 12 weekday days off (01/01, 16–20/02, 27/04, 30/04, 01/05, 31/08, 01/09,
    // 02/09) + 1 working Saturday (22/08) = 250 working days.
    ['2026-01-01T00:00', '2027-01-01T00:00', 250 * 480],
  ])('%s → %s = %i min', (a, b, minutes) => {
    expect(cal.workingTimeBetween(at(a), at(b))).toBe(minutes);
  });

  it('lists the named days off skipped', () => {
    const names = (a: string, b: string) => cal.daysOffBetween(at(a), at(b)).map((d) => `${d.date} ${d.kind}`);
    expect(names('2026-02-13T16:00', '2026-02-23T16:00')).toEqual([
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
    ]);
    expect(names('2024-04-26T09:00', '2024-05-04T09:00')).toEqual(['2024-04-29 swap_off', '2024-04-30 holiday', '2024-05-01 holiday']);
    expect(names('2025-12-31T09:00', '2026-01-02T09:00')).toEqual(['2026-01-01 holiday']);
    expect(names('2026-03-02T09:00', '2026-03-08T09:00')).toEqual([]); // plain weekend
    expect(names('2026-02-23T09:00', '2026-02-13T09:00')).toEqual([]);
  });
});

describe('settings and schedule data', () => {
  it('parses sessions', () => {
    expect(parseSessions('07:00-11:30,13:30-17:00')).toEqual(DEFAULT_SETTINGS.sessions);
    expect(parseSessions(' 08:00 - 12:00 ')).toEqual([{ start: '08:00', end: '12:00' }]);
    expect(() => parseSessions('7:00-11:30')).toThrow(/HH:MM-HH:MM/);
    expect(() => parseSessions('07:00-11:30,11:00-17:00')).toThrow(/overlaps/);
    expect(() => parseSessions('13:30-17:00,07:00-11:30')).toThrow(/overlaps or precedes/);
    expect(() => parseSessions('11:30-07:00')).toThrow(/before it ends/);
    expect(() => parseSessions('07:00-25:00')).toThrow(/Invalid time/);
    expect(() => parseSessions('')).toThrow(/Invalid session/);
  });

  it('validates settings', () => {
    const schedules = (year: number) => scheduleForYear(year);
    expect(() => createWorkingCalendar({ ...DEFAULT_SETTINGS, hoursPerDay: 0 }, schedules)).toThrow(/hoursPerDay/);
    expect(() => createWorkingCalendar({ ...DEFAULT_SETTINGS, weeklyDaysOff: [7] }, schedules)).toThrow(/weeklyDaysOff/);
    expect(() => createWorkingCalendar({ ...DEFAULT_SETTINGS, sessions: [] }, schedules)).toThrow(/session/);
    const empty = (year: number): YearSchedule => ({ year, status: 'estimated', daysOff: [], workingWeekendDays: [], sources: [] });
    const never = createWorkingCalendar({ ...DEFAULT_SETTINGS, weeklyDaysOff: [0, 1, 2, 3, 4, 5, 6] }, empty);
    expect(() => never.normalizeStart(at('2026-03-02T07:00'))).toThrow(/No working day/);
  });

  it('honours other settings: one session, 7.5 h per day, Sunday only off', () => {
    const c = createWorkingCalendar(
      { sessions: parseSessions('08:00-12:00,13:00-16:30'), hoursPerDay: 7.5, weeklyDaysOff: [0] },
      (year) => scheduleForYear(year),
    );
    expect(fmt(c.addWorkingTime(at('2026-03-06T09:00'), 1, 'working_days'))).toBe('2026-03-07T09:00:00+07:00');
    expect(fmt(c.addWorkingTime(at('2026-03-07T12:00'), 0, 'working_days'))).toBe('2026-03-07T13:00:00+07:00');
  });

  it('fetches each year once and rejects inconsistent data', () => {
    const fetch = vi.fn((year: number) => scheduleForYear(year));
    const c = createWorkingCalendar(DEFAULT_SETTINGS, fetch);
    c.addWorkingTime(at('2025-12-01T09:00'), 100, 'working_days');
    c.addWorkingTime(at('2025-12-01T09:00'), 100, 'working_days');
    expect(fetch.mock.calls.map(([y]) => y)).toEqual([2025, 2026]);

    const wrongYear = createWorkingCalendar(DEFAULT_SETTINGS, () => scheduleForYear(2025));
    expect(() => wrongYear.isWorkingDay('2026-01-02')).toThrow(/2026/);
    const stray: YearSchedule = { ...scheduleForYear(2027), daysOff: [{ ...scheduleForYear(2028).daysOff[0]! }] };
    const strayData = createWorkingCalendar(DEFAULT_SETTINGS, (year) => (year === 2027 ? stray : scheduleForYear(year)));
    expect(() => strayData.isWorkingDay('2027-03-01')).toThrow(/outside 2027/);
  });
});

// ---- Properties -------------------------------------------------------------------------------

const FROM = at('2023-11-01T00:00').getTime();
const TO = at('2028-10-01T00:00').getTime();
/** Whole-minute instants, 2023-11 … 2028-09 (official and estimated years). */
const instant = fc.integer({ min: FROM / MIN, max: TO / MIN }).map((m) => new Date(m * MIN));
const minutes = fc.integer({ min: 0, max: 120 * 480 });
const SESSIONS = [
  [7 * 60, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
] as const;

const minuteOfDay = (d: Date) => ((d.getTime() / MIN + 7 * 60) % 1440 + 1440) % 1440;
const addMinutes = (a: Date, n: number) => cal.addWorkingTime(a, n / 60, 'working_hours');

/** Reference implementation: walks minute by minute (used for short amounts only). */
function naiveAdd(a: Date, n: number): Date {
  const inSession = (t: number) => {
    const d = new Date(t);
    const m = minuteOfDay(d);
    return cal.isWorkingDay(toLocalDate(d)) && SESSIONS.some(([s, e]) => m >= s && m < e);
  };
  let t = a.getTime();
  while (!inSession(t)) t += MIN;
  for (let counted = 0; counted < n; t += MIN) if (inSession(t) && ++counted === n) return new Date(t + MIN);
  return new Date(t);
}

describe('properties', () => {
  it('agrees with a minute-by-minute reference', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 3 * 480 }), (a, n) => {
        expect(fmt(addMinutes(a, n))).toBe(fmt(naiveAdd(a, n)));
      }),
      { numRuns: 150 },
    );
  });

  it('a due moment is on a working day, inside a session or at its end', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 120 * 480 }), fc.boolean(), (a, n, days) => {
        const due = days ? cal.addWorkingTime(a, Math.ceil(n / 480), 'working_days') : addMinutes(a, n);
        const m = minuteOfDay(due);
        expect(cal.isWorkingDay(toLocalDate(due))).toBe(true);
        expect(SESSIONS.some(([s, e]) => m > s && m <= e)).toBe(true);
      }),
    );
  });

  it('add(N) then add(M) equals add(N + M) for M ≥ 1 minute', () => {
    fc.assert(
      fc.property(instant, minutes, fc.integer({ min: 1, max: 120 * 480 }), (a0, n, m) => {
        const a = cal.normalizeStart(a0);
        expect(fmt(addMinutes(addMinutes(a, n), m))).toBe(fmt(addMinutes(a, n + m)));
      }),
    );
  });

  it('between(a, add(a, N)) = N', () => {
    fc.assert(
      fc.property(instant, minutes, (a, n) => {
        expect(cal.workingTimeBetween(a, addMinutes(a, n))).toBe(n);
      }),
    );
  });

  it('add(a, between(a, b)) = b for a working moment b ≥ normalizeStart(a)', () => {
    const workingMoment = fc
      .tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom(...SESSIONS), fc.integer({ min: 1, max: 270 }))
      .map(([day, [s, e], k]) => ({ day, minute: Math.min(s + k, e) }));
    fc.assert(
      fc.property(instant, workingMoment, (a, { day, minute }) => {
        const date = addDays(toLocalDate(a), day);
        const b = localDateTime(date, `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
        fc.pre(cal.isWorkingDay(date) && b.getTime() >= cal.normalizeStart(a).getTime());
        expect(fmt(addMinutes(a, cal.workingTimeBetween(a, b)))).toBe(fmt(b));
      }),
    );
  });

  it('is monotonic in the amount', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (a, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(addMinutes(a, lo).getTime()).toBeLessThanOrEqual(addMinutes(a, hi).getTime());
      }),
    );
  });
});
