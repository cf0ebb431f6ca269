// Birth-registration place codes: the first three digits (PPP) of the personal identification
// number (số định danh cá nhân). Data only, no I/O.
//
// Source: Decree 137/2015/NĐ-CP Art. 7 (structure: "mã tỉnh… hoặc mã quốc gia nơi công dân
// đăng ký khai sinh"), carried over by Law on Identification 2023 Art. 12 and Decree
// 70/2024/NĐ-CP; the code list is the 63-province table as transcribed in public code (domain
// spec §4.1, source S23). The codes identify the place where the birth was registered and do NOT
// change with the 2025 province mergers, so the pre-2025 names are kept on purpose.

/** A three-digit birth-registration place code, e.g. `'001'`. */
export type PlaceCode = string;

/**
 * The 63 pre-2025 province codes with their Vietnamese names, spelled as in the domain spec
 * (including its mixed "Hoà Bình" / "Thanh Hóa" tone-mark placement). Codes not in this table
 * (e.g. '003') are not province codes.
 */
export const PROVINCE_CODES: Readonly<Record<PlaceCode, string>> = Object.freeze({
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hoà Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa – Vũng Tàu',
  '079': 'TP. Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
});

/**
 * Country codes for citizens whose birth was registered abroad ("mã quốc gia nơi công dân đăng ký
 * khai sinh", Decree 137/2015/NĐ-CP Art. 7).
 *
 * UNCONFIRMED: the list of country codes was not available in any source read for the domain
 * spec, so this table ships EMPTY. Numbers with a country code are therefore rejected as
 * `unknown_province` unless the code is supplied either
 *   - here, once the official list is confirmed (add `'NNN': 'Tên quốc gia'` entries), or
 *   - at run time from configuration, through the `extraCodes` option of `checkPersonalId`
 *     (validated with `validateExtraCodes`).
 * Country codes must not reuse a province code.
 */
export const COUNTRY_CODES: Readonly<Record<PlaceCode, string>> = Object.freeze({});

/** What a birth-registration place code stands for. */
export interface BirthRegistrationPlace {
  code: PlaceCode;
  name: string;
  kind: 'province' | 'country';
}

const PLACE_CODE_PATTERN = /^[0-9]{3}$/;

/**
 * Problems in a table of extra (country) codes, as human-readable English strings; empty when
 * the table is usable. A key must be three ASCII digits, must not be a province code, and its
 * name must be a non-empty string.
 */
export function validateExtraCodes(extraCodes: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const [code, name] of Object.entries(extraCodes)) {
    if (!PLACE_CODE_PATTERN.test(code)) {
      problems.push(`Extra code '${code}' is not three digits.`);
    } else if (Object.hasOwn(PROVINCE_CODES, code)) {
      problems.push(`Extra code '${code}' is already the province code of ${PROVINCE_CODES[code]}.`);
    }
    if (typeof name !== 'string' || name.trim() === '') {
      problems.push(`Extra code '${code}' has no name.`);
    }
  }
  return problems;
}

/**
 * Looks up a birth-registration place code in the province table, then the country table, then
 * `extraCodes` (country codes from configuration). Returns undefined for an unknown code.
 * Does not validate `extraCodes`; see `validateExtraCodes`.
 */
export function lookupBirthRegistrationPlace(
  code: string,
  extraCodes: Readonly<Record<string, string>> = {},
): BirthRegistrationPlace | undefined {
  if (Object.hasOwn(PROVINCE_CODES, code)) {
    return { code, name: PROVINCE_CODES[code] as string, kind: 'province' };
  }
  if (Object.hasOwn(COUNTRY_CODES, code)) {
    return { code, name: COUNTRY_CODES[code] as string, kind: 'country' };
  }
  if (Object.hasOwn(extraCodes, code)) {
    return { code, name: extraCodes[code] as string, kind: 'country' };
  }
  return undefined;
}
