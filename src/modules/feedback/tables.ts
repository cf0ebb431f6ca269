// Tables of the feedback module: ratings of returned dossiers, PAKN (the projection of their
// history), the append-only history, and the public's votes on published answers.
import type { Generated } from 'kysely';
import type { DefaultTimestamp, Json, NullableTimestamp, Timestamp } from '../../db/types.ts';

export interface RatingTable {
  id: Generated<string>;
  dossier_id: string;
  dossier_code: string;
  unit_id: string;
  procedure_code: string;
  value: 'like' | 'dislike';
  scores: Json<Record<string, number>>;
  comment: string | null;
  channel: 'online' | 'kiosk';
  rater_account_id: string | null;
  kiosk_officer_id: string | null;
  kiosk_officer_label: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface FeedbackTable {
  id: Generated<string>;
  code: string;
  title: string;
  content: string;
  about: 'procedure' | 'dossier' | 'conduct';
  procedure_code: string | null;
  dossier_code: string | null;
  unit_id: string;
  filer_name: string;
  filer_phone: string | null;
  filer_email: string | null;
  filer_address: string | null;
  filer_account_id: string | null;
  channel: 'portal' | 'vpcp' | 'bndp' | 'counter';
  status: string;
  classification: 'tthc' | 'conduct' | null;
  state: Json;
  received_at: Timestamp;
  due_at: NullableTimestamp;
  due_kind: 'process' | 'publish' | null;
  published_at: NullableTimestamp;
  likes: Generated<number>;
  dislikes: Generated<number>;
  version: number;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface FeedbackEventTable {
  feedback_id: string;
  seq: number;
  type: string;
  at: Timestamp;
  actor_id: string | null;
  actor_kind: string;
  actor_label: string;
  payload: Json<Record<string, unknown>>;
}

export interface FeedbackVoteTable {
  feedback_id: string;
  voter_key: string;
  value: 'like' | 'dislike';
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface FeedbackTables {
  rating: RatingTable;
  feedback: FeedbackTable;
  feedback_event: FeedbackEventTable;
  feedback_vote: FeedbackVoteTable;
}
