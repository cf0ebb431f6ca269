// Tables of the files module: one row per upload (migration 0010). The bytes are in the file store.
import type { ColumnType, Generated } from 'kysely';
import type { AcceptedFormat } from '../../core/catalog/types.ts';
import type { DefaultTimestamp, NullableTimestamp } from '../../db/types.ts';

export interface FileTable {
  id: Generated<string>;
  /** Lowercase hex SHA-256 of the content: its address in the file store. */
  sha256: string;
  size_bytes: number;
  /** Sniffed from the bytes (src/modules/files/sniff.ts), never taken from the name. */
  format: AcceptedFormat;
  media_type: string;
  /** Sanitized (src/modules/files/names.ts). */
  original_name: string;
  /** The account that uploaded it. */
  uploaded_by: string;
  created_at: DefaultTimestamp;
  /** Opaque reference of the owner, e.g. "dossier:<id>"; null until a module attaches the file. */
  attached_to: ColumnType<string | null, string | null | undefined, string | null>;
  attached_at: NullableTimestamp;
  /** The virus scan of the content (migration 0013): `clean` by clamd, or `not_scanned` (no scanner configured). */
  scan_status: ColumnType<'not_scanned' | 'clean', 'not_scanned' | 'clean' | undefined, 'not_scanned' | 'clean'>;
  scanned_at: NullableTimestamp;
}

export interface FileTables {
  file: FileTable;
}
