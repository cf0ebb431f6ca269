// The population commands of the motcua CLI, run as a user would (bin/motcua).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness } from '../../../test/support/cli.ts';
import { syntheticCitizen } from './generator.ts';

const harness = cliHarness({ migrate: false, name: 'population-cli' });
const cli = harness.cli;
beforeAll(harness.setup);
afterAll(harness.teardown);

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
