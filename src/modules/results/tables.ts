// Tables of the results module (migrations 0012, 0028, 0038).
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, NullableTimestamp } from '../../db/types.ts';

export interface ResultDocumentTable {
  /** MaGiayToKetQua (src/core/results/code.ts). */
  code: string;
  dossier_id: string;
  dossier_code: string;
  /** The issue_result action of the dossier's log this document was issued with. */
  action_seq: number;
  /** The issuing (handling) unit. */
  unit_id: string;
  procedure_code: string;
  document_name: string;
  /** The signed PDF, a file attached to the dossier. */
  file_id: string;
  sha256: string;
  /** The signer certificate's common name. */
  signed_by: string;
  signer_kind: string;
  /** False for the development CA's certificates. */
  legally_valid: boolean;
  issued_at: ColumnType<Date, Date | string, Date | string>;
  issued_by: string | null;
  revoked_at: NullableTimestamp;
  revoked_reason: string | null;
  revoked_by: string | null;
  revoked_by_label: string | null;
}

export interface ResultSequenceTable {
  unit_id: string;
  year: number;
  last: number;
}

export interface ResultTemplateTable {
  id: Generated<string>;
  procedure_code: string;
  /** Null: the procedure's template (every version); else one version's (migration 0028). */
  version_number: number | null;
  /** 'html': `template` is the HTML as a JSON string; 'pdfmake': a document definition (migration 0038). */
  format: ColumnType<'html' | 'pdfmake', 'html' | 'pdfmake' | undefined, 'html' | 'pdfmake'>;
  template: ColumnType<unknown, string, string>;
  updated_at: DefaultTimestamp;
  updated_by_label: string;
}

export interface ResultTables {
  result_document: ResultDocumentTable;
  result_sequence: ResultSequenceTable;
  result_template: ResultTemplateTable;
}

