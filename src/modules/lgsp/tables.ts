// Tables of the data-exchange gateway (migration 0014).
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, Json, NullableTimestamp, Timestamp } from '../../db/types.ts';

export type ConsumerAuthMethod = 'client_secret_basic' | 'private_key_jwt';
export type ProviderKind = 'internal' | 'motcua' | 'national';

export interface LgspKeyTable {
  kid: string;
  alg: string;
  public_jwk: Json;
  private_jwk: Json;
  created_at: DefaultTimestamp;
}

export interface LgspConsumerTable {
  id: string;
  name: string;
  unit_id: string | null;
  auth_method: ConsumerAuthMethod;
  /** argon2id of the client secret (client_secret_basic). */
  secret_hash: string | null;
  /** The client's JWK Set (private_key_jwt). */
  jwks: Json | null;
  enabled: Generated<boolean>;
  per_minute: number | null;
  per_day: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  secret_rotated_at: NullableTimestamp;
}

export interface LgspServiceTable {
  code: string;
  name_vi: string;
  name_en: string;
  owner_unit_id: string;
  provider_kind: ProviderKind;
  provider_name: string;
  version: number;
  enabled: Generated<boolean>;
  updated_at: DefaultTimestamp;
}

export interface LgspAclTable {
  consumer_id: string;
  service_code: string;
  granted_at: DefaultTimestamp;
  granted_by: string;
}

export interface LgspAssertionJtiTable {
  consumer_id: string;
  jti: string;
  expires_at: Timestamp;
}

export interface LgspChainTable {
  id: number;
  last_seq: number;
  last_hash: string;
}

export interface LgspMessageTable {
  seq: number;
  at: Timestamp;
  consumer_id: string | null;
  service_code: string | null;
  service_version: number | null;
  purpose: string | null;
  request_id: string;
  request_digest: string;
  response_digest: string;
  status: number;
  outcome: string;
  request_bytes: number;
  response_bytes: number;
  latency_us: number;
  prev_hash: string;
  hash: string;
}

export interface LgspHeadTable {
  seq: number;
  hash: string;
  at: Timestamp;
  jws: string;
}

export interface LgspUsageTable {
  consumer_id: string;
  /** The local day (Asia/Ho_Chi_Minh). */
  day: ColumnType<string, string, string>;
  calls: number;
}

export interface LgspTables {
  lgsp_key: LgspKeyTable;
  lgsp_consumer: LgspConsumerTable;
  lgsp_service: LgspServiceTable;
  lgsp_acl: LgspAclTable;
  lgsp_assertion_jti: LgspAssertionJtiTable;
  lgsp_chain: LgspChainTable;
  lgsp_message: LgspMessageTable;
  lgsp_head: LgspHeadTable;
  lgsp_usage: LgspUsageTable;
}
