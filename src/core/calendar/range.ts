// The years the working-time calendar can answer for. The lunar conversion (lunar.ts, Hồ Ngọc
// Đức's algorithm at UTC+7) is published and checked for 1800–2199; Tết and the Hùng Kings'
// day are lunar dates, so no year's days off are known outside that range. Inputs are validated
// against it at the edge; a computation that would run past it throws CalendarRangeError.

export const SUPPORTED_YEARS = { min: 1800, max: 2199 } as const;

export function isSupportedYear(year: number): boolean {
  return Number.isInteger(year) && year >= SUPPORTED_YEARS.min && year <= SUPPORTED_YEARS.max;
}

/** A date the calendar cannot answer for (outside SUPPORTED_YEARS). Routes map it to 422. */
export class CalendarRangeError extends RangeError {
  readonly year: number;
  constructor(year: number, what = 'The calendar') {
    super(`${what} supports years ${SUPPORTED_YEARS.min}–${SUPPORTED_YEARS.max}, got ${year}`);
    this.name = 'CalendarRangeError';
    this.year = year;
  }
}

export function assertSupportedYear(year: number, what?: string): void {
  if (!isSupportedYear(year)) throw new CalendarRangeError(year, what);
}
