// Command-line files (`./bin/motcua files ...`): the cleanup the nightly `files-cleanup` schedule
// runs, by hand, or counted only (--dry-run). It prints one line of JSON, a scripted interface:
// keep it stable. Exit codes: 0 done; 1 the cleanup failed, or the store kept blobs it was asked
// to delete (their addresses are in the JSON); 2 bad configuration (the command line's own).
import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { FilesModule } from './module.ts';

export interface FilesCliSupport {
  withDatabase<T>(fn: (database: Database, cfg: Config) => Promise<T>): Promise<T>;
  /**
   * The files module over the command's database, with the keepers of the modules that register
   * one (a draft's uploads), as the server builds it: a cleanup without them would delete files
   * those records still list.
   */
  filesModule(database: Database, cfg: Config): Pick<FilesModule, 'cleanup'>;
  out(line: string): void;
  warn(line: string): void;
  setExitCode(code: number): void;
}

export function registerFilesCommands(program: Command, support: FilesCliSupport): void {
  const files = program.command('files').description('stored files: uploads, scans and signed results');
  files
    .command('cleanup')
    .description(
      'delete the files no record refers to any more, FILE_ORPHAN_HOURS after their upload or release, as the nightly files-cleanup schedule does; prints a JSON summary (exit 1 when it fails)',
    )
    .option('--dry-run', 'count what would be deleted (files, blobs, bytes) and delete nothing')
    .action(async (opts: { dryRun?: boolean }) => {
      const dryRun = opts.dryRun === true;
      // A configuration or data folder the command cannot open fails as every command does (exit
      // 2); what fails once the database is open is the cleanup's failure (exit 1).
      await support.withDatabase(async (database, cfg) => {
        const olderThan = new Date(Date.now() - cfg.FILE_ORPHAN_HOURS * 3_600_000);
        let result;
        try {
          result = await support.filesModule(database, cfg).cleanup(olderThan, { dryRun });
        } catch (error) {
          support.warn(`motcua files cleanup: failed${dryRun ? ' (dry run)' : ''}: ${error instanceof Error ? error.message : String(error)}`);
          support.setExitCode(1);
          return;
        }
        support.out(JSON.stringify({ dryRun, graceHours: cfg.FILE_ORPHAN_HOURS, olderThan: olderThan.toISOString(), ...result }));
        if (result.blobsNotDeleted.length > 0) {
          support.warn(`motcua files cleanup: ${result.blobsNotDeleted.length} blobs of deleted files could not be deleted from the file store (no row refers to them: delete them by hand)`);
          support.setExitCode(1);
        }
      });
    });
}
