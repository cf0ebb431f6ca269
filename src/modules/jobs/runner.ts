// The job runner: claims due jobs (store.ts) and runs their handlers, in as many workers as
// configured, retrying failures with exponential backoff and jitter. Nothing here is shared
// between instances except the job table: any number of runners over one database run each job
// once (FOR UPDATE SKIP LOCKED), and a job whose runner died is retried once its lease passes.
//
// PGlite has one connection, handed out through the dialect's lock (src/db/pglite-dialect.ts):
// a transaction holds it until it ends. The runner therefore never keeps a connection while a
// handler runs — claim, run, record are separate statements — so a request's transaction and a
// handler's own transaction simply take turns with the runner's short queries.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import { claimJobs, completeJobs, databaseNow, failJob, releaseJobs, type ClaimedJob } from './store.ts';

/** Jobs a worker claims at once (fewer when fewer are due). */
const CLAIM_BATCH = 4;

export interface JobContext {
  jobId: number;
  /** This attempt's number, from 1. */
  attempt: number;
  /** The database (not a transaction: open one here if the work needs it). */
  db: Kysely<DB>;
}

export type JobHandler<P = unknown> = (payload: P, ctx: JobContext) => Promise<void>;

export interface JobLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface RunnerOptions {
  workers: number;
  pollMs: number;
  leaseMs: number;
  backoffMs: number;
  backoffMaxMs: number;
  /** For tests: the jitter's random source, [0, 1). */
  random?: () => number;
}

/** Delay before attempt `attempt + 1`: base·2^(attempt−1), capped, then jittered into [½, 1] of it. */
export function retryDelayMs(attempt: number, options: Pick<RunnerOptions, 'backoffMs' | 'backoffMaxMs'>, random = Math.random): number {
  const exponential = Math.min(options.backoffMaxMs, options.backoffMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.5 + random() / 2));
}

export class JobRunner {
  readonly #db: Kysely<DB>;
  readonly #handlers: ReadonlyMap<string, JobHandler>;
  readonly #options: RunnerOptions;
  readonly #log: JobLogger;
  readonly #instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  #claims = 0;
  #running = false;
  #loops: Promise<void>[] = [];
  readonly #inFlight = new Set<Promise<unknown>>();
  #wake: (() => void)[] = [];

  constructor(db: Kysely<DB>, handlers: ReadonlyMap<string, JobHandler>, options: RunnerOptions, log: JobLogger) {
    this.#db = db;
    this.#handlers = handlers;
    this.#options = options;
    this.#log = log;
  }

  get running(): boolean {
    return this.#running;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loops = Array.from({ length: this.#options.workers }, () => this.#workerLoop());
  }

  /** Stops claiming, and resolves once every handler that is running has finished. */
  async stop(): Promise<void> {
    this.#running = false;
    for (const wake of this.#wake.splice(0)) wake();
    await Promise.all(this.#loops);
    this.#loops = [];
    await Promise.allSettled([...this.#inFlight]);
  }

  /** Runs every job due now (not the retries this makes) with the configured concurrency. */
  async runDue(): Promise<number> {
    const dueBy = await databaseNow(this.#db);
    let count = 0;
    for (;;) {
      const batch = await this.#claim(this.#options.workers, dueBy);
      if (batch.length === 0) return count;
      const token = batch[0]!.token;
      const ran = await Promise.all(batch.map(({ job }) => this.#track(this.#run(job, token))));
      await this.#complete(batch.filter((_, i) => ran[i]).map(({ job }) => job), token);
      count += batch.length;
    }
  }

  async #workerLoop(): Promise<void> {
    while (this.#running) {
      let ran = false;
      try {
        // A few jobs a claim, run one after the other and marked done together: under a backlog
        // (the jobs of each intake) the claim and the completion are one statement for the batch.
        const batch = await this.#claim(CLAIM_BATCH);
        if (batch.length > 0) {
          ran = true;
          const token = batch[0]!.token;
          const done: ClaimedJob[] = [];
          const left: ClaimedJob[] = [];
          for (const { job } of batch) {
            // Stopping: the jobs not started go back to the table, as if never claimed.
            if (!this.#running) left.push(job);
            else if (await this.#track(this.#run(job, token))) done.push(job);
          }
          await this.#complete(done, token);
          if (left.length > 0) await this.#record(() => releaseJobs(this.#db, left.map((j) => j.id), token), left);
        }
      } catch (error) {
        // The database is unreachable or closing: wait a poll and try again.
        if (this.#running) this.#log.warn({ err: error }, 'job runner could not claim jobs');
      }
      if (!ran && this.#running) await this.#sleep(this.#options.pollMs);
    }
  }

  async #claim(limit: number, dueBy?: string): Promise<{ job: ClaimedJob; token: string }[]> {
    // One token per claim: a worker of this instance that outlives its lease cannot complete the
    // job that another worker (of any instance) has claimed since.
    const token = `${this.#instance}#${++this.#claims}`;
    const jobs = await claimJobs(this.#db, {
      worker: token,
      limit,
      leaseMs: this.#options.leaseMs,
      topics: [...this.#handlers.keys()],
      ...(dueBy ? { dueBy } : {}),
    });
    return jobs.map((job) => ({ job, token }));
  }

  #track<T>(run: Promise<T>): Promise<T> {
    this.#inFlight.add(run);
    return run.finally(() => this.#inFlight.delete(run));
  }

  /** Runs a job's handler: true when it succeeded (the caller marks it done), false when it failed (recorded here). */
  async #run(job: ClaimedJob, token: string): Promise<boolean> {
    const handler = this.#handlers.get(job.topic);
    try {
      if (!handler) throw new Error(`no handler for topic ${job.topic}`);
      await handler(job.payload, { jobId: job.id, attempt: job.attempts, db: this.#db });
      return true;
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const context = { jobId: job.id, topic: job.topic, attempt: job.attempts, maxAttempts: job.maxAttempts, err: error };
      const delay = retryDelayMs(job.attempts, this.#options, this.#options.random);
      if (job.attempts >= job.maxAttempts) {
        this.#log.error(context, 'job failed for the last time; it stays in the job table with its last error');
      } else {
        this.#log.warn({ ...context, retryInMs: delay }, 'job failed; it will be retried');
      }
      await this.#record(() => failJob(this.#db, job.id, token, message, delay), [job]);
      return false;
    }
  }

  /** Marks jobs that succeeded done, in one statement. */
  async #complete(jobs: ClaimedJob[], token: string): Promise<void> {
    if (jobs.length === 0) return;
    await this.#record(async () => {
      const completed = new Set(await completeJobs(this.#db, jobs.map((j) => j.id), token));
      for (const job of jobs) {
        if (!completed.has(job.id)) this.#log.warn({ jobId: job.id, topic: job.topic }, 'job finished after its lease had passed (it may have run twice)');
      }
    }, jobs);
  }

  async #record(write: () => Promise<void>, jobs: ClaimedJob[]): Promise<void> {
    try {
      await write();
    } catch (error) {
      // The outcome is lost; the lease passes and the jobs are claimed again.
      for (const job of jobs) this.#log.error({ jobId: job.id, topic: job.topic, err: error }, 'job outcome could not be recorded');
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wake = this.#wake.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wake.push(done);
    });
  }
}
