// SQL of the job table. The same statements run on PGlite and PostgreSQL; times are the
// database's now(), so instances whose clocks differ still agree on what is due and on leases.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';

export type Executor = Kysely<DB> | Transaction<DB>;

export interface NewJob {
  topic: string;
  payload: unknown;
  key?: string | undefined;
  runAt?: Date | undefined;
  maxAttempts: number;
}

export interface ClaimedJob {
  id: number;
  topic: string;
  payload: unknown;
  /** This attempt's number, from 1. */
  attempts: number;
  maxAttempts: number;
}

/** Inserts a job; a second job with the same (topic, key) is ignored. Returns whether it was new. */
export async function insertJob(db: Executor, job: NewJob): Promise<boolean> {
  const result = await db
    .insertInto('job')
    .values({
      topic: job.topic,
      key: job.key ?? null,
      payload: JSON.stringify(job.payload ?? null),
      max_attempts: job.maxAttempts,
      ...(job.runAt ? { run_at: job.runAt } : {}),
    })
    .onConflict((oc) => oc.columns(['topic', 'key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * The database's now() as ISO 8601 text with its microseconds: a JS Date would drop them, and a
 * job inserted in the same millisecond would then look not yet due.
 */
export async function databaseNow(db: Executor): Promise<string> {
  const { rows } = await sql<{ now: string }>`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as now`.execute(db);
  return rows[0]!.now;
}

/**
 * Claims up to `limit` due jobs for `worker`: pending (not done, attempts left), due by `dueBy`
 * (default now), and not leased to a runner whose lease still holds. Rows another transaction is
 * claiming at this moment are skipped, not waited for. The attempt is counted at the claim, so a
 * job whose runner dies mid-way still runs out of attempts.
 */
export async function claimJobs(
  db: Executor,
  options: { worker: string; limit: number; leaseMs: number; topics: string[]; dueBy?: string },
): Promise<ClaimedJob[]> {
  if (options.topics.length === 0 || options.limit <= 0) return [];
  const dueBy = options.dueBy ? sql`${options.dueBy}::timestamptz` : sql`now()`;
  const { rows } = await sql<{ id: number; topic: string; payload: unknown; attempts: number; max_attempts: number; run_at: Date | string }>`
    update job
       set locked_by = ${options.worker},
           locked_until = now() + ${options.leaseMs}::double precision * interval '1 millisecond',
           attempts = attempts + 1
     where id in (
       select id from job
        where done_at is null
          and attempts < max_attempts
          and run_at <= ${dueBy}
          and (locked_until is null or locked_until <= now())
          and topic in (${sql.join(options.topics)})
        order by run_at, id
        limit ${options.limit}
        for update skip locked
     )
    returning id, topic, payload, attempts, max_attempts, run_at
  `.execute(db);
  // RETURNING keeps no order: the batch runs in the order it was chosen in.
  rows.sort((a, b) => new Date(a.run_at).getTime() - new Date(b.run_at).getTime() || Number(a.id) - Number(b.id));
  return rows.map((r) => ({ id: Number(r.id), topic: r.topic, payload: r.payload, attempts: r.attempts, maxAttempts: r.max_attempts }));
}

/** Marks jobs done that this worker still holds; returns the ids it marked. */
export async function completeJobs(db: Executor, ids: readonly number[], worker: string): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('job')
    .set({ done_at: sql<Date>`now()`, locked_by: null, locked_until: null, last_error: null })
    .where('id', 'in', ids)
    .where('locked_by', '=', worker)
    .returning('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Gives back jobs this worker claimed and did not start: due again at once, the attempt not counted. */
export async function releaseJobs(db: Executor, ids: readonly number[], worker: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('job')
    .set({ locked_by: null, locked_until: null, attempts: sql<number>`attempts - 1` })
    .where('id', 'in', ids)
    .where('locked_by', '=', worker)
    .execute();
}

/** Records a failure and when to try again (a job out of attempts stays as it is: dead). */
export async function failJob(db: Executor, id: number, worker: string, error: string, retryInMs: number): Promise<void> {
  await db
    .updateTable('job')
    .set({
      last_error: error.slice(0, 4000),
      locked_by: null,
      locked_until: null,
      run_at: sql<Date>`now() + ${retryInMs}::double precision * interval '1 millisecond'`,
    })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .execute();
}

export interface JobCounts {
  /** Not done and with attempts left (due now or later). */
  pending: number;
  /** Not done and out of attempts: needs a person. */
  dead: number;
}

export async function countJobs(db: Executor): Promise<JobCounts> {
  const row = await db
    .selectFrom('job')
    .select([
      sql<number>`count(*) filter (where attempts < max_attempts)`.as('pending'),
      sql<number>`count(*) filter (where attempts >= max_attempts)`.as('dead'),
    ])
    .where('done_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), dead: Number(row.dead) };
}
