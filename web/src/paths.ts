// Page addresses. Vietnamese slugs: they are what citizens see and share.
export const PATHS = {
  home: '/',
  deadline: '/tinh-han-giai-quyet',
} as const;
