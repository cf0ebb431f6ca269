// Kysely table types. Each module's store.ts is the only code that queries its tables.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Timestamp>;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
}

export interface CalendarYearScheduleTable {
  year: number;
  schedule: Json;
  updated_at: Generated<Timestamp>;
  updated_by: string;
}

export interface DossierCodeSequenceTable {
  unit_code: string;
  day: string;
  last_value: number;
}

export interface DB {
  audit_log: AuditLogTable;
  calendar_year_schedule: CalendarYearScheduleTable;
  dossier_code_sequence: DossierCodeSequenceTable;
}
