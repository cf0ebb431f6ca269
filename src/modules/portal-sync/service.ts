// Delivery of each dossier's sync record (HoSoDongBoDVC, SPEC §6) to the national public service
// portal, and what officers, administrators and the quality index read of it.
//
// How a change travels. Every dossier action queues its `dossier.event` job in the action's
// transaction (the dossiers module's outbox); this module listens to those events and, in one
// short transaction, records that the dossier changed (`portal_sync.wanted_seq`) and — when the
// dossier has no delivery job open — opens one (`portal_sync.deliver`, keyed by dossier and a
// generation number). So a dossier has at most one delivery job at a time, and the jobs module's
// retries (exponential backoff with jitter) are its retries.
//
// What a delivery sends. Always the dossier's latest state: updates that pile up while the portal
// is down are coalesced into one, and since one delivery per dossier runs at a time (a lease on
// its row) the portal sees the states in the order they happened. The first message is
// "thêm mới"; once it succeeded (or answered "đã tồn tại", which turns it into "cập nhật") every
// later one is "cập nhật", so a dossier is never created twice. The process history
// (QuaTrinhXuLy) is append-only: the entries the portal has not acknowledged are sent after the
// dossier, in order, in chunks of DVCQG_SYNC_CHUNK (10, SPEC §6); an acknowledged entry is never
// sent again, and a chunk whose answer was lost is sent again as it was (see the emulator's note
// on duplicates). Every call is logged (portal_sync_attempt).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Principal } from '../../core/access/index.ts';
import { formatLocalIso } from '../../core/calendar/index.ts';
import type { DB } from '../../db/types.ts';
import { assertCan, unauthenticated } from '../../http/access.ts';
import { ProblemError } from '../../http/problem.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import type { DossierEvent, HoSoDongBoDVC } from '../dossiers/module.ts';
import { retryDelayMs, type JobContext, type JobsModule } from '../jobs/module.ts';
import { mentions, type DvcqgSyncClient, type SyncAnswer, type SyncOperation } from './client.ts';
import type { PortalSyncAttemptView, PortalSyncListQuery, PortalSyncView } from './schema.ts';
import {
  closeJob,
  closeJobIfCaughtUp,
  countByState,
  dossierIdsInState,
  findSync,
  findSyncByCode,
  insertAttempt,
  listAttempts,
  listByState,
  markFailed,
  markOnPortal,
  markProcessSent,
  markSynced,
  noteChange,
  openJob,
  releaseLease,
  syncedAmong,
  syncedCodesReceivedBetween,
  takeLease,
  type PortalSyncRow,
} from './store.ts';

export const DELIVER_TOPIC = 'portal_sync.deliver';
export interface DeliverJob {
  dossierId: string;
}

export interface PortalSyncSettings {
  enabled: boolean;
  /** QuaTrinhXuLy entries per call (SPEC §6: 10). */
  chunkSize: number;
  /** Attempts of one delivery job before the dossier is left in error for a person to retry. */
  maxAttempts: number;
  /** How long a delivery holds the dossier's lease (longer than a delivery's calls take). */
  leaseMs: number;
}

export interface PortalSyncServiceDeps {
  db: Kysely<DB>;
  units: Pick<UnitDirectory, 'tree'>;
  client: DvcqgSyncClient;
  jobs: Pick<JobsModule, 'enqueue'>;
  dossiers: {
    /** The dossier's sync record and the log position it reflects at least (no principal: system use). */
    syncRecordForDelivery(id: string): Promise<{ record: HoSoDongBoDVC; version: number } | undefined>;
    /** Throws the dossiers module's 404 when the principal may not read the dossier. */
    assertReadable(p: Principal | undefined, id: string): Promise<void>;
    /** A page of dossiers in id order, for the backfill of dossiers never queued. */
    pageForBackfill(after: string | null, limit: number): Promise<Array<{ id: string; code: string | null; version: number; receivedAt: Date | null }>>;
  };
  settings: PortalSyncSettings;
}

