// Tables of the portal-sync module: each dossier's delivery to the national portal and every call
// made for it. See migration 0015.
import type { Generated } from 'kysely';
import type { DefaultTimestamp, NullableTimestamp } from '../../db/types.ts';

export type PortalSyncState = 'pending' | 'synced' | 'error';
export type PortalSyncOperation = 'create' | 'update' | 'process';
export type PortalSyncOutcome = 'ok' | 'exists' | 'failed';

export interface PortalSyncTable {
  dossier_id: string;
  dossier_code: string;
  received_at: NullableTimestamp;
  state: PortalSyncState;
  on_portal: Generated<boolean>;
  wanted_seq: number;
  synced_seq: Generated<number>;
  process_sent: Generated<number>;
  attempts: Generated<number>;
  last_attempt_at: NullableTimestamp;
  last_error: string | null;
  last_error_code: string | null;
  synced_at: NullableTimestamp;
  job_generation: Generated<number>;
  job_open: Generated<boolean>;
  lease_token: string | null;
  lease_until: NullableTimestamp;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface PortalSyncAttemptTable {
  id: Generated<number>;
  dossier_id: string;
  dossier_code: string;
  operation: PortalSyncOperation;
  chunk_start: number | null;
  entries: Generated<number>;
  request_digest: string;
  http_status: number | null;
  error_code: string | null;
  message: string;
  outcome: PortalSyncOutcome;
  duration_ms: number;
  at: DefaultTimestamp;
}

export interface PortalSyncTables {
  portal_sync: PortalSyncTable;
  portal_sync_attempt: PortalSyncAttemptTable;
}
