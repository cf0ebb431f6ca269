// The population commands of the motcua CLI, run as a user would (bin/motcua).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { syntheticCitizen } from './generator.ts';

const run = promisify(execFile);
const bin = path.resolve('bin/motcua');
let dir: string;
let database: TestDatabase | undefined;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'motcua-population-cli-'));
  if (process.env.DATABASE_URL) database = await createTestDatabase({ migrate: false });
  env = { ...process.env, DATA_DIR: path.join(dir, 'data'), DATABASE_URL: database?.url, LOG_LEVEL: 'silent' };
  if (!database) delete env.DATABASE_URL;
});
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env, timeout: 60_000 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('motcua population', () => {
  it('generate writes people with progress on stderr and one summary line on stdout; a second run resumes', async () => {
    const first = await cli('population', 'generate', '--count', '120', '--seed', '3');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^generated 120 people \(seed 3\) in [\d.]+ s \([\d,]+\/s\); the emulator holds 120 \((pglite|postgres)\)\n$/);
    expect(first.stderr).toMatch(/100\.0% 120\/120/);
    const second = await cli('population', 'generate', '--count', '200', '--seed', '3');
    expect(second.stdout).toMatch(/^generated 80 people .* the emulator holds 200 /);
    const otherSeed = await cli('population', 'generate', '--count', '200', '--seed', '4');
    expect(otherSeed.code).toBe(2);
    expect(otherSeed.stderr).toMatch(/seed 3, not 4; use --reset/);
    const bad = await cli('population', 'generate', '--count', 'many');
    expect(bad.code).not.toBe(0);
  }, 180_000); // four runs of the CLI on a busy machine

  it('sample prints generated people, tab-separated', async () => {
    const out = await cli('population', 'sample', '--count', '2', '--from', '8', '--seed', '3');
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n');
    const p = syntheticCitizen(8, 3);
    expect(lines[0]).toBe(`8\t${p.personalId}\t${p.fullName}\t${p.birthDate}\t${p.gender}\t${p.permanentAddress.provinceCode}`);
    expect(lines).toHaveLength(2);
  }, 60_000);
});
