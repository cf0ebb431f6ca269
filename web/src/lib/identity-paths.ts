// Addresses of the login, account, officer workspace and administration pages, shared by the
// header, the navigation and the pages that link to one another.
export const IDENTITY_PATHS = {
  login: '/dang-nhap',
  profile: '/ho-so-ca-nhan',
  profileOf: '/ho-so-ca-nhan/:personalId',
  organization: '/ho-so-to-chuc',
  totp: '/tai-khoan/xac-thuc-hai-buoc',
  invitation: '/kich-hoat-tai-khoan',
  workspace: '/can-bo',
  units: '/quan-tri/don-vi',
  unitNew: '/quan-tri/don-vi/them-moi',
  unit: '/quan-tri/don-vi/:id',
  officers: '/quan-tri/can-bo',
  officerNew: '/quan-tri/can-bo/them-moi',
  officer: '/quan-tri/can-bo/:id',
  queryLog: '/quan-tri/nhat-ky-tra-cuu-dan-cu',
} as const;

/** `/quan-tri/can-bo/:id` with its parameters filled in (encoded). */
export function pathWith(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** The citizen login through the national SSO (VNeID), at level 2, coming back to `returnTo`. */
export function vneidLoginUrl(returnTo: string = IDENTITY_PATHS.profile): string {
  return `/auth/login?${new URLSearchParams({ acr: 'LoA2', returnTo }).toString()}`;
}

/** A same-origin path to go back to after a login; anything else becomes undefined. */
export function safeReturnPath(value: string | null | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/auth/')) return undefined;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return undefined;
  return value;
}
