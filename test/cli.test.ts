// The command line is an interface others script against: its output formats are tested exactly.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness, cliTimeout } from './support/cli.ts';

const harness = cliHarness();
const cli = harness.cli;
beforeAll(harness.setup);
afterAll(harness.teardown);

describe('motcua CLI', () => {
  it('calendar deadline prints the due moment alone on one line', async () => {
    const out = await cli('calendar', 'deadline', '--from', '2026-02-12T17:30:00+07:00', '--amount', '2', '--unit', 'working_days');
    expect(out).toMatchObject({ stdout: '2026-02-23T17:00:00+07:00\n', code: 0 });
  }, cliTimeout(1));

  it('calendar deadline refuses bad input with exit code 2 and a message', async () => {
    const out = await cli('calendar', 'deadline', '--from', 'tomorrow', '--amount', '2');
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/from/);
  }, cliTimeout(1));

  it('id check prints JSON and exits 1 for an invalid number', async () => {
    const ok = await cli('id', 'check', '001099012345');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(
      '{"valid":true,"kind":"personal_id","province":"001","provinceName":"Hà Nội","gender":"male","birthYear":1999}\n',
    );
    const bad = await cli('id', 'check', '12345');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false, reason: expect.stringContaining('12 digits') });
  }, cliTimeout(2));

  it('an administrator sets a year from a file; days-off then shows it as official', async () => {
    const file = path.join(harness.dir, '2031.json');
    writeFileSync(
      file,
      JSON.stringify({
        sources: ['TB 1/TB-TEST'],
        daysOff: [{ date: '2031-01-01', name: { vi: 'Tết Dương lịch', en: "New Year's Day" }, kind: 'holiday', source: 'TB 1' }],
      }),
    );
    const before = await cli('calendar', 'days-off', '--year', '2031');
    expect(before.stdout).toMatch(/\testimated\n/);
    const set = await cli('calendar', 'set-year', '--year', '2031', '--file', file, '--actor', 'tester');
    expect(set).toMatchObject({ code: 0, stdout: '2031: 1 days off saved (official)\n' });
    const after = await cli('calendar', 'days-off', '--year', '2031');
    expect(after.stdout).toBe('2031-01-01\tTết Dương lịch\tholiday\tofficial\n');
    const json = JSON.parse((await cli('calendar', 'days-off', '--year', '2031', '--json')).stdout);
    expect(json).toMatchObject({ year: 2031, status: 'official', origin: 'administrator' });
  }, cliTimeout(4)); // four runs in a row: under the default timeout it failed on a busy machine
});
