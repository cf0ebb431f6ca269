// Meaning of the codes the population database sends. The codes themselves are UNCONFIRMED (no
// published specification of the service was read, SPEC §4.4): these tables are data, and a value
// that is not a known code is kept as sent (a deployment may send names rather than codes).

/** GioiTinh: 1 = Nam, 2 = Nữ (UNCONFIRMED); names accepted too. */
export function genderOf(code: string | null): 'male' | 'female' | null {
  if (code === null) return null;
  const v = code.trim().toLocaleLowerCase('vi');
  if (v === '1' || v === 'nam' || v === 'male') return 'male';
  if (v === '2' || v === 'nữ' || v === 'nu' || v === 'female') return 'female';
  return null;
}

/** DanToc: two-digit codes of Decision 121-TCTK/PPCĐ (Danh mục các dân tộc Việt Nam, GSO). */
export const ETHNICITY_NAMES: Readonly<Record<string, string>> = {
  '01': 'Kinh', '02': 'Tày', '03': 'Thái', '04': 'Hoa', '05': 'Khmer', '06': 'Mường', '07': 'Nùng',
  '08': 'Mông', '09': 'Dao', '10': 'Gia Rai', '11': 'Ngái', '12': 'Ê Đê', '13': 'Ba Na', '14': 'Xơ Đăng',
  '15': 'Sán Chay', '16': 'Cơ Ho', '17': 'Chăm', '18': 'Sán Dìu', '19': 'Hrê', '20': 'Mnông',
  '21': 'Ra Glai', '22': 'Xtiêng', '23': 'Bru - Vân Kiều', '24': 'Thổ', '25': 'Giáy', '26': 'Cơ Tu',
  '27': 'Gié Triêng', '28': 'Mạ', '29': 'Khơ Mú', '30': 'Co', '31': 'Tà Ôi', '32': 'Chơ Ro', '33': 'Kháng',
  '34': 'Xinh Mun', '35': 'Hà Nhì', '36': 'Chu Ru', '37': 'Lào', '38': 'La Chí', '39': 'La Ha', '40': 'Phù Lá',
  '41': 'La Hủ', '42': 'Lự', '43': 'Lô Lô', '44': 'Chứt', '45': 'Mảng', '46': 'Pà Thẻn', '47': 'Cơ Lao',
  '48': 'Cống', '49': 'Bố Y', '50': 'Si La', '51': 'Pu Péo', '52': 'Brâu', '53': 'Ơ Đu', '54': 'Rơ Măm',
};

/** TonGiao: UNCONFIRMED codes, 00 = none. */
export const RELIGION_NAMES: Readonly<Record<string, string>> = {
  '00': 'Không', '01': 'Phật giáo', '02': 'Công giáo', '03': 'Tin lành', '04': 'Cao Đài',
  '05': 'Phật giáo Hòa Hảo', '06': 'Hồi giáo',
};

/** TinhTrangHonNhan: UNCONFIRMED codes. */
export const MARITAL_STATUS_NAMES: Readonly<Record<string, string>> = {
  '1': 'Chưa kết hôn', '2': 'Đã kết hôn', '3': 'Đã ly hôn', '4': 'Góa',
};

/** QuocTich / QuocGia: ISO 3166-1 alpha-2 codes as sent. */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  VN: 'Việt Nam', LA: 'Lào', KH: 'Campuchia', CN: 'Trung Quốc', US: 'Hoa Kỳ', FR: 'Pháp', JP: 'Nhật Bản', KR: 'Hàn Quốc',
};

const named = (table: Readonly<Record<string, string>>) => (code: string | null) =>
  code === null ? null : (table[code.trim()] ?? code.trim());

export const ethnicityName = named(ETHNICITY_NAMES);
export const religionName = named(RELIGION_NAMES);
export const maritalStatusName = named(MARITAL_STATUS_NAMES);
export const countryName = (code: string | null) => (code === null ? null : (COUNTRY_NAMES[code.trim().toUpperCase()] ?? code.trim()));
