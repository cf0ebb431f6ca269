import { describe, expect, it } from 'vitest';
import { addDays, formatLocalIso, localDateTime, toLocalDate, weekday } from './local-time.ts';

describe('local time (UTC+07:00)', () => {
  it.each([
    ['2026-02-23T09:00:00Z', '2026-02-23T16:00:00+07:00', '2026-02-23'],
    ['2026-02-23T17:00:00Z', '2026-02-24T00:00:00+07:00', '2026-02-24'],
    ['2026-02-23T16:59:59.5Z', '2026-02-23T23:59:59.500+07:00', '2026-02-23'],
    ['2025-12-31T17:30:00Z', '2026-01-01T00:30:00+07:00', '2026-01-01'],
  ])('%s → %s', (utc, local, date) => {
    expect(formatLocalIso(new Date(utc))).toBe(local);
    expect(toLocalDate(new Date(utc))).toBe(date);
  });

  it('builds instants from a local date and time', () => {
    expect(localDateTime('2026-02-23', '16:00').toISOString()).toBe('2026-02-23T09:00:00.000Z');
    expect(localDateTime('2026-01-01', '00:00').toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(() => localDateTime('2026-02-30', '07:00')).toThrow(RangeError);
    expect(() => localDateTime('2026-02-23', '7:00')).toThrow(/HH:MM/);
    expect(() => localDateTime('2026-02-23', '07:60')).toThrow(/HH:MM/);
  });

  it('adds days and gives weekdays', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(weekday('2026-02-17')).toBe(2); // Tuesday
    expect(weekday('2026-08-22')).toBe(6); // Saturday
    expect(weekday('1970-01-01')).toBe(4); // Thursday
    expect(weekday('1969-12-28')).toBe(0); // Sunday
  });

  it('rejects invalid dates', () => {
    expect(() => toLocalDate(new Date('nope'))).toThrow(RangeError);
    expect(() => formatLocalIso(new Date(NaN))).toThrow(RangeError);
    expect(() => weekday('2026-2-1')).toThrow(RangeError);
  });
});
