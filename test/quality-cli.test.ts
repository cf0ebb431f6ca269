// `motcua index766 compute`, `bundle`, `facts` and `freeze`: the stable output contract over the March 2026 fixture (every figure
// hand-computed below), --explain with a custom period, a settings file, and bad input (exit 2,
// nothing on stdout, the bad field named on stderr).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness, cliTimeout } from './support/cli.ts';

const harness = cliHarness({ name: 'index766' });
const cli = harness.cli;
beforeAll(harness.setup);
afterAll(harness.teardown);

const FIXTURE = path.resolve('src/modules/quality/fixtures/march-2026.json');
const i = (numerator: number | null, denominator: number | null, ratio: number | null, target: number, max: number, score: number | null) => ({ numerator, denominator, ratio, target, max, score });

// The fixture: procedures 1.009901 (document result, full online, fees, citizens) and 1.000002;
// dossiers A (online, on time, paid on the portal, VNeID), B (late by one working day), C (online,
// open, not synced to the portal: only in 1.4), D (1.000002, on time, no files); PAKN-1 on time,
// PAKN-2 rejected late, about A.
const EXPECTED = {
  period: { from: '2026-03-01', to: '2026-03-31' },
  total: 57.05, // 10.5 + 13.33 + 6 + 7 + 12 + 8.22
  totalMax: 98, // 4.6 (no rule) is left out
  band: 'Trung bình',
  groups: {
    CKMB: {
      score: 10.5,
      max: 18,
      indicators: {
        '1.1': i(1, 2, 50, 100, 6, 3), // 1.000002 decided 10/03 for a basis in force 20/03: late
        '1.2': i(1, 2, 50, 100, 4, 2), // 1.000002 due 24/03, never published
        '1.3': i(1, 2, 50, 100, 2, 1),
        '1.4': i(3, 4, 75, 100, 6, 4.5), // C not synced; no BCQG figure: the 4 received here
      },
    },
    TDGQ: {
      score: 13.33,
      max: 20,
      indicators: {
        '2.1': i(2, 3, 66.67, 100, 20, 13.33),
        // 2.2 carries no points and is averaged only for one selected procedure (its unit): two here
        '2.2': { ...i(null, null, null, 100, 0, null), average: { value: null, unit: null } },
      },
    },
    CLGQ: {
      score: 6,
      max: 12,
      indicators: {
        '3.4': i(1, 2, 50, 100, 12, 6), // A online of A, B
        '3.1': i(2, 2, 100, 80, 0, 0),
        '3.3': i(1, 3, 25, 50, 0, 0), // 33.33% online × 75% synced
      },
    },
    TTTT: {
      score: 7,
      max: 10,
      indicators: { '3.5': i(1, 1, 100, 80, 2, 2), '3.5b': i(1, 1, 100, 80, 2, 2), '3.6': i(1, 2, 50, 100, 6, 3) },
    },
    MDSH: {
      score: 12,
      max: 20,
      indicators: {
        '4.1': i(2, 2, 100, 100, 6, 6),
        '4.2': i(2, 3, 66.67, 80, 4, 3.33), // D has no component file
        '4.6': i(null, null, null, 100, 2, null),
        '4.3': i(0, 3, 0, 80, 2, 0),
        '4.4': i(0, 3, 0, 100, 4, 0),
        '4.5b': i(1, 3, 33.33, 100, 2, 0.67),
        '4.5a': i(1, 1, 100, 100, 2, 2),
      },
    },
    MDHL: {
      score: 8.22,
      max: 18,
      indicators: {
        '5.1a': i(1, 2, 50, 100, 0, 0),
        '5.1b': i(1, 2, 50, 100, 0, 0),
        '5.2': i(1, 2, 50, 100, 6, 3), // PAKN-2 rejected 09/03, due 05/03
        '5.3': i(1, 2, 50, 100, 6, 3),
        '5.4': i(1, 3, 33.34, 90, 6, 2.22), // 100 − (33.33 overdue + 33.33 with a PAKN)
      },
    },
  },
};