/** A failed call: what the job runner records as the attempt's error. */
class DeliveryFailed extends Error {
  constructor(readonly answer: SyncAnswer) {
    super(`${answer.operation}: ${answer.failure ?? 'failed'}${answer.errorCode ? ` (error_code ${answer.errorCode})` : ''}${answer.httpStatus ? ` HTTP ${answer.httpStatus}` : ''}: ${answer.message}`);
    this.name = 'DeliveryFailed';
  }
}

const iso = (d: Date | null | undefined): string | null => (d ? formatLocalIso(new Date(d)) : null);

const notFound = () => new ProblemError('not_found', { detail: { vi: 'Không có hồ sơ này.', en: 'No such dossier.' } });

export interface Backoff {
  backoffMs: number;
  backoffMaxMs: number;
}

/** The delays between the attempts of one delivery job (the jobs module's backoff) at a jitter draw `random`. */
const retryDelays = (maxAttempts: number, backoff: Backoff, random: number): number[] =>
  Array.from({ length: Math.max(0, maxAttempts - 1) }, (_, i) => retryDelayMs(i + 1, backoff, () => random));

/**
 * How long a delivery job keeps trying before the dossier is left in error: at the shortest
 * jitter (every delay at ½ of its nominal value) and at the longest.
 */
export function retryWindowMs(maxAttempts: number, backoff: Backoff): { minMs: number; maxMs: number } {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { minMs: sum(retryDelays(maxAttempts, backoff, 0)), maxMs: sum(retryDelays(maxAttempts, backoff, 0.999999)) };
}

/** The most attempts one delivery job makes within `spanMs` (every delay at its shortest). */
export function attemptsWithin(spanMs: number, maxAttempts: number, backoff: Backoff): number {
  let elapsed = 0;
  let attempts = 1;
  for (const delay of retryDelays(maxAttempts, backoff, 0)) {
    elapsed += delay;
    if (elapsed > spanMs) break;
    attempts++;
  }
  return attempts;
}

