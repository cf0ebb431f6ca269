import { CompactSign, exportJWK, generateKeyPair, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../chain/index.ts';
import { GENESIS_HASH, HEAD_JWS_TYPE, messageHash, verifyLines, type ExportLine, type MessageEntry, type StoredMessage } from './message-log.ts';

let privateKey: CryptoKey;
let publicJwk: JWK;
let otherPrivate: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
  otherPrivate = (await generateKeyPair('ES256')).privateKey;
});

const entry = (seq: number): MessageEntry => ({
  seq,
  at: new Date(Date.UTC(2026, 0, 5, 2, 0, seq)).toISOString(),
  consumerId: 'demo',
  serviceCode: 'dossier-status',
  serviceVersion: 1,
  purpose: 'administrative-procedure',
  requestId: `r-${seq}`,
  requestDigest: 'a'.repeat(64),
  responseDigest: 'b'.repeat(64),
  status: 200,
  outcome: 'ok',
  requestBytes: 40,
  responseBytes: 300,
  latencyUs: 800 + seq,
});

function chain(n: number): StoredMessage[] {
  let prev = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const e = entry(i + 1);
    const hash = messageHash(prev, e);
    const row = { ...e, prevHash: prev, hash };
    prev = hash;
    return row;
  });
}

async function head(row: StoredMessage, key = privateKey): Promise<ExportLine> {
  const payload = { seq: row.seq, hash: row.hash, at: '2026-01-05T03:00:00.000Z' };
  const jws = await new CompactSign(new TextEncoder().encode(canonicalJson(payload))).setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: HEAD_JWS_TYPE }).sign(key);
  return { type: 'head', ...payload, jws };
}

/** Header, rows 1..6 with signed heads after rows 3 and 6. */
async function exported(): Promise<ExportLine[]> {
  const rows = chain(6);
  const header: ExportLine = { type: 'lgsp-log', version: 1, exportedAt: '2026-01-06T00:00:00.000Z', from: null, to: null, firstSeq: 1, prevHash: GENESIS_HASH, publicKeys: [publicJwk] };
  return [header, ...rows.slice(0, 3).map((r) => ({ type: 'row' as const, ...r })), await head(rows[2]!), ...rows.slice(3).map((r) => ({ type: 'row' as const, ...r })), await head(rows[5]!)];
}

describe('verifyLines', () => {
  it('accepts an intact export', async () => {
    const report = await verifyLines(await exported());
    expect(report).toEqual({ ok: true, rows: 6, heads: 2, unsignedTail: 0 });
  });

  it('counts rows after the last signed head', async () => {
    const lines = (await exported()).slice(0, -1);
    expect(await verifyLines(lines)).toMatchObject({ ok: true, unsignedTail: 3 });
  });

  it.each([
    ['a changed field', (l: ExportLine[]) => ((l[5] as StoredMessage).status = 404), 6, 4, /content does not match/],
    ['a changed purpose', (l: ExportLine[]) => ((l[2] as StoredMessage).purpose = 'research'), 3, 2, /content does not match/],
    ['a deleted row', (l: ExportLine[]) => l.splice(2, 1), 3, 3, /row 2 expected here, found row 3/],
    ['two rows swapped', (l: ExportLine[]) => ([l[1], l[2]] = [l[2]!, l[1]!]), 2, 2, /row 1 expected here, found row 2/],
    ['a deleted last row before its head', (l: ExportLine[]) => l.splice(7, 1), 8, 6, /not in the log/],
  ])('names the first line that fails: %s', async (_name, tamper, line, seq, reason) => {
    const lines = structuredClone(await exported());
    tamper(lines);
    const report = await verifyLines(lines);
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({ line, seq });
    expect(report.failure!.reason).toMatch(reason);
  });

  it('refuses a forged head (signed with another key)', async () => {
    const lines = await exported();
    lines[4] = await head(chain(3)[2]!, otherPrivate);
    const report = await verifyLines(lines);
    expect(report.failure).toMatchObject({ line: 5, kind: 'head' });
    expect(report.failure!.reason).toMatch(/signature does not verify/);
  });

  it('refuses a head whose payload was edited after signing', async () => {
    const lines = await exported();
    (lines[4] as { seq: number }).seq = 2;
    expect((await verifyLines(lines)).failure!.reason).toMatch(/differs from what was signed/);
  });

  it('catches a rewritten chain by the signed head: rows re-hashed after a change', async () => {
    const rows = chain(3);
    rows[1]!.status = 500;
    // The forger recomputes every hash after the change; the signed head still names the old hash.
    let prev = GENESIS_HASH;
    for (const r of rows) {
      r.prevHash = prev;
      r.hash = messageHash(prev, r);
      prev = r.hash;
    }
    const lines = await exported();
    lines.splice(1, 3, ...rows.map((r) => ({ type: 'row' as const, ...r })));
    const report = await verifyLines(lines);
    expect(report.failure).toMatchObject({ line: 5, kind: 'head', seq: 3 });
  });

  it('trusts only the given key when one is given', async () => {
    const other = { ...(await exportJWK((await generateKeyPair('ES256')).publicKey)), kid: 'k1', alg: 'ES256' };
    expect((await verifyLines(await exported(), [other])).failure!.reason).toMatch(/signature/);
  });
});
