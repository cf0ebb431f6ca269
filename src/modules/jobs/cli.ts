// Command-line jobs (`./bin/motcua jobs ...`): run what is due now (a cron job of the operating
// system can do it where no server runs the jobs, JOB_RUNNER=false) and show the queue. Output
// formats are a scripted interface: keep them stable.
import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { JobsModule } from './module.ts';

export interface JobsCliSupport {
  withDatabase<T>(fn: (database: Database, cfg: Config) => Promise<T>): Promise<T>;
  /** The jobs module with every module's handlers registered (cli.ts builds them). */
  jobsModule(database: Database, cfg: Config): JobsModule;
  out(line: string): void;
}

export function registerJobsCommands(program: Command, support: JobsCliSupport): void {
  const jobs = program.command('jobs').description('the outbox and job queue');

  jobs
    .command('run-due')
    .description('run the jobs due now, once each; print how many ran and what is left')
    .action(async () => {
      await support.withDatabase(async (database, cfg) => {
        const module = support.jobsModule(database, cfg);
        const ran = await module.runDue();
        const counts = await module.counts();
        support.out(`ran: ${ran}\tpending: ${counts.pending}\tdead: ${counts.dead}`);
      });
    });

  jobs
    .command('status')
    .description('print the number of pending and dead jobs')
    .action(async () => {
      await support.withDatabase(async (database, cfg) => {
        const counts = await support.jobsModule(database, cfg).counts();
        support.out(`pending: ${counts.pending}\tdead: ${counts.dead}`);
      });
    });
}