export function createPortalSyncService(deps: PortalSyncServiceDeps) {
  const { db, client, settings } = deps;
  /** Called once the portal acknowledged a dossier (the quality aggregates read its new state). */
  const syncedListeners: Array<(db: typeof deps.db, dossierId: string) => Promise<void>> = [];

  async function enqueueDelivery(trx: Parameters<JobsModule['enqueue']>[0], dossierId: string): Promise<void> {
    const key = await openJob(trx, dossierId);
    await deps.jobs.enqueue(trx, { topic: DELIVER_TOPIC, key, payload: { dossierId } satisfies DeliverJob, maxAttempts: settings.maxAttempts });
  }

  /** Sends one message and logs the call. */
  async function call(row: PortalSyncRow, operation: SyncOperation, body: readonly unknown[], chunkStart: number | null = null): Promise<SyncAnswer> {
    const answer = await client.send(operation, body);
    await insertAttempt(db, {
      dossier_id: row.dossier_id,
      dossier_code: row.dossier_code,
      operation,
      chunk_start: chunkStart,
      entries: body.length,
      request_digest: answer.requestDigest,
      http_status: answer.httpStatus,
      error_code: answer.errorCode,
      message: answer.message.slice(0, 2000),
      outcome: answer.ok ? 'ok' : answer.exists ? 'exists' : 'failed',
      duration_ms: answer.durationMs,
    });
    return answer;
  }

  /** Brings the portal up to the dossier's current state once; throws DeliveryFailed. */
  async function deliverOnce(row: PortalSyncRow): Promise<void> {
    const loaded = await deps.dossiers.syncRecordForDelivery(row.dossier_id);
    if (!loaded) {
      await closeJob(db, row.dossier_id);
      return;
    }
    const { QuaTrinhXuLy: history, ...dossier } = loaded.record;
    if (!row.on_portal) {
      const created = await call(row, 'create', [dossier]);
      if (!created.ok && !created.exists) throw new DeliveryFailed(created);
      await markOnPortal(db, row.dossier_id);
      if (created.exists) {
        const updated = await call(row, 'update', [dossier]);
        if (!updated.ok) throw new DeliveryFailed(updated);
      }
    } else {
      const updated = await call(row, 'update', [dossier]);
      if (!updated.ok) {
        // The portal says it does not hold the dossier: the next attempt creates it.
        if (mentions(updated.message, 'không tồn tại')) await db.updateTable('portal_sync').set({ on_portal: false }).where('dossier_id', '=', row.dossier_id).execute();
        throw new DeliveryFailed(updated);
      }
    }
    for (let start = row.process_sent; start < history.length; start += settings.chunkSize) {
      const chunk = history.slice(start, start + settings.chunkSize);
      const answer = await call(row, 'process', chunk, start);
      if (!answer.ok) throw new DeliveryFailed(answer);
      await markProcessSent(db, row.dossier_id, start + chunk.length);
    }
    await markSynced(db, row.dossier_id, loaded.version);
    for (const listener of syncedListeners) await listener(db, row.dossier_id);
  }

  /** The delivery job: until the portal holds the dossier's latest state, or a call fails. */
  async function deliver(job: DeliverJob, ctx: Pick<JobContext, 'attempt'>): Promise<void> {
    const token = randomUUID();
    const leased = await takeLease(db, job.dossierId, token, settings.leaseMs);
    if (!leased) {
      if (!(await findSync(db, job.dossierId))) return;
      throw new Error('another delivery of this dossier is running');
    }
    try {
      // A dossier that keeps changing while it is sent is sent again; a bound keeps one job short.
      for (let round = 0; round < 10; round++) {
        const row = await findSync(db, job.dossierId);
        if (!row) return;
        if (row.synced_seq >= row.wanted_seq) {
          if (await closeJobIfCaughtUp(db, job.dossierId)) return;
          continue;
        }
        try {
          await deliverOnce(row);
        } catch (error) {
          const answer = error instanceof DeliveryFailed ? error.answer : undefined;
          await markFailed(db, job.dossierId, {
            message: error instanceof Error ? error.message : String(error),
            errorCode: answer?.errorCode ?? null,
            closeJob: ctx.attempt >= settings.maxAttempts,
          });
          throw error;
        }
      }
      throw new Error('the dossier changed on every round of this delivery; it continues in the next attempt');
    } finally {
      await releaseLease(db, job.dossierId, token);
    }
  }

  function view(row: PortalSyncRow, attempts: PortalSyncAttemptView[]): PortalSyncView {
    return {
      dossierId: row.dossier_id,
      dossierCode: row.dossier_code,
      state: row.state,
      onPortal: row.on_portal,
      wantedSeq: row.wanted_seq,
      syncedSeq: row.synced_seq,
      processEntriesSent: row.process_sent,
      attempts: row.attempts,
      lastAttemptAt: iso(row.last_attempt_at),
      lastError: row.last_error,
      lastErrorCode: row.last_error_code,
      syncedAt: iso(row.synced_at),
      retrying: row.job_open,
      recentCalls: attempts,
    };
  }

  const callView = (a: Awaited<ReturnType<typeof listAttempts>>[number]): PortalSyncAttemptView => ({
    at: iso(a.at)!,
    operation: a.operation,
    chunkStart: a.chunk_start,
    entries: a.entries,
    requestDigest: a.request_digest,
    httpStatus: a.http_status,
    errorCode: a.error_code,
    message: a.message,
    outcome: a.outcome,
    durationMs: a.duration_ms,
  });

  async function noteAndQueue(database: Kysely<DB>, change: Parameters<typeof noteChange>[1]): Promise<void> {
    await database.transaction().execute(async (trx) => {
      const row = await noteChange(trx, change);
      if (!row.job_open) await enqueueDelivery(trx, change.dossierId);
    });
  }

  async function retryOne(dossierId: string): Promise<boolean> {
    return db.transaction().execute(async (trx) => {
      const row = await findSync(trx, dossierId, true);
      if (!row) return false;
      await enqueueDelivery(trx, dossierId);
      return true;
    });
  }

  return {
    onSynced(listener: (db: typeof deps.db, dossierId: string) => Promise<void>) {
      syncedListeners.push(listener);
    },

    deliver,

    /** The dossiers module's event listener: note the change, open a delivery job when none is open. */
    async onDossierEvent(database: Kysely<DB>, event: DossierEvent): Promise<void> {
      if (!settings.enabled || !event.dossier.code) return;
      const { dossier } = event;
      await noteAndQueue(database, { dossierId: dossier.id, code: dossier.code!, seq: Math.max(event.seq, dossier.version), receivedAt: dossier.received_at });
    },

    /**
     * Queues every dossier that was never queued (stored before delivery was on, or written in
     * bulk: the demo dossiers, an import); returns how many.
     */
    async queueUnqueued(): Promise<number> {
      let queued = 0;
      let after: string | null = null;
      for (;;) {
        const page = await deps.dossiers.pageForBackfill(after, 500);
        if (page.length === 0) return queued;
        for (const d of page) {
          if (!d.code || (await findSync(db, d.id))) continue;
          await noteAndQueue(db, { dossierId: d.id, code: d.code, seq: d.version, receivedAt: d.receivedAt });
          queued++;
        }
        after = page.at(-1)!.id;
      }
    },

    /** A dossier's delivery state, for the officers who may read the dossier. */
    async status(p: Principal | undefined, dossierId: string): Promise<PortalSyncView> {
      if (!p) throw unauthenticated();
      await deps.dossiers.assertReadable(p, dossierId);
      const row = await findSync(db, dossierId);
      if (!row) {
        throw new ProblemError('not_found', {
          detail: { vi: 'Hồ sơ chưa được đưa vào hàng đợi đồng bộ lên Cổng DVCQG.', en: 'The dossier has not been queued for the national portal.' },
        });
      }
      return view(row, (await listAttempts(db, dossierId, 20)).map(callView));
    },

    /** Dossiers by delivery state, ministry-wide (administrators, auditors). */
    async list(p: Principal | undefined, q: PortalSyncListQuery) {
      if (!p) throw unauthenticated();
      assertCan(p, 'portal_sync.monitor', null, await deps.units.tree());
      const rows = await listByState(db, { state: q.state, limit: q.limit + 1, after: q.after });
      const items = rows.slice(0, q.limit).map((r) => view(r, []));
      return { items, next: rows.length > q.limit ? (items.at(-1)?.dossierCode ?? null) : null, counts: await countByState(db).then((c) => ({ pending: c.pending, synced: c.synced, error: c.error })) };
    },

    /** Sends a dossier again now (a person's retry, API). */
    async retry(p: Principal | undefined, dossierId: string): Promise<PortalSyncView> {
      if (!p) throw unauthenticated();
      assertCan(p, 'portal_sync.retry', null, await deps.units.tree());
      if (!(await retryOne(dossierId))) throw notFound();
      return view((await findSync(db, dossierId))!, []);
    },

    /** Sends again now: one dossier by its code (CLI). */
    async retryByCode(code: string): Promise<boolean> {
      const row = await findSyncByCode(db, code);
      return row ? retryOne(row.dossier_id) : false;
    },

    /** Sends again now every dossier whose delivery is in error (CLI); returns how many. */
    async retryAllErrors(): Promise<number> {
      let n = 0;
      for (const id of await dossierIdsInState(db, 'error')) if (await retryOne(id)) n++;
      return n;
    },

    counts: () => countByState(db),

    /**
     * For the quality index (`syncedToPortal`): codes of the dossiers received in [from, to)
     * whose latest state the portal has acknowledged.
     */
    syncedDossierCodes: (period: { from: Date; to: Date }) => syncedCodesReceivedBetween(db, period.from, period.to),

    /** Whether the portal holds the dossier's latest state. */
    /** Which of these dossier codes the portal holds in their latest state. */
    syncedAmong: (codes: readonly string[]) => (codes.length ? syncedAmong(db, codes) : Promise.resolve(new Set<string>())),

    async isSynced(code: string): Promise<boolean> {
      return (await findSyncByCode(db, code))?.state === 'synced';
    },
  };
}

export type PortalSyncService = ReturnType<typeof createPortalSyncService>;
