// The message log's writer. Every call's row is handed to append(), which resolves once the row is
// committed; the gateway answers the call only then, so an answered call always has its row (a
// call whose row could not be written is answered 503 instead, even though the provider has
// answered: for the read-only services of this gateway that costs a retry, never an unrecorded
// exchange).
//
// Throughput: rows are not written one transaction each. Calls that arrive while a batch is being
// committed wait in a queue and go together in the next batch (group commit), up to
// LGSP_LOG_BATCH_MAX rows. A batch is ONE statement (store.ts appendIfHeadAt): it moves the one
// chain-head row (`lgsp_chain`) from the head this writer last saw to the batch's last row, and
// inserts the rows and the day counts only if the head was still there; otherwise (another
// instance appended) the batch is chained again from the new head. The head row is locked for one
// statement per batch, not per call, and that orders the writers of several instances into one
// chain.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import { localDay, messageHash, type MessageEntry, type StoredMessage } from '../../core/lgsp/index.ts';
import { appendIfHeadAt, chainHead } from './store.ts';

export type NewMessage = Omit<MessageEntry, 'seq'>;

interface Pending {
  entry: NewMessage;
  resolve: (stored: StoredMessage) => void;
  reject: (error: unknown) => void;
}

export interface MessageLogWriter {
  append(entry: NewMessage): Promise<StoredMessage>;
  /** Appends many rows (demo data, tests) through the same batches. */
  appendAll(entries: NewMessage[]): Promise<StoredMessage[]>;
  /** Resolves when the queue is empty. */
  drain(): Promise<void>;
  /** Rows written by this writer since it started. */
  readonly written: number;
}

export function createMessageLogWriter(deps: {
  db: Kysely<DB>;
  maxBatch: number;
  /** Told after each committed batch (signing heads, counters); errors are the listener's. */
  onBatch?: (rows: StoredMessage[]) => void;
}): MessageLogWriter {
  const queue: Pending[] = [];
  let flushing: Promise<void> | undefined;
  let written = 0;

  // The head as this writer last left it (undefined: read it). Another instance appending moves
  // the head; the conditional append then fails and the batch is chained again from the new head.
  let known: { lastSeq: number; lastHash: string } | undefined;

  function chainFrom(head: { lastSeq: number; lastHash: string }, batch: Pending[]) {
    let previous = head.lastHash;
    let seq = head.lastSeq;
    const perDay = new Map<string, { consumerId: string; day: string; calls: number }>();
    const rows = batch.map(({ entry }) => {
      seq++;
      const withSeq = { ...entry, seq };
      const hash = messageHash(previous, withSeq);
      const row: StoredMessage = { ...withSeq, prevHash: previous, hash };
      previous = hash;
      if (entry.consumerId) {
        const day = localDay(new Date(entry.at));
        const key = `${entry.consumerId}\n${day}`;
        const counted = perDay.get(key);
        if (counted) counted.calls++;
        else perDay.set(key, { consumerId: entry.consumerId, day, calls: 1 });
      }
      return row;
    });
    return { rows, usage: [...perDay.values()] };
  }

  async function flushOnce(batch: Pending[]): Promise<void> {
    let stored: StoredMessage[] = [];
    try {
      for (let attempt = 0; ; attempt++) {
        known ??= await chainHead(deps.db);
        const { rows, usage } = chainFrom(known, batch);
        if (await appendIfHeadAt(deps.db, known, rows, usage)) {
          stored = rows;
          known = { lastSeq: rows.at(-1)!.seq, lastHash: rows.at(-1)!.hash };
          break;
        }
        known = undefined;
        if (attempt >= 20) throw new Error('lgsp: the chain head kept moving; giving up this batch');
      }
    } catch (error) {
      known = undefined;
      for (const p of batch) p.reject(error);
      return;
    }
    written += stored.length;
    batch.forEach((p, i) => p.resolve(stored[i]!));
    deps.onBatch?.(stored);
  }

  function kick(): void {
    if (flushing) return;
    flushing = (async () => {
      while (queue.length > 0) {
        // One turn of the event loop first, so that calls whose requests have already arrived join
        // this batch. Without it an embedded database (PGlite runs its queries synchronously on this
        // thread) commits one row per batch: no request is read while a batch commits.
        await new Promise((resolve) => setImmediate(resolve));
        await flushOnce(queue.splice(0, deps.maxBatch));
      }
    })().finally(() => {
      flushing = undefined;
      if (queue.length > 0) kick();
    });
  }

  function append(entry: NewMessage): Promise<StoredMessage> {
    return new Promise<StoredMessage>((resolve, reject) => {
      queue.push({ entry, resolve, reject });
      kick();
    });
  }

  return {
    append,
    appendAll: (entries) => Promise.all(entries.map(append)),
    async drain() {
      while (flushing) await flushing;
    },
    get written() {
      return written;
    },
  };
}
