// The message log beyond the writer: signing the chain head, the export as JSON Lines and the
// verification of the stored log (through the same pure verifier as an exported file).
import { CompactSign } from 'jose';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../core/chain/index.ts';
import { GENESIS_HASH, HEAD_JWS_TYPE, verifyLines, type ExportHeader, type ExportLine, type HeadPayload, type SignedHead, type VerifyReport } from '../../core/lgsp/index.ts';
import type { DB } from '../../db/types.ts';
import type { GatewayKey } from './keys.ts';
import { publicKeys } from './keys.ts';
import { chainHead, hashOf, headsBetween, insertHead, lastHead, messagesFrom, seqRange } from './store.ts';

/** Signs the current chain head if rows were added since the last signed head; returns it (or undefined). */
export async function signHead(db: Kysely<DB>, key: GatewayKey, at = new Date()): Promise<SignedHead | undefined> {
  const head = await chainHead(db);
  const last = await lastHead(db);
  if (head.lastSeq === 0 || (last && last.seq >= head.lastSeq)) return undefined;
  const payload: HeadPayload = { seq: head.lastSeq, hash: head.lastHash, at: at.toISOString() };
  const jws = await new CompactSign(new TextEncoder().encode(canonicalJson(payload)))
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: HEAD_JWS_TYPE })
    .sign(key.privateKey);
  const signed = { ...payload, jws };
  await insertHead(db, signed);
  return signed;
}

const PAGE = 2000;

/**
 * The log's lines for a time range (rows with from <= at < to), each signed head after the row it
 * names, preceded by the header. Heads signing rows after the range are included too when they
 * follow directly (none is needed to verify the range's chain, but a head is what proves it).
 */
export async function* exportLines(db: Kysely<DB>, range: { from?: Date; to?: Date } = {}): AsyncGenerator<ExportLine> {
  const seqs = await seqRange(db, range.from, range.to);
  const keys = await publicKeys(db);
  const firstSeq = seqs?.first ?? 1;
  const prevHash = firstSeq > 1 ? ((await hashOf(db, firstSeq - 1)) ?? GENESIS_HASH) : GENESIS_HASH;
  const header: ExportHeader = {
    type: 'lgsp-log',
    version: 1,
    exportedAt: new Date().toISOString(),
    from: range.from?.toISOString() ?? null,
    to: range.to?.toISOString() ?? null,
    firstSeq,
    prevHash,
    publicKeys: keys,
  };
  yield header;
  if (!seqs) return;
  const heads = await headsBetween(db, seqs.first, seqs.last);
  let h = 0;
  for (let from = seqs.first; from <= seqs.last; from += PAGE) {
    const rows = await messagesFrom(db, from, Math.min(seqs.last, from + PAGE - 1), PAGE);
    for (const row of rows) {
      yield { type: 'row', ...row };
      while (h < heads.length && heads[h]!.seq <= row.seq) yield { type: 'head', ...heads[h++]! };
    }
  }
  // Heads of rows that are not there (a removed row) are kept, so the verifier sees them.
  while (h < heads.length) yield { type: 'head', ...heads[h++]! };
}

/** Verifies the whole stored log: every row's chain and every signed head. */
export async function verifyStoredLog(db: Kysely<DB>): Promise<VerifyReport> {
  const report = await verifyLines(exportLines(db));
  if (!report.ok) return report;
  // The chain head says how many rows were appended: fewer stored means the last ones were removed.
  const head = await chainHead(db);
  const stored = await seqRange(db);
  if ((stored?.last ?? 0) !== head.lastSeq) {
    return {
      ...report,
      ok: false,
      failure: { line: report.rows + report.heads + 2, seq: (stored?.last ?? 0) + 1, kind: 'row', reason: `the chain head is at row ${head.lastSeq}, but the log ends at row ${stored?.last ?? 0} (rows were removed)` },
    };
  }
  return report;
}
