// Data tables of the synthetic population: names, provinces, ethnic groups, religions, streets.
// Weights are approximate shares used to make the synthetic population look like Vietnam's; they
// are not statistics to quote. Codes that the emulator puts on the wire (ethnic group, religion,
// marital status) are documented with their source, or marked UNCONFIRMED.

/** A value with a relative weight (any positive number; only ratios matter). */
export type Weighted<T> = readonly [T, number];

/**
 * Surnames (họ) with approximate shares in percent of the population, as commonly cited:
 * Nguyễn ~38 %, Trần ~11 %, Lê ~9.5 %, Phạm ~7 %, Hoàng/Huỳnh ~5 % (Huỳnh is the southern
 * pronunciation), Phan ~4.5 %, Vũ/Võ ~4 % (Võ southern), Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý and a
 * long tail.
 */
export const SURNAMES: readonly Weighted<string>[] = [
  ['Nguyễn', 38.4],
  ['Trần', 11.0],
  ['Lê', 9.5],
  ['Phạm', 7.0],
  ['Hoàng', 3.0],
  ['Huỳnh', 2.1],
  ['Phan', 4.5],
  ['Vũ', 2.0],
  ['Võ', 1.9],
  ['Đặng', 2.1],
  ['Bùi', 2.0],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1.0],
  ['Lý', 0.5],
  ['Đào', 0.5],
  ['Đoàn', 0.5],
  ['Trương', 0.5],
  ['Trịnh', 0.4],
  ['Đinh', 0.4],
  ['Lâm', 0.4],
  ['Mai', 0.4],
  ['Lương', 0.3],
  ['Phùng', 0.3],
  ['Hà', 0.3],
  ['Tạ', 0.2],
  ['Cao', 0.3],
  ['Lưu', 0.2],
  ['Tô', 0.2],
  ['Châu', 0.2],
  ['Kiều', 0.1],
  ['Quách', 0.1],
  ['Triệu', 0.2],
  ['Chu', 0.2],
  ['Thái', 0.1],
  ['Vương', 0.1],
  ['La', 0.1],
];

/** Middle names (tên đệm). `Văn` and `Thị` dominate older generations. */
export const MIDDLE_NAMES_MALE_TRADITIONAL: readonly Weighted<string>[] = [['Văn', 70], ['Đức', 8], ['Hữu', 7], ['Đình', 6], ['Công', 5], ['Xuân', 4]];
export const MIDDLE_NAMES_MALE_MODERN: readonly Weighted<string>[] = [
  ['Văn', 12], ['Minh', 14], ['Đức', 10], ['Quang', 9], ['Hoàng', 7], ['Gia', 8], ['Anh', 7], ['Tuấn', 5],
  ['Thành', 5], ['Ngọc', 4], ['Bảo', 6], ['Trọng', 4], ['Mạnh', 3], ['Hữu', 3], ['Công', 3], ['Xuân', 2],
];
export const MIDDLE_NAMES_FEMALE_TRADITIONAL: readonly Weighted<string>[] = [['Thị', 82], ['Ngọc', 5], ['Thu', 5], ['Thanh', 4], ['Kim', 4]];
export const MIDDLE_NAMES_FEMALE_MODERN: readonly Weighted<string>[] = [
  ['Thị', 18], ['Ngọc', 12], ['Thu', 8], ['Thanh', 8], ['Thùy', 7], ['Phương', 6], ['Minh', 6], ['Khánh', 6],
  ['Bảo', 6], ['Hồng', 5], ['Mai', 4], ['Kim', 4], ['Diệu', 3], ['Hoài', 3], ['Quỳnh', 4],
];

export const GIVEN_NAMES_MALE: readonly string[] = [
  'An', 'Anh', 'Bảo', 'Bình', 'Chiến', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Định', 'Đông', 'Đức', 'Giang', 'Hải',
  'Hào', 'Hậu', 'Hiếu', 'Hòa', 'Hoàng', 'Hùng', 'Huy', 'Hưng', 'Khang', 'Khánh', 'Khoa', 'Kiên', 'Lâm',
  'Lộc', 'Lợi', 'Long', 'Luân', 'Minh', 'Nam', 'Nghĩa', 'Nhân', 'Phát', 'Phong', 'Phúc', 'Quân', 'Quang',
  'Quý', 'Sơn', 'Tài', 'Tâm', 'Thái', 'Thắng', 'Thành', 'Thiện', 'Thịnh', 'Tiến', 'Toàn', 'Trí', 'Trung',
  'Trường', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Vượng',
];

