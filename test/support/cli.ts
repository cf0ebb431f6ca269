// Runs the motcua command line as a user would (bin/motcua), against a database of its own: a
// fresh PostgreSQL database when DATABASE_URL is set (unless `embedded`), otherwise an embedded
// one in a temporary folder. Call the returned setup/teardown from beforeAll/afterAll.
//
// Every run is a new Node process that loads the TypeScript sources through tsx (its transform
// cache makes later runs cheaper), which takes seconds on a busy machine: give a test that runs
// the CLI `cliTimeout(runs)`, not the default test timeout.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing.ts';

const bin = path.resolve('bin/motcua');

/** The longest one run of the CLI may take before it is killed (and reported as timed out). */
export const CLI_RUN_TIMEOUT_MS = 90_000;

/** A test timeout for a test that runs the CLI `runs` times in a row. */
export function cliTimeout(runs: number): number {
  return 30_000 + runs * CLI_RUN_TIMEOUT_MS;
}

export interface CliResult {
  stdout: string;
  stderr: string;
  /** The exit code; null when the process was killed (see stderr). */
  code: number | null;
}

export interface CliHarness {
  /** A temporary folder for the test's files (removed at teardown). */
  readonly dir: string;
  /** The PostgreSQL database the CLI uses (undefined: the embedded one in `dir`/data). */
  readonly databaseUrl: string | undefined;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  cli(...args: string[]): Promise<CliResult>;
  /** The same, with `input` on the command's standard input. */
  cliWithInput(input: string, ...args: string[]): Promise<CliResult>;
}

export interface CliHarnessOptions {
  /** false: the PostgreSQL database starts empty (the CLI migrates what it needs). Default true. */
  migrate?: boolean;
  /** A name for the temporary folder. */
  name?: string;
  /** Always the embedded database of the folder, even when DATABASE_URL is set. */
  embedded?: boolean;
  /** More environment for the CLI (e.g. USER). */
  env?: Record<string, string>;
}

export function cliHarness(options: CliHarnessOptions = {}): CliHarness {
  let dir = '';
  let database: TestDatabase | undefined;
  let env: Record<string, string | undefined> = {};
  return {
    get dir() {
      return dir;
    },
    get databaseUrl() {
      return database?.url;
    },
    async setup() {
      dir = mkdtempSync(path.join(tmpdir(), `motcua-${options.name ?? 'cli'}-`));
      if (process.env.DATABASE_URL && !options.embedded) {
        database = await createTestDatabase({ migrate: options.migrate ?? true });
      }
      env = { ...process.env, DATA_DIR: path.join(dir, 'data'), DATABASE_URL: database?.url, LOG_LEVEL: 'silent', ...options.env };
      if (!database) delete env.DATABASE_URL;
    },
    async teardown() {
      await database?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    cli(...args) {
      return run(undefined, args);
    },
    cliWithInput(input, ...args) {
      return run(input, args);
    },
  };

  function run(input: string | undefined, args: string[]): Promise<CliResult> {
    return new Promise((resolve) => {
      const child = execFile(
        process.execPath,
        [bin, ...args],
        { env, timeout: CLI_RUN_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if (!error) return resolve({ stdout, stderr, code: 0 });
          const e = error as NodeJS.ErrnoException & { code?: number | string; killed?: boolean; signal?: string };
          if (e.killed || e.signal) {
            const why = e.killed ? `timed out after ${CLI_RUN_TIMEOUT_MS} ms` : `killed by ${e.signal}`;
            return resolve({ stdout, stderr: `${stderr}\n[motcua ${args.join(' ')}: ${why}]`, code: null });
          }
          resolve({ stdout, stderr, code: typeof e.code === 'number' ? e.code : null });
        },
      );
      child.stdin?.end(input ?? '');
    });
  }
}
