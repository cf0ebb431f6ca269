// Personal identification number (số định danh cá nhân, 12 digits) and the legacy identity card
// number (CMND, 9 digits). Pure functions, no I/O.
//
// Law on Identification 2023 Art. 12: a 12-digit natural number set by the National Population
// Database. Decree 137/2015/NĐ-CP Art. 7: "6 số là mã thế kỷ sinh, mã giới tính, mã năm sinh…
// mã tỉnh… hoặc mã quốc gia nơi công dân đăng ký khai sinh và 6 số là khoảng số ngẫu nhiên".
// Layout PPP G YY SSSSSS (domain spec §4.1):
//   PPP    birth-registration province or country code (provinces.ts);
//   G      century-gender digit (Circular 07/2016/TT-BCA);
//   YY     last two digits of the birth year;
//   SSSSSS random. There is NO checksum and NO month/day in the number, so none is checked
//          or decoded here (public code that claims either contradicts the decree's wording).

import { lookupBirthRegistrationPlace, validateExtraCodes } from './provinces.ts';
import { vnDateParts } from './vn-time.ts';

export type Gender = 'male' | 'female';

/** A decoded 12-digit personal identification number. */
export interface PersonalIdValid {
  valid: true;
  kind: 'personal_id';
  /** Birth-registration place code (PPP): a province code, or a country code when registered abroad. */
  province: string;
  /** Vietnamese name of the province (or country) of `province`. */
  provinceName: string;
  gender: Gender;
  birthYear: number;
  /** Present (and true) only when `province` is a country code, i.e. the birth was registered abroad. */
  registeredAbroad?: true;
}

/** A 9-digit legacy identity card number (chứng minh nhân dân). Recognised, not decoded. */
export interface CmndValid {
  valid: true;
  kind: 'cmnd';
}

export type PersonalIdErrorCode =
  | 'empty'
  | 'not_digits'
  | 'wrong_length'
  | 'unknown_province'
  | 'future_birth_year';

export interface PersonalIdInvalid {
  valid: false;
  code: PersonalIdErrorCode;
  /** English explanation naming the offending part of the input. */
  reason: string;
}

export type PersonalIdResult = PersonalIdValid | CmndValid | PersonalIdInvalid;

export interface CheckPersonalIdOptions {
  /** The current instant; the current year is taken in Asia/Ho_Chi_Minh. Default `new Date()`. */
  now?: Date;
  /**
   * Extra birth-registration codes (country codes for births registered abroad) from
   * configuration, `{ 'NNN': 'Tên quốc gia' }`. UNCONFIRMED list; see `COUNTRY_CODES`.
   * A malformed table (key not three digits, key reusing a province code, empty name) throws a
   * RangeError, because it is a configuration error rather than bad input.
   */
  extraCodes?: Record<string, string>;
}

/** Generic bilingual messages per error code, for display (the result's `reason` is more specific). */
export const reasonMessages: Readonly<Record<PersonalIdErrorCode, { vi: string; en: string }>> = Object.freeze({
  empty: {
    vi: 'Chưa nhập số định danh cá nhân hoặc số chứng minh nhân dân.',
    en: 'No personal identification number or identity card number was entered.',
  },
  not_digits: {
    vi: 'Số định danh cá nhân chỉ được gồm các chữ số 0–9.',
    en: 'The identification number may contain only the digits 0–9.',
  },
  wrong_length: {
    vi: 'Số định danh cá nhân phải gồm 12 chữ số (số chứng minh nhân dân cũ gồm 9 chữ số).',
    en: 'A personal identification number has 12 digits (a legacy identity card number has 9).',
  },
  unknown_province: {
    vi: 'Ba chữ số đầu không phải là mã tỉnh hoặc mã quốc gia nơi đăng ký khai sinh.',
    en: 'The first three digits are not a known province or country code of birth registration.',
  },
  future_birth_year: {
    vi: 'Năm sinh suy ra từ số định danh cá nhân lớn hơn năm hiện tại.',
    en: 'The birth year encoded in the number is after the current year.',
  },
});

