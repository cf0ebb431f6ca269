// The result code (MaGiayToKetQua, SPEC §3/§6): `<prefix>-<agency e-ID of the issuing unit>-<year>-<sequence>`,
// e.g. `KQ-G22.05-2026-000042`. The year is the issue date's year in Asia/Ho_Chi_Minh; the
// sequence counts per unit and year from 1, at least six digits. The legal form of a result
// number is not prescribed in what we read (UNCONFIRMED): the prefix is a setting
// (RESULT_CODE_PREFIX). The code is unique; it may have gaps (a code taken by an issue that was
// then refused is not reused).

export const RESULT_CODE_PATTERN = /^[A-Z]{1,8}-[0-9A-Z.]{1,35}-\d{4}-\d{6,}$/;

export function formatResultCode(prefix: string, agencyCode: string, year: number, sequence: number): string {
  return `${prefix}-${agencyCode}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The code in its canonical form (trimmed, upper case), or undefined when it is not a result code. */
export function parseResultCode(input: string): string | undefined {
  const code = input.trim().toUpperCase();
  return RESULT_CODE_PATTERN.test(code) ? code : undefined;
}

/** The year of an instant in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export const localYear = (at: Date): number => new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear();
