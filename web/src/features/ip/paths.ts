export const IP_PATHS = {
  search: '/co-so-du-lieu/so-huu-tri-tue',
  officer: '/can-bo/co-so-du-lieu/so-huu-tri-tue',
  application: '/can-bo/co-so-du-lieu/so-huu-tri-tue/:id',
  applicationOf: (id: string) => `/can-bo/co-so-du-lieu/so-huu-tri-tue/${encodeURIComponent(id)}`,
} as const;