/**
 * Meaning of the century-gender digit G (Circular 07/2016/TT-BCA, as encoded in public code;
 * domain spec §4.1 — carried over by later circulars, UNCONFIRMED for Circular 59/2021/TT-BCA):
 * 0/1 → 1900s male/female, 2/3 → 2000s, 4/5 → 2100s, 6/7 → 2200s, 8/9 → 2300s.
 * Returns the gender and the first year of the birth century (1900 + 100·⌊G/2⌋).
 */
export function decodeCenturyGender(digit: number): { gender: Gender; centuryStartYear: number } {
  if (!Number.isInteger(digit) || digit < 0 || digit > 9) {
    throw new RangeError(`Century-gender digit must be an integer 0–9, got ${digit}`);
  }
  return {
    gender: digit % 2 === 0 ? 'male' : 'female',
    centuryStartYear: 1900 + 100 * Math.floor(digit / 2),
  };
}

const DIGITS = /^[0-9]+$/;

function invalid(code: PersonalIdErrorCode, reason: string): PersonalIdInvalid {
  return { valid: false, code, reason };
}

/**
 * Checks a personal identification number (12 digits) or a legacy CMND (9 digits).
 *
 * Surrounding whitespace is trimmed; any other non-digit character (inner spaces, dashes,
 * letters, non-ASCII digits) makes the input invalid. A 12-digit number is valid when its first
 * three digits are a known birth-registration code and the encoded birth year is not after the
 * current year in Asia/Ho_Chi_Minh (the only coherence check the law allows, domain spec §10.6).
 *
 * Throws RangeError only for bad options (invalid `now`, malformed `extraCodes`).
 */
export function checkPersonalId(input: string, opts: CheckPersonalIdOptions = {}): PersonalIdResult {
  const extraCodes = opts.extraCodes ?? {};
  const problems = validateExtraCodes(extraCodes);
  if (problems.length > 0) throw new RangeError(`Invalid extraCodes: ${problems.join(' ')}`);
  const currentYear = vnDateParts(opts.now ?? new Date()).year;

  const value = typeof input === 'string' ? input.trim() : '';
  if (value === '') return invalid('empty', 'The input is empty.');
  if (!DIGITS.test(value)) {
    return invalid('not_digits', 'The input contains characters other than the digits 0–9.');
  }
  // Law on Identification 2023 Art. 12 (12 digits); legacy CMND has 9 digits (domain spec §10.6).
  if (value.length === 9) return { valid: true, kind: 'cmnd' };
  if (value.length !== 12) {
    return invalid(
      'wrong_length',
      `Expected 12 digits (or 9 for a legacy identity card number), got ${value.length}.`,
    );
  }

  const placeCode = value.slice(0, 3);
  const place = lookupBirthRegistrationPlace(placeCode, extraCodes);
  if (place === undefined) {
    return invalid(
      'unknown_province',
      `'${placeCode}' is not a known province or country code of birth registration.`,
    );
  }

  const { gender, centuryStartYear } = decodeCenturyGender(Number(value[3]));
  const birthYear = centuryStartYear + Number(value.slice(4, 6));
  if (birthYear > currentYear) {
    return invalid(
      'future_birth_year',
      `The encoded birth year ${birthYear} is after the current year ${currentYear}.`,
    );
  }

  // Property order is part of the JSON contract: valid, kind, province, provinceName, gender, birthYear.
  const result: PersonalIdValid = {
    valid: true,
    kind: 'personal_id',
    province: place.code,
    provinceName: place.name,
    gender,
    birthYear,
  };
  if (place.kind === 'country') result.registeredAbroad = true;
  return result;
}

/**
 * `LoaiDinhDanh` of the DVCQG sync field `DinhDanhCHS[{LoaiDinhDanh, SoDinhDanh}]`
 * (domain spec §4.1 and §10.1, vendor practice S10): 1 = 12-digit number, 2 = 9-digit CMND.
 */
export const LoaiDinhDanh = Object.freeze({ SoDinhDanh12: 1, CMND9: 2 } as const);
export type LoaiDinhDanh = (typeof LoaiDinhDanh)[keyof typeof LoaiDinhDanh];

/** The `LoaiDinhDanh` code of a recognised number kind. */
export function loaiDinhDanhOf(kind: PersonalIdValid['kind'] | CmndValid['kind']): LoaiDinhDanh {
  return kind === 'personal_id' ? LoaiDinhDanh.SoDinhDanh12 : LoaiDinhDanh.CMND9;
}
