import { describe, expect, it } from 'vitest';
import { decideLimit, localDay, minuteWindow, secondsUntilNextDay } from './limits.ts';

describe('the ministry day and the windows', () => {
  it.each([
    ['2026-03-01T16:59:59Z', '2026-03-01', 1],
    ['2026-03-01T17:00:00Z', '2026-03-02', 86_400],
    ['2026-03-01T05:00:00Z', '2026-03-01', 43_200],
  ])('%s is local day %s, %i s before the next', (at, day, left) => {
    expect(localDay(new Date(at))).toBe(day);
    expect(secondsUntilNextDay(new Date(at))).toBe(left);
  });

  it('a minute window starts on the minute', () => {
    expect(minuteWindow(new Date('2026-03-01T05:00:42.500Z'))).toEqual({ start: Date.parse('2026-03-01T05:00:00Z'), retryAfter: 18 });
  });
});

describe('decideLimit', () => {
  const at = new Date('2026-03-01T05:00:42Z');
  it.each([
    [{ minute: 9, day: 99 }, { perMinute: 10, perDay: 100 }, { allowed: true }],
    [{ minute: 10, day: 50 }, { perMinute: 10, perDay: 100 }, { allowed: false, limit: 'minute', retryAfter: 18 }],
    [{ minute: 0, day: 100 }, { perMinute: 10, perDay: 100 }, { allowed: false, limit: 'day', retryAfter: 43_158 }],
    [{ minute: 10_000, day: 10_000 }, { perMinute: null, perDay: null }, { allowed: true }],
  ])('used %o under %o', (used, limits, decision) => {
    expect(decideLimit(at, used, limits)).toEqual(decision);
  });
});
