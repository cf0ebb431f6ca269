// `motcua lgsp ...`: consumers, the export of the message log, and its verification offline (an
// intact file, a changed line, a deleted row, two rows swapped, a forged head) and in the database.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CompactSign, generateKeyPair } from 'jose';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { openPglite, openPostgres, type Database } from '../src/db/database.ts';
import { createUnitDirectory } from '../src/modules/identity/units/directory.ts';
import { createLgspModule } from '../src/modules/lgsp/module.ts';
import { cliHarness, cliTimeout } from './support/cli.ts';

const harness = cliHarness({ name: 'lgsp' });
const cli = harness.cli;
beforeAll(harness.setup);
afterAll(harness.teardown);

async function openCliDatabase(): Promise<Database> {
  return harness.databaseUrl ? openPostgres(harness.databaseUrl, 2) : openPglite(path.join(harness.dir, 'data'));
}

async function withGateway(fn: (lgsp: ReturnType<typeof createLgspModule>, database: Database) => Promise<void>): Promise<void> {
  const database = await openCliDatabase();
  try {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    await fn(createLgspModule({ config, db: database.db, units: createUnitDirectory(database.db, 0) }), database);
  } finally {
    await database.close();
  }
}

const call = (i: number) => ({
  at: new Date(Date.UTC(2026, 2, 2, 2, 0, i)).toISOString(),
  consumerId: 'partner',
  serviceCode: 'dossier-status',
  serviceVersion: 1,
  purpose: 'administrative-procedure',
  requestId: `req-${i}`,
  requestDigest: 'a'.repeat(64),
  responseDigest: 'b'.repeat(64),
  status: 200,
  outcome: 'ok',
  requestBytes: 50,
  responseBytes: 200,
  latencyUs: 900,
});

describe('motcua lgsp', () => {
  let exported: string[];
  const file = (name: string, lines: string[]) => {
    const f = path.join(harness.dir, name);
    writeFileSync(f, `${lines.join('\n')}\n`);
    return f;
  };

  it('creates and lists consumers', async () => {
    const created = await cli('lgsp', 'consumer', 'create', 'partner', '--name', 'Hệ thống đối tác', '--per-minute', '100');
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^created partner \(client_secret_basic\); services: \(none\)\nclient secret \(shown once\): [A-Za-z0-9_-]{43}\n$/);
    const listed = await cli('lgsp', 'consumer', 'list');
    expect(listed.stdout.split('\n')[1]).toBe('partner\tyes\tclient_secret_basic\t100\t-\t-\tHệ thống đối tác');
  }, cliTimeout(2));

  it('exports the log with its signed heads, and verifies it offline', async () => {
    await withGateway(async (lgsp) => {
      await lgsp.writer.appendAll(Array.from({ length: 20 }, (_, i) => call(i)));
      await lgsp.signHead();
      await lgsp.writer.appendAll(Array.from({ length: 10 }, (_, i) => call(20 + i)));
    });
    const out = path.join(harness.dir, 'log.jsonl');
    const exportRun = await cli('lgsp', 'export-log', '--out', out);
    expect(exportRun).toMatchObject({ code: 0, stderr: '' });
    exported = readFileSync(out, 'utf8').trim().split('\n');
    // Header, 20 rows, the head, 10 rows.
    expect(exported).toHaveLength(32);
    expect(JSON.parse(exported[0]!)).toMatchObject({ type: 'lgsp-log', firstSeq: 1, publicKeys: [expect.objectContaining({ kty: 'EC', crv: 'P-256' })] });
    expect(JSON.parse(exported[21]!)).toMatchObject({ type: 'head', seq: 20 });
    const verified = await cli('lgsp', 'verify-log', '--file', out);
    expect(verified).toMatchObject({ code: 0, stdout: 'OK: 30 rows, 1 signed heads verify; 10 rows after the last signed head (chained, not yet signed)\n' });
  }, cliTimeout(2));

  it('names the first row that does not verify: a changed line, a deleted row, a reordered row', async () => {
    const changed = [...exported];
    changed[5] = changed[5]!.replace('"status":200', '"status":404');
    const deleted = exported.filter((_, i) => i !== 8);
    const swapped = [...exported];
    [swapped[10], swapped[11]] = [swapped[11]!, swapped[10]!];
    const results = [
      await cli('lgsp', 'verify-log', '--file', file('changed.jsonl', changed)),
      await cli('lgsp', 'verify-log', '--file', file('deleted.jsonl', deleted)),
      await cli('lgsp', 'verify-log', '--file', file('swapped.jsonl', swapped)),
    ];
    expect(results.map((r) => r.code)).toEqual([1, 1, 1]);
    expect(results[0]!.stdout).toMatch(/^FAILED at line 6 \(row 5\): its content does not match its hash/);
    expect(results[1]!.stdout).toMatch(/^FAILED at line 9 \(row 9\): row 8 expected here, found row 9/);
    expect(results[2]!.stdout).toMatch(/^FAILED at line 11 \(row 11\): row 10 expected here, found row 11/);
  }, cliTimeout(3));

  it('refuses a forged head', async () => {
    const head = JSON.parse(exported[21]!) as { seq: number; hash: string; at: string; jws: string };
    const { privateKey } = await generateKeyPair('ES256');
    const kid = (JSON.parse(Buffer.from(head.jws.split('.')[0]!, 'base64url').toString()) as { kid: string }).kid;
    head.jws = await new CompactSign(new TextEncoder().encode(JSON.stringify({ at: head.at, hash: head.hash, seq: head.seq })))
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'lgsp-head+jws' })
      .sign(privateKey);
    const forged = [...exported];
    forged[21] = JSON.stringify(head);
    const result = await cli('lgsp', 'verify-log', '--file', file('forged.jsonl', forged));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAILED at line 22 \(row 20\): signed head of row 20: the signature does not verify/);
  }, cliTimeout(1));

  it('verifies the database, and names a row changed there', async () => {
    expect(await cli('lgsp', 'verify-log')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^OK: 30 rows, 1 signed heads verify/) });
    await withGateway(async (_lgsp, database) => {
      // Past the append-only trigger, as someone with the database's owner rights could.
      await sql`alter table lgsp_message disable trigger lgsp_message_append_only`.execute(database.db);
      await sql`update lgsp_message set purpose = 'research' where seq = 7`.execute(database.db);
    });
    const result = await cli('lgsp', 'verify-log');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAILED at line 8 \(row 7\): its content does not match its hash/);
  }, cliTimeout(2));
});
