// Tables of the catalog module (procedures, versions, e-form submissions). See migration 0003.
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, Json, NullableTimestamp } from '../../db/types.ts';

export type VersionStatus = 'draft' | 'published' | 'superseded' | 'withdrawn';

/** A procedure (thủ tục hành chính): its national code and the unit that owns it. */
export interface ProcedureTable {
  id: Generated<string>;
  code: string;
  code_status: 'verified' | 'demo';
  owner_unit_id: string;
  created_at: DefaultTimestamp;
  created_by: string;
}

/**
 * One version of a procedure. `content` is the whole version (ProcedureContent); the other
 * columns are copied from it for listing, filtering and search.
 */
export interface ProcedureVersionTable {
  id: Generated<string>;
  procedure_id: string;
  number: number;
  status: VersionStatus;
  /** Incremented on every edit of a draft (optimistic concurrency). */
  revision: Generated<number>;
  content: Json;
  name: string;
  field_code: string;
  field_name: string;
  /** Owner and implementing units. */
  unit_ids: ColumnType<string[], string[], string[]>;
  /** Subject kinds and origins. */
  subjects: ColumnType<string[], string[], string[]>;
  online_level: 'full' | 'partial';
  processing_value: number | null;
  processing_unit: string | null;
  fee_total: number;
  public_parts_complete: boolean;
  missing_public_parts: ColumnType<string[], string[], string[]>;
  /** Folded (lower case, no diacritics) name. */
  search_name: string;
  /** strip(to_tsvector('simple', …)) of the folded words of everything searchable (name, code, field, units, components, result, legal basis). */
  search_vector: string;
  /** Generated from search_name. */
  name_vector: ColumnType<string, never, never>;
  created_at: DefaultTimestamp;
  created_by: string;
  updated_at: DefaultTimestamp;
  updated_by: string;
  published_at: NullableTimestamp;
  published_by: string | null;
  superseded_at: NullableTimestamp;
  withdrawn_at: NullableTimestamp;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
}

/**
 * Form data saved by an applicant under a version (a draft of the dossier module's intake). The
 * version is pinned: the data keeps that version's rules after a new version is published.
 */
export interface FormSubmissionTable {
  id: Generated<string>;
  account_id: string;
  procedure_version_id: string;
  data: Json;
  /** PrefilledField[]: which fields were filled from population/organization/catalog data. */
  prefilled: Json;
  /** PrefillOverride[]: editable prefilled values the applicant changed. */
  overrides: Json;
  prefill_status: 'applied' | 'unavailable' | 'not_applicable';
  prefill_source: string | null;
  created_at: DefaultTimestamp;
}

export interface CatalogTables {
  procedure: ProcedureTable;
  procedure_version: ProcedureVersionTable;
  form_submission: FormSubmissionTable;
}
