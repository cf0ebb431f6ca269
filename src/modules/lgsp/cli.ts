// Command-line gateway (`./bin/motcua lgsp ...`): consumer systems, the message log's export (JSON
// Lines with the signed heads and the public keys) and its verification, from a file offline or
// from the database. Output formats are a scripted interface: keep them stable. Exit codes: 0 done
// (verify-log: every row and every signed head verify), 1 verification failed, 2 bad input.
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import type { JWK } from 'jose';
import type { Config } from '../../config.ts';
import { verifyLines, type ExportLine, type VerifyReport } from '../../core/lgsp/index.ts';
import type { Database } from '../../db/database.ts';
import type { LgspModule } from './module.ts';

export interface LgspCliSupport {
  withDatabase<T>(fn: (database: Database, cfg: Config) => Promise<T>): Promise<T>;
  module(database: Database, cfg: Config): LgspModule;
  fail(message: string): never;
  out(line: string): void;
  setExitCode(code: number): void;
}

const CLI = 'motcua lgsp (command line)';

function instant(value: string | undefined, name: string, fail: (m: string) => never): Date | undefined {
  if (value === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+07:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) fail(`--${name} expects a date (YYYY-MM-DD, Asia/Ho_Chi_Minh) or an ISO 8601 instant`);
  return date;
}

async function* readExport(file: string, fail: (m: string) => never): AsyncGenerator<ExportLine> {
  const lines = createInterface({ input: file === '-' ? process.stdin : createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as ExportLine;
    } catch {
      // A line that is not JSON is a changed line too: the verifier names it.
      yield { type: 'row', seq: -n } as ExportLine;
    }
  }
  void fail;
}

function report(result: VerifyReport, out: (line: string) => void): void {
  if (result.ok) {
    out(`OK: ${result.rows} rows, ${result.heads} signed heads verify${result.unsignedTail ? `; ${result.unsignedTail} rows after the last signed head (chained, not yet signed)` : ''}`);
  } else {
    const f = result.failure!;
    out(`FAILED at line ${f.line}${f.seq !== null && f.seq > 0 ? ` (row ${f.seq})` : ''}: ${f.reason}`);
    out(`verified before it: ${result.rows} rows, ${result.heads} signed heads`);
  }
}

