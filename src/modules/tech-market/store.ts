// Queries of the tech-market module's tables (no other module touches them; persons are read
// through RegistryPeople, never here).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ListingStatus, TransferForm } from '../../core/tech-market/index.ts';
import type { DB } from '../../db/types.ts';

export type Executor = Kysely<DB> | Transaction<DB>;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;

export function fields(db: Executor) {
  return db.selectFrom('techmarket_field').selectAll().orderBy('sort_order').orderBy('code').execute();
}

export function provinces(db: Executor) {
  return db.selectFrom('techmarket_province').selectAll().orderBy('sort_order').orderBy('code').execute();
}

export async function fieldExists(db: Executor, code: string) {
  return Boolean(await db.selectFrom('techmarket_field').select('code').where('code', '=', code).executeTakeFirst());
}

export async function provinceExists(db: Executor, code: string) {
  return Boolean(await db.selectFrom('techmarket_province').select('code').where('code', '=', code).executeTakeFirst());
}

/** The next number of a listing code (a sequence: safe with several instances). */
export async function nextNumber(db: Executor, kind: 'offer' | 'demand'): Promise<number> {
  const query = kind === 'offer' ? sql<{ n: string }>`select nextval('techmarket_offer_no') as n` : sql<{ n: string }>`select nextval('techmarket_demand_no') as n`;
  const { rows } = await query.execute(db);
  return Number(rows[0]!.n);
}

export interface ListingFilter {
  q?: string | undefined;
  field?: string | undefined;
  province?: string | undefined;
  trlMin?: number | undefined;
  transferForm?: TransferForm | undefined;
  status?: ListingStatus | undefined;
  /** Only what the public sees: published and not past its last day. */
  publicOn?: string | undefined;
  unitIds?: string[] | undefined;
  limit: number;
  offset: number;
}

// ---- providers

export function providers(db: Executor) {
  return db.selectFrom('techmarket_provider as r').innerJoin('techmarket_province as pv', 'pv.code', 'r.province_code').selectAll('r').select(['pv.name as province_name']);
}
export type ProviderJoined = Awaited<ReturnType<ReturnType<typeof providers>['execute']>>[number];

export async function listProviders(db: Executor, q: { q?: string | undefined; unitIds: string[]; limit: number; offset: number }) {
  if (q.unitIds.length === 0) return { total: 0, rows: [] as ProviderJoined[] };
  let query = providers(db).where('r.unit_id', 'in', q.unitIds);
  if (q.q) query = query.where((eb) => eb.or([eb(sql<string>`lower(coalesce(r.org_name, ''))`, 'like', like(q.q!)), eb('r.tax_code', '=', q.q!)]));
  const { n } = await query.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.orderBy('r.created_at').orderBy('r.id').limit(q.limit).offset(q.offset).execute();
  return { total: Number(n), rows };
}

export function findProvider(db: Executor, id: string) {
  return providers(db).where('r.id', '=', id).executeTakeFirst();
}

export async function taxCodeTaken(db: Executor, taxCode: string) {
  return Boolean(await db.selectFrom('techmarket_provider').select('id').where('tax_code', '=', taxCode).executeTakeFirst());
}

// ---- offers

export function offers(db: Executor) {
  return db
    .selectFrom('techmarket_offer as o')
    .innerJoin('techmarket_field as f', 'f.code', 'o.field_code')
    .innerJoin('techmarket_province as pv', 'pv.code', 'o.province_code')
    .selectAll('o')
    .select(['f.name_vi as field_vi', 'f.name_en as field_en', 'pv.name as province_name']);
}
export type OfferJoined = Awaited<ReturnType<ReturnType<typeof offers>['execute']>>[number];

export async function listOffers(db: Executor, q: ListingFilter) {
  if (q.unitIds && q.unitIds.length === 0) return { total: 0, rows: [] as OfferJoined[] };
  let query = offers(db).innerJoin('techmarket_provider as r', 'r.id', 'o.provider_id');
  if (q.unitIds) query = query.where('o.unit_id', 'in', q.unitIds);
  if (q.publicOn) query = query.where('o.status', '=', 'published').where('o.valid_until', '>=', q.publicOn);
  if (q.status) query = query.where('o.status', '=', q.status);
  if (q.field) query = query.where('o.field_code', '=', q.field);
  if (q.province) query = query.where('o.province_code', '=', q.province);
  if (q.trlMin) query = query.where('o.trl', '>=', q.trlMin);
  if (q.transferForm) query = query.where(sql<boolean>`o.transfer_forms @> ${JSON.stringify([q.transferForm])}::jsonb`);
  if (q.q) {
    const text = like(q.q);
    query = query.where((eb) =>
      eb.or([eb(sql<string>`lower(o.name)`, 'like', text), eb(sql<string>`lower(o.summary)`, 'like', text), eb(sql<string>`lower(o.code)`, 'like', text), eb(sql<string>`lower(coalesce(r.org_name, ''))`, 'like', text)]),
    );
  }
  const { n } = await query.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.orderBy('o.published_on', (ob) => ob.desc().nullsLast()).orderBy('o.code', 'desc').limit(q.limit).offset(q.offset).execute();
  return { total: Number(n), rows };
}

