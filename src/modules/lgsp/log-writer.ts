// The message log's writer. Every call's row is handed to append(), which resolves once the row is
// committed; the gateway answers the call only then, so an answered call always has its row (a
// call whose row could not be written is answered 503 instead, even though the provider has
// answered: for the read-only services of this gateway that costs a retry, never an unrecorded
// exchange).
//
// Throughput: rows are not written one transaction each. Calls that arrive while a batch is being
// committed wait in a queue and go together in the next batch (group commit), up to
// LGSP_LOG_BATCH_MAX rows per transaction. A batch locks the one chain-head row (`lgsp_chain`),
// chains its rows from it, inserts them in one statement, counts the calls per consumer and day,
// and moves the head: the lock is held once per batch, not once per call, and it also orders the
// writers of several instances into one chain.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import { localDay, messageHash, type MessageEntry, type StoredMessage } from '../../core/lgsp/index.ts';
import { appendMessages, lockChain } from './store.ts';

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

  async function flushOnce(batch: Pending[]): Promise<void> {
    let stored: StoredMessage[] = [];
    try {
      await deps.db.transaction().execute(async (trx) => {
        const head = await lockChain(trx);
        let previous = head.lastHash;
        let seq = head.lastSeq;
        const usage = new Map<string, { day: string; calls: number }[]>();
        stored = batch.map(({ entry }) => {
          seq++;
          const withSeq = { ...entry, seq };
          const hash = messageHash(previous, withSeq);
          const row: StoredMessage = { ...withSeq, prevHash: previous, hash };
          previous = hash;
          if (entry.consumerId) {
            const days = usage.get(entry.consumerId) ?? [];
            const day = localDay(new Date(entry.at));
            const counted = days.find((d) => d.day === day);
            if (counted) counted.calls++;
            else days.push({ day, calls: 1 });
            usage.set(entry.consumerId, days);
          }
          return row;
        });
        await appendMessages(trx, stored, usage);
      });
    } catch (error) {
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
      while (queue.length > 0) await flushOnce(queue.splice(0, deps.maxBatch));
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
