// Clients, assurance levels and claims of the SSO emulator (no dependency on oidc-provider, so
// that importing them does not load the provider).

export interface SsoClient {
  clientId: string;
  clientSecret: string;
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

/** One assurance level offered, lowest first: the value of `acr` and its label on the page. */
export interface SsoLevel {
  value: string;
  label: string;
}

export const NATIONAL_CLAIMS = [
  'LoaiTaiKhoan',
  'SoDinhDanh',
  'SoCMND',
  'HoVaTen',
  'NgayThangNamSinh',
  'GioiTinh',
  'DanToc',
  'TonGiao',
  'QuocTich',
  'NoiDangKyKhaiSinh',
  'QueQuan',
  'ThuongTru',
  'NoiOHienNay',
  'SoDienThoai',
  'ThuDienTu',
  'MaSoThue',
  'MaSoDoanhNghiep',
  'TenDoanhNghiep',
  'DiaChi',
  'TechID',
] as const;

export const NATIONAL_SCOPES: Record<string, string[]> = { openid: ['sub', ...NATIONAL_CLAIMS] };
export const NATIONAL_LEVELS: SsoLevel[] = [
  { value: 'LoA1', label: 'Mức độ 1' },
  { value: 'LoA2', label: 'Mức độ 2' },
];

/** Index of the lowest level named in `acr_values` (the level a login must reach), or -1. */
export function requiredLevelIndex(levels: SsoLevel[], acrValues: unknown): number {
  if (typeof acrValues !== 'string' || acrValues.trim() === '') return -1;
  const indexes = acrValues
    .split(' ')
    .map((v) => levels.findIndex((l) => l.value === v))
    .filter((i) => i >= 0);
  return indexes.length ? Math.min(...indexes) : -1;
}

