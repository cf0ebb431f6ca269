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

  it('calendar deadline refuses a start or a result outside the supported years with exit code 2', async () => {
    for (const from of ['1799-12-31T09:00:00+07:00', '2199-12-31T17:30:00+07:00']) {
      const out = await cli('calendar', 'deadline', '--from', from, '--amount', '1', '--unit', 'working_days');
      expect(out.code, out.stderr).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(/1800–2199/);
    }
  });

  it('calendar days-off lists days off and working weekend days in one date order', async () => {
    const out = await cli('calendar', 'days-off', '--year', '2026');
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    const dates = lines.map((l) => l.split('\t')[0]);
    expect(dates).toEqual([...dates].sort());
    // The working Saturday 22/08 (CV 8764/BNV-CVL) sits before the National Day break.
    const saturday = lines.findIndex((l) => l.startsWith('2026-08-22\t'));
    expect(lines[saturday]).toMatch(/^2026-08-22\tLàm bù.*\tworking_day\tofficial$/);
    expect(saturday).toBeLessThan(lines.findIndex((l) => l.startsWith('2026-08-31\t')));
    expect(saturday).toBeLessThan(lines.length - 1);
  });

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
