// Who can log in at the SSO emulator: synthetic citizens (from the population database emulator)
// and synthetic organizations, each turned into the claims of the national SSO (SPEC §4.3).
// Vietnamese claim names live only here and in the emulator's pages: they are the wire format.
import { createHash } from 'node:crypto';
import { lookupBirthRegistrationPlace } from '../../core/identifiers/index.ts';
import type { SyntheticAddress, SyntheticCitizen } from '../population/types.ts';

/** e-ID assurance level (Decree 69/2024/NĐ-CP Art. 7; `acr` of the national SSO). */
export type Acr = 'LoA1' | 'LoA2';
export const ACR_RANK: Readonly<Record<Acr, number>> = { LoA1: 1, LoA2: 2 };
export const isAcr = (value: unknown): value is Acr => value === 'LoA1' || value === 'LoA2';

export interface SsoSubject {
  /** Stable key of the login form: `c:<personal id>`, `o:<tax code>` or any opaque string. */
  key: string;
  /** OIDC subject (`sub`); for the national profile the TechID. */
  sub: string;
  kind: 'person' | 'organization';
  displayName: string;
  /** One line under the name on the login page. */
  description: string;
  /** The highest level this account can log in at. */
  maxAcr: Acr;
  /** Userinfo claims, `sub` excluded. */
  claims: Record<string, unknown>;
}

export interface SubjectDirectory {
  /** Subjects matching an ID number, tax code or (part of a) name; the first ones when `query` is empty. */
  search(query: string, kind: SsoSubject['kind'], limit: number): Promise<SsoSubject[]>;
  findByKey(key: string): Promise<SsoSubject | undefined>;
}

// ---- citizens ----

/** Where citizens come from: the population emulator's generator or store, or a fixed list. */
export interface CitizenSource {
  search(query: string, limit: number): Promise<SyntheticCitizen[]>;
  findByPersonalId(personalId: string): Promise<SyntheticCitizen | undefined>;
}

/** Lower-case, without diacritics (đ → d): "Nguyễn" matches "nguyen". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}

function matches(citizen: SyntheticCitizen, query: string): boolean {
  if (query === '') return true;
  if (/^\d+$/.test(query)) return citizen.personalId.startsWith(query);
  return foldVietnamese(citizen.fullName).includes(foldVietnamese(query));
}

/** Citizens held in memory (a fixed list, or the first N generated ones). */
export function inMemoryCitizenSource(load: () => SyntheticCitizen[]): CitizenSource {
  let citizens: SyntheticCitizen[] | undefined;
  let byId: Map<string, SyntheticCitizen> | undefined;
  const all = () => {
    if (!citizens) {
      citizens = load();
      byId = new Map(citizens.map((c) => [c.personalId, c]));
    }
    return { citizens, byId: byId! };
  };
  return {
    async search(query, limit) {
      const out: SyntheticCitizen[] = [];
      for (const c of all().citizens) {
        if (matches(c, query.trim())) out.push(c);
        if (out.length >= limit) break;
      }
      return out;
    },
    async findByPersonalId(personalId) {
      return all().byId.get(personalId);
    },
  };
}

