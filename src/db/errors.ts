// Database errors the use cases tell apart (the same SQLSTATE on PGlite and PostgreSQL).

/** A unique index refused the row (SQLSTATE 23505): two requests raced past a check. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
