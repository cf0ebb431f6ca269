// Addresses of the catalog pages. Vietnamese slugs: they are what citizens and officers share.
const enc = (code: string) => encodeURIComponent(code);

export const CATALOG_PATHS = {
  search: '/thu-tuc',
  procedure: (code: string) => `/thu-tuc/${enc(code)}`,
  onlineForm: (code: string) => `/thu-tuc/${enc(code)}/nop-truc-tuyen`,
  admin: '/quan-tri/thu-tuc',
  adminCreate: '/quan-tri/thu-tuc/tao-moi',
  adminTransfer: '/quan-tri/thu-tuc/nhap-xuat',
  adminProcedure: (code: string) => `/quan-tri/thu-tuc/${enc(code)}`,
  adminVersion: (code: string, n: number) => `/quan-tri/thu-tuc/${enc(code)}/phien-ban/${n}`,
  /** What changed in a version (public for published versions; drafts for their unit's admins). */
  diff: (code: string, n: number, from?: number) => `/thu-tuc/${enc(code)}/phien-ban/${n}/so-sanh${from ? `?tu=${from}` : ''}`,
  login: (returnTo: string) => `/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
} as const;
