// Rate limits and quotas of consumer systems: a fixed window per minute and a quota per day, the
// day being the ministry's (Asia/Ho_Chi_Minh, a fixed UTC+07:00 offset). Pure arithmetic.
const HCM_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** The local day (YYYY-MM-DD, Asia/Ho_Chi_Minh) of an instant. */
export function localDay(at: Date): string {
  return new Date(at.getTime() + HCM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole seconds until the next local midnight (at least 1). */
export function secondsUntilNextDay(at: Date): number {
  const local = at.getTime() + HCM_OFFSET_MS;
  const next = Math.floor(local / DAY_MS + 1) * DAY_MS;
  return Math.max(1, Math.ceil((next - local) / 1000));
}

/** The minute window an instant falls in (ms since the epoch of its start) and the seconds left in it. */
export function minuteWindow(at: Date): { start: number; retryAfter: number } {
  const start = Math.floor(at.getTime() / 60_000) * 60_000;
  return { start, retryAfter: Math.max(1, Math.ceil((start + 60_000 - at.getTime()) / 1000)) };
}

export type LimitDecision = { allowed: true } | { allowed: false; limit: 'minute' | 'day'; retryAfter: number };

/**
 * Whether one more call fits: `usedMinute` calls in the current minute window and `usedDay` today,
 * under `perMinute` and `perDay` (null: no limit).
 */
export function decideLimit(at: Date, used: { minute: number; day: number }, limits: { perMinute: number | null; perDay: number | null }): LimitDecision {
  if (limits.perDay !== null && used.day >= limits.perDay) return { allowed: false, limit: 'day', retryAfter: secondsUntilNextDay(at) };
  if (limits.perMinute !== null && used.minute >= limits.perMinute) return { allowed: false, limit: 'minute', retryAfter: minuteWindow(at).retryAfter };
  return { allowed: true };
}
