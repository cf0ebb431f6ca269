// Tables of the registries module (migration 0017): the people of the sector databases and the
// corrections made to them.
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, NullableTimestamp } from '../../db/types.ts';
import type { LinkStatus, PersonField, RegistryCode } from './people.ts';

export interface RegistryPersonTable {
  id: Generated<string>;
  registry: RegistryCode;
  personal_id: string;
  full_name: string;
  /** A local date (YYYY-MM-DD), read as text. */
  birth_date: ColumnType<string | null, string | null | undefined, string | null>;
  link_status: ColumnType<LinkStatus, LinkStatus | undefined, LinkStatus>;
  link_mismatched: ColumnType<PersonField[], string | undefined, string>;
  link_suggested_id: string | null;
  link_checked_at: NullableTimestamp;
  link_request_id: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  updated_by: string;
}

export interface RegistryPersonChangeTable {
  id: Generated<string>;
  person_id: string;
  field: PersonField;
  old_value: string | null;
  new_value: string | null;
  reason: string;
  source: 'edit' | 'reconciliation';
  changed_by: string;
  changed_at: DefaultTimestamp;
}

export type RunState = 'running' | 'finished' | 'failed';
export type ReconcileOutcomeKind = 'match' | 'mismatch' | 'unknown_number' | 'legacy_number' | 'unavailable';

/** Migration 0026: one reconciliation of a registry with the population database. */
export interface RegistryReconciliationRunTable {
  id: Generated<string>;
  registry: RegistryCode;
  started_by_id: string | null;
  started_by: string;
  started_at: DefaultTimestamp;
  finished_at: NullableTimestamp;
  state: ColumnType<RunState, RunState | undefined, RunState>;
  total: ColumnType<number, number | undefined, number>;
  done: ColumnType<number, number | undefined, number>;
  matched: ColumnType<number, number | undefined, number>;
  mismatched: ColumnType<number, number | undefined, number>;
  unknown_number: ColumnType<number, number | undefined, number>;
  legacy_number: ColumnType<number, number | undefined, number>;
  unavailable: ColumnType<number, number | undefined, number>;
  error: string | null;
  /** Beaten while the run works (RUN_HEARTBEAT_MS); a running run silent for RUN_STALE_AFTER_MS was interrupted. */
  heartbeat_at: DefaultTimestamp;
}

/** One person's outcome in a run (no population data beyond the fields named and the new number). */
export interface RegistryReconciliationItemTable {
  run_id: string;
  person_id: string;
  outcome: ReconcileOutcomeKind;
  fields: ColumnType<PersonField[], PersonField[] | undefined, PersonField[]>;
  suggested_id: string | null;
  request_id: string | null;
}

export interface RegistryTables {
  registry_person: RegistryPersonTable;
  registry_person_change: RegistryPersonChangeTable;
  registry_reconciliation_run: RegistryReconciliationRunTable;
  registry_reconciliation_item: RegistryReconciliationItemTable;
}

