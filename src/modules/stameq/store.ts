// Queries of the stameq module's tables (no other module touches them).
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { StameqVerificationTable } from './tables.ts';

export type Executor = Kysely<DB> | Transaction<DB>;
export type VerificationRow = Selectable<StameqVerificationTable>;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;

export function instrumentTypes(db: Executor) {
  return db.selectFrom('stameq_instrument_type').selectAll().orderBy('sort_order').orderBy('code').execute();
}

export function findInstrumentType(db: Executor, code: string) {
  return db.selectFrom('stameq_instrument_type').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listBodies(db: Executor, q: { q?: string | undefined; kind?: string | undefined; field?: string | undefined; limit: number; offset: number }) {
  let query = db.selectFrom('stameq_body');
  if (q.q) query = query.where((eb) => eb.or([eb(sql<string>`lower(name)`, 'like', like(q.q!)), eb(sql<string>`lower(registration_no)`, 'like', like(q.q!))]));
  if (q.kind) query = query.where('kind', '=', q.kind as never);
  if (q.field) query = query.where(sql<boolean>`fields @> ${JSON.stringify([q.field])}::jsonb`);
  const { n } = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('registration_no').limit(q.limit).offset(q.offset).execute();
  return { total: Number(n), rows };
}

export function findBody(db: Executor, id: string) {
  return db.selectFrom('stameq_body').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAnnouncements(db: Executor, q: { q?: string | undefined; limit: number; offset: number }) {
  let query = db.selectFrom('stameq_announcement as a').leftJoin('stameq_certificate as c', 'c.id', 'a.certificate_id').leftJoin('stameq_body as b', 'b.id', 'c.body_id');
  if (q.q)
    query = query.where((eb) =>
      eb.or([eb(sql<string>`lower(a.product)`, 'like', like(q.q!)), eb(sql<string>`lower(a.announcement_no)`, 'like', like(q.q!)), eb(sql<string>`lower(a.org_name)`, 'like', like(q.q!))]),
    );
  const { n } = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('a')
    .select(['c.certificate_no', 'b.name as body_name'])
    .orderBy('a.announced_on', 'desc')
    .orderBy('a.announcement_no')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total: Number(n), rows };
}

/** Verifications with their instrument type's names and their body. */
export function verifications(db: Executor) {
  return db
    .selectFrom('stameq_verification as v')
    .innerJoin('stameq_instrument_type as t', 't.code', 'v.instrument_type')
    .innerJoin('stameq_body as b', 'b.id', 'v.body_id')
    .selectAll('v')
    .select(['t.name_vi as type_name_vi', 't.name_en as type_name_en', 'b.name as body_name', 'b.registration_no as body_registration_no']);
}

export async function listVerifications(
  db: Executor,
  q: { q?: string | undefined; instrumentType?: string | undefined; status?: 'valid' | 'expired' | 'failed' | undefined; unitIds: string[]; today: string; limit: number; offset: number },
) {
  if (q.unitIds.length === 0) return { total: 0, rows: [] };
  let query = verifications(db).leftJoin('registry_person as p', 'p.id', 'v.owner_person_id').where('v.unit_id', 'in', q.unitIds);
  if (q.q) {
    const text = like(q.q);
    query = query.where((eb) =>
      eb.or([
        eb(sql<string>`lower(v.stamp_no)`, 'like', text),
        eb(sql<string>`lower(v.certificate_no)`, 'like', text),
        eb(sql<string>`lower(v.serial_no)`, 'like', text),
        eb(sql<string>`lower(coalesce(v.owner_org_name, p.full_name))`, 'like', text),
      ]),
    );
  }
  if (q.instrumentType) query = query.where('v.instrument_type', '=', q.instrumentType);
  if (q.status === 'failed') query = query.where('v.result', '=', 'fail');
  if (q.status === 'valid') query = query.where('v.result', '=', 'pass').where('v.valid_until', '>=', q.today);
  if (q.status === 'expired') query = query.where('v.result', '=', 'pass').where('v.valid_until', '<', q.today);
  const { n } = await query.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.orderBy('v.verified_on', 'desc').orderBy('v.stamp_no').limit(q.limit).offset(q.offset).execute();
  return { total: Number(n), rows };
}

export type VerificationValues = Omit<VerificationRow, 'id' | 'created_at' | 'updated_at'>;

export async function insertVerification(db: Executor, values: VerificationValues): Promise<string> {
  const row = await db.insertInto('stameq_verification').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateVerification(db: Executor, id: string, values: VerificationValues): Promise<void> {
  await db.updateTable('stameq_verification').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function duplicateNumbers(db: Executor, certificateNo: string, stampNo: string, exceptId?: string) {
  let query = db
    .selectFrom('stameq_verification')
    .select(['certificate_no', 'stamp_no'])
    .where((eb) => eb.or([eb('certificate_no', '=', certificateNo), eb('stamp_no', '=', stampNo)]));
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.execute();
}
