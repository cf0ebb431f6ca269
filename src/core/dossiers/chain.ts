// Tamper evidence for a dossier's action log: each row carries the SHA-256 of the previous row's
// hash and its own canonical content, so altering, removing or reordering a stored row breaks the
// chain from there on. Pure (hashing is computation, not I/O).
import { createHash } from 'node:crypto';

/** The content of a log row that the hash covers. */
export interface ChainedEntry {
  dossierId: string;
  seq: number;
  type: string;
  /** ISO 8601 instant. */
  at: string;
  actorId: string | null;
  payload: unknown;
}

/** JSON with object keys sorted at every level (the JSON Canonicalization Scheme's ordering, RFC 8785 §3.2.3). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The genesis value a dossier's first row chains from. */
export const GENESIS_HASH = '0'.repeat(64);

export function entryHash(previousHash: string, entry: ChainedEntry): string {
  // Only the covered fields (a stored row also carries its hashes), and one spelling of the instant.
  const { dossierId, seq, type, actorId, payload } = entry;
  const at = new Date(entry.at).toISOString();
  return createHash('sha256')
    .update(previousHash)
    .update('\n')
    .update(canonicalJson({ dossierId, seq, type, at, actorId, payload }))
    .digest('hex');
}

/** The first row whose stored hashes do not match its content and predecessor, or -1 if the chain holds. */
export function firstBrokenLink(rows: readonly (ChainedEntry & { prevHash: string; hash: string })[]): number {
  let previous = GENESIS_HASH;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.seq !== i + 1 || row.prevHash !== previous || entryHash(previous, row) !== row.hash) return i;
    previous = row.hash;
  }
  return -1;
}