describe('motcua index766 compute', () => {
  it('prints the index as one JSON object, in the contract’s shape and order', async () => {
    const out = await cli('index766', 'compute', '--input', FIXTURE, '--period', '2026-03');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(`${JSON.stringify(EXPECTED)}\n`);
  }, cliTimeout(1));

  it('--from/--to and --explain, the bundle on stdin: the same figures, with what is behind them', async () => {
    const out = await harness.cliWithInput(readFileSync(FIXTURE, 'utf8'), 'index766', 'compute', '--input', '-', '--from', '2026-03-01', '--to', '2026-03-31', '--explain');
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const r = JSON.parse(out.stdout);
    expect(r.total).toBe(57.05);
    expect(r.groups.TDGQ.indicators['2.1'].explain).toEqual({
      numerator: ['H01.1-260302-0001', 'H01.1-260304-0001'],
      denominator: ['H01.1-260302-0001', 'H01.1-260302-0002', 'H01.1-260304-0001'],
      reasons: { 'H01.1-260302-0002': 'ended (processed) 2026-03-10T09:00:00+07:00, 480 working minutes after NgayHenTra 2026-03-09T09:00:00+07:00' },
      note: 'not counted, not synced to the national portal (dossierScope "synced"): H01.1-260303-0001',
    });
    expect(r.groups.CKMB.indicators['1.4'].explain.reasons).toEqual({ 'H01.1-260303-0001': 'not synced to the national portal' });
    expect(r.groups.CKMB.indicators['1.1'].explain.reasons['1.000002']).toMatch(/less than 20 working days/);
    expect(r.groups.MDSH.indicators['4.6'].explain.note).toMatch(/no rule/);
  }, cliTimeout(1));

  it('a settings file overrides a target: 2.1 at T 80 gives 20 × 66.67 / 80 = 16.67', async () => {
    const file = path.join(harness.dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ indicators: { '2.1': { target: 80 } } }));
    const out = await cli('index766', 'compute', '--input', FIXTURE, '--period', '2026-03', '--settings', file);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const r = JSON.parse(out.stdout);
    expect(r.groups.TDGQ.indicators['2.1']).toEqual(i(2, 3, 66.67, 80, 20, 16.67));
    expect(r.total).toBe(60.39);
  }, cliTimeout(1));

  it('--as-of judges a period not over yet as of that moment: on 05/03 at noon no dossier is late yet', async () => {
    const out = await cli('index766', 'compute', '--input', FIXTURE, '--period', '2026-03', '--as-of', '2026-03-05T12:00:00+07:00');
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const r = JSON.parse(out.stdout);
    // A processed 05/03 09:00; B (due 09/03) and D (due 11/03) still open, in time.
    expect(r.groups.TDGQ.indicators['2.1']).toEqual(i(3, 3, 100, 100, 20, 20));
    // PAKN-2 (received 03/03) is not rejected yet (09/03 is after the as-of moment): in progress, in time.
    expect(r.groups.MDHL.indicators['5.2']).toEqual(i(2, 2, 100, 100, 6, 6));
  }, cliTimeout(1));

  it('refuses a bad bundle, period or settings with exit code 2, nothing on stdout, the bad field named', async () => {
    const bundle = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    const bad = structuredClone(bundle);
    bad.dossiers[1].KenhThucHien = '4';
    const badFile = path.join(harness.dir, 'bad.json');
    writeFileSync(badFile, JSON.stringify(bad));
    const shape = await cli('index766', 'compute', '--input', badFile, '--period', '2026-03');
    expect(shape).toMatchObject({ code: 2, stdout: '' });
    expect(shape.stderr).toMatch(/invalid bundle \(dossiers\.1\.KenhThucHien: Invalid option/);

    const period = await cli('index766', 'compute', '--input', FIXTURE, '--period', '2026-13');
    expect(period).toMatchObject({ code: 2, stdout: '' });
    expect(period.stderr).toMatch(/invalid input: "2026-13": no month 13/);

    const settingsFile = path.join(harness.dir, 'bad-settings.json');
    writeFileSync(settingsFile, JSON.stringify({ indicators: { '9.9': { points: 1 } } }));
    const settings = await cli('index766', 'compute', '--input', FIXTURE, '--period', '2026-03', '--settings', settingsFile);
    expect(settings).toMatchObject({ code: 2, stdout: '' });
    expect(settings.stderr).toMatch(/invalid settings \(indicators: unknown indicator/);

    const notJson = await harness.cliWithInput('{"scope":', 'index766', 'compute', '--input', '-', '--period', '2026-03');
    expect(notJson).toMatchObject({ code: 2, stdout: '' });
    expect(notJson.stderr).toMatch(/the bundle on stdin is not JSON/);
  }, cliTimeout(4));
});