export const GIVEN_NAMES_FEMALE: readonly string[] = [
  'An', 'Anh', 'Bích', 'Châu', 'Chi', 'Diệp', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa',
  'Hồng', 'Huệ', 'Huyền', 'Hương', 'Lan', 'Liên', 'Linh', 'Loan', 'Ly', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc',
  'Nhi', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Quỳnh', 'Tâm', 'Thảo', 'Thoa', 'Thu', 'Thủy', 'Thư', 'Trang',
  'Trâm', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến', 'Hậu',
];

/**
 * Province weights for the synthetic population: population in thousands, rounded, after the
 * 2019 Population and Housing Census (approximate). Keys are the three-digit codes of
 * `src/core/identifiers/provinces.ts`; the two-digit administrative code (GSO, Decision
 * 124/2004/QĐ-TTg) is the same number without the leading zero.
 */
export const PROVINCE_WEIGHTS: Readonly<Record<string, number>> = {
  '001': 8054, '002': 855, '004': 530, '006': 314, '008': 785, '010': 731, '011': 599, '012': 461,
  '014': 1249, '015': 822, '017': 855, '019': 1287, '020': 782, '022': 1321, '024': 1804, '025': 1464,
  '026': 1155, '027': 1369, '030': 1892, '031': 2028, '033': 1253, '034': 1860, '035': 852, '036': 1780,
  '037': 982, '038': 3640, '040': 3327, '042': 1289, '044': 896, '045': 633, '046': 1129, '048': 1135,
  '049': 1496, '051': 1232, '052': 1487, '054': 873, '056': 1232, '058': 591, '060': 1231, '062': 541,
  '064': 1514, '066': 1869, '067': 623, '068': 1297, '070': 995, '072': 1169, '074': 2456, '075': 3097,
  '077': 1149, '079': 8993, '080': 1689, '082': 1765, '083': 1289, '084': 1009, '086': 1023, '087': 1600,
  '089': 1908, '091': 1723, '092': 1236, '093': 734, '094': 1200, '095': 907, '096': 1194,
};

/** Centrally-run cities: mostly urban (quận, phường). */
export const CENTRAL_CITIES: ReadonlySet<string> = new Set(['001', '031', '048', '079', '092']);

/** Where people who live away from their permanent residence mostly live now. */
export const MIGRATION_DESTINATIONS: readonly Weighted<string>[] = [
  ['079', 40], ['001', 25], ['074', 12], ['075', 8], ['048', 6], ['027', 5], ['092', 4],
];

/** Provinces of the South, where rural hamlets are `ấp` rather than `thôn`/`xóm`. */
export function isSouthern(provinceCode3: string): boolean {
  return Number(provinceCode3) >= 70 || provinceCode3 === '068' || provinceCode3 === '062' || provinceCode3 === '064' || provinceCode3 === '066' || provinceCode3 === '067';
}

/**
 * Ethnic groups: [code, name, weight]. Codes of the list of Vietnam's ethnic groups (Danh mục các
 * dân tộc Việt Nam, Decision 121-TCTK/PPCĐ of 02/3/1979, General Statistics Office); the
 * population database is assumed to carry this two-digit code in `DanToc` (UNCONFIRMED). Weights:
 * shares of the 2019 census, approximate, with the smaller groups folded into a tail.
 */
export const ETHNIC_GROUPS: readonly (readonly [string, string, number])[] = [
  ['01', 'Kinh', 85.3],
  ['02', 'Tày', 1.9],
  ['03', 'Thái', 1.9],
  ['04', 'Hoa', 0.8],
  ['05', 'Khmer', 1.4],
  ['06', 'Mường', 1.5],
  ['07', 'Nùng', 1.1],
  ['08', 'Mông', 1.5],
  ['09', 'Dao', 0.9],
  ['10', 'Gia Rai', 0.5],
  ['12', 'Ê Đê', 0.4],
  ['13', 'Ba Na', 0.3],
  ['14', 'Xơ Đăng', 0.2],
  ['15', 'Sán Chay', 0.2],
  ['16', 'Cơ Ho', 0.2],
  ['17', 'Chăm', 0.2],
  ['18', 'Sán Dìu', 0.2],
];

