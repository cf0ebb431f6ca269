// Command-line reconciliation of a sector database with the national population database
// (`./bin/motcua registries reconcile --registry ip|st|techmarket|stameq [--report out.xlsx] [--as officer]`):
// progress on stderr (a bar on a terminal, otherwise a line per 10%), the summary on stdout, an
// XLSX report on request. The summary is a scripted interface: keep it stable. Exit codes: 0
// done, 2 bad input, an operator who may not reconcile, or a run of the registry already running
// (nothing done).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { RegistriesModule, RunCounts } from './module.ts';
import { REGISTRY_CODES, type RegistryCode } from './people.ts';
import { RunInProgressError } from './reconcile.ts';

/** The account id the command line's queries are logged under (no account stands behind it). */
export const CLI_ACCOUNT_ID = '00000000-0000-0000-0000-000000000000';

export interface RegistriesCliSupport {
  withDatabase<T>(fn: (database: Database, cfg: Config) => Promise<T>): Promise<T>;
  config(): Config;
  /**
   * The officer a command is run as (`--as <username>`): their account, if it is an enabled officer
   * holding `registry.reconcile`; otherwise the reason it cannot be used.
   */
  operator(database: Database, cfg: Config, username: string): Promise<{ accountId: string; name: string; username: string; unitId: string | null } | { refused: string }>;
  /** The registries module over the command's database and the population module (cli.ts builds them as server.ts does). */
  registries(database: Database, cfg: Config): Pick<RegistriesModule, 'reconcile'>;
  fail(message: string): never;
  out(line: string): void;
  /** Progress output (stderr) and whether it is a terminal. */
  progress: { write(text: string): void; isTTY: boolean };
}

/** Progress: a redrawn bar on a terminal, otherwise one line each 10%. */
export function progressPrinter(stream: RegistriesCliSupport['progress']): { update(c: RunCounts): void; end(): void } {
  let lastDecile = -1;
  let drawn = false;
  return {
    update(c) {
      const ratio = c.total === 0 ? 1 : c.done / c.total;
      if (stream.isTTY) {
        const width = 30;
        const full = Math.round(ratio * width);
        stream.write(`\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${c.done}/${c.total}`);
        drawn = true;
        return;
      }
      const decile = Math.floor(ratio * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        stream.write(`${decile * 10}% ${c.done}/${c.total}\n`);
      }
    },
    end() {
      if (drawn) stream.write('\n');
    },
  };
}

export function registerRegistriesCommands(program: Command, support: RegistriesCliSupport): void {
  const group = program.command('registries').description('the sector databases and their link to the national population database');
  group
    .command('reconcile')
    .description('compare every person of a sector database with the population database (audited, logged)')
    .requiredOption('--registry <code>', `the sector database: ${REGISTRY_CODES.join('|')}`)
    .option('--report <file.xlsx>', 'also write an XLSX report: a summary sheet and one sheet per outcome')
    .option('--as <username>', 'the officer account the population queries and the audit are recorded under (holding registry.reconcile)')
    .action(async (opts: { registry: string; report?: string; as?: string }) => {
      if (!(REGISTRY_CODES as readonly string[]).includes(opts.registry)) support.fail(`unknown registry ${opts.registry}: give one of ${REGISTRY_CODES.join(', ')}`);
      const registry = opts.registry as RegistryCode;
      const report = opts.report ? path.resolve(opts.report) : undefined;
      if (report) {
        if (!report.toLowerCase().endsWith('.xlsx')) support.fail(`the report ${opts.report} must be an .xlsx file`);
        const dir = path.dirname(report);
        if (!existsSync(dir) || !statSync(dir).isDirectory()) support.fail(`no folder ${dir} for the report`);
      }
      if (!support.config().POPULATION_API_URL) support.fail('POPULATION_API_URL is not set: the command line reaches the population database (or an emulator) at that address');
      await support.withDatabase(async (database, cfg) => {
        // Run as a named officer (their account in the query log and the audit), or, without --as,
        // as the command line: the nil UUID in the query log, named by USER, with a warning.
        let actor: { kind: 'officer'; accountId: string; name: string; officerCode: string; unitId: string | null };
        if (opts.as) {
          const found = await support.operator(database, cfg, opts.as);
          if ('refused' in found) support.fail(found.refused);
          actor = { kind: 'officer', accountId: found.accountId, name: found.name, officerCode: found.username, unitId: found.unitId };
        } else {
          const user = process.env.USER ?? 'cli';
          actor = { kind: 'officer', accountId: CLI_ACCOUNT_ID, name: `Dòng lệnh (${user})`, officerCode: `cli:${user}`, unitId: null };
          support.progress.write(`warning: no --as <username>: the population queries are recorded under no officer account (cli:${user})\n`);
        }
        const progress = progressPrinter(support.progress);
        const started = performance.now();
        const run = await support
          .registries(database, cfg)
          .reconcile(actor, registry, { onProgress: (c) => progress.update(c) })
          .catch((error: unknown) => {
            if (error instanceof RunInProgressError) support.fail(`registry ${registry} is being reconciled already (on this or another instance): wait for that run to finish`);
            throw error;
          });
        progress.end();
        if (report) {
          const { writeReconcileReport } = await import('./report-xlsx.ts');
          await writeReconcileReport(database.db, run, report);
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        support.out(
          `run: ${run.id}\tregistry: ${run.registry}\ttotal: ${run.total}\tmatch: ${run.match}\tmismatch: ${run.mismatch}\tunknown_number: ${run.unknown_number}\tlegacy_number: ${run.legacy_number}\tunavailable: ${run.unavailable}\tseconds: ${seconds}`,
        );
        if (report) support.out(`report: ${report}`);
      });
    });
}
