// The paths of the tech-market pages (public search; officers' list and detail).
export const TECHMARKET_PATHS = {
  public: '/co-so-du-lieu/cung-cau-cong-nghe',
  officer: '/can-bo/co-so-du-lieu/cung-cau-cong-nghe',
  detail: '/can-bo/co-so-du-lieu/cung-cau-cong-nghe/:kind/:id',
  offer: (id: string) => `/can-bo/co-so-du-lieu/cung-cau-cong-nghe/cung/${encodeURIComponent(id)}`,
  demand: (id: string) => `/can-bo/co-so-du-lieu/cung-cau-cong-nghe/cau/${encodeURIComponent(id)}`,
} as const;
