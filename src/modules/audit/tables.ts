// Tables of the audit module (migrations 0001, 0006).
import type { Generated } from 'kysely';
import type { DefaultTimestamp, Json } from '../../db/types.ts';
import type { AuditActorKind } from './actions.ts';

export interface AuditLogTable {
  id: Generated<number>;
  at: DefaultTimestamp;
  /** The acting account (officer, citizen, organization); null for the system, a seed or a machine credential. */
  actor_id: string | null;
  actor_kind: AuditActorKind;
  /** What readers see: the officer's username and name, "Hệ thống", the credential's name. */
  actor_label: string;
  action: string;
  entity: string;
  entity_id: string;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
