// Tables of the jobs module: the outbox and work queue. See migration 0008.
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, Json, NullableTimestamp } from '../../db/types.ts';

export interface JobTable {
  id: Generated<number>;
  topic: string;
  /** Deduplication key, unique with the topic (null: never deduplicated). */
  key: string | null;
  payload: Json;
  run_at: DefaultTimestamp;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: number;
  last_error: string | null;
  locked_by: string | null;
  locked_until: NullableTimestamp;
  done_at: NullableTimestamp;
  created_at: DefaultTimestamp;
}

export interface JobTables {
  job: JobTable;
}
