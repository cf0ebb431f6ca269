// `motcua dossiers ...`: replay (a legal log, a broken rule, stdin, bad input), verify on a clean
// and a tampered database, export of the sync records, and generate then verify.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database } from '../src/db/database.ts';
import { cliHarness, cliTimeout } from './support/cli.ts';

const harness = cliHarness({ name: 'dossiers' });
const cli = harness.cli;
beforeAll(harness.setup);
afterAll(harness.teardown);

const LEGAL = {
  processingTime: { value: 5, unit: 'working_days', skipDaysOff: false },
  channel: 'direct',
  actions: [
    { type: 'receive', at: '2026-03-02T09:00:00+07:00' },
    { type: 'examine', at: '2026-03-02T10:00:00+07:00' },
    { type: 'request_supplement', at: '2026-03-03T09:00:00+07:00' },
    { type: 'submit_supplement', at: '2026-03-09T09:00:00+07:00' },
    { type: 'issue_result', at: '2026-03-12T09:00:00+07:00', outcome: 'granted' },
  ],
};

/** Opens the database the CLI used (after it exited: the embedded folder is then free). */
async function openCliDatabase(): Promise<Database> {
  return harness.databaseUrl ? openPostgres(harness.databaseUrl, 2) : openPglite(path.join(harness.dir, 'data'));
}

describe('motcua dossiers replay', () => {
  it('prints the summary of a legal log as one JSON line', async () => {
    const file = path.join(harness.dir, 'legal.json');
    writeFileSync(file, JSON.stringify(LEGAL));
    const out = await cli('dossiers', 'replay', file);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    // Tue 03/03 09:00 → Mon 09/03 09:00 is four working days paused: the due moves from Mon 9 to Fri 13.
    expect(out.stdout).toBe(
      '{"status":9,"submittedAt":null,"receivedAt":"2026-03-02T09:00:00+07:00","originalDueAt":"2026-03-09T09:00:00+07:00",' +
        '"dueAt":"2026-03-13T09:00:00+07:00","rescheduledDueAt":null,"finishedAt":"2026-03-12T09:00:00+07:00","returnedAt":null,' +
        '"supplementCount":1,"pausedWorkingMinutes":1920,"onTime":true,"withinRescheduled":null}\n',
    );
  }, cliTimeout(1));

  it('prints the broken rule and exits 1; reads stdin with -', async () => {
    const illegal = { ...LEGAL, channel: 1, actions: [LEGAL.actions[0], { type: 'return_result', at: '2026-03-03T09:00:00+07:00' }] };
    const out = await harness.cliWithInput(JSON.stringify(illegal), 'dossiers', 'replay', '-');
    expect(out).toMatchObject({ code: 1, stdout: '{"error":"illegal_transition","index":1,"status":2,"action":"return_result"}\n' });
  }, cliTimeout(1));

  it('refuses bad JSON and a bad shape with exit code 2 and a message', async () => {
    const bad = await harness.cliWithInput('{"channel":', 'dossiers', 'replay', '-');
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/stdin is not JSON/);
    const shape = await harness.cliWithInput(JSON.stringify({ channel: 'fax', actions: [] }), 'dossiers', 'replay', '-');
    expect(shape).toMatchObject({ code: 2, stdout: '' });
    expect(shape.stderr).toMatch(/not a replay file \(channel\)/);
    const missing = await cli('dossiers', 'replay', path.join(harness.dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
  }, cliTimeout(3));
});

describe('motcua dossiers generate, verify and export', () => {
  it('generates 200 dossiers that verify; a tampered log is reported with exit 1', async () => {
    const gen = await cli('dossiers', 'generate', '--count', '200', '--seed', '7');
    expect(gen.code, gen.stderr).toBe(0);
    expect(gen.stdout).toMatch(/^generated 200 dossiers in [0-9.]+ s \((COPY|INSERT)\)\n$/);

    const clean = await cli('dossiers', 'verify');
    expect(clean).toMatchObject({ code: 0, stdout: 'checked 200 dossiers: no problems\n' });

    const database = await openCliDatabase();
    let code: string;
    try {
      const row = await database.db.selectFrom('dossier').select(['id', 'code']).where('version', '>=', 3).orderBy('id').limit(1).executeTakeFirstOrThrow();
      code = row.code!;
      await sql`update dossier_action set payload = '{"reason":"sửa lén"}'::jsonb where dossier_id = ${row.id} and seq = 2`.execute(database.db);
    } finally {
      await database.close();
    }
    const tampered = await cli('dossiers', 'verify');
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toBe(`${code}\tchain_broken\taction 2 does not match its hash or its predecessor\nchecked 200 dossiers: 1 with problems\n`);
  }, cliTimeout(3));

  it('exports the sync record of the dossiers received in a range as JSON lines', async () => {
    const database = await openCliDatabase();
    let one: { code: string | null; received_at: Date | null };
    let sameDay: number;
    try {
      one = await database.db.selectFrom('dossier').select(['code', 'received_at']).where('received_at', 'is not', null).orderBy('received_at').limit(1).executeTakeFirstOrThrow();
      const day = new Date(one.received_at!.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
      const from = new Date(`${day}T00:00:00+07:00`);
      const next = await database.db
        .selectFrom('dossier')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('received_at', '>=', from)
        .where('received_at', '<', new Date(from.getTime() + 86_400_000))
        .executeTakeFirstOrThrow();
      sameDay = Number(next.n);
    } finally {
      await database.close();
    }
    const day = new Date(one.received_at!.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const out = await cli('dossiers', 'export', '--format', 'dvcqg', '--from', day, '--to', day);
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(sameDay);
    expect(lines.map((l) => l.MaHoSo)).toContain(one.code);
    expect(lines[0].NgayTiepNhan.slice(0, 8)).toBe(day.replace(/-/g, ''));

    const file = path.join(harness.dir, 'export.jsonl');
    const toFile = await cli('dossiers', 'export', '--from', day, '--to', day, '--out', file);
    expect(toFile).toMatchObject({ code: 0, stdout: `${sameDay} records written to ${file}\n` });
    const bad = await cli('dossiers', 'export', '--from', '2026-13-01', '--to', day);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/--from expects a date/);
  }, cliTimeout(3));
});
