// SQL of the data-exchange gateway's tables (migration 0014). No other module touches them.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { JWK } from 'jose';
import type { DB } from '../../db/types.ts';
import type { MessageEntry, SignedHead, StoredMessage } from '../../core/lgsp/index.ts';
import type { ConsumerAuthMethod, LgspConsumerTable, ProviderKind } from './tables.ts';
import type { Selectable } from 'kysely';

type Executor = Kysely<DB> | Transaction<DB>;
export type ConsumerRow = Selectable<LgspConsumerTable>;

// ---- keys ----

export async function findKeys(db: Executor) {
  return db.selectFrom('lgsp_key').selectAll().orderBy('created_at').execute();
}

export async function insertKeyIfNone(db: Executor, key: { kid: string; alg: string; publicJwk: JWK; privateJwk: JWK }): Promise<void> {
  // One key per gateway: of two instances starting at once, the first insert wins and both read it.
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('lgsp_key'))`.execute(trx);
    const existing = await trx.selectFrom('lgsp_key').select('kid').limit(1).executeTakeFirst();
    if (existing) return;
    await trx
      .insertInto('lgsp_key')
      .values({ kid: key.kid, alg: key.alg, public_jwk: JSON.stringify(key.publicJwk), private_jwk: JSON.stringify(key.privateJwk) })
      .execute();
  });
}

// ---- consumers and the ACL ----

export async function findConsumer(db: Executor, id: string): Promise<ConsumerRow | undefined> {
  return db.selectFrom('lgsp_consumer').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listConsumers(db: Executor): Promise<ConsumerRow[]> {
  return db.selectFrom('lgsp_consumer').selectAll().orderBy('id').execute();
}

export async function insertConsumer(
  db: Executor,
  c: { id: string; name: string; unitId: string | null; authMethod: ConsumerAuthMethod; secretHash: string | null; jwks: { keys: JWK[] } | null; perMinute: number | null; perDay: number | null },
): Promise<ConsumerRow> {
  return db
    .insertInto('lgsp_consumer')
    .values({
      id: c.id,
      name: c.name,
      unit_id: c.unitId,
      auth_method: c.authMethod,
      secret_hash: c.secretHash,
      jwks: c.jwks ? JSON.stringify(c.jwks) : null,
      per_minute: c.perMinute,
      per_day: c.perDay,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateConsumer(
  db: Executor,
  id: string,
  patch: Partial<{ name: string; enabled: boolean; perMinute: number | null; perDay: number | null; secretHash: string; jwks: { keys: JWK[] } | null; authMethod: ConsumerAuthMethod }>,
): Promise<ConsumerRow | undefined> {
  return db
    .updateTable('lgsp_consumer')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
      ...(patch.perMinute !== undefined ? { per_minute: patch.perMinute } : {}),
      ...(patch.perDay !== undefined ? { per_day: patch.perDay } : {}),
      ...(patch.secretHash !== undefined ? { secret_hash: patch.secretHash, secret_rotated_at: new Date() } : {}),
      ...(patch.jwks !== undefined ? { jwks: patch.jwks ? JSON.stringify(patch.jwks) : null } : {}),
      ...(patch.authMethod !== undefined ? { auth_method: patch.authMethod } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function aclOf(db: Executor, consumerId: string): Promise<string[]> {
  const rows = await db.selectFrom('lgsp_acl').select('service_code').where('consumer_id', '=', consumerId).orderBy('service_code').execute();
  return rows.map((r) => r.service_code);
}

export async function allAcl(db: Executor): Promise<Array<{ consumer_id: string; service_code: string }>> {
  return db.selectFrom('lgsp_acl').select(['consumer_id', 'service_code']).orderBy('consumer_id').orderBy('service_code').execute();
}

/** Returns whether a grant was added. */
export async function grantAcl(db: Executor, consumerId: string, serviceCode: string, by: string): Promise<boolean> {
  const result = await db
    .insertInto('lgsp_acl')
    .values({ consumer_id: consumerId, service_code: serviceCode, granted_by: by })
    .onConflict((oc) => oc.columns(['consumer_id', 'service_code']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function revokeAcl(db: Executor, consumerId: string, serviceCode: string): Promise<boolean> {
  const result = await db.deleteFrom('lgsp_acl').where('consumer_id', '=', consumerId).where('service_code', '=', serviceCode).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Records a client assertion's jti; false when it was already used (a replay). */
export async function rememberJti(db: Executor, consumerId: string, jti: string, expiresAt: Date): Promise<boolean> {
  await db.deleteFrom('lgsp_assertion_jti').where('expires_at', '<', new Date()).execute();
  const result = await db
    .insertInto('lgsp_assertion_jti')
    .values({ consumer_id: consumerId, jti, expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['consumer_id', 'jti']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

// ---- services ----

export async function upsertService(
  db: Executor,
  s: { code: string; nameVi: string; nameEn: string; ownerUnitId: string; providerKind: ProviderKind; providerName: string; version: number },
): Promise<void> {
  await db
    .insertInto('lgsp_service')
    .values({ code: s.code, name_vi: s.nameVi, name_en: s.nameEn, owner_unit_id: s.ownerUnitId, provider_kind: s.providerKind, provider_name: s.providerName, version: s.version })
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        name_vi: s.nameVi,
        name_en: s.nameEn,
        owner_unit_id: s.ownerUnitId,
        provider_kind: s.providerKind,
        provider_name: s.providerName,
        version: s.version,
      }),
    )
    .execute();
}

export async function listServiceRows(db: Executor) {
  return db.selectFrom('lgsp_service').selectAll().orderBy('code').execute();
}

export async function setServiceEnabled(db: Executor, code: string, enabled: boolean) {
  return db.updateTable('lgsp_service').set({ enabled, updated_at: new Date() }).where('code', '=', code).returningAll().executeTakeFirst();
}

// ---- the message log ----

const toStored = (r: {
  seq: number;
  at: Date;
  consumer_id: string | null;
  service_code: string | null;
  service_version: number | null;
  purpose: string | null;
  request_id: string;
  request_digest: string;
  response_digest: string;
  status: number;
  outcome: string;
  request_bytes: number;
  response_bytes: number;
  latency_us: number;
  prev_hash: string;
  hash: string;
}): StoredMessage => ({
  seq: r.seq,
  at: r.at.toISOString(),
  consumerId: r.consumer_id,
  serviceCode: r.service_code,
  serviceVersion: r.service_version,
  purpose: r.purpose,
  requestId: r.request_id,
  requestDigest: r.request_digest,
  responseDigest: r.response_digest,
  status: r.status,
  outcome: r.outcome,
  requestBytes: r.request_bytes,
  responseBytes: r.response_bytes,
  latencyUs: r.latency_us,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/**
 * Appends a batch chained from `expected` in ONE statement: the chain head moves from `expected`
 * to the batch's last row only if it is still at `expected` (another instance may have appended
 * meanwhile), and the rows and day counts are written only if it moved. Returns whether it did
 * (false: re-read the head and chain the batch again). One round trip, and the head row is locked
 * only for the statement.
 */
export async function appendIfHeadAt(
  db: Executor,
  expected: { lastSeq: number },
  rows: StoredMessage[],
  usage: Array<{ consumerId: string; day: string; calls: number }>,
): Promise<boolean> {
  const last = rows.at(-1)!;
  // One array per column (unnest): the statement's text is the same for any number of rows, and it
  // has 16 parameters rather than 16 per row, so the database parses a short statement each batch.
  const column = <T>(pick: (m: StoredMessage) => T) => rows.map(pick);
  const values = sql`select * from unnest(
      ${column((m) => m.seq)}::bigint[], ${column((m) => m.at)}::timestamptz[], ${column((m) => m.consumerId)}::text[],
      ${column((m) => m.serviceCode)}::text[], ${column((m) => m.serviceVersion)}::integer[], ${column((m) => m.purpose)}::text[],
      ${column((m) => m.requestId)}::text[], ${column((m) => m.requestDigest)}::text[], ${column((m) => m.responseDigest)}::text[],
      ${column((m) => m.status)}::smallint[], ${column((m) => m.outcome)}::text[], ${column((m) => m.requestBytes)}::integer[],
      ${column((m) => m.responseBytes)}::integer[], ${column((m) => m.latencyUs)}::integer[], ${column((m) => m.prevHash)}::text[],
      ${column((m) => m.hash)}::text[])`;
  const counts =
    usage.length > 0
      ? sql`, counted as (
          insert into lgsp_usage (consumer_id, day, calls)
          select * from (values ${sql.join(usage.map((u) => sql`(${u.consumerId}::text, ${u.day}::date, ${u.calls}::bigint)`))}) as u (consumer_id, day, calls)
          where exists (select 1 from moved)
          on conflict (consumer_id, day) do update set calls = lgsp_usage.calls + excluded.calls
          returning 1
        )`
      : sql``;
  const result = await sql<{ moved: number }>`
    with moved as (
      update lgsp_chain set last_seq = ${last.seq}, last_hash = ${last.hash}
      where id = 1 and last_seq = ${expected.lastSeq}
      returning 1
    ), inserted as (
      insert into lgsp_message (seq, at, consumer_id, service_code, service_version, purpose, request_id, request_digest, response_digest, status, outcome, request_bytes, response_bytes, latency_us, prev_hash, hash)
      select * from (${values}) as v
      where exists (select 1 from moved)
      returning 1
    )${counts}
    select count(*)::integer as moved from moved`.execute(db);
  return Number(result.rows[0]?.moved ?? 0) === 1;
}

export async function usageOn(db: Executor, consumerId: string, day: string): Promise<number> {
  const row = await db.selectFrom('lgsp_usage').select('calls').where('consumer_id', '=', consumerId).where('day', '=', day).executeTakeFirst();
  return row?.calls ?? 0;
}

export async function chainHead(db: Executor): Promise<{ lastSeq: number; lastHash: string }> {
  const row = await db.selectFrom('lgsp_chain').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { lastSeq: row.last_seq, lastHash: row.last_hash };
}

export async function lastHead(db: Executor): Promise<SignedHead | undefined> {
  const row = await db.selectFrom('lgsp_head').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ? { seq: row.seq, hash: row.hash, at: row.at.toISOString(), jws: row.jws } : undefined;
}

export async function insertHead(db: Executor, head: SignedHead): Promise<void> {
  await db
    .insertInto('lgsp_head')
    .values({ seq: head.seq, hash: head.hash, at: head.at, jws: head.jws })
    .onConflict((oc) => oc.column('seq').doNothing())
    .execute();
}

export interface LogFilter {
  from?: Date;
  to?: Date;
  consumerId?: string;
  serviceCode?: string;
  purpose?: string;
  outcome?: string;
}

export async function listMessages(db: Executor, filter: LogFilter & { limit: number; before?: number }): Promise<StoredMessage[]> {
  let q = db.selectFrom('lgsp_message').selectAll();
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  if (filter.consumerId) q = q.where('consumer_id', '=', filter.consumerId);
  if (filter.serviceCode) q = q.where('service_code', '=', filter.serviceCode);
  if (filter.purpose) q = q.where('purpose', '=', filter.purpose);
  if (filter.outcome) q = q.where('outcome', '=', filter.outcome);
  if (filter.before !== undefined) q = q.where('seq', '<', filter.before);
  const rows = await q.orderBy('seq', 'desc').limit(filter.limit).execute();
  return rows.map(toStored);
}

/** Rows in seq order from `fromSeq` (inclusive) to `toSeq` (inclusive), a page at a time. */
export async function messagesFrom(db: Executor, fromSeq: number, toSeq: number, limit: number): Promise<StoredMessage[]> {
  const rows = await db.selectFrom('lgsp_message').selectAll().where('seq', '>=', fromSeq).where('seq', '<=', toSeq).orderBy('seq').limit(limit).execute();
  return rows.map(toStored);
}

export async function headsBetween(db: Executor, fromSeq: number, toSeq: number): Promise<SignedHead[]> {
  const rows = await db.selectFrom('lgsp_head').selectAll().where('seq', '>=', fromSeq).where('seq', '<=', toSeq).orderBy('seq').execute();
  return rows.map((r) => ({ seq: r.seq, hash: r.hash, at: r.at.toISOString(), jws: r.jws }));
}

/** The seq range of the rows in a time range (inclusive bounds), or undefined when none. */
export async function seqRange(db: Executor, from?: Date, to?: Date): Promise<{ first: number; last: number } | undefined> {
  let q = db.selectFrom('lgsp_message').select([sql<number | null>`min(seq)`.as('first'), sql<number | null>`max(seq)`.as('last')]);
  if (from) q = q.where('at', '>=', from);
  if (to) q = q.where('at', '<', to);
  const row = await q.executeTakeFirstOrThrow();
  return row.first === null || row.last === null ? undefined : { first: Number(row.first), last: Number(row.last) };
}

export async function hashOf(db: Executor, seq: number): Promise<string | undefined> {
  const row = await db.selectFrom('lgsp_message').select('hash').where('seq', '=', seq).executeTakeFirst();
  return row?.hash;
}

export async function messageCount(db: Executor): Promise<number> {
  const row = await db.selectFrom('lgsp_message').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface StatRow {
  serviceCode: string | null;
  consumerId: string | null;
  calls: number;
  errors: number;
  avgLatencyMs: number;
}

export async function stats(db: Executor, since: Date): Promise<StatRow[]> {
  const rows = await db
    .selectFrom('lgsp_message')
    .select([
      'service_code',
      'consumer_id',
      sql<number>`count(*)`.as('calls'),
      sql<number>`count(*) filter (where status >= 400)`.as('errors'),
      sql<number>`coalesce(avg(latency_us), 0)`.as('avg_us'),
    ])
    .where('at', '>=', since)
    .groupBy(['service_code', 'consumer_id'])
    .orderBy('service_code')
    .orderBy('consumer_id')
    .execute();
  return rows.map((r) => ({
    serviceCode: r.service_code,
    consumerId: r.consumer_id,
    calls: Number(r.calls),
    errors: Number(r.errors),
    avgLatencyMs: Math.round(Number(r.avg_us) / 10) / 100,
  }));
}

export type { MessageEntry };
