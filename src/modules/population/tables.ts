// Tables of the population module: query purposes and the query log. See migration 0004.
import type { Generated } from 'kysely';
import type { DefaultTimestamp, NullableTimestamp } from '../../db/types.ts';

export type PurposeActorKind = 'citizen' | 'officer';

export interface PopulationPurposeTable {
  code: string;
  name_vi: string;
  name_en: string;
  actor_kind: PurposeActorKind;
  requires_dossier_ref: Generated<boolean>;
  legal_basis: string | null;
  active: Generated<boolean>;
  updated_at: DefaultTimestamp;
  updated_by: Generated<string>;
}

export type QueryResult = 'pending' | 'found' | 'not_found' | 'mismatch' | 'unavailable';

export interface PopulationQueryLogTable {
  id: Generated<number>;
  /** MaYeuCau sent to the population database. */
  request_id: string;
  at: DefaultTimestamp;
  account_id: string;
  actor_kind: PurposeActorKind;
  actor_name: string;
  /** MaCanBo sent (officer's username; a fixed code for citizens' own queries). */
  officer_code: string | null;
  unit_id: string | null;
  purpose_code: string;
  dossier_ref: string | null;
  /** The personal ID number the query was about. */
  subject_personal_id: string | null;
  /** motcua's request id (x-request-id) of the HTTP request that caused the query. */
  http_request_id: string | null;
  result: Generated<QueryResult>;
  /** For `unavailable`: timeout, circuit_open, network, server_error, bad_response, rejected. */
  failure_reason: string | null;
  /** error_code answered by the population database. */
  error_code: string | null;
  /** `network`: sent to the population database; `cache`: answered from motcua's short cache. */
  source: 'network' | 'cache' | null;
  latency_ms: number | null;
  completed_at: NullableTimestamp;
}

export interface PopulationTables {
  population_purpose: PopulationPurposeTable;
  population_query_log: PopulationQueryLogTable;
}
