// Runs the motcua command line as a user would (bin/motcua), against a database of its own: a
// fresh PostgreSQL database when DATABASE_URL is set, otherwise an embedded one in a temporary
// folder. Call the returned setup/teardown from beforeAll/afterAll.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing.ts';

const run = promisify(execFile);
const bin = path.resolve('bin/motcua');

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface CliHarness {
  /** A temporary folder for the test's files (removed at teardown). */
  readonly dir: string;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  cli(...args: string[]): Promise<CliResult>;
}

export function cliHarness(options: { migrate?: boolean; name?: string } = {}): CliHarness {
  let dir = '';
  let database: TestDatabase | undefined;
  let env: Record<string, string | undefined> = {};
  return {
    get dir() {
      return dir;
    },
    async setup() {
      dir = mkdtempSync(path.join(tmpdir(), `motcua-${options.name ?? 'cli'}-`));
      if (process.env.DATABASE_URL) database = await createTestDatabase({ migrate: options.migrate ?? true });
      env = { ...process.env, DATA_DIR: path.join(dir, 'data'), DATABASE_URL: database?.url, LOG_LEVEL: 'silent' };
      if (!database) delete env.DATABASE_URL;
    },
    async teardown() {
      await database?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    async cli(...args) {
      try {
        const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env, timeout: 60_000 });
        return { stdout, stderr, code: 0 };
      } catch (error) {
        const e = error as { stdout: string; stderr: string; code: number };
        return { stdout: e.stdout, stderr: e.stderr, code: e.code };
      }
    },
  };
}
