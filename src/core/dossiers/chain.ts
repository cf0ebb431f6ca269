// Tamper evidence for a dossier's action log: each row carries the SHA-256 of the previous row's
// hash and its own canonical content, so altering, removing or reordering a stored row breaks the
// chain from there on. Pure (hashing is computation, not I/O).
import { chainHash, GENESIS_HASH } from '../chain/index.ts';

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

export { canonicalJson, GENESIS_HASH } from '../chain/index.ts';

export function entryHash(previousHash: string, entry: ChainedEntry): string {
  // Only the covered fields (a stored row also carries its hashes), and one spelling of the instant.
  const { dossierId, seq, type, actorId, payload } = entry;
  const at = new Date(entry.at).toISOString();
  return chainHash(previousHash, { dossierId, seq, type, at, actorId, payload });
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
