// The gateway's message log (nhật ký trao đổi dữ liệu): one row per call through the data-exchange
// gateway, append-only, each row chained to the one before by SHA-256 (core/chain), and the chain
// head signed at intervals with the gateway's key (compact JWS). Anyone holding the public key
// verifies an exported log offline: every row's hash, the sequence without gaps or reordering,
// and every signed head against the row it names. Pure: hashing and signature checks are
// computation.
//
// Decree 278/2025/NĐ-CP: the sharing platform authenticates and authorizes both sides and keeps
// the record of each exchange; Decree 13/2023/NĐ-CP (personal data protection) Art. 27: the
// processing of personal data is logged. The log keeps digests of what was exchanged, never the
// data itself.
import { compactVerify, importJWK, type JWK } from 'jose';
import { GENESIS_HASH, chainHash } from '../chain/index.ts';

export { GENESIS_HASH };

/** What the hash of a row covers. */
export interface MessageEntry {
  seq: number;
  /** ISO 8601 instant the call arrived. */
  at: string;
  /** The consumer system (client id); null when the caller could not be authenticated. */
  consumerId: string | null;
  /** The service code; null when the path names no known service. */
  serviceCode: string | null;
  serviceVersion: number | null;
  purpose: string | null;
  /** The gateway's request id (x-request-id). */
  requestId: string;
  /** SHA-256 (hex) of the request body bytes as received, and of the response body bytes as sent. */
  requestDigest: string;
  responseDigest: string;
  /** The HTTP status answered. */
  status: number;
  /** ok, or the problem code answered (e.g. purpose_required, rate_limited, bad_upstream). */
  outcome: string;
  requestBytes: number;
  responseBytes: number;
  /** Time spent in the gateway and the provider, microseconds. */
  latencyUs: number;
}

export interface StoredMessage extends MessageEntry {
  prevHash: string;
  hash: string;
}

/** The hash of a row chained from `previousHash` (only the covered fields, one spelling of the instant). */
export function messageHash(previousHash: string, e: MessageEntry): string {
  return chainHash(previousHash, {
    seq: e.seq,
    at: new Date(e.at).toISOString(),
    consumerId: e.consumerId,
    serviceCode: e.serviceCode,
    serviceVersion: e.serviceVersion,
    purpose: e.purpose,
    requestId: e.requestId,
    requestDigest: e.requestDigest,
    responseDigest: e.responseDigest,
    status: e.status,
    outcome: e.outcome,
    requestBytes: e.requestBytes,
    responseBytes: e.responseBytes,
    latencyUs: e.latencyUs,
  });
}

/** What a signed head says: the row `seq` of the log has hash `hash`, signed at `at`. */
export interface HeadPayload {
  seq: number;
  hash: string;
  at: string;
}

export interface SignedHead extends HeadPayload {
  /** Compact JWS over the canonical HeadPayload, header {alg, kid, typ: 'lgsp-head+jws'}. */
  jws: string;
}

export const HEAD_JWS_TYPE = 'lgsp-head+jws';

/** The first line of an exported log (JSON Lines): what the rows chain from and the keys. */
export interface ExportHeader {
  type: 'lgsp-log';
  version: 1;
  exportedAt: string;
  from: string | null;
  to: string | null;
  /** The seq of the first row exported and the hash it chains from (GENESIS_HASH for seq 1). */
  firstSeq: number;
  prevHash: string;
  /** The gateway's public keys (JWK with kid); a verifier may insist on its own copy instead. */
  publicKeys: JWK[];
}

export type ExportLine = ExportHeader | ({ type: 'row' } & StoredMessage) | ({ type: 'head' } & SignedHead);

export interface VerifyFailure {
  /** 1-based line of the file (or the position in the database's order). */
  line: number;
  seq: number | null;
  kind: 'header' | 'row' | 'head';
  reason: string;
}

export interface VerifyReport {
  ok: boolean;
  rows: number;
  heads: number;
  /** Rows after the last signed head: chained, but no signature covers them yet. */
  unsignedTail: number;
  failure?: VerifyFailure;
}

