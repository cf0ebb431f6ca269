// From an OpenID Connect provider's claims to a motcua account. The claim names are
// configuration (OIDC_CLAIM_MAP): the national SSO's by default (SPEC §4.3), any other provider's
// (`name`, `personal_id`, ...) by environment variables only.
import { checkPersonalId } from '../../../core/identifiers/index.ts';

export const CLAIM_FIELDS = [
  'personalId',
  'fullName',
  'birthDate',
  'gender',
  'permanentAddress',
  'currentAddress',
  'phone',
  'email',
  'accountType',
  'taxCode',
  'organizationName',
  'techId',
] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];
export type ClaimMap = Record<ClaimField, string>;

/** The national SSO's claim names (SPEC §4.3, as consumed by a production one-stop system). */
export const NATIONAL_CLAIM_MAP: ClaimMap = {
  personalId: 'SoDinhDanh',
  fullName: 'HoVaTen',
  birthDate: 'NgayThangNamSinh',
  gender: 'GioiTinh',
  permanentAddress: 'ThuongTru',
  currentAddress: 'NoiOHienNay',
  phone: 'SoDienThoai',
  email: 'ThuDienTu',
  accountType: 'LoaiTaiKhoan',
  taxCode: 'MaSoThue',
  organizationName: 'TenDoanhNghiep',
  techId: 'TechID',
};

/** OIDC_CLAIM_MAP over the national names; unknown motcua fields are a configuration error. */
export function claimMapFrom(overrides: Record<string, string> | undefined): ClaimMap {
  const unknown = Object.keys(overrides ?? {}).filter((k) => !(CLAIM_FIELDS as readonly string[]).includes(k));
  if (unknown.length) throw new Error(`OIDC_CLAIM_MAP: unknown field(s) ${unknown.join(', ')}; known: ${CLAIM_FIELDS.join(', ')}`);
  return { ...NATIONAL_CLAIM_MAP, ...overrides };
}

export interface SsoProfile {
  birthDate?: string;
  gender?: 'male' | 'female';
  permanentAddress?: string;
  currentAddress?: string;
  /** Organizations: the person who logged in for it (legal representative). */
  representative?: { fullName?: string; personalId?: string };
}

export type MappedIdentity =
  | { kind: 'citizen'; personalId: string; fullName: string; phone: string | null; email: string | null; techId: string | null; profile: SsoProfile }
  | { kind: 'organization'; taxCode: string; fullName: string; phone: string | null; email: string | null; techId: string | null; profile: SsoProfile };

export class ClaimError extends Error {}

const text = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
};

/** yyyyMMdd, dd/MM/yyyy or yyyy-MM-dd → yyyy-MM-dd. */
export function normalizeDate(value: unknown): string | undefined {
  const s = text(value);
  if (!s) return undefined;
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  return undefined;
}

/** 1 / "Nam" / "male" → male; 2 / "Nữ" / "female" → female. */
export function normalizeGender(value: unknown): 'male' | 'female' | undefined {
  const s = text(value)?.toLowerCase().normalize('NFC');
  if (s === '1' || s === 'nam' || s === 'male') return 'male';
  if (s === '2' || s === 'nữ' || s === 'nu' || s === 'female') return 'female';
  return undefined;
}

const TAX_CODE = /^\d{10}(-\d{3})?$/;
const PHONE = /^\+?[0-9 .()-]{6,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Maps userinfo (merged over ID token claims) to an identity; throws ClaimError when unusable. */
export function mapClaims(claims: Record<string, unknown>, map: ClaimMap): MappedIdentity {
  const get = (field: ClaimField) => text(claims[map[field]]);
  const phone = get('phone');
  const email = get('email');
  const common = {
    phone: phone && PHONE.test(phone) ? phone : null,
    email: email && EMAIL.test(email) ? email.slice(0, 254) : null,
    techId: get('techId')?.slice(0, 100) ?? null,
  };
  const profile: SsoProfile = {
    ...(normalizeDate(claims[map.birthDate]) ? { birthDate: normalizeDate(claims[map.birthDate]) } : {}),
    ...(normalizeGender(claims[map.gender]) ? { gender: normalizeGender(claims[map.gender]) } : {}),
    ...(get('permanentAddress') ? { permanentAddress: get('permanentAddress')!.slice(0, 500) } : {}),
    ...(get('currentAddress') ? { currentAddress: get('currentAddress')!.slice(0, 500) } : {}),
  };
  // SPEC §4.3: LoaiTaiKhoan "2" is an organization (username = MaSoThue).
  if (get('accountType') === '2') {
    const taxCode = get('taxCode');
    if (!taxCode || !TAX_CODE.test(taxCode)) throw new ClaimError(`no valid tax code in claim ${map.taxCode}`);
    const name = get('organizationName') ?? get('fullName');
    if (!name) throw new ClaimError(`no organization name in claim ${map.organizationName}`);
    return {
      kind: 'organization',
      taxCode,
      fullName: name.slice(0, 300),
      ...common,
      profile: { ...profile, representative: { fullName: get('fullName'), personalId: get('personalId') } },
    };
  }
  const personalId = get('personalId');
  const checked = personalId ? checkPersonalId(personalId) : undefined;
  if (!personalId || !checked?.valid || checked.kind !== 'personal_id') {
    throw new ClaimError(`no valid 12-digit personal identification number in claim ${map.personalId}`);
  }
  const fullName = get('fullName');
  if (!fullName) throw new ClaimError(`no name in claim ${map.fullName}`);
  return { kind: 'citizen', personalId, fullName: fullName.slice(0, 200), ...common, profile };
}