/** A deterministic UUID-shaped TechID for an ID number (the national SSO's TechID is opaque). */
export function techIdOf(kind: 'c' | 'o', id: string): string {
  const h = createHash('sha256').update(`vneid-emulator:${kind}:${id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const GENDER_CODE = { male: 1, female: 2 } as const; // 1 Nam, 2 Nữ (UNCONFIRMED coding of the SSO)

/** One line: the part below the province, then the province (named from its code). */
function addressText(a: SyntheticAddress): string {
  const province = lookupBirthRegistrationPlace(a.provinceCode.padStart(3, '0'))?.name;
  return province && a.country === 'VN' ? `${a.detail}, ${province}` : a.detail;
}
/** yyyyMMdd, as the population database's NgayThangNam (SPEC §4.4). */
const compactDate = (iso: string) => iso.replaceAll('-', '');

function ageOn(birthDate: string, now: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const today = { y: now.getUTCFullYear(), m: now.getUTCMonth() + 1, d: now.getUTCDate() };
  return today.y - y - (today.m < m || (today.m === m && today.d < d) ? 1 : 0);
}

/**
 * Highest level of a citizen's e-ID account (Decree 69/2024/NĐ-CP Art. 7): children under 6
 * get level 1 only; older citizens may hold level 2 (the emulator assumes they do).
 */
export function maxAcrOf(citizen: Pick<SyntheticCitizen, 'birthDate'>, now = new Date()): Acr {
  return ageOn(citizen.birthDate, now) < 6 ? 'LoA1' : 'LoA2';
}

/** The userinfo claims of the national SSO for a citizen (SPEC §4.3 names). */
export function citizenClaims(c: SyntheticCitizen): Record<string, unknown> {
  return {
    LoaiTaiKhoan: '1',
    SoDinhDanh: c.personalId,
    SoCMND: c.oldIdNumber,
    HoVaTen: c.fullName,
    NgayThangNamSinh: compactDate(c.birthDate),
    GioiTinh: GENDER_CODE[c.gender],
    DanToc: c.ethnicity,
    TonGiao: c.religion,
    QuocTich: c.nationality,
    NoiDangKyKhaiSinh: addressText(c.birthRegistrationPlace),
    QueQuan: addressText(c.hometown),
    ThuongTru: addressText(c.permanentAddress),
    NoiOHienNay: addressText(c.currentAddress),
    SoDienThoai: c.phone,
    ThuDienTu: c.email,
    TechID: techIdOf('c', c.personalId),
  };
}

export function citizenSubject(c: SyntheticCitizen, now = new Date()): SsoSubject {
  const [y, m, d] = c.birthDate.split('-');
  return {
    key: `c:${c.personalId}`,
    sub: techIdOf('c', c.personalId),
    kind: 'person',
    displayName: c.fullName,
    description: `Số định danh ${c.personalId} · sinh ngày ${d}/${m}/${y} · ${c.gender === 'male' ? 'Nam' : 'Nữ'}`,
    maxAcr: maxAcrOf(c, now),
    claims: citizenClaims(c),
  };
}

// ---- organizations ----

export interface SyntheticOrganization {
  taxCode: string;
  name: string;
  address: string;
  representative: { fullName: string; personalId: string };
  phone: string;
  email: string;
}

/**
 * Check digit of a 10-digit Vietnamese tax code, as published by tax-code tools (weights
 * 31, 29, 23, 19, 17, 13, 7, 5, 3; digit = 10 − sum mod 11). UNCONFIRMED against the Ministry of
 * Finance's text; used only to make demo codes look real, never to refuse a code.
 */
export function taxCodeCheckDigit(first9: string): number | undefined {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first9[i]), 0);
  const digit = 10 - (sum % 11);
  return digit >= 0 && digit <= 9 ? digit : undefined;
}

function demoTaxCode(first9: string): string {
  for (let bump = 0; bump < 100; bump++) {
    const candidate = String(Number(first9) + bump).padStart(9, '0');
    const digit = taxCodeCheckDigit(candidate);
    if (digit !== undefined) return `${candidate}${digit}`;
  }
  throw new Error(`no tax code near ${first9}`);
}

export const SYNTHETIC_ORGANIZATIONS: readonly SyntheticOrganization[] = [
  {
    taxCode: demoTaxCode('010234567'),
    name: 'Công ty Cổ phần Công nghệ Sao Việt',
    address: 'Số 18 phố Duy Tân, phường Cầu Giấy, Hà Nội',
    representative: { fullName: 'Nguyễn Quang Huy', personalId: '001085012345' },
    phone: '0243 795 1234',
    email: 'lienhe@saoviet-tech.example.vn',
  },
  {
    taxCode: demoTaxCode('031245678'),
    name: 'Công ty TNHH Thiết bị Đo lường Phương Nam',
    address: '125 đường Nguyễn Thị Minh Khai, phường Bến Thành, TP. Hồ Chí Minh',
    representative: { fullName: 'Trần Thị Mỹ Linh', personalId: '079192004567' },
    phone: '028 3822 5678',
    email: 'info@doluongphuongnam.example.vn',
  },
  {
    taxCode: demoTaxCode('040198765'),
    name: 'Công ty Cổ phần Sở hữu trí tuệ Minh Khang',
    address: '56 đường Bạch Đằng, phường Hải Châu, Đà Nẵng',
    representative: { fullName: 'Lê Văn Khang', personalId: '048201003210' },
    phone: '0236 356 7890',
    email: 'shtt@minhkhang.example.vn',
  },
  {
    taxCode: demoTaxCode('580112233'),
    name: 'Hợp tác xã Nông nghiệp Công nghệ cao Lâm Viên',
    address: 'Thôn Đa Lộc, xã Xuân Trường, Lâm Đồng',
    representative: { fullName: 'Phạm Thị Hoa', personalId: '038178000123' },
    phone: '0263 382 4455',
    email: 'htx.lamvien@example.vn',
  },
  {
    taxCode: demoTaxCode('270045566'),
    name: 'Viện Nghiên cứu Vật liệu mới Bắc Ninh',
    address: 'Khu công nghiệp Quế Võ, phường Phương Liễu, Bắc Ninh',
    representative: { fullName: 'Đặng Minh Tuấn', personalId: '036060001122' },
    phone: '0222 361 7788',
    email: 'vienvatlieu@example.vn',
  },
];

export function organizationClaims(o: SyntheticOrganization): Record<string, unknown> {
  return {
    LoaiTaiKhoan: '2',
    MaSoThue: o.taxCode,
    MaSoDoanhNghiep: o.taxCode,
    TenDoanhNghiep: o.name,
    DiaChi: o.address,
    HoVaTen: o.representative.fullName,
    SoDinhDanh: o.representative.personalId,
    SoDienThoai: o.phone,
    ThuDienTu: o.email,
    TechID: techIdOf('o', o.taxCode),
  };
}

/**
 * Organizations have one account, not graded by level (Decree 69/2024/NĐ-CP Art. 7); the
 * emulator lets them satisfy either level (UNCONFIRMED how the national SSO reports their acr).
 */
export function organizationSubject(o: SyntheticOrganization): SsoSubject {
  return {
    key: `o:${o.taxCode}`,
    sub: techIdOf('o', o.taxCode),
    kind: 'organization',
    displayName: o.name,
    description: `Mã số thuế ${o.taxCode} · người đại diện ${o.representative.fullName}`,
    maxAcr: 'LoA2',
    claims: organizationClaims(o),
  };
}

/** The national SSO's directory: citizens from a source, organizations from a fixed list. */
export function nationalDirectory(
  citizens: CitizenSource,
  organizations: readonly SyntheticOrganization[] = SYNTHETIC_ORGANIZATIONS,
): SubjectDirectory {
  return {
    async search(query, kind, limit) {
      if (kind === 'person') return (await citizens.search(query, limit)).map((c) => citizenSubject(c));
      const q = foldVietnamese(query);
      return organizations
        .filter((o) => q === '' || o.taxCode.startsWith(q) || foldVietnamese(o.name).includes(q))
        .slice(0, limit)
        .map(organizationSubject);
    },
    async findByKey(key) {
      if (key.startsWith('c:')) {
        const c = await citizens.findByPersonalId(key.slice(2));
        return c ? citizenSubject(c) : undefined;
      }
      if (key.startsWith('o:')) {
        const o = organizations.find((x) => x.taxCode === key.slice(2));
        return o ? organizationSubject(o) : undefined;
      }
      return undefined;
    },
  };
}

/** A directory of ready-made subjects (other identity providers in tests, ministry staff). */
export function fixedDirectory(subjects: readonly SsoSubject[]): SubjectDirectory {
  return {
    async search(query, kind, limit) {
      const q = foldVietnamese(query);
      return subjects
        .filter((s) => s.kind === kind && (q === '' || s.key.includes(q) || foldVietnamese(s.displayName).includes(q)))
        .slice(0, limit);
    },
    async findByKey(key) {
      return subjects.find((s) => s.key === key);
    },
  };
}
