// SQL for the catalog module's tables (procedure, procedure_version, form_submission). No other
// module touches them; unit names come from the identity module's unit directory, not from SQL.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ProcedureContent } from '../../core/catalog/types.ts';
import type { PrefilledField, PrefillOverride } from '../../core/eforms/prefill.ts';
import type { DB } from '../../db/types.ts';
import type { VersionStatus } from './tables.ts';

export type Executor = Kysely<DB> | Transaction<DB>;

export interface ProcedureRow {
  id: string;
  code: string;
  codeStatus: 'verified' | 'demo';
  ownerUnitId: string;
  createdAt: Date;
}

export interface VersionRow {
  id: string;
  procedureId: string;
  number: number;
  status: VersionStatus;
  revision: number;
  content: ProcedureContent;
  feeTotal: number;
  publicPartsComplete: boolean;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  supersededAt: Date | null;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
}

/** Columns copied from the content for listing, filters and search. */
export interface DerivedColumns {
  name: string;
  fieldCode: string;
  fieldName: string;
  unitIds: string[];
  subjects: string[];
  onlineLevel: 'full' | 'partial';
  processingValue: number | null;
  processingUnit: string | null;
  feeTotal: number;
  publicPartsComplete: boolean;
  missingPublicParts: string[];
  searchName: string;
  searchText: string;
}

/** A text[] literal from values without commas (unit ids, enum values). */
const textArray = (values: readonly string[]) => sql<string[]>`string_to_array(${values.join(',')}, ',')`;

const procedureColumns = ['p.id', 'p.code', 'p.code_status', 'p.owner_unit_id', 'p.created_at'] as const;

function toProcedure(r: { id: string; code: string; code_status: 'verified' | 'demo'; owner_unit_id: string; created_at: Date }): ProcedureRow {
  return { id: r.id, code: r.code, codeStatus: r.code_status, ownerUnitId: r.owner_unit_id, createdAt: r.created_at };
}

export async function findProcedureByCode(db: Executor, code: string, lock = false): Promise<ProcedureRow | undefined> {
  let q = db.selectFrom('procedure as p').select(procedureColumns).where('p.code', '=', code);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toProcedure(row) : undefined;
}

export async function findProcedureById(db: Executor, id: string): Promise<ProcedureRow | undefined> {
  const row = await db.selectFrom('procedure as p').select(procedureColumns).where('p.id', '=', id).executeTakeFirst();
  return row ? toProcedure(row) : undefined;
}

export async function insertProcedure(
  db: Executor,
  values: { code: string; codeStatus: 'verified' | 'demo'; ownerUnitId: string; createdBy: string },
): Promise<ProcedureRow> {
  const row = await db
    .insertInto('procedure')
    .values({ code: values.code, code_status: values.codeStatus, owner_unit_id: values.ownerUnitId, created_by: values.createdBy })
    .returning(['id', 'code', 'code_status', 'owner_unit_id', 'created_at'])
    .executeTakeFirstOrThrow();
  return toProcedure(row);
}

export async function setCodeStatus(db: Executor, procedureId: string, codeStatus: 'verified' | 'demo'): Promise<void> {
  await db.updateTable('procedure').set({ code_status: codeStatus }).where('id', '=', procedureId).execute();
}

export async function countProcedures(db: Executor): Promise<number> {
  const row = await db.selectFrom('procedure').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

const versionColumns = [
  'v.id',
  'v.procedure_id',
  'v.number',
  'v.status',
  'v.revision',
  'v.content',
  'v.fee_total',
  'v.public_parts_complete',
  'v.created_at',
  'v.updated_at',
  'v.published_at',
  'v.superseded_at',
  'v.withdrawn_at',
  'v.withdrawn_reason',
] as const;

const versionReturning = versionColumns.map((c) => c.slice(2)) as unknown as ReadonlyArray<
  'id' | 'procedure_id' | 'number' | 'status' | 'revision' | 'content' | 'fee_total' | 'public_parts_complete' | 'created_at' | 'updated_at' | 'published_at' | 'superseded_at' | 'withdrawn_at' | 'withdrawn_reason'
>;

type VersionSelect = {
  id: string;
  procedure_id: string;
  number: number;
  status: VersionStatus;
  revision: number;
  content: unknown;
  fee_total: number;
  public_parts_complete: boolean;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  superseded_at: Date | null;
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
};

function toVersion(r: VersionSelect): VersionRow {
  return {
    id: r.id,
    procedureId: r.procedure_id,
    number: r.number,
    status: r.status,
    revision: r.revision,
    content: (typeof r.content === 'string' ? JSON.parse(r.content) : r.content) as ProcedureContent,
    feeTotal: Number(r.fee_total),
    publicPartsComplete: r.public_parts_complete,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
    supersededAt: r.superseded_at,
    withdrawnAt: r.withdrawn_at,
    withdrawnReason: r.withdrawn_reason,
  };
}

export async function listVersions(db: Executor, procedureId: string): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('procedure_version as v')
    .select(versionColumns)
    .where('v.procedure_id', '=', procedureId)
    .orderBy('v.number')
    .execute();
  return rows.map(toVersion);
}

