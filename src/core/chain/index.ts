// Hash chains shared by the append-only logs (a dossier's action log, the gateway's message log):
// each row's hash is SHA-256 over the previous row's hash, a newline and the row's canonical JSON,
// so altering, removing or reordering a stored row breaks the chain from there on. Pure (hashing
// is computation, not I/O).
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level (the JSON Canonicalization Scheme's ordering, RFC 8785 §3.2.3). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The genesis value a chain's first row chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 (hex) of the previous hash, a newline and the canonical JSON of `content`. */
export function chainHash(previousHash: string, content: unknown): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(content)).digest('hex');
}