export function registerLgspCommands(program: Command, support: LgspCliSupport): void {
  const { withDatabase, fail, out } = support;
  const lgsp = program.command('lgsp').description('data-exchange gateway (LGSP): consumer systems and the message log');
  const consumer = lgsp.command('consumer').description('consumer systems (OAuth2 clients)');

  consumer
    .command('create')
    .description('register a consumer system; prints its client secret once (client_secret_basic)')
    .argument('<id>', 'client id: lower-case letters, digits, . _ -')
    .requiredOption('--name <name>', 'the system’s name')
    .option('--secret <secret>', 'the client secret (default: 32 random bytes)')
    .option('--jwks <file>', 'a JWK Set file of the client’s public keys (private_key_jwt instead of a secret)')
    .option('--allow <services>', 'comma-separated service codes it may call')
    .option('--unit <unitId>', 'the unit the system belongs to')
    .option('--per-minute <n>', 'calls per minute (default LGSP_DEFAULT_PER_MINUTE)')
    .option('--per-day <n>', 'calls per local day (default LGSP_DEFAULT_PER_DAY)')
    .action(async (id: string, opts: { name: string; secret?: string; jwks?: string; allow?: string; unit?: string; perMinute?: string; perDay?: string }) => {
      const int = (v: string | undefined, name: string) => {
        if (v === undefined) return undefined;
        if (!/^[1-9][0-9]*$/.test(v)) fail(`--${name} expects a positive integer`);
        return Number(v);
      };
      let jwks: { keys: Record<string, unknown>[] } | undefined;
      if (opts.jwks) {
        try {
          jwks = JSON.parse(readFileSync(opts.jwks, 'utf8')) as { keys: Record<string, unknown>[] };
        } catch (error) {
          fail(`${opts.jwks}: ${(error as Error).message}`);
        }
      }
      await withDatabase(async (database, cfg) => {
        const result = await support
          .module(database, cfg)
          .admin.createConsumer(
            { system: CLI },
            {
              id,
              name: opts.name,
              ...(opts.unit ? { unitId: opts.unit } : {}),
              authMethod: jwks ? 'private_key_jwt' : 'client_secret_basic',
              ...(jwks ? { jwks } : {}),
              ...(opts.secret ? { secret: opts.secret } : {}),
              perMinute: int(opts.perMinute, 'per-minute') ?? null,
              perDay: int(opts.perDay, 'per-day') ?? null,
              services: opts.allow ? opts.allow.split(',').map((s) => s.trim()).filter(Boolean) : [],
            },
          )
          .catch((error: unknown) => fail((error as Error).message));
        out(`created ${result.consumer.id} (${result.consumer.authMethod}); services: ${result.consumer.services.join(', ') || '(none)'}`);
        if (result.clientSecret) out(`client secret (shown once): ${result.clientSecret}`);
      });
    });

  consumer
    .command('list')
    .description('the consumer systems: id, state, authentication, limits, services')
    .action(async () => {
      await withDatabase(async (database, cfg) => {
        const items = await support.module(database, cfg).admin.consumers({ system: CLI });
        out(['id', 'enabled', 'auth', 'per_minute', 'per_day', 'services', 'name'].join('\t'));
        for (const c of items) {
          out([c.id, c.enabled ? 'yes' : 'no', c.authMethod, c.perMinute ?? '-', c.perDay ?? '-', c.services.join(',') || '-', c.name].join('\t'));
        }
      });
    });

  lgsp
    .command('export-log')
    .description('the message log as JSON Lines: a header (with the public keys), the rows and the signed heads')
    .option('--from <date>', 'first instant (YYYY-MM-DD local or ISO 8601)')
    .option('--to <date>', 'end instant, exclusive')
    .option('--out <file>', 'write to a file (default: standard output)')
    .action(async (opts: { from?: string; to?: string; out?: string }) => {
      const from = instant(opts.from, 'from', fail);
      const to = instant(opts.to, 'to', fail);
      await withDatabase(async (database, cfg) => {
        const target: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
        for await (const line of support.module(database, cfg).exportLines({ ...(from ? { from } : {}), ...(to ? { to } : {}) })) {
          if (!target.write(`${JSON.stringify(line)}\n`)) await once(target, 'drain');
        }
        if (opts.out) {
          target.end();
          await once(target, 'finish');
        }
      });
    });

  lgsp
    .command('verify-log')
    .description('verify an exported log (offline) or, without --file, the database: every row and every signed head')
    .option('--file <file>', 'an export (JSON Lines); - for standard input')
    .option('--key <file>', 'trust this public key (JWK or JWK Set) instead of the keys in the export')
    .action(async (opts: { file?: string; key?: string }) => {
      let keys: JWK[] | undefined;
      if (opts.key) {
        try {
          const parsed = JSON.parse(readFileSync(opts.key, 'utf8')) as JWK | { keys: JWK[] };
          keys = 'keys' in parsed ? parsed.keys : [parsed];
        } catch (error) {
          fail(`${opts.key}: ${(error as Error).message}`);
        }
      }
      let result: VerifyReport;
      if (opts.file) {
        result = await verifyLines(readExport(opts.file, fail), keys);
      } else {
        result = await withDatabase(async (database, cfg) => support.module(database, cfg).verify());
      }
      report(result, out);
      support.setExitCode(result.ok ? 0 : 1);
    });

  lgsp
    .command('sign-head')
    .description('sign the message log’s chain head now (if rows were added since the last signed head)')
    .action(async () => {
      await withDatabase(async (database, cfg) => {
        const head = await support.module(database, cfg).signHead();
        out(head ? `signed row ${head.seq} (${head.hash})` : 'nothing new to sign');
      });
    });
}