export function findOffer(db: Executor, id: string) {
  return offers(db).where('o.id', '=', id).executeTakeFirst();
}

export type OfferValues = {
  provider_id: string;
  name: string;
  summary: string;
  field_code: string;
  trl: number;
  transfer_forms: TransferForm[];
  transfer_right: 'ownership' | 'use' | 'either';
  province_code: string;
  price_vnd: number | null;
  negotiable: boolean;
  ip_ref: string | null;
  status: ListingStatus;
  published_on: string | null;
  valid_until: string | null;
  unit_id: string;
  updated_by: string;
};

export async function insertOffer(db: Executor, code: string, values: OfferValues): Promise<string> {
  const row = await db
    .insertInto('techmarket_offer')
    .values({ ...values, code, transfer_forms: JSON.stringify(values.transfer_forms), created_by: values.updated_by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOffer(db: Executor, id: string, values: OfferValues): Promise<void> {
  await db
    .updateTable('techmarket_offer')
    .set({ ...values, transfer_forms: JSON.stringify(values.transfer_forms), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

// ---- demands

export function demands(db: Executor) {
  return db
    .selectFrom('techmarket_demand as d')
    .innerJoin('techmarket_field as f', 'f.code', 'd.field_code')
    .innerJoin('techmarket_province as pv', 'pv.code', 'd.province_code')
    .selectAll('d')
    .select(['f.name_vi as field_vi', 'f.name_en as field_en', 'pv.name as province_name']);
}
export type DemandJoined = Awaited<ReturnType<ReturnType<typeof demands>['execute']>>[number];

export async function listDemands(db: Executor, q: ListingFilter) {
  if (q.unitIds && q.unitIds.length === 0) return { total: 0, rows: [] as DemandJoined[] };
  let query = demands(db);
  if (q.unitIds) query = query.where('d.unit_id', 'in', q.unitIds);
  if (q.publicOn) query = query.where('d.status', '=', 'published').where('d.deadline', '>=', q.publicOn);
  if (q.status) query = query.where('d.status', '=', q.status);
  if (q.field) query = query.where('d.field_code', '=', q.field);
  if (q.province) query = query.where('d.province_code', '=', q.province);
  // a demand asking at most the readiness given: an offer at TRL n answers demands with min_trl <= n
  if (q.trlMin) query = query.where('d.min_trl', '<=', q.trlMin);
  if (q.transferForm) query = query.where(sql<boolean>`d.transfer_forms @> ${JSON.stringify([q.transferForm])}::jsonb`);
  if (q.q) {
    const text = like(q.q);
    query = query.where((eb) =>
      eb.or([eb(sql<string>`lower(d.name)`, 'like', text), eb(sql<string>`lower(d.description)`, 'like', text), eb(sql<string>`lower(d.code)`, 'like', text), eb(sql<string>`lower(d.org_name)`, 'like', text)]),
    );
  }
  const { n } = await query.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.orderBy('d.deadline', (ob) => ob.asc().nullsLast()).orderBy('d.code').limit(q.limit).offset(q.offset).execute();
  return { total: Number(n), rows };
}

export function findDemand(db: Executor, id: string) {
  return demands(db).where('d.id', '=', id).executeTakeFirst();
}

export type DemandValues = {
  org_name: string;
  tax_code: string | null;
  representative_person_id: string;
  name: string;
  description: string;
  field_code: string;
  min_trl: number;
  transfer_forms: TransferForm[];
  transfer_right: 'ownership' | 'use' | 'either';
  province_code: string;
  budget_vnd: number | null;
  negotiable: boolean;
  status: ListingStatus;
  published_on: string | null;
  deadline: string | null;
  unit_id: string;
  updated_by: string;
};

export async function insertDemand(db: Executor, code: string, values: DemandValues): Promise<string> {
  const row = await db
    .insertInto('techmarket_demand')
    .values({ ...values, code, transfer_forms: JSON.stringify(values.transfer_forms), created_by: values.updated_by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDemand(db: Executor, id: string, values: DemandValues): Promise<void> {
  await db
    .updateTable('techmarket_demand')
    .set({ ...values, transfer_forms: JSON.stringify(values.transfer_forms), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

// ---- the technology map

/** Published, unexpired offers and demands counted by field and province (non-empty cells only). */
export async function mapCounts(db: Executor, today: string) {
  const { rows } = await sql<{ field_code: string; province_code: string; offers: string; demands: string }>`
    select field_code, province_code, sum(offers)::int as offers, sum(demands)::int as demands from (
      select field_code, province_code, count(*) as offers, 0 as demands
        from techmarket_offer where status = 'published' and valid_until >= ${today}::date
        group by field_code, province_code
      union all
      select field_code, province_code, 0 as offers, count(*) as demands
        from techmarket_demand where status = 'published' and deadline >= ${today}::date
        group by field_code, province_code
    ) c
    group by field_code, province_code
    order by field_code, province_code`.execute(db);
  return rows.map((r) => ({ fieldCode: r.field_code, provinceCode: r.province_code, offers: Number(r.offers), demands: Number(r.demands) }));
}
