// Tables of the dossiers module: the daily sequence of dossier codes per unit, the dossiers (the
// projection of their logs), the append-only action log, the units a dossier passed through, its
// files, officers' internal notes and applicants' drafts.
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, Json, NullableTimestamp, Timestamp } from '../../db/types.ts';

export interface DossierCodeSequenceTable {
  unit_code: string;
  /** Local date (Asia/Ho_Chi_Minh), YYYY-MM-DD. */
  day: string;
  last_value: number;
}

export interface DossierTable {
  id: Generated<string>;
  code: string | null;
  lookup_secret: string;
  channel: number;
  procedure_id: string;
  procedure_code: string;
  version_id: string;
  unit_id: string;
  handling_unit_id: string;
  applicant_kind: 'citizen' | 'organization';
  applicant_id_number: string;
  applicant_name: string;
  applicant_account_id: string | null;
  applicant: Json;
  submitter: Json | null;
  submitter_account_id: string | null;
  form_data: Json;
  facts: Json;
  state: Json;
  status: number;
  submitted_at: NullableTimestamp;
  received_at: NullableTimestamp;
  due_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  returned_at: NullableTimestamp;
  on_time: boolean | null;
  assignee_id: string | null;
  step_kind: string | null;
  step_due_at: NullableTimestamp;
  version: number;
  last_hash: string;
  idempotency_key: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface DossierActionTable {
  dossier_id: string;
  seq: number;
  type: string;
  at: Timestamp;
  actor_id: string | null;
  actor_kind: string;
  actor_label: string;
  payload: Json;
  prev_hash: string;
  hash: string;
}

export interface DossierUnitTable {
  dossier_id: string;
  unit_id: string;
}

export interface DossierFileTable {
  dossier_id: string;
  file_id: string;
  component_code: string;
  role: 'component' | 'supplement' | 'result';
  added_seq: number;
}

export interface DossierNoteTable {
  id: Generated<string>;
  dossier_id: string;
  author_id: string;
  author_label: string;
  text: string;
  created_at: DefaultTimestamp;
}

export interface DossierDraftTable {
  id: Generated<string>;
  account_id: string;
  procedure_code: string;
  version_id: string;
  form_data: Json;
  components: Json;
  step: ColumnType<number, number | undefined, number>;
  idempotency_key: string | null;
  created_at: DefaultTimestamp;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface DossierTables {
  dossier_code_sequence: DossierCodeSequenceTable;
  dossier: DossierTable;
  dossier_action: DossierActionTable;
  dossier_unit: DossierUnitTable;
  dossier_file: DossierFileTable;
  dossier_note: DossierNoteTable;
  dossier_draft: DossierDraftTable;
}