describe('motcua index766 bundle and facts', () => {
  it('writes the installation’s bundle, which compute reads, and builds the counters of dossiers written in bulk', async () => {
    const gen = await cli('dossiers', 'generate', '--count', '60', '--seed', '11');
    expect(gen.code, gen.stderr).toBe(0);

    const facts = await cli('index766', 'facts');
    expect(facts.code, facts.stderr).toBe(0);
    const counted = Number(/^dossiers counted: (\d+)\n$/.exec(facts.stdout)?.[1]);
    expect(counted).toBeGreaterThan(0);
    expect(await cli('index766', 'facts')).toMatchObject({ code: 0, stdout: 'dossiers counted: 0\n' });

    const out = await cli('index766', 'bundle', '--from', '2020-01-01', '--to', '2030-12-31');
    expect(out.code, out.stderr).toBe(0);
    const bundle = JSON.parse(out.stdout);
    expect(bundle.scope).toEqual({ level: 'ministry' });
    expect(bundle.dossiers.length).toBeGreaterThan(0);
    expect(bundle.procedures.length).toBeGreaterThan(0);
    const file = path.join(harness.dir, 'bundle.json');
    writeFileSync(file, out.stdout);
    const index = await cli('index766', 'compute', '--input', file, '--from', '2020-01-01', '--to', '2030-12-31');
    expect(index.code, index.stderr).toBe(0);
    // None of them reached the national portal: 1.4 counts every one received (not those still
    // awaiting receipt or refused before it: the generated mix has some, more or fewer with the day), none synced.
    const received = bundle.dossiers.filter((d: { NgayTiepNhan: string }) => d.NgayTiepNhan !== '').length;
    expect(received).toBeGreaterThan(0);
    expect(JSON.parse(index.stdout).groups.CKMB.indicators['1.4']).toMatchObject({ numerator: 0, denominator: received });

    const bad = await cli('index766', 'bundle', '--period', '2026-03', '--unit', 'khong-co');
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/no unit khong-co/);
  }, cliTimeout(6));

  it('freezes a month that is over once, and refuses one that is not over or is not a month', async () => {
    const last = new Date();
    last.setUTCDate(1);
    last.setUTCMonth(last.getUTCMonth() - 2);
    const month = last.toISOString().slice(0, 7);
    const first = await cli('index766', 'freeze', '--period', month);
    expect(first.code, first.stderr).toBe(0);
    const outcome = JSON.parse(first.stdout);
    expect(outcome).toMatchObject({ month, kept: 0 });
    expect(outcome.frozen).toBeGreaterThan(1);
    expect(JSON.parse((await cli('index766', 'freeze', '--period', month)).stdout)).toEqual({ month, frozen: 0, kept: outcome.frozen });
    const future = await cli('index766', 'freeze', '--period', '2099-01');
    expect(future).toMatchObject({ code: 2, stdout: '' });
    expect(future.stderr).toMatch(/not over/);
    expect(await cli('index766', 'freeze', '--period', '2026-Q1')).toMatchObject({ code: 2, stdout: '' });
  }, cliTimeout(4));
});
