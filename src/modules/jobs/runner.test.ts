import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { openPostgres, type Database } from '../../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import type { DB } from '../../db/types.ts';
import { createJobsModule, type JobLogger, type JobsDeps } from './module.ts';
import { retryDelayMs } from './runner.ts';
import { claimJobs, completeJobs } from './store.ts';

const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let database: TestDatabase;
/** A second connection to the same database, as a second instance has (PGlite: the same one). */
let other: Database | undefined;
let otherDb: Kysely<DB>;

beforeAll(async () => {
  database = await createTestDatabase();
  other = database.url ? openPostgres(database.url, 5) : undefined;
  otherDb = other?.db ?? database.db;
  await sql`create table job_run (job_id bigint not null, runner text not null, at timestamptz not null default clock_timestamp())`.execute(database.db);
});

afterAll(async () => {
  await other?.close();
  await database?.close();
});

beforeEach(async () => {
  await sql`delete from job_run`.execute(database.db);
  await database.db.deleteFrom('job').execute();
});

function jobs(db: Kysely<DB>, runner: JobsDeps['runner'] = {}, log?: JobLogger) {
  return createJobsModule({ config, db, runner: { pollMs: 10, backoffMs: 10, ...runner }, ...(log ? { log } : {}) });
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

describe('the job runner', () => {
  it('runs each of 500 jobs exactly once with two instances working at the same time', async () => {
    const instances = [jobs(database.db, { workers: 3 }), jobs(otherDb, { workers: 3 })];
    instances.forEach((instance, i) =>
      instance.handle<{ n: number }>('test.work', async (_payload, ctx) => {
        await ctx.db.insertInto('job_run' as never).values({ job_id: ctx.jobId, runner: `r${i}` } as never).execute();
      }),
    );
    await database.db.transaction().execute(async (trx) => {
      for (let n = 0; n < 500; n++) await instances[0]!.enqueue(trx, { topic: 'test.work', payload: { n } });
    });
    for (const instance of instances) instance.start();
    try {
      await until(async () => (await instances[0]!.counts()).pending === 0);
    } finally {
      await Promise.all(instances.map((instance) => instance.stop()));
    }
    const { rows } = await sql<{ job_id: number; runs: number }>`select job_id, count(*)::int as runs from job_run group by job_id`.execute(database.db);
    expect(rows).toHaveLength(500);
    expect(rows.filter((r) => r.runs !== 1)).toEqual([]);
    const done = await database.db.selectFrom('job').select((eb) => eb.fn.countAll<number>().as('n')).where('done_at', 'is not', null).executeTakeFirstOrThrow();
    expect(Number(done.n)).toBe(500);
    // Both instances took part, or the test would prove nothing about two of them.
    const { rows: byRunner } = await sql<{ runner: string }>`select distinct runner from job_run`.execute(database.db);
    expect(byRunner.map((r) => r.runner).sort()).toEqual(['r0', 'r1']);
  });

  it('retries a failing handler with growing delays, then leaves it dead with its last error', async () => {
    const errors: string[] = [];
    const log: JobLogger = { info() {}, warn() {}, error: (_obj, msg) => errors.push(msg) };
    // random() = 0: the delays are the lower bound of the jitter, ½·base·2^(n−1): 20 ms, 40 ms.
    const instance = jobs(database.db, { backoffMs: 40, backoffMaxMs: 10_000, maxAttempts: 3, random: () => 0 }, log);
    const calls: number[] = [];
    instance.handle('test.fail', async (_payload, ctx) => {
      calls.push(performance.now());
      throw new Error(`refused on attempt ${ctx.attempt}`);
    });
    await instance.enqueue(database.db, { topic: 'test.fail', payload: {} });
    await until(async () => {
      await instance.runDue();
      return calls.length >= 3;
    });
    await sleep(100);
    expect(await instance.runDue()).toBe(0); // dead: not retried again
    expect(calls).toHaveLength(3);
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(19);
    expect(calls[2]! - calls[1]!).toBeGreaterThanOrEqual(39);
    const job = await database.db.selectFrom('job').selectAll().executeTakeFirstOrThrow();
    expect(job).toMatchObject({ attempts: 3, max_attempts: 3, done_at: null, locked_by: null });
    expect(job.last_error).toBe('Error: refused on attempt 3');
    expect(await instance.counts()).toEqual({ pending: 0, dead: 1 });
    expect(errors).toHaveLength(1);
  });

  it('runs a job enqueued the moment before (timestamps finer than a millisecond)', async () => {
    const instance = jobs(database.db);
    instance.handle('test.now', async () => {});
    for (let n = 0; n < 30; n++) {
      await instance.enqueue(database.db, { topic: 'test.now', payload: { n } });
      expect(await instance.runDue()).toBe(1);
    }
  });

  it('computes exponential backoff with jitter and a cap', () => {
    const options = { backoffMs: 1000, backoffMaxMs: 60_000 };
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, options, () => 0.999999))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(1, options, () => 0)).toBe(500);
    expect(retryDelayMs(20, options, () => 0.999999)).toBe(60_000);
  });

  it('runs the job of a runner that died once its lease has passed', async () => {
    const instance = jobs(database.db);
    let runs = 0;
    instance.handle('test.lease', async () => {
      runs++;
    });
    await instance.enqueue(database.db, { topic: 'test.lease', payload: {} });
    // A runner claims it and dies (never completes).
    const [claimed] = await claimJobs(otherDb, { worker: 'dead-runner', limit: 1, leaseMs: 300, topics: ['test.lease'] });
    expect(claimed?.attempts).toBe(1);
    expect(await instance.runDue()).toBe(0); // leased
    await sleep(350);
    expect(await instance.runDue()).toBe(1);
    expect(runs).toBe(1);
    // The dead runner, come back, cannot record an outcome for a job it no longer holds.
    expect(await completeJobs(otherDb, [claimed!.id], 'dead-runner')).toEqual([]);
    const job = await database.db.selectFrom('job').selectAll().executeTakeFirstOrThrow();
    expect(job.attempts).toBe(2);
    expect(job.done_at).toBeInstanceOf(Date);
  });

  it('ignores a second job with the same topic and key, even from another instance at the same moment', async () => {
    const a = jobs(database.db);
    const b = jobs(otherDb);
    let runs = 0;
    a.handle('test.once', async () => {
      runs++;
    });
    await Promise.all([
      a.enqueue(database.db, { topic: 'test.once', key: 'dossier-1:received', payload: { from: 'a' } }),
      b.enqueue(otherDb, { topic: 'test.once', key: 'dossier-1:received', payload: { from: 'b' } }),
    ]);
    await a.enqueue(database.db, { topic: 'test.once', key: 'dossier-1:received', payload: { from: 'a again' } });
    await a.enqueue(database.db, { topic: 'test.other', key: 'dossier-1:received', payload: {} }); // another topic
    await a.enqueue(database.db, { topic: 'test.once', payload: {} }); // no key: never deduplicated
    await a.enqueue(database.db, { topic: 'test.once', payload: {} });
    const rows = await database.db.selectFrom('job').select(['topic', 'key']).orderBy('id').execute();
    expect(rows).toEqual([
      { topic: 'test.once', key: 'dossier-1:received' },
      { topic: 'test.other', key: 'dossier-1:received' },
      { topic: 'test.once', key: null },
      { topic: 'test.once', key: null },
    ]);
    expect(await a.runDue()).toBe(3); // test.other has no handler here: left for a runner that has one
    expect(runs).toBe(3);
  });

  it('enqueues in the caller’s transaction: nothing is left when it rolls back', async () => {
    const instance = jobs(database.db);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await instance.enqueue(trx, { topic: 'test.outbox', payload: {} });
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');
    expect(await database.db.selectFrom('job').selectAll().execute()).toEqual([]);
  });

  it('runs beside request transactions and handlers that open their own (one PGlite connection)', async () => {
    const instance = jobs(database.db, { workers: 2 });
    instance.handle('test.tx', async (_payload, ctx) => {
      await ctx.db.transaction().execute(async (trx) => {
        await trx.insertInto('job_run' as never).values({ job_id: ctx.jobId, runner: 'tx' } as never).execute();
      });
    });
    instance.start();
    try {
      // A request's transaction that stays open while the runner polls.
      await database.db.transaction().execute(async (trx) => {
        for (let n = 0; n < 5; n++) await instance.enqueue(trx, { topic: 'test.tx', payload: { n } });
        await sleep(100);
      });
      await until(async () => (await instance.counts()).pending === 0, 10_000);
    } finally {
      await instance.stop();
    }
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from job_run`.execute(database.db);
    expect(rows[0]!.n).toBe(5);
  });

  it('stops gracefully: a running handler finishes and is recorded', async () => {
    const instance = jobs(database.db);
    let finished = false;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    instance.handle('test.slow', async () => {
      started();
      await sleep(200);
      finished = true;
    });
    await instance.enqueue(database.db, { topic: 'test.slow', payload: {} });
    instance.start();
    await running;
    await instance.stop();
    expect(finished).toBe(true);
    const job = await database.db.selectFrom('job').select(['done_at']).executeTakeFirstOrThrow();
    expect(job.done_at).toBeInstanceOf(Date);
  });

  it('claims jobs a few at a time: a failure in a batch leaves the others done, and stopping gives back the jobs not started', async () => {
    const instance = jobs(database.db, { workers: 1 });
    const ran: number[] = [];
    const gate = () => {
      let open!: () => void;
      let started!: () => void;
      return { opened: new Promise<void>((r) => (open = r)), started: new Promise<void>((r) => (started = r)), open: () => open(), start: () => started() };
    };
    const first = gate();
    const fifth = gate();
    instance.handle<{ n: number }>('test.batch', async ({ n }) => {
      ran.push(n);
      if (n === 1 || n === 5) {
        const g = n === 1 ? first : fifth;
        g.start();
        await g.opened;
      }
      if (n === 2) throw new Error('second fails');
    });
    for (const n of [1, 2, 3, 4, 5, 6]) await instance.enqueue(database.db, { topic: 'test.batch', key: String(n), payload: { n } });
    instance.start();
    await first.started;
    // The worker holds a batch: the jobs after the first are claimed (leased) though not started.
    const leased = await database.db.selectFrom('job').select(['key']).where('locked_by', 'is not', null).orderBy('id').execute();
    expect(leased.map((j) => j.key)).toEqual(['1', '2', '3', '4']);
    first.open();
    // The next batch is 5 and 6; stop while 5 runs.
    await fifth.started;
    const stopping = instance.stop();
    fifth.open();
    await stopping;
    expect(ran).toEqual([1, 2, 3, 4, 5]);
    const rows = await database.db.selectFrom('job').select(['key', 'done_at', 'attempts', 'locked_by', 'last_error']).orderBy('id').execute();
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const key of ['1', '3', '4', '5']) expect(byKey.get(key)!.done_at, key).toBeInstanceOf(Date);
    expect(byKey.get('2')!.done_at).toBeNull();
    expect(byKey.get('2')!.last_error).toContain('second fails');
    // Claimed with 5 and not started when the runner stopped: due again, its attempt not counted.
    expect(byKey.get('6')).toMatchObject({ done_at: null, attempts: 0, locked_by: null });
    expect(rows.every((r) => r.locked_by === null)).toBe(true);
  });

  it('runs each tick of a schedule once with two instances', async () => {
    const ticks: string[] = [];
    const instances = [jobs(database.db), jobs(otherDb)];
    for (const instance of instances) {
      instance.schedule('every-second', '* * * * * *', async ({ tick }) => {
        ticks.push(tick.toISOString());
      });
      instance.start();
    }
    await sleep(2300);
    await Promise.all(instances.map((instance) => instance.stop()));
    await instances[0]!.runDue(); // a tick enqueued just before the stop
    const rows = await database.db.selectFrom('job').select(['key', 'done_at']).where('topic', '=', 'schedule.every-second').execute();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.key?.startsWith('every-second:') && r.key.endsWith('.000Z'))).toBe(true);
    expect(ticks.sort()).toEqual(rows.map((r) => r.key!.slice('every-second:'.length)).sort());
    expect(new Set(ticks).size).toBe(ticks.length);
  });

  it('refuses a cron pattern it cannot read, at registration', () => {
    expect(() => jobs(database.db).schedule('bad', 'every day', async () => {})).toThrow();
  });
});
