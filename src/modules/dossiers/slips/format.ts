// How slips write dates, times, money and text. Every instant is shown in Asia/Ho_Chi_Minh.
import { VN_OFFSET_MS } from '../../../core/calendar/local-time.ts';

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function localParts(iso: string): LocalParts {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid instant "${iso}" (expected ISO 8601)`);
  // UTC+07:00 all year (no daylight saving since 1975), so shifting and reading UTC is exact.
  const local = new Date(ms + VN_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

/**
 * "Hà Nội, ngày 05 tháng 3 năm 2026". Decree 30/2020 Appendix I: "Đối với những số chỉ ngày nhỏ
 * hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước", so days 1–9 and months 1–2 take a zero.
 */
export function placeAndDate(place: string, iso: string): string {
  const { year, month, day } = localParts(iso);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `${place}, ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** "02/03/2026". */
export function shortDate(iso: string): string {
  const { year, month, day } = localParts(iso);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** "09 giờ 00 phút, ngày 02/03/2026", as the receipt writes times. */
export function timeAndDate(iso: string): string {
  const { hour, minute } = localParts(iso);
  return `${pad2(hour)} giờ ${pad2(minute)} phút, ngày ${shortDate(iso)}`;
}

/** "09:00 02/03/2026", for table cells. */
export function compactDateTime(iso: string): string {
  const { hour, minute } = localParts(iso);
  return `${pad2(hour)}:${pad2(minute)} ${shortDate(iso)}`;
}

/** Integer VND with Vietnamese digit grouping: "1.250.000 đồng". */
export function vnd(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Money is integer VND, got ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${digits} đồng`;
}

/** Two-digit counts as the forms write them: "01", "02", … "12". */
export const count2 = (n: number): string => pad2(n);

/**
 * A copy of a plain value with every string in Unicode NFC: decomposed input (NFD, as some
 * keyboards and macOS file names produce) would otherwise embed and extract as base letters plus
 * loose combining marks.
 */
export function normalizeStrings<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v: unknown) => normalizeStrings(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalizeStrings(v);
    return out as T;
  }
  return value;
}
