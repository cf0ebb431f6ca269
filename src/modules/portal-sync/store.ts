// SQL of the portal-sync tables. Times are the database's now(), so instances whose clocks differ
// agree on leases.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { PortalSyncAttemptTable, PortalSyncState, PortalSyncTable } from './tables.ts';

export type Executor = Kysely<DB> | Transaction<DB>;
export type PortalSyncRow = Selectable<PortalSyncTable>;
export type PortalSyncAttemptRow = Selectable<PortalSyncAttemptTable>;

/**
 * Records that the dossier changed up to `seq` (locking its row for the caller's transaction):
 * a new row is pending; a synced one becomes pending again when `seq` is newer than what the
 * portal holds.
 */
export async function noteChange(trx: Executor, change: { dossierId: string; code: string; seq: number; receivedAt: Date | null }): Promise<PortalSyncRow> {
  return trx
    .insertInto('portal_sync')
    .values({ dossier_id: change.dossierId, dossier_code: change.code, received_at: change.receivedAt, state: 'pending', wanted_seq: change.seq })
    .onConflict((oc) =>
      oc.column('dossier_id').doUpdateSet({
        dossier_code: change.code,
        received_at: change.receivedAt,
        wanted_seq: sql<number>`greatest(portal_sync.wanted_seq, excluded.wanted_seq)`,
        state: sql<PortalSyncState>`case when portal_sync.state = 'synced' and excluded.wanted_seq > portal_sync.synced_seq then 'pending' else portal_sync.state end`,
        updated_at: sql<Date>`now()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Marks the dossier's delivery job open under a new generation; returns the job's key: the
 * dossier, when its row was made (a row made again after a deletion starts a new series) and the
 * generation.
 */
export async function openJob(trx: Executor, dossierId: string): Promise<string> {
  const row = await trx
    .updateTable('portal_sync')
    .set({ job_open: true, job_generation: sql<number>`job_generation + 1`, updated_at: sql<Date>`now()` })
    .where('dossier_id', '=', dossierId)
    .returning(['job_generation', 'created_at'])
    .executeTakeFirstOrThrow();
  return `${dossierId}:${new Date(row.created_at).getTime().toString(36)}:${row.job_generation}`;
}

export async function findSync(db: Executor, dossierId: string, forUpdate = false): Promise<PortalSyncRow | undefined> {
  let q = db.selectFrom('portal_sync').selectAll().where('dossier_id', '=', dossierId);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findSyncByCode(db: Executor, code: string): Promise<PortalSyncRow | undefined> {
  return db.selectFrom('portal_sync').selectAll().where('dossier_code', '=', code).executeTakeFirst();
}

/** Takes the dossier's delivery lease when no other delivery holds it. */
export async function takeLease(db: Executor, dossierId: string, token: string, leaseMs: number): Promise<PortalSyncRow | undefined> {
  return db
    .updateTable('portal_sync')
    .set({ lease_token: token, lease_until: sql<Date>`now() + ${leaseMs}::double precision * interval '1 millisecond'` })
    .where('dossier_id', '=', dossierId)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', sql<Date>`now()`)]))
    .returningAll()
    .executeTakeFirst();
}

export async function releaseLease(db: Executor, dossierId: string, token: string): Promise<void> {
  await db.updateTable('portal_sync').set({ lease_token: null, lease_until: null }).where('dossier_id', '=', dossierId).where('lease_token', '=', token).execute();
}

/** The portal holds the dossier (a create succeeded or answered "đã tồn tại"). */
export async function markOnPortal(db: Executor, dossierId: string): Promise<void> {
  await db.updateTable('portal_sync').set({ on_portal: true, updated_at: sql<Date>`now()` }).where('dossier_id', '=', dossierId).execute();
}

export async function markProcessSent(db: Executor, dossierId: string, count: number): Promise<void> {
  await db
    .updateTable('portal_sync')
    .set({ process_sent: sql<number>`greatest(process_sent, ${count})`, updated_at: sql<Date>`now()` })
    .where('dossier_id', '=', dossierId)
    .execute();
}

/** The portal acknowledged the dossier as of log position `seq` (and every history entry up to it). */
export async function markSynced(db: Executor, dossierId: string, seq: number): Promise<void> {
  await db
    .updateTable('portal_sync')
    .set({
      synced_seq: sql<number>`greatest(synced_seq, ${seq})`,
      state: sql<PortalSyncState>`case when wanted_seq <= greatest(synced_seq, ${seq}) then 'synced' else 'pending' end`,
      attempts: 0,
      last_error: null,
      last_error_code: null,
      last_attempt_at: sql<Date>`now()`,
      synced_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
    })
    .where('dossier_id', '=', dossierId)
    .execute();
}

/** A failed attempt; `closeJob` when the job will not be retried (its last attempt). */
export async function markFailed(db: Executor, dossierId: string, failure: { message: string; errorCode: string | null; closeJob: boolean }): Promise<void> {
  await db
    .updateTable('portal_sync')
    .set({
      state: 'error',
      attempts: sql<number>`attempts + 1`,
      last_error: failure.message.slice(0, 2000),
      last_error_code: failure.errorCode,
      last_attempt_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
      ...(failure.closeJob ? { job_open: false } : {}),
    })
    .where('dossier_id', '=', dossierId)
    .execute();
}

/** Closes the job if the portal holds the latest position; false when more is to be sent. */
export async function closeJobIfCaughtUp(db: Kysely<DB>, dossierId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await findSync(trx, dossierId, true);
    if (!row) return true;
    if (row.synced_seq < row.wanted_seq) return false;
    await trx.updateTable('portal_sync').set({ job_open: false, updated_at: sql<Date>`now()` }).where('dossier_id', '=', dossierId).execute();
    return true;
  });
}

/** Closes the job of a dossier that cannot be delivered (no longer exists). */
export async function closeJob(db: Executor, dossierId: string): Promise<void> {
  await db.updateTable('portal_sync').set({ job_open: false }).where('dossier_id', '=', dossierId).execute();
}

export async function insertAttempt(db: Executor, attempt: Omit<PortalSyncAttemptRow, 'id' | 'at' | 'entries'> & { entries?: number }): Promise<void> {
  await db.insertInto('portal_sync_attempt').values(attempt).execute();
}

export async function listAttempts(db: Executor, dossierId: string, limit: number): Promise<PortalSyncAttemptRow[]> {
  const rows = await db.selectFrom('portal_sync_attempt').selectAll().where('dossier_id', '=', dossierId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function listByState(db: Executor, q: { state?: PortalSyncState | undefined; limit: number; after?: string | undefined }): Promise<PortalSyncRow[]> {
  let query = db.selectFrom('portal_sync').selectAll();
  if (q.state) query = query.where('state', '=', q.state);
  if (q.after) query = query.where('dossier_code', '>', q.after);
  return query.orderBy('dossier_code').limit(q.limit).execute();
}

export interface StateCounts {
  pending: number;
  synced: number;
  error: number;
  oldestPendingSince: Date | null;
  oldestPendingCode: string | null;
}

export async function countByState(db: Executor): Promise<StateCounts> {
  const rows = await db.selectFrom('portal_sync').select(['state', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('state').execute();
  const n = (s: PortalSyncState) => Number(rows.find((r) => r.state === s)?.n ?? 0);
  // Oldest not delivered: pending or failing, by when it last became due.
  const oldest = await db
    .selectFrom('portal_sync')
    .select(['dossier_code', 'updated_at', 'created_at', 'synced_at'])
    .where('state', '<>', 'synced')
    .orderBy(sql`coalesce(synced_at, created_at)`)
    .limit(1)
    .executeTakeFirst();
  return {
    pending: n('pending'),
    synced: n('synced'),
    error: n('error'),
    oldestPendingSince: oldest ? (oldest.synced_at ?? oldest.created_at) : null,
    oldestPendingCode: oldest?.dossier_code ?? null,
  };
}

export async function syncedCodesReceivedBetween(db: Executor, from: Date, to: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('portal_sync')
    .select('dossier_code')
    .where('state', '=', 'synced')
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .orderBy('dossier_code')
    .execute();
  return rows.map((r) => r.dossier_code);
}

/** Which of these dossier codes the portal holds in their latest state (the quality index's `syncedToPortal`). */
export async function syncedAmong(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < codes.length; i += 1000) {
    const chunk = codes.slice(i, i + 1000);
    const rows = await db.selectFrom('portal_sync').select('dossier_code').where('state', '=', 'synced').where('dossier_code', 'in', chunk).execute();
    for (const r of rows) out.add(r.dossier_code);
  }
  return out;
}

export async function dossierIdsInState(db: Executor, state: PortalSyncState): Promise<string[]> {
  const rows = await db.selectFrom('portal_sync').select('dossier_id').where('state', '=', state).orderBy('dossier_code').execute();
  return rows.map((r) => r.dossier_id);
}
