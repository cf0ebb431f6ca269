// Assembles the jobs module: the transactional outbox (enqueue inside the caller's transaction),
// the registry of handlers, recurring schedules, and the runner. Other modules register their
// handlers when they are built; server.ts starts the runner when the server is ready and stops it
// (waiting for running handlers) when it closes.
import { Cron } from 'croner';
import { Gauge, type Registry } from 'prom-client';
import type { Module, ModuleDeps } from '../module.ts';
import { JobRunner, type JobContext, type JobHandler, type JobLogger, type RunnerOptions } from './runner.ts';
import { countJobs, insertJob, type Executor, type JobCounts } from './store.ts';

export type { JobContext, JobHandler, JobLogger } from './runner.ts';
export { retryDelayMs } from './runner.ts';
export type { Executor, JobCounts } from './store.ts';

export interface EnqueueInput<P = unknown> {
  topic: string;
  /** JSON-serializable. */
  payload: P;
  /** With the topic, names the job: a second enqueue with the same key is ignored. */
  key?: string;
  runAt?: Date;
  maxAttempts?: number;
}

export interface JobsModule extends Module {
  /**
   * Adds a job in the caller's transaction (the outbox): it exists only if that transaction
   * commits. A job whose (topic, key) exists already is ignored, however many instances try.
   */
  enqueue<P>(trx: Executor, job: EnqueueInput<P>): Promise<void>;
  /** The handler of a topic (one per topic). Handlers must be idempotent where they can: a job whose runner died past its lease runs again. */
  handle<P>(topic: string, handler: JobHandler<P>): void;
  /**
   * Recurring work: every tick of `cronExpr` (croner syntax, seconds optional; Asia/Ho_Chi_Minh)
   * enqueues one job keyed by the tick, so with several instances a tick runs once.
   */
  schedule(name: string, cronExpr: string, task: (ctx: JobContext & { tick: Date }) => Promise<void>): void;
  /** Starts the workers and the schedules of this instance. */
  start(): void;
  /** Stops claiming and schedules; resolves when running handlers have finished. */
  stop(): Promise<void>;
  /** Runs the jobs due now (for tests and the CLI); returns how many ran. */
  runDue(): Promise<number>;
  counts(): Promise<JobCounts>;
  /** Adds the pending/dead gauges to a Prometheus registry. */
  registerMetrics(registry: Registry): void;
}

export interface JobsDeps extends Pick<ModuleDeps, 'config' | 'db'> {
  log?: JobLogger;
  /** Overrides of the configured runner settings (tests). */
  runner?: Partial<RunnerOptions> & { maxAttempts?: number };
}

const SCHEDULE_TOPIC = (name: string) => `schedule.${name}`;
const TOPIC = /^[a-z][a-z0-9_.:-]{0,99}$/;

const silent: JobLogger = { info() {}, warn() {}, error() {} };

export function createJobsModule(deps: JobsDeps): JobsModule {
  const { config, db } = deps;
  const log = deps.log ?? silent;
  const options: RunnerOptions = {
    workers: config.JOB_WORKERS,
    pollMs: config.JOB_POLL_MS,
    leaseMs: config.JOB_LEASE_MS,
    backoffMs: config.JOB_BACKOFF_MS,
    backoffMaxMs: config.JOB_BACKOFF_MAX_MS,
    ...deps.runner,
  };
  const defaultMaxAttempts = deps.runner?.maxAttempts ?? config.JOB_MAX_ATTEMPTS;
  const handlers = new Map<string, JobHandler>();
  const schedules: { name: string; cronExpr: string }[] = [];
  let crons: Cron[] = [];
  const runner = new JobRunner(db, handlers, options, log);

  async function enqueue<P>(trx: Executor, job: EnqueueInput<P>): Promise<void> {
    if (!TOPIC.test(job.topic)) throw new Error(`invalid job topic: ${job.topic}`);
    const maxAttempts = job.maxAttempts ?? defaultMaxAttempts;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error('maxAttempts must be a positive integer');
    await insertJob(trx, { topic: job.topic, payload: job.payload, key: job.key, runAt: job.runAt, maxAttempts });
  }

  function startSchedule({ name, cronExpr }: { name: string; cronExpr: string }): Cron {
    // The tick is the scheduled instant, not the moment the timer fired: instances whose timers
    // fire a little apart still compute the same key.
    let expected: Date | null = null;
    const cron = new Cron(cronExpr, { paused: true, protect: true, timezone: 'Asia/Ho_Chi_Minh' }, async (self: Cron) => {
      const tick = expected ?? new Date(Math.floor(Date.now() / 1000) * 1000);
      expected = self.nextRun();
      try {
        await enqueue(db, { topic: SCHEDULE_TOPIC(name), key: `${name}:${tick.toISOString()}`, payload: { tick: tick.toISOString() } });
      } catch (error) {
        log.error({ schedule: name, tick: tick.toISOString(), err: error }, 'schedule tick could not be enqueued');
      }
    });
    expected = cron.nextRun();
    cron.resume();
    return cron;
  }

  return {
    enqueue,
    handle(topic, handler) {
      if (!TOPIC.test(topic)) throw new Error(`invalid job topic: ${topic}`);
      if (handlers.has(topic)) throw new Error(`a handler of ${topic} is registered already`);
      handlers.set(topic, handler as JobHandler);
    },
    schedule(name, cronExpr, task) {
      // Fails here, at registration, on a pattern croner does not accept.
      new Cron(cronExpr, { paused: true }).stop();
      const topic = SCHEDULE_TOPIC(name);
      if (handlers.has(topic)) throw new Error(`a schedule named ${name} is registered already`);
      handlers.set(topic, (payload, ctx) => task({ ...ctx, tick: new Date((payload as { tick: string }).tick) }));
      schedules.push({ name, cronExpr });
      if (runner.running) crons.push(startSchedule({ name, cronExpr }));
    },
    start() {
      if (runner.running) return;
      runner.start();
      crons = schedules.map(startSchedule);
    },
    async stop() {
      for (const cron of crons) cron.stop();
      crons = [];
      await runner.stop();
    },
    runDue: () => runner.runDue(),
    counts: () => countJobs(db),
    registerMetrics(registry) {
      new Gauge({
        name: 'jobs',
        help: 'Jobs not done: pending (attempts left) and dead (out of attempts, need a person)',
        labelNames: ['state'] as const,
        registers: [registry],
        async collect() {
          const counts = await countJobs(db);
          this.set({ state: 'pending' }, counts.pending);
          this.set({ state: 'dead' }, counts.dead);
        },
      });
    },
    register() {
      // No routes.
    },
  };
}
