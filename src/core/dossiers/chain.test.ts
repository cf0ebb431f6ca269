import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, entryHash, firstBrokenLink, type ChainedEntry } from './chain.ts';

const entry = (seq: number, type: string, payload: unknown = {}): ChainedEntry => ({ dossierId: 'd1', seq, type, at: `2026-03-02T0${seq}:00:00+07:00`, actorId: null, payload });

function chain(entries: ChainedEntry[]) {
  let prev = GENESIS_HASH;
  return entries.map((e) => {
    const hash = entryHash(prev, e);
    const row = { ...e, prevHash: prev, hash };
    prev = hash;
    return row;
  });
}

describe('action log hash chain', () => {
  it('canonical JSON sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('hashes the previous hash and the canonical content (hand-computed)', () => {
    const e = entry(1, 'receive', { note: 'Đủ hồ sơ' });
    const expected = createHash('sha256')
      .update(`${GENESIS_HASH}\n{"actorId":null,"at":"2026-03-01T18:00:00.000Z","dossierId":"d1","payload":{"note":"Đủ hồ sơ"},"seq":1,"type":"receive"}`)
      .digest('hex');
    expect(entryHash(GENESIS_HASH, e)).toBe(expected);
    // The same instant written with another offset hashes the same.
    expect(entryHash(GENESIS_HASH, { ...e, at: '2026-03-01T18:00:00Z' })).toBe(expected);
  });

  it('finds the first altered, removed or reordered row', () => {
    const rows = chain([entry(1, 'receive'), entry(2, 'examine'), entry(3, 'issue_result', { outcome: 'granted' })]);
    expect(firstBrokenLink(rows)).toBe(-1);
    expect(firstBrokenLink([rows[0]!, { ...rows[1]!, payload: { forged: true } }, rows[2]!])).toBe(1);
    expect(firstBrokenLink([rows[0]!, rows[2]!])).toBe(1);
    expect(firstBrokenLink([rows[1]!, rows[0]!, rows[2]!])).toBe(0);
    const rehashed = chain([entry(1, 'receive'), entry(2, 'approve'), entry(3, 'issue_result', { outcome: 'granted' })]);
    expect(firstBrokenLink([rows[0]!, rehashed[1]!, rows[2]!])).toBe(2);
  });
});
