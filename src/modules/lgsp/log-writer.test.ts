// Two writers (as two instances would have) append to one chain: every row is written once, in
// one sequence, and the chain verifies; the day counts add up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { createMessageLogWriter } from './log-writer.ts';
import { verifyStoredLog } from './log.ts';

let d: TestDatabase;
beforeAll(async () => {
  d = await createTestDatabase();
});
afterAll(() => d?.close());

const entry = (writer: string, i: number) => ({
  at: new Date(Date.UTC(2026, 2, 2, 3, 0, 0, i)).toISOString(),
  consumerId: writer,
  serviceCode: 'dossier-status',
  serviceVersion: 1,
  purpose: 'reconciliation',
  requestId: `${writer}-${i}`,
  requestDigest: 'a'.repeat(64),
  responseDigest: 'b'.repeat(64),
  status: 200,
  outcome: 'ok',
  requestBytes: 10,
  responseBytes: 20,
  latencyUs: 100,
});

describe('the message log writer', () => {
  it('keeps one chain when two writers append at once', async () => {
    const a = createMessageLogWriter({ db: d.db, maxBatch: 7 });
    const b = createMessageLogWriter({ db: d.db, maxBatch: 5 });
    const rows = await Promise.all([
      ...Array.from({ length: 60 }, (_, i) => a.append(entry('a', i))),
      ...Array.from({ length: 60 }, (_, i) => b.append(entry('b', i))),
    ]);
    expect(new Set(rows.map((r) => r.seq)).size).toBe(120);
    expect(Math.max(...rows.map((r) => r.seq))).toBe(120);
    expect(await verifyStoredLog(d.db)).toMatchObject({ ok: true, rows: 120 });
    const usage = await d.db.selectFrom('lgsp_usage').select(['consumer_id', 'calls']).orderBy('consumer_id').execute();
    expect(usage).toEqual([
      { consumer_id: 'a', calls: 60 },
      { consumer_id: 'b', calls: 60 },
    ]);
  });
});
