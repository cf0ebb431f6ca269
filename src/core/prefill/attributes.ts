// Named attributes that e-forms bind to (`"x-prefill": "permanentAddress.provinceCode"`) and that
// the population module fills from the national population database (CSDL quốc gia về dân cư) for
// a logged-in citizen, or the identity module fills from an organization's account. One list, so
// that the catalog validates bindings against exactly what the population module can provide.

export type PrefillValueType = 'string' | 'date' | 'gender' | 'province_code' | 'ward_code' | 'personal_id';

export interface PrefillAttribute {
  /** Dotted path, e.g. `permanentAddress.provinceCode`. */
  name: string;
  type: PrefillValueType;
  label: { vi: string; en: string };
  /** Where the value comes from. */
  source: 'population' | 'organization' | 'account';
  /** Personal data that officers see only when their purpose needs it (masked in lists). */
  sensitive?: boolean;
}

const address = (prefix: string, vi: string, en: string): PrefillAttribute[] => [
  { name: `${prefix}.provinceCode`, type: 'province_code', label: { vi: `${vi} — mã tỉnh/thành phố`, en: `${en} — province code` }, source: 'population' },
  { name: `${prefix}.wardCode`, type: 'ward_code', label: { vi: `${vi} — mã phường/xã`, en: `${en} — ward/commune code` }, source: 'population' },
  { name: `${prefix}.detail`, type: 'string', label: { vi: `${vi} — chi tiết`, en: `${en} — street address` }, source: 'population' },
  { name: `${prefix}.country`, type: 'string', label: { vi: `${vi} — quốc gia`, en: `${en} — country` }, source: 'population' },
  { name: prefix, type: 'string', label: { vi, en: `${en} (full text)` }, source: 'population' },
];

const relative = (prefix: string, vi: string, en: string): PrefillAttribute[] => [
  { name: `${prefix}.fullName`, type: 'string', label: { vi: `Họ và tên ${vi}`, en: `${en}'s full name` }, source: 'population' },
  { name: `${prefix}.personalId`, type: 'personal_id', label: { vi: `Số định danh cá nhân của ${vi}`, en: `${en}'s personal ID number` }, source: 'population', sensitive: true },
  { name: `${prefix}.nationality`, type: 'string', label: { vi: `Quốc tịch của ${vi}`, en: `${en}'s nationality` }, source: 'population' },
];

export const PREFILL_ATTRIBUTES: readonly PrefillAttribute[] = [
  { name: 'personalId', type: 'personal_id', label: { vi: 'Số định danh cá nhân', en: 'Personal ID number' }, source: 'population' },
  { name: 'oldIdNumber', type: 'string', label: { vi: 'Số CMND cũ', en: 'Former identity card number' }, source: 'population', sensitive: true },
  { name: 'fullName', type: 'string', label: { vi: 'Họ và tên', en: 'Full name' }, source: 'population' },
  { name: 'birthDate', type: 'date', label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' }, source: 'population' },
  { name: 'gender', type: 'gender', label: { vi: 'Giới tính', en: 'Gender' }, source: 'population' },
  { name: 'ethnicity', type: 'string', label: { vi: 'Dân tộc', en: 'Ethnicity' }, source: 'population', sensitive: true },
  { name: 'religion', type: 'string', label: { vi: 'Tôn giáo', en: 'Religion' }, source: 'population', sensitive: true },
  { name: 'nationality', type: 'string', label: { vi: 'Quốc tịch', en: 'Nationality' }, source: 'population' },
  { name: 'maritalStatus', type: 'string', label: { vi: 'Tình trạng hôn nhân', en: 'Marital status' }, source: 'population', sensitive: true },
  { name: 'bloodType', type: 'string', label: { vi: 'Nhóm máu', en: 'Blood type' }, source: 'population', sensitive: true },
  ...address('birthRegistrationPlace', 'Nơi đăng ký khai sinh', 'Place of birth registration'),
  ...address('hometown', 'Quê quán', 'Hometown'),
  ...address('permanentAddress', 'Nơi thường trú', 'Permanent residence'),
  ...address('currentAddress', 'Nơi ở hiện tại', 'Current residence'),
  ...relative('father', 'cha', 'Father'),
  ...relative('mother', 'mẹ', 'Mother'),
  ...relative('spouse', 'vợ/chồng', 'Spouse'),
  ...relative('representative', 'người đại diện', 'Legal representative'),
  { name: 'householdHead.fullName', type: 'string', label: { vi: 'Họ và tên chủ hộ', en: 'Household head’s full name' }, source: 'population' },
  { name: 'householdHead.personalId', type: 'personal_id', label: { vi: 'Số định danh cá nhân của chủ hộ', en: 'Household head’s personal ID number' }, source: 'population', sensitive: true },
  { name: 'householdHead.relationship', type: 'string', label: { vi: 'Quan hệ với chủ hộ', en: 'Relationship to the household head' }, source: 'population' },
  { name: 'householdBookNumber', type: 'string', label: { vi: 'Số sổ hộ khẩu', en: 'Household register number' }, source: 'population' },
  // From the login (VNeID claims), not from the population database.
  { name: 'phone', type: 'string', label: { vi: 'Số điện thoại', en: 'Phone number' }, source: 'account' },
  { name: 'email', type: 'string', label: { vi: 'Thư điện tử', en: 'Email' }, source: 'account' },
  // Organization accounts (LoaiTaiKhoan = 2 on the national SSO).
  { name: 'organization.taxCode', type: 'string', label: { vi: 'Mã số thuế / mã số doanh nghiệp', en: 'Tax code' }, source: 'organization' },
  { name: 'organization.name', type: 'string', label: { vi: 'Tên tổ chức, doanh nghiệp', en: 'Organization name' }, source: 'organization' },
  { name: 'organization.address', type: 'string', label: { vi: 'Địa chỉ trụ sở', en: 'Head office address' }, source: 'organization' },
];

export type PrefillAttributeName = string;

const byName = new Map(PREFILL_ATTRIBUTES.map((a) => [a.name, a]));

export function findPrefillAttribute(name: string): PrefillAttribute | undefined {
  return byName.get(name);
}

/** A citizen's or organization's values, keyed by attribute name (flat, dotted keys). */
export type PrefillValues = Partial<Record<PrefillAttributeName, string>>;
