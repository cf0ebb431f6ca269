// Tables of the calendar module: administrators' schedules of a year. See migration 0001.
import type { DefaultTimestamp, Json } from '../../db/types.ts';

export interface CalendarYearScheduleTable {
  year: number;
  schedule: Json;
  updated_at: DefaultTimestamp;
  /** The label of who saved it (the audit trail has the full actor). */
  updated_by: string;
}

export interface CalendarTables {
  calendar_year_schedule: CalendarYearScheduleTable;
}
