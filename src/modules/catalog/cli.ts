// Command-line catalog administration (`./bin/motcua catalog ...`): import and export (JSON or the
// Excel template), the blank template, and the seed catalog. The operator acts with the rights of
// a ministry-level administrator; changes are audited as the system actor `cli:<user>`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/types.ts';
import { ProblemError, zodFieldErrors } from '../../http/problem.ts';
import { seedUnits } from '../identity/module.ts';
import type { CatalogModule } from './module.ts';
import { CatalogExchange } from './schema.ts';

/** The Excel code loads exceljs (a third of a second): only the commands that use it load it. */
const excel = () => import('./excel.ts');
import { seedCatalog } from './seed/seed.ts';
import { systemActorNamed } from './service.ts';
import { exportCatalog, importCatalog, jsonLocator, type ImportLocator } from './transfer.ts';

export interface CatalogCliSupport {
  withDatabase<T>(fn: (database: { db: Kysely<DB> }, cfg: Config) => Promise<T>): Promise<T>;
  /** Builds the catalog module over an open database (cli.ts: with its own unit directory). */
  catalogModule(database: { db: Kysely<DB> }, cfg: Config): CatalogModule;
  fail(message: string): never;
  out(line: string): void;
}

/** A problem as lines an operator can act on: sheet/row/column for Excel, a pointer for JSON. */
function problemLines(error: ProblemError): string[] {
  const detail = typeof error.detailText === 'string' ? error.detailText : (error.detailText?.vi ?? error.message);
  type Row = { sheet?: string; row?: number; column?: string; pointer: string; message: { vi: string } };
  const rows: Row[] =
    (error.extensions?.importErrors as Row[] | undefined) ??
    (error.fieldErrors ?? []).map((e) => ({ pointer: e.pointer, message: typeof e.message === 'string' ? { vi: e.message } : e.message }));
  return [
    detail,
    ...rows.map((e) => (e.sheet ? `  ${e.sheet}!${e.column ?? ''}${e.row ?? ''}: ${e.message.vi}` : `  ${e.pointer}: ${e.message.vi}`)),
  ];
}

export function registerCatalogCommands(program: Command, support: CatalogCliSupport): void {
  const catalog = program.command('catalog').description('procedure catalog: import, export, template, seed');

  catalog
    .command('import')
    .description('import procedures from a JSON exchange file or the Excel template (all or nothing)')
    .argument('<file>', '.json (CatalogExchange) or .xlsx (docs/catalog-excel-template.md)')
    .option('--publish', 'publish every imported draft')
    .option('--dry-run', 'validate and report, change nothing')
    .option('--actor <name>', 'who imports (recorded in the audit log)', process.env.USER ?? 'cli')
    .action(async (file: string, opts: { publish?: boolean; dryRun?: boolean; actor: string }) => {
      let buffer: Buffer;
      try {
        buffer = readFileSync(file);
      } catch (error) {
        support.fail(`cannot read ${file}: ${(error as Error).message}`);
      }
      await support.withDatabase(async (database, cfg) => {
        await seedUnits(database.db);
        const module = support.catalogModule(database, cfg);
        try {
          let exchange: CatalogExchange;
          let locate: ImportLocator = jsonLocator;
          if (path.extname(file).toLowerCase() === '.xlsx') {
            ({ exchange, locate } = await (await excel()).readCatalogWorkbook(buffer));
          } else {
            let raw: unknown;
            try {
              raw = JSON.parse(buffer.toString('utf8'));
            } catch (error) {
              support.fail(`${file} is not JSON: ${(error as Error).message}`);
            }
            const parsed = CatalogExchange.safeParse(raw);
            if (!parsed.success) {
              throw new ProblemError('validation', {
                detail: { vi: 'Tệp JSON không đúng định dạng trao đổi danh mục.', en: 'Not a catalog exchange file.' },
                errors: zodFieldErrors(parsed.error.issues, 'body'),
              });
            }
            exchange = parsed.data;
          }
          const result = await importCatalog(module.core, systemActorNamed(`cli:${opts.actor}`), exchange, { publish: opts.publish ?? false, dryRun: opts.dryRun ?? false }, locate);
          for (const r of result.results) support.out(`${r.code}\t${r.action}\tv${r.versionNumber}\t${r.status}`);
          support.out(`${result.results.length} procedure(s)${result.dryRun ? ' (dry run: nothing changed)' : ''}`);
        } catch (error) {
          if (error instanceof ProblemError) support.fail(problemLines(error).join('\n'));
          throw error;
        }
      });
    });

  catalog
    .command('export')
    .description('export the catalog (all units) as JSON (lossless) or Excel')
    .addOption(new Option('--format <format>', 'file format').choices(['json', 'xlsx']).default('json'))
    .addOption(new Option('--which <which>', 'latest version (draft if any) or the published one').choices(['latest', 'published']).default('latest'))
    .option('--unit <id>', 'only procedures of this unit and its sub-units')
    .option('--out <file>', 'write to this file (default: standard output, JSON only)')
    .action(async (opts: { format: 'json' | 'xlsx'; which: 'latest' | 'published'; unit?: string; out?: string }) => {
      if (opts.format === 'xlsx' && !opts.out) support.fail('--format xlsx needs --out <file>');
      await support.withDatabase(async (database, cfg) => {
        const module = support.catalogModule(database, cfg);
        const exchange = await exportCatalog(module.core, 'system', { unit: opts.unit, which: opts.which });
        const body = opts.format === 'xlsx' ? await (await excel()).writeCatalogWorkbook(exchange) : `${JSON.stringify(exchange, null, 2)}\n`;
        if (opts.out) {
          writeFileSync(opts.out, body);
          support.out(`${exchange.procedures.length} procedure(s) written to ${opts.out}`);
        } else {
          process.stdout.write(body);
        }
      });
    });

  catalog
    .command('template')
    .description('write the blank Excel import template')
    .requiredOption('--out <file>', 'the .xlsx file to write')
    .action(async (opts: { out: string }) => {
      writeFileSync(opts.out, await (await excel()).templateWorkbook());
      support.out(`template written to ${opts.out}`);
    });

  catalog
    .command('seed')
    .description('load the seed catalog of the ministry’s procedures into an empty catalog')
    .action(async () => {
      await support.withDatabase(async (database, cfg) => {
        await seedUnits(database.db);
        const created = await seedCatalog(database.db, support.catalogModule(database, cfg));
        support.out(created > 0 ? `${created} procedure(s) seeded and published` : 'catalog not empty: nothing seeded');
      });
    });
}
