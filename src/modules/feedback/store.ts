// SQL for the feedback module's tables: ratings, PAKN with their history, and votes.
import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../../db/types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export type RatingRow = Selectable<DB['rating']>;
export type FeedbackRow = Selectable<DB['feedback']>;
export type FeedbackEventRow = Selectable<DB['feedback_event']>;

// ---------- ratings ----------

export async function findRating(db: Executor, dossierId: string, lock = false): Promise<RatingRow | undefined> {
  let q = db.selectFrom('rating').selectAll().where('dossier_id', '=', dossierId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Inserts the dossier's rating; undefined when one exists already (a concurrent first rating). */
export async function insertRating(trx: Executor, row: Insertable<DB['rating']>): Promise<RatingRow | undefined> {
  return trx.insertInto('rating').values(row).onConflict((oc) => oc.column('dossier_id').doNothing()).returningAll().executeTakeFirst();
}

export async function updateRating(trx: Executor, id: string, set: Updateable<DB['rating']>): Promise<RatingRow> {
  return trx.updateTable('rating').set({ ...set, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export interface RatingFilter {
  unitIds?: readonly string[];
  procedureCode?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

function ratingWhere(db: Executor, f: RatingFilter) {
  let q = db.selectFrom('rating');
  if (f.unitIds) q = f.unitIds.length === 0 ? q.where(sql<boolean>`false`) : q.where('unit_id', 'in', f.unitIds);
  if (f.procedureCode) q = q.where('procedure_code', '=', f.procedureCode);
  if (f.from) q = q.where('created_at', '>=', f.from);
  if (f.to) q = q.where('created_at', '<', f.to);
  return q;
}

/** Counts, likes and per-criterion sums and counts, by SQL (no rows read into the process). */
export async function aggregateRatings(db: Executor, f: RatingFilter, criteria: readonly string[]) {
  const row = await ratingWhere(db, f)
    .select((eb) => [
      eb.fn.countAll<string>().as('count'),
      sql<string>`count(*) filter (where value = 'like')`.as('likes'),
      ...criteria.flatMap((code, i) => [
        sql<string | null>`sum((scores ->> ${code})::int)`.as(`s${i}`),
        sql<string>`count(scores ->> ${code})`.as(`n${i}`),
      ]),
    ])
    .executeTakeFirstOrThrow();
  const r = row as unknown as Record<string, string | number | null>;
  return {
    count: Number(r.count),
    likes: Number(r.likes),
    criteria: criteria.map((code, i) => ({ code, sum: Number(r[`s${i}`] ?? 0), count: Number(r[`n${i}`]) })),
  };
}

/** Per unit and procedure: counts and likes (the public table). */
export async function ratingGroups(db: Executor, f: RatingFilter, limit: number) {
  const rows = await ratingWhere(db, f)
    .select(['unit_id', 'procedure_code'])
    .select((eb) => [eb.fn.countAll<string>().as('count'), sql<string>`count(*) filter (where value = 'like')`.as('likes')])
    .groupBy(['unit_id', 'procedure_code'])
    .orderBy('unit_id')
    .orderBy('procedure_code')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, procedureCode: r.procedure_code, count: Number(r.count), likes: Number(r.likes) }));
}

export async function ratingsInPeriod(db: Executor, f: RatingFilter) {
  return ratingWhere(db, f).select(['dossier_code', 'value', 'unit_id', 'procedure_code']).orderBy('created_at').orderBy('id').execute();
}

export async function countRatings(db: Executor): Promise<number> {
  const r = await db.selectFrom('rating').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---------- PAKN ----------

export async function nextFeedbackNumber(trx: Executor): Promise<number> {
  const r = await sql<{ n: string }>`select nextval('feedback_number_seq') as n`.execute(trx);
  return Number(r.rows[0]!.n);
}

export async function insertFeedback(trx: Executor, row: Insertable<DB['feedback']>): Promise<FeedbackRow> {
  return trx.insertInto('feedback').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findFeedback(db: Executor, id: string, lock = false): Promise<FeedbackRow | undefined> {
  let q = db.selectFrom('feedback').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateFeedback(trx: Executor, id: string, set: Updateable<DB['feedback']>): Promise<FeedbackRow> {
  return trx.updateTable('feedback').set({ ...set, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function insertFeedbackEvent(trx: Executor, row: Insertable<DB['feedback_event']>): Promise<void> {
  await trx.insertInto('feedback_event').values(row).execute();
}

export async function listFeedbackEvents(db: Executor, feedbackId: string): Promise<FeedbackEventRow[]> {
  return db.selectFrom('feedback_event').selectAll().where('feedback_id', '=', feedbackId).orderBy('seq').execute();
}

export async function eventsOf(db: Executor, ids: readonly string[]): Promise<FeedbackEventRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('feedback_event').selectAll().where('feedback_id', 'in', ids).orderBy('feedback_id').orderBy('seq').execute();
}

export interface FeedbackFilter {
  /** Undefined: every unit. */
  unitIds?: readonly string[];
  status?: string;
  /** Only PAKN whose current deadline is before this instant. */
  dueBefore?: Date;
  q?: string;
}

export async function listFeedback(db: Executor, f: FeedbackFilter, page: { limit: number; offset: number }) {
  let q = db.selectFrom('feedback');
  if (f.unitIds) q = f.unitIds.length === 0 ? q.where(sql<boolean>`false`) : q.where('unit_id', 'in', f.unitIds);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.dueBefore) q = q.where('due_at', '<', f.dueBefore);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('code', 'ilike', like), eb('title', 'ilike', like)]));
  }
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy(sql`due_at asc nulls last`).orderBy('received_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function listPublished(db: Executor, f: { unitId?: string; procedureCode?: string; q?: string }, page: { limit: number; offset: number }) {
  let q = db.selectFrom('feedback').where('status', '=', 'published');
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  if (f.procedureCode) q = q.where('procedure_code', '=', f.procedureCode);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('code', 'ilike', like), eb('title', 'ilike', like), eb('content', 'ilike', like)]));
  }
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('published_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** PAKN whose current deadline is before `horizon` (the escalation job). */
export async function watchedFeedback(db: Executor, horizon: Date) {
  return db.selectFrom('feedback').selectAll().where('due_at', 'is not', null).where('due_at', '<=', horizon).orderBy('due_at').execute();
}

/** PAKN first received in [from, to) (the 766 population of 5.2 and 5.3), optionally of some units. */
export async function feedbackReceivedIn(db: Executor, from: Date, to: Date, unitIds?: readonly string[]) {
  let q = db.selectFrom('feedback').selectAll().where('received_at', '>=', from).where('received_at', '<', to);
  if (unitIds) q = unitIds.length === 0 ? q.where(sql<boolean>`false`) : q.where('unit_id', 'in', unitIds);
  return q.orderBy('received_at').orderBy('id').execute();
}

export async function countFeedback(db: Executor): Promise<number> {
  const r = await db.selectFrom('feedback').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---------- votes ----------

/** Records the voter's vote (or changes it) and moves the answer's counters; returns the previous value. */
export async function castVote(trx: Transaction<DB>, feedbackId: string, voterKey: string, value: 'like' | 'dislike'): Promise<'like' | 'dislike' | undefined> {
  const previous = await trx.selectFrom('feedback_vote').select('value').where('feedback_id', '=', feedbackId).where('voter_key', '=', voterKey).forUpdate().executeTakeFirst();
  if (previous?.value === value) return value;
  if (previous) {
    await trx.updateTable('feedback_vote').set({ value, updated_at: new Date() }).where('feedback_id', '=', feedbackId).where('voter_key', '=', voterKey).execute();
  } else {
    const inserted = await trx
      .insertInto('feedback_vote')
      .values({ feedback_id: feedbackId, voter_key: voterKey, value })
      .onConflict((oc) => oc.columns(['feedback_id', 'voter_key']).doNothing())
      .returning('value')
      .executeTakeFirst();
    if (!inserted) return value; // a concurrent first vote of the same voter won
  }
  const inc = (column: 'likes' | 'dislikes', by: number) => sql<number>`${sql.ref(column)} + ${by}`;
  await trx
    .updateTable('feedback')
    .set({
      likes: inc('likes', (value === 'like' ? 1 : 0) - (previous?.value === 'like' ? 1 : 0)),
      dislikes: inc('dislikes', (value === 'dislike' ? 1 : 0) - (previous?.value === 'dislike' ? 1 : 0)),
    })
    .where('id', '=', feedbackId)
    .execute();
  return previous?.value;
}

export async function voteOf(db: Executor, feedbackId: string, voterKey: string) {
  return (await db.selectFrom('feedback_vote').select('value').where('feedback_id', '=', feedbackId).where('voter_key', '=', voterKey).executeTakeFirst())?.value;
}
