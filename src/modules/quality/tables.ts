// Tables of the quality module's real-time aggregates. See migration 0022.
import type { ColumnType } from 'kysely';
import type { Json } from '../../db/types.ts';

/** [indicator, local day, numerator 0/1, denominator 0/1, amount (2.2 ms)]. */
export type FactPart = [string, string, number, number, number];

export interface QualityDossierFactTable {
  dossier_id: string;
  dossier_code: string;
  procedure_code: string;
  unit_key: string;
  officer_ids: string[];
  received_at: Date | null;
  last_event_at: Date;
  open: boolean;
  open_judged: ColumnType<boolean, boolean | undefined, boolean>;
  late_from: ColumnType<Date | null, Date | null | undefined, Date | null>;
  synced: boolean;
  record: Json<unknown>;
  steps: Json<unknown>;
  parts: Json<FactPart[]>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface QualityCounterTable {
  /** Day, ISO week (keyed by its Monday), month, year (keyed by their first day); migration 0040 added w and y. */
  grain: 'd' | 'w' | 'm' | 'y';
  day: ColumnType<string, string, string>;
  unit_key: string;
  procedure_code: string;
  indicator: string;
  synced: boolean;
  numerator: ColumnType<string, number, number>;
  denominator: ColumnType<string, number, number>;
  amount: ColumnType<string, number, number>;
}

export interface QualityUnitKeyTable {
  unit_key: string;
  unit_ids: string[];
}

/** A frozen month of the index for a scope (migration 0027): never updated. */
export interface QualityPublicationTable {
  month: string;
  /** 'ministry', or a unit id. */
  scope: string;
  result: Json<unknown>;
  settings: Json<unknown>;
  dossiers: number;
  frozen_at: ColumnType<Date, Date | string | undefined, never>;
  frozen_by: string;
}

/** An import of the national portal's published figures of a month (migration 0029): never updated. */
export interface QualityReconciliationTable {
  id: ColumnType<string, string | undefined, never>;
  month: string;
  evaluation: Json<unknown>;
  result: Json<unknown>;
  file_name: string | null;
  imported_at: ColumnType<Date, Date | string | undefined, never>;
  imported_by_id: string;
  imported_by: string;
}

/** What the facts were counted with (migration 0030): one row. */
export interface QualityFactStateTable {
  id: ColumnType<number, number | undefined, never>;
  fingerprint: string;
  recounted_at: Date | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface QualityTables {
  quality_dossier_fact: QualityDossierFactTable;
  quality_counter: QualityCounterTable;
  quality_unit_key: QualityUnitKeyTable;
  quality_publication: QualityPublicationTable;
  quality_reconciliation: QualityReconciliationTable;
  quality_fact_state: QualityFactStateTable;
}