/** Checks one signed head's signature and payload with the given keys; returns a reason or undefined. */
export async function checkHead(head: SignedHead, keys: readonly JWK[]): Promise<string | undefined> {
  let protectedHeader: { kid?: string; alg?: string; typ?: string };
  let payload: Uint8Array;
  const kid = decodeKid(head.jws);
  const key = keys.find((k) => k.kid === kid);
  if (!key) return `signed with an unknown key (${kid ?? 'no kid'})`;
  try {
    const result = await compactVerify(head.jws, await importJWK(key, key.alg));
    protectedHeader = result.protectedHeader;
    payload = result.payload;
  } catch {
    return 'the signature does not verify';
  }
  if (protectedHeader.typ !== HEAD_JWS_TYPE) return 'not a signed head';
  let signed: Partial<HeadPayload>;
  try {
    signed = JSON.parse(new TextDecoder().decode(payload)) as Partial<HeadPayload>;
  } catch {
    return 'the signed payload is not JSON';
  }
  if (signed.seq !== head.seq || signed.hash !== head.hash || signed.at !== head.at) return 'the head differs from what was signed';
  return undefined;
}

function decodeKid(jws: string): string | undefined {
  try {
    const header = JSON.parse(Buffer.from(jws.split('.')[0] ?? '', 'base64url').toString('utf8')) as { kid?: unknown };
    return typeof header.kid === 'string' ? header.kid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies a log given as lines (an export, or the database read in seq order with its heads
 * placed after the rows they sign). `keys`: the public keys to trust (default: the header's).
 * Stops at the first failure and names it.
 */
export async function verifyLines(lines: Iterable<ExportLine> | AsyncIterable<ExportLine>, trustedKeys?: readonly JWK[]): Promise<VerifyReport> {
  let header: ExportHeader | undefined;
  let keys: readonly JWK[] = trustedKeys ?? [];
  let expectedSeq = 0;
  let previous = '';
  let rows = 0;
  let heads = 0;
  let lastSigned = 0;
  const hashes = new Map<number, string>();
  let lineNo = 0;
  const fail = (failure: Omit<VerifyFailure, 'line'>): VerifyReport => ({
    ok: false,
    rows,
    heads,
    unsignedTail: 0,
    failure: { line: lineNo, ...failure },
  });
  for await (const line of lines) {
    lineNo++;
    if (!header) {
      if (line.type !== 'lgsp-log' || line.version !== 1 || !Number.isInteger(line.firstSeq) || line.firstSeq < 1) {
        return fail({ seq: null, kind: 'header', reason: 'the first line is not an lgsp-log header' });
      }
      if (line.firstSeq === 1 && line.prevHash !== GENESIS_HASH) return fail({ seq: null, kind: 'header', reason: 'the first row does not chain from the genesis hash' });
      header = line;
      keys = trustedKeys ?? line.publicKeys ?? [];
      expectedSeq = line.firstSeq;
      previous = line.prevHash;
      continue;
    }
    if (line.type === 'row') {
      if (line.seq !== expectedSeq) {
        return fail({ seq: line.seq, kind: 'row', reason: `row ${expectedSeq} expected here, found row ${line.seq} (a row is missing or out of order)` });
      }
      if (line.prevHash !== previous) return fail({ seq: line.seq, kind: 'row', reason: 'does not chain from the row before it' });
      if (messageHash(previous, line) !== line.hash) return fail({ seq: line.seq, kind: 'row', reason: 'its content does not match its hash (the row was changed)' });
      previous = line.hash;
      hashes.set(line.seq, line.hash);
      expectedSeq++;
      rows++;
      continue;
    }
    if (line.type === 'head') {
      const problem = await checkHead(line, keys);
      if (problem) return fail({ seq: line.seq, kind: 'head', reason: `signed head of row ${line.seq}: ${problem}` });
      const rowHash = hashes.get(line.seq);
      if (rowHash === undefined) {
        // A head of a row before this export's range cannot be checked against a row here.
        if (line.seq >= expectedSeq) return fail({ seq: line.seq, kind: 'head', reason: `signed head of row ${line.seq}, which is not in the log` });
      } else if (rowHash !== line.hash) {
        return fail({ seq: line.seq, kind: 'head', reason: `signed head of row ${line.seq} does not match the rows (a row up to ${line.seq} was changed, removed or added)` });
      }
      heads++;
      lastSigned = Math.max(lastSigned, line.seq);
      continue;
    }
    return fail({ seq: null, kind: 'header', reason: 'a second header' });
  }
  if (!header) return { ok: false, rows: 0, heads: 0, unsignedTail: 0, failure: { line: 0, seq: null, kind: 'header', reason: 'the log is empty' } };
  const lastSeq = expectedSeq - 1;
  return { ok: true, rows, heads, unsignedTail: lastSigned >= header.firstSeq ? lastSeq - lastSigned : rows };
}
