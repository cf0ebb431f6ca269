import { describe, expect, it } from 'vitest';
import { CalendarRangeError, SUPPORTED_YEARS, isSupportedYear } from './range.ts';
import { solarToLunar } from './lunar.ts';
import { scheduleForYear } from './rules.ts';
import { DEFAULT_SETTINGS, createWorkingCalendar } from './working-time.ts';

const calendar = () => createWorkingCalendar(DEFAULT_SETTINGS, (year) => scheduleForYear(year));

describe('the supported years', () => {
  it('are those of the lunar tables, 1800–2199', () => {
    expect(SUPPORTED_YEARS).toEqual({ min: 1800, max: 2199 });
    expect([1799, 1800, 2199, 2200, 2026.5].map(isSupportedYear)).toEqual([false, true, true, false, false]);
  });

  it('the lunar conversion throws the typed error outside them', () => {
    expect(() => solarToLunar(1799, 12, 31)).toThrow(CalendarRangeError);
    expect(() => solarToLunar(2200, 1, 1)).toThrow(RangeError);
  });

  it('a deadline that runs past them throws CalendarRangeError naming the year, not a lunar failure', () => {
    let caught: unknown;
    try {
      calendar().addWorkingTime(new Date('2199-12-31T10:30:00Z'), 1, 'working_days');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalendarRangeError);
    expect((caught as CalendarRangeError).year).toBe(2200);
    expect(() => calendar().normalizeStart(new Date('1799-12-31T02:00:00Z'))).toThrow(CalendarRangeError);
  });

  it('inside them the same computation answers', () => {
    expect(calendar().addWorkingTime(new Date('2199-12-30T02:00:00Z'), 1, 'working_hours').toISOString()).toBe('2199-12-30T03:00:00.000Z');
  });
});