/** Every version that left draft, of every procedure, in version order (one query). */
export async function listNonDraftVersions(db: Executor): Promise<VersionRow[]> {
  const rows = await db.selectFrom('procedure_version as v').select(versionColumns).where('v.status', '<>', 'draft').orderBy('v.procedure_id').orderBy('v.number').execute();
  return rows.map(toVersion);
}

export async function findVersion(db: Executor, procedureId: string, number: number, lock = false): Promise<VersionRow | undefined> {
  let q = db.selectFrom('procedure_version as v').select(versionColumns).where('v.procedure_id', '=', procedureId).where('v.number', '=', number);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

export async function findVersionById(db: Executor, id: string): Promise<VersionRow | undefined> {
  const row = await db.selectFrom('procedure_version as v').select(versionColumns).where('v.id', '=', id).executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

export async function findVersionByStatus(db: Executor, procedureId: string, status: 'draft' | 'published', lock = false): Promise<VersionRow | undefined> {
  let q = db.selectFrom('procedure_version as v').select(versionColumns).where('v.procedure_id', '=', procedureId).where('v.status', '=', status);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/**
 * What a procedure's public page depends on, without the version's content: the procedure's row
 * fields the page shows and the id of its published version (null when none is). Undefined when
 * there is no such procedure. One indexed query (the page's cache key, see the service).
 */
export async function publishedStamp(db: Executor, code: string): Promise<{ codeStatus: string; ownerUnitId: string; versionId: string | null; updatedAt: Date | null } | undefined> {
  const row = await db
    .selectFrom('procedure as p')
    .leftJoin('procedure_version as v', (j) => j.onRef('v.procedure_id', '=', 'p.id').on('v.status', '=', 'published'))
    .select(['p.code_status', 'p.owner_unit_id', 'v.id as version_id', 'v.updated_at'])
    .where('p.code', '=', code)
    .executeTakeFirst();
  return row ? { codeStatus: row.code_status, ownerUnitId: row.owner_unit_id, versionId: row.version_id, updatedAt: row.updated_at } : undefined;
}

export async function latestVersion(db: Executor, procedureId: string): Promise<VersionRow | undefined> {
  const row = await db
    .selectFrom('procedure_version as v')
    .select(versionColumns)
    .where('v.procedure_id', '=', procedureId)
    .orderBy('v.number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

const derivedValues = (d: DerivedColumns) => ({
  name: d.name,
  field_code: d.fieldCode,
  field_name: d.fieldName,
  unit_ids: textArray(d.unitIds),
  subjects: textArray(d.subjects),
  online_level: d.onlineLevel,
  processing_value: d.processingValue,
  processing_unit: d.processingUnit,
  fee_total: d.feeTotal,
  public_parts_complete: d.publicPartsComplete,
  missing_public_parts: textArray(d.missingPublicParts),
  search_name: d.searchName,
  search_vector: sql<string>`strip(to_tsvector('simple', ${d.searchText}))`,
});

export async function insertDraft(
  db: Executor,
  values: { procedureId: string; number: number; content: ProcedureContent; derived: DerivedColumns; actor: string },
): Promise<VersionRow> {
  const row = await db
    .insertInto('procedure_version')
    .values({
      procedure_id: values.procedureId,
      number: values.number,
      status: 'draft',
      content: JSON.stringify(values.content),
      ...derivedValues(values.derived),
      created_by: values.actor,
      updated_by: values.actor,
    })
    .returning(versionReturning)
    .executeTakeFirstOrThrow();
  return toVersion(row);
}

export async function updateDraftContent(
  db: Executor,
  versionId: string,
  values: { content: ProcedureContent; derived: DerivedColumns; actor: string },
): Promise<VersionRow> {
  const row = await db
    .updateTable('procedure_version as v')
    .set({
      content: JSON.stringify(values.content),
      ...derivedValues(values.derived),
      revision: sql`v.revision + 1`,
      updated_by: values.actor,
      updated_at: new Date(),
    })
    .where('v.id', '=', versionId)
    .where('v.status', '=', 'draft')
    .returning(versionColumns)
    .executeTakeFirstOrThrow();
  return toVersion(row);
}

export async function markPublished(db: Executor, versionId: string, actor: string, at: Date): Promise<VersionRow> {
  const row = await db
    .updateTable('procedure_version as v')
    .set({ status: 'published', published_at: at, published_by: actor, updated_at: at, updated_by: actor })
    .where('v.id', '=', versionId)
    .returning(versionColumns)
    .executeTakeFirstOrThrow();
  return toVersion(row);
}

export async function markSuperseded(db: Executor, versionId: string, actor: string, at: Date): Promise<void> {
  await db
    .updateTable('procedure_version')
    .set({ status: 'superseded', superseded_at: at, updated_at: at, updated_by: actor })
    .where('id', '=', versionId)
    .execute();
}

export async function markWithdrawn(db: Executor, versionId: string, actor: string, reason: string, at: Date): Promise<VersionRow> {
  const row = await db
    .updateTable('procedure_version as v')
    .set({ status: 'withdrawn', withdrawn_at: at, withdrawn_by: actor, withdrawn_reason: reason, updated_at: at, updated_by: actor })
    .where('v.id', '=', versionId)
    .returning(versionColumns)
    .executeTakeFirstOrThrow();
  return toVersion(row);
}

// ---------- search ----------

export interface SearchParams {
  words: string[];
  /** The query as typed, trimmed: an exact procedure code ranks first. */
  raw: string;
  fieldCode?: string | undefined;
  unitIds?: string[] | undefined;
  subject?: string | undefined;
  onlineLevel?: 'full' | 'partial' | undefined;
  fee?: 'free' | 'paid' | undefined;
  limit: number;
  offset: number;
}

export interface SearchRow {
  id: string;
  code: string;
  codeStatus: 'verified' | 'demo';
  name: string;
  nameEn: string | null;
  fieldCode: string;
  fieldName: string;
  unitId: string;
  onlineLevel: 'full' | 'partial';
  processingValue: number | null;
  processingUnit: string | null;
  feeTotal: number;
  feeStatus: 'none_declared' | 'free' | 'charged';
  versionNumber: number;
}

/** A query that is (the start of) a procedure code: searched by code prefix, not by words. */
export const CODE_QUERY = /^[123]\.[0-9]{1,6}$/;

/**
 * `w1 & w2 & w3:*`: every word, the last one as a word prefix (the user may still be typing it).
 * Whole words are exact lexeme lookups in the GIN index; a prefix makes PostgreSQL scan the index
 * entries, at planning time too, so only the last word is one. Words are [a-z0-9]+ (folded),
 * hence safe inside a tsquery.
 */
export const prefixQuery = (words: readonly string[]) => words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');

/**
 * Ranked search of the published catalog. All words must match (the last one as a word prefix)
 * the folded searchable text (name, code, field, units, components, result, legal basis). Ranking, in tiers:
 * the name is the query; the name starts with it; the name contains it as a phrase at a word
 * start; every word is in the name; the words are elsewhere. Ties: alphabetical by name, then code.
 * A query shaped like a procedure code (1.0012…) matches codes by prefix instead.
 */
/** feeStatusOf (views.ts) in SQL. */
const FEE_STATUS = sql<'none_declared' | 'free' | 'charged'>`(case
  when jsonb_array_length(v.content->'fees') = 0 then 'none_declared'
  when v.fee_total = 0 and not jsonb_path_exists(v.content, '$.fees[*] ? (@.basis != "")') then 'free'
  else 'charged' end)`;

export async function searchPublished(db: Executor, p: SearchParams): Promise<{ rows: SearchRow[]; total: number }> {
  const byCode = CODE_QUERY.test(p.raw);
  const tsquery = prefixQuery(p.words);
  const phrase = p.words.join(' ');
  let q = db
    .selectFrom('procedure_version as v')
    .innerJoin('procedure as p', 'p.id', 'v.procedure_id')
    .where('v.status', '=', 'published');
  if (byCode) q = q.where('p.code', 'like', `${p.raw}%`);
  else if (p.words.length > 0) q = q.where(sql<boolean>`v.search_vector @@ to_tsquery('simple', ${tsquery})`);
  if (p.fieldCode) q = q.where('v.field_code', '=', p.fieldCode);
  if (p.unitIds) q = q.where(sql<boolean>`v.unit_ids && ${textArray(p.unitIds)}`);
  if (p.subject) q = q.where(sql<boolean>`v.subjects @> ${textArray([p.subject])}`);
  if (p.onlineLevel) q = q.where('v.online_level', '=', p.onlineLevel);
  // Free: fee lines declared, all 0 VND and none set by a rate; a procedure without fee lines
  // has no declared fee and is neither.
  if (p.fee === 'free') q = q.where(sql<boolean>`${FEE_STATUS} = 'free'`);
  if (p.fee === 'paid') q = q.where(sql<boolean>`${FEE_STATUS} = 'charged'`);

  const rank =
    byCode
      ? sql<number>`case when p.code = ${p.raw} then 1 else 0 end`
      : p.words.length > 0
        ? sql<number>`case
            when v.search_name = ${phrase} then 5
            when v.search_name like ${`${phrase}%`} then 4
            when v.search_name like ${`% ${phrase}%`} then 3
            when v.name_vector @@ to_tsquery('simple', ${tsquery}) then 2
            else 1
          end`
        : sql<number>`0`;

  // The page in two steps: the matches' sort keys only, top-N sorted (no window over every match,
  // which materialized them all with their columns), then the page's rows and their columns
  // (nameEn reads the version's content); the total is counted apart, without the sort.
  const page = q
    .select(['v.id as vid', rank.as('rank'), 'v.search_name as sort_name', 'p.code as sort_code'])
    .orderBy('rank', 'desc')
    .orderBy('v.search_name')
    .orderBy('p.code')
    .limit(p.limit)
    .offset(p.offset);
  const [rows, counted] = await Promise.all([
    db
      .selectFrom(page.as('k'))
      .innerJoin('procedure_version as v', 'v.id', 'k.vid')
      .innerJoin('procedure as p', 'p.id', 'v.procedure_id')
      .select([
        'p.id',
        'p.code',
        'p.code_status',
        'v.name',
        'v.field_code',
        'v.field_name',
        sql<string>`v.unit_ids[1]`.as('unit_id'),
        'v.online_level',
        'v.processing_value',
        'v.processing_unit',
        'v.fee_total',
        FEE_STATUS.as('fee_status'),
        sql<string | null>`v.content->>'nameEn'`.as('name_en'),
        'v.number',
      ])
      .orderBy('k.rank', 'desc')
      .orderBy('k.sort_name')
      .orderBy('k.sort_code')
      .execute(),
    q.select(sql<string>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  const total = Number(counted?.n ?? 0);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      code: r.code,
      codeStatus: r.code_status,
      name: r.name,
      nameEn: r.name_en && r.name_en.trim() !== '' ? r.name_en : null,
      fieldCode: r.field_code,
      fieldName: r.field_name,
      unitId: r.unit_id,
      onlineLevel: r.online_level,
      processingValue: r.processing_value,
      processingUnit: r.processing_unit,
      feeTotal: Number(r.fee_total),
      feeStatus: r.fee_status,
      versionNumber: r.number,
    })),
  };
}

export async function listPublishedFields(db: Executor): Promise<Array<{ code: string; name: string; count: number }>> {
  const rows = await db
    .selectFrom('procedure_version')
    .select(['field_code', sql<string>`min(field_name)`.as('name'), sql<number>`count(*)`.as('n')])
    .where('status', '=', 'published')
    .groupBy('field_code')
    .orderBy('field_code')
    .execute();
  return rows.map((r) => ({ code: r.field_code, name: r.name, count: Number(r.n) }));
}

// ---------- administration ----------

export interface AdminRow {
  id: string;
  code: string;
  codeStatus: 'verified' | 'demo';
  ownerUnitId: string;
  name: string;
  latestNumber: number;
  latestStatus: VersionStatus;
  latestUpdatedAt: Date;
  publishedVersion: number | null;
  draftVersion: number | null;
  publicPartsComplete: boolean;
}

/** Procedures owned by `ownerUnitIds`, with their latest version, for the administration pages. */
export async function listForAdmin(
  db: Executor,
  p: { ownerUnitIds: string[]; words: string[]; raw: string; status?: 'draft' | 'published' | 'withdrawn' | undefined; limit: number; offset: number },
): Promise<{ rows: AdminRow[]; total: number }> {
  if (p.ownerUnitIds.length === 0) return { rows: [], total: 0 };
  let q = db
    .selectFrom('procedure as p')
    .innerJoin('procedure_version as v', (join) =>
      join.onRef('v.procedure_id', '=', 'p.id').on('v.number', '=', sql<number>`(select max(x.number) from procedure_version x where x.procedure_id = p.id)`),
    )
    .where('p.owner_unit_id', 'in', p.ownerUnitIds);
  if (CODE_QUERY.test(p.raw)) q = q.where('p.code', 'like', `${p.raw}%`);
  else if (p.words.length > 0) q = q.where(sql<boolean>`v.search_vector @@ to_tsquery('simple', ${prefixQuery(p.words)})`);
  const published = sql<number | null>`(select x.number from procedure_version x where x.procedure_id = p.id and x.status = 'published')`;
  const draft = sql<number | null>`(select x.number from procedure_version x where x.procedure_id = p.id and x.status = 'draft')`;
  if (p.status === 'draft') q = q.where(sql<boolean>`exists (select 1 from procedure_version x where x.procedure_id = p.id and x.status = 'draft')`);
  if (p.status === 'published') q = q.where(sql<boolean>`exists (select 1 from procedure_version x where x.procedure_id = p.id and x.status = 'published')`);
  if (p.status === 'withdrawn') q = q.where(sql<boolean>`not exists (select 1 from procedure_version x where x.procedure_id = p.id and x.status in ('published', 'draft'))`);
  const rows = await q
    .select([
      'p.id',
      'p.code',
      'p.code_status',
      'p.owner_unit_id',
      'v.name',
      'v.number',
      'v.status',
      'v.updated_at',
      'v.public_parts_complete',
      published.as('published_version'),
      draft.as('draft_version'),
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('v.search_name')
    .orderBy('p.code')
    .limit(p.limit)
    .offset(p.offset)
    .execute();
  return {
    total: rows.length > 0 ? Number(rows[0]!.total) : 0,
    rows: rows.map((r) => ({
      id: r.id,
      code: r.code,
      codeStatus: r.code_status,
      ownerUnitId: r.owner_unit_id,
      name: r.name,
      latestNumber: r.number,
      latestStatus: r.status,
      latestUpdatedAt: r.updated_at,
      publishedVersion: r.published_version,
      draftVersion: r.draft_version,
      publicPartsComplete: r.public_parts_complete,
    })),
  };
}

/** Procedures owned by `ownerUnitIds` (all when undefined), ordered by code. */
export async function listProcedures(db: Executor, ownerUnitIds?: string[]): Promise<ProcedureRow[]> {
  let q = db.selectFrom('procedure as p').select(procedureColumns).orderBy('p.code');
  if (ownerUnitIds) {
    if (ownerUnitIds.length === 0) return [];
    q = q.where('p.owner_unit_id', 'in', ownerUnitIds);
  }
  return (await q.execute()).map(toProcedure);
}

// ---------- form submissions ----------

export interface SubmissionRow {
  id: string;
  accountId: string;
  versionId: string;
  data: Record<string, unknown>;
  prefilled: PrefilledField[];
  overrides: PrefillOverride[];
  prefillStatus: 'applied' | 'unavailable' | 'not_applicable';
  prefillSource: string | null;
  createdAt: Date;
}

export async function insertSubmission(
  db: Executor,
  values: Omit<SubmissionRow, 'id' | 'createdAt'>,
): Promise<SubmissionRow> {
  const row = await db
    .insertInto('form_submission')
    .values({
      account_id: values.accountId,
      procedure_version_id: values.versionId,
      data: JSON.stringify(values.data),
      prefilled: JSON.stringify(values.prefilled),
      overrides: JSON.stringify(values.overrides),
      prefill_status: values.prefillStatus,
      prefill_source: values.prefillSource,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  return { ...values, id: row.id, createdAt: row.created_at };
}

export async function findSubmission(db: Executor, id: string): Promise<SubmissionRow | undefined> {
  const r = await db.selectFrom('form_submission').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  const parse = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  return {
    id: r.id,
    accountId: r.account_id,
    versionId: r.procedure_version_id,
    data: parse(r.data),
    prefilled: parse(r.prefilled),
    overrides: parse(r.overrides),
    prefillStatus: r.prefill_status,
    prefillSource: r.prefill_source,
    createdAt: r.created_at,
  };
}
