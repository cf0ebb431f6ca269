// Tables of the warehouse module (migration 0013): the applicant's data warehouse (documents, their
// files, their reuses) and, per dossier, where each component came from and the figures of
// digitization.
import type { ColumnType, Generated } from 'kysely';
import type { ComponentSource, Exemption } from '../../core/digitization/index.ts';
import type { DefaultTimestamp, Json, NullableTimestamp, Timestamp } from '../../db/types.ts';

/** A local date column (YYYY-MM-DD), read as text. */
type LocalDate = ColumnType<string | null, string | null | undefined, string | null>;

export type Provenance = 'issued_result' | 'digitized' | 'owner_upload' | 'national_warehouse';

export interface WarehouseDocumentTable {
  id: Generated<string>;
  owner_kind: 'citizen' | 'organization';
  /** The personal ID number or the tax code of the owner. */
  owner_identifier: string;
  /** A type of the catalog's warehouseDocumentTypes. */
  document_type: string;
  title: string;
  issuer: ColumnType<string, string | undefined, string>;
  number: ColumnType<string, string | undefined, string>;
  issued_on: LocalDate;
  valid_until: LocalDate;
  provenance: Provenance;
  result_code: string | null;
  source_dossier_id: string | null;
  /** The document's id in the national portal's warehouse (provenance national_warehouse). */
  national_id: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  removed_at: NullableTimestamp;
}

export interface WarehouseDocumentFileTable {
  document_id: string;
  file_id: string;
  position: number;
}

export interface WarehouseReuseTable {
  id: Generated<string>;
  document_id: string;
  dossier_id: string;
  /** Filled when the dossier's code is issued (the code is taken last in the intake). */
  dossier_code: ColumnType<string | null, string | null | undefined, string | null>;
  component_code: string;
  actor_id: string;
  actor_label: string;
  from_national: boolean;
  at: DefaultTimestamp;
}

export interface DossierComponentRecordTable {
  dossier_id: string;
  component_code: string;
  source: ComponentSource;
  page_count: number | null;
  checks: Json<Record<string, boolean>> | null;
  exemption: Exemption | null;
  note: string | null;
  warehouse_document_id: string | null;
  result_code: string | null;
  recorded_by: string;
  recorded_by_label: string;
  recorded_at: Timestamp;
  /** The seq of the log row that brought the component: 1 at intake, a supplement's later. */
  added_seq: ColumnType<number, number | undefined, number>;
}

export interface DossierDigitizationTable {
  dossier_id: string;
  unit_id: string;
  procedure_code: string;
  channel: number;
  submitted_at: Timestamp;
  received_at: NullableTimestamp;
  has_digitized: boolean;
  has_reused: boolean;
  population_replaced: ColumnType<number, number | undefined, number>;
  produces_document: boolean;
  result_issued_at: NullableTimestamp;
  /** The outcome of issue_result (migration 0039); null until the result is issued. */
  result_outcome: 'granted' | 'refused' | null;
  result_electronic: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface WarehouseTables {
  warehouse_document: WarehouseDocumentTable;
  warehouse_document_file: WarehouseDocumentFileTable;
  warehouse_reuse: WarehouseReuseTable;
  dossier_component_record: DossierComponentRecordTable;
  dossier_digitization: DossierDigitizationTable;
}
