// Dates and times in Vietnam time (Asia/Ho_Chi_Minh, UTC+07:00 all year, no daylight saving),
// computed by hand so that the result never depends on the browser's own time zone.
import type { TFunction } from 'i18next';

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number;
  weekday: number; // 0 = Sunday
}

export interface CivilMoment extends CivilDate {
  hour: number;
  minute: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The moment in Vietnam wall-clock time, or undefined when the text is not a date-time. */
export function vnMoment(iso: string): CivilMoment | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const d = new Date(ms + VN_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** A local calendar date `YYYY-MM-DD`, or undefined. */
export function civilDate(text: string): CivilDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined;
  return { year, month, day, weekday: d.getUTCDay() };
}

/** Now in Vietnam time as a `datetime-local` value (`YYYY-MM-DDTHH:mm`). */
export function vnNowInputValue(now: number = Date.now()): string {
  const d = new Date(now + VN_OFFSET_MS);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  );
}

/** A `datetime-local` value read as Vietnam time: ISO 8601 with `+07:00`, or undefined. */
export function inputValueToIso(value: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(\.\d+)?$/.exec(value.trim());
  if (!m) return undefined;
  return `${m[1]}T${m[2]}${m[3] ?? ':00'}+07:00`;
}

function formatDate(t: TFunction, date: CivilDate): string {
  return t('datetime.date', {
    d: String(date.day),
    dd: pad(date.day),
    mm: pad(date.month),
    month: t(`datetime.month.${date.month}`),
    yyyy: String(date.year),
  });
}

/** "thứ Hai, 16/02/2026" / "Monday, 16 February 2026". */
export function formatDay(t: TFunction, date: CivilDate): string {
  return t('datetime.day', { weekday: t(`datetime.weekday.${date.weekday}`), date: formatDate(t, date) });
}

/** "16:00, thứ Hai, 23/02/2026" / "16:00, Monday, 23 February 2026". */
export function formatMoment(t: TFunction, moment: CivilMoment): string {
  return t('datetime.moment', {
    time: `${pad(moment.hour)}:${pad(moment.minute)}`,
    weekday: t(`datetime.weekday.${moment.weekday}`),
    date: formatDate(t, moment),
  });
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `1985-03-12` → `12/03/1985` (vi) or `12 March 1985` (en); the text itself when not a date. */
export function formatCivilDate(t: TFunction, text: string): string {
  const d = civilDate(text);
  if (!d) return text;
  return t('datetime.date', {
    d: String(d.day),
    dd: pad2(d.day),
    mm: pad2(d.month),
    month: t(`datetime.month.${d.month}`),
    yyyy: String(d.year),
  });
}
