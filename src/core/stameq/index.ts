// Rules of the standards, metrology and quality databases. Pure functions, no I/O.
//
// - A verification certificate (chứng chỉ kiểm định: certificate and stamp) of a Group 2 measuring
//   instrument is valid for at most the instrument type's verification cycle (chu kỳ kiểm định)
//   from the day of verification, and only when the instrument passed (Law on Metrology 2011
//   Art. 16(1)(c) and 17; Circular 24/2013/TT-BKHCN Art. 6 and 10 as amended by Circular
//   07/2019/TT-BKHCN). An instrument that failed gets no stamp validity.
// - The certificate stops being valid after its "valid until" day (local dates, Asia/Ho_Chi_Minh).
// - A conformity assessment body's registration is effective while active and not past its
//   validity (Decree 107/2016/NĐ-CP Art. 18, as amended by Decree 154/2018/NĐ-CP).
import { dayNumber, fromDayNumber, toLocalDate } from '../calendar/local-time.ts';

export const BODY_KINDS = ['certification', 'testing', 'inspection', 'verification'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const BODY_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type BodyStatus = (typeof BODY_STATUSES)[number];
export const VERIFICATION_RESULTS = ['pass', 'fail'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];
export const CERTIFICATE_STATUSES = ['valid', 'suspended', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export const ANNOUNCEMENT_KINDS = ['standard', 'regulation'] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];

/** Fields (lĩnh vực) a body's registration covers. */
export const BODY_FIELDS = ['metrology', 'electrical', 'construction', 'food', 'chemicals', 'consumer-goods', 'mechanical', 'environment', 'management-systems'] as const;
export type BodyField = (typeof BODY_FIELDS)[number];

/** The day a date plus `months` calendar months falls on (the last day of a shorter month). */
export function addMonths(date: string, months: number): string {
  dayNumber(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The latest "valid until" a verification may carry: the day before the same date one cycle later
 * (a verification on 2026-03-15 with a 12-month cycle is valid through 2027-03-14). UNCONFIRMED:
 * whether the stamp's last day is the anniversary itself or the day before; the day before is
 * what the published stamps show.
 */
export function maxValidUntil(verifiedOn: string, cycleMonths: number): string {
  return fromDayNumber(dayNumber(addMonths(verifiedOn, cycleMonths)) - 1);
}

export type ValidityProblem = 'fail_has_validity' | 'pass_needs_validity' | 'not_after_verification' | 'beyond_cycle' | 'in_future';

/** What is wrong with a verification's dates and result, or undefined. `today` is a local date. */
export function verificationProblem(input: { result: VerificationResult; verifiedOn: string; validUntil: string | null; cycleMonths: number; today: string }): ValidityProblem | undefined {
  if (dayNumber(input.verifiedOn) > dayNumber(input.today)) return 'in_future';
  if (input.result === 'fail') return input.validUntil === null ? undefined : 'fail_has_validity';
  if (input.validUntil === null) return 'pass_needs_validity';
  if (dayNumber(input.validUntil) <= dayNumber(input.verifiedOn)) return 'not_after_verification';
  if (dayNumber(input.validUntil) > dayNumber(maxValidUntil(input.verifiedOn, input.cycleMonths))) return 'beyond_cycle';
  return undefined;
}

export type VerificationStatus = 'valid' | 'expired' | 'failed';

/** Whether a verification stands on a local date: passed and not past its last valid day. */
export function verificationStatus(result: VerificationResult, validUntil: string | null, today: string): VerificationStatus {
  if (result === 'fail' || validUntil === null) return 'failed';
  return dayNumber(validUntil) >= dayNumber(today) ? 'valid' : 'expired';
}

export type BodyEffect = 'effective' | 'expired' | 'suspended' | 'revoked';

/** Whether a body's registration is in effect on a local date. */
export function bodyEffect(status: BodyStatus, validUntil: string | null, today: string): BodyEffect {
  if (status !== 'active') return status;
  return validUntil !== null && dayNumber(validUntil) < dayNumber(today) ? 'expired' : 'effective';
}

/** Today in Asia/Ho_Chi_Minh. */
export const localToday = (now: Date = new Date()): string => toLocalDate(now);

/** The standard a conformity announcement applies matches its kind: TCVN for hợp chuẩn, QCVN for hợp quy (Circular 28/2012/TT-BKHCN Art. 3). */
export function standardFitsKind(kind: AnnouncementKind, standardCode: string): boolean {
  const code = standardCode.trim().toUpperCase();
  return kind === 'regulation' ? code.startsWith('QCVN') : /^(TCVN|ISO|IEC|EN|ASTM|JIS|TCCS)\b/.test(code);
}
