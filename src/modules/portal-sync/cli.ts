// Command-line delivery to the national portal (`./bin/motcua portal-sync ...`): the counts by
// state with the oldest dossier not delivered, and a retry of one dossier, of every dossier in
// error, or of every dossier never queued (queued: the job runner of a server sends it, or `motcua jobs run-due`). Output formats
// are a scripted interface: keep them stable. Exit codes: 0 done, 2 bad input.
import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import { formatLocalIso } from '../../core/calendar/index.ts';
import type { Database } from '../../db/database.ts';
import type { PortalSyncService } from './service.ts';

export interface PortalSyncCliSupport {
  withDatabase<T>(fn: (database: Database, cfg: Config) => Promise<T>): Promise<T>;
  /** The module's use cases over an open database (cli.ts builds them as server.ts does). */
  portalSync(database: Database, cfg: Config): Pick<PortalSyncService, 'counts' | 'retryByCode' | 'retryAllErrors' | 'queueUnqueued'>;
  fail(message: string): never;
  out(line: string): void;
}

export function registerPortalSyncCommands(program: Command, support: PortalSyncCliSupport): void {
  const group = program.command('portal-sync').description('delivery of dossiers to the national public service portal (Cổng DVCQG)');
  group
    .command('status')
    .description('print the dossiers by delivery state and the oldest one not delivered')
    .action(async () => {
      await support.withDatabase(async (database, cfg) => {
        const c = await support.portalSync(database, cfg).counts();
        const oldest = c.oldestPendingCode ? `${c.oldestPendingCode} since ${formatLocalIso(c.oldestPendingSince!)}` : '-';
        support.out(`pending: ${c.pending}\tsynced: ${c.synced}\terror: ${c.error}\toldest not delivered: ${oldest}`);
      });
    });
  group
    .command('retry')
    .description('queue a new delivery now: of one dossier (--dossier CODE) or of every dossier in error (--all-errors)')
    .option('--dossier <code>', 'the dossier code (mã hồ sơ)')
    .option('--all-errors', 'every dossier whose last attempt failed')
    .option('--unqueued', 'every dossier never queued (stored before delivery was on, or written in bulk)')
    .action(async (opts: { dossier?: string; allErrors?: boolean; unqueued?: boolean }) => {
      if ([opts.dossier, opts.allErrors, opts.unqueued].filter(Boolean).length !== 1) support.fail('give one of --dossier CODE, --all-errors, --unqueued');
      await support.withDatabase(async (database, cfg) => {
        const portalSync = support.portalSync(database, cfg);
        if (opts.unqueued) {
          support.out(`queued: ${await portalSync.queueUnqueued()}`);
        } else if (opts.dossier) {
          if (!(await portalSync.retryByCode(opts.dossier.trim().toUpperCase()))) support.fail(`no dossier ${opts.dossier} is queued for the national portal`);
          support.out('queued: 1');
        } else {
          support.out(`queued: ${await portalSync.retryAllErrors()}`);
        }
      });
    });
}