/**
 * Religions: [code, name, weight]. UNCONFIRMED codes (no published code list of the population
 * database was read); `00` = none. Weights: approximate shares of the 2019 census.
 */
export const RELIGIONS: readonly (readonly [string, string, number])[] = [
  ['00', 'Không', 86.3],
  ['01', 'Phật giáo', 4.8],
  ['02', 'Công giáo', 6.1],
  ['03', 'Tin lành', 1.0],
  ['04', 'Cao Đài', 0.6],
  ['05', 'Phật giáo Hòa Hảo', 1.0],
  ['06', 'Hồi giáo', 0.1],
];

/** Blood groups (ABO) with approximate shares in Vietnam; many records have none. */
export const BLOOD_TYPES: readonly Weighted<string | null>[] = [
  ['O', 29], ['B', 21], ['A', 15], ['AB', 4], [null, 31],
];

/** Streets named after historical figures and events: found in most Vietnamese towns. */
export const STREETS: readonly string[] = [
  'Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Trãi', 'Hai Bà Trưng', 'Quang Trung', 'Lý Thường Kiệt', 'Nguyễn Huệ',
  'Hùng Vương', 'Lê Duẩn', 'Điện Biên Phủ', 'Phan Đình Phùng', 'Hoàng Văn Thụ', 'Nguyễn Du', 'Bà Triệu',
  'Trần Phú', 'Lê Hồng Phong', 'Nguyễn Thị Minh Khai', 'Võ Thị Sáu', 'Phan Chu Trinh', 'Phan Bội Châu',
  'Ngô Quyền', 'Lý Thái Tổ', 'Trần Quang Khải', 'Nguyễn Văn Cừ', 'Lê Thánh Tông', 'Tôn Đức Thắng',
  'Nguyễn Công Trứ', 'Chu Văn An', 'Nguyễn Chí Thanh', 'Cách Mạng Tháng Tám', 'Lạc Long Quân', 'Âu Cơ',
  'Nguyễn Đình Chiểu', 'Pasteur', 'Yersin', 'Đinh Tiên Hoàng', 'Trường Chinh', 'Hàm Nghi', 'Lê Lai', 'Mạc Đĩnh Chi',
];

/** Two-syllable place names used for synthetic districts, wards and hamlets. */
export const PLACE_NAMES: readonly string[] = [
  'An Bình', 'An Phú', 'Tân Phú', 'Tân Lập', 'Tân Hòa', 'Hòa Bình', 'Hòa Lạc', 'Đông Hưng', 'Đông Hòa',
  'Tây Sơn', 'Nam Thành', 'Bắc Sơn', 'Phú Mỹ', 'Phú Lợi', 'Phú Thịnh', 'Thanh Xuân', 'Thanh Bình', 'Xuân Phương',
  'Xuân Lộc', 'Vĩnh Phúc', 'Vĩnh Thạnh', 'Long Hưng', 'Long Thành', 'Mỹ Đình', 'Mỹ Phước', 'Quang Trung',
  'Minh Khai', 'Hưng Thịnh', 'Phước Long', 'Thuận An', 'Bình Minh', 'Bình Thạnh', 'Hiệp Hòa', 'Đại Đồng',
  'Yên Hòa', 'Yên Thế', 'Kim Liên', 'Cẩm Thạch', 'Hồng Phong', 'Trung Hòa', 'Đồng Tâm', 'Quyết Thắng',
  'Tiên Phong', 'Nghĩa Tân', 'Hương Sơn', 'Lạc Hồng', 'Thạch Bàn', 'Gia Thụy', 'Ngọc Lâm', 'Phúc Xá',
];

/** Mobile number prefixes of Vietnamese operators (after the 2018 renumbering). */
export const PHONE_PREFIXES: readonly string[] = [
  '086', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039',
  '088', '091', '094', '081', '082', '083', '084', '085',
  '089', '090', '093', '070', '076', '077', '078', '079',
  '092', '056', '058', '099', '059',
];
