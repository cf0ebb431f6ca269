// SQL for the population module's tables (population_purpose, population_query_log).
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { PurposeActorKind, QueryResult } from './tables.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export interface Purpose {
  code: string;
  nameVi: string;
  nameEn: string;
  actorKind: PurposeActorKind;
  requiresDossierRef: boolean;
  legalBasis: string | null;
  active: boolean;
}

const toPurpose = (r: {
  code: string;
  name_vi: string;
  name_en: string;
  actor_kind: PurposeActorKind;
  requires_dossier_ref: boolean;
  legal_basis: string | null;
  active: boolean;
}): Purpose => ({
  code: r.code,
  nameVi: r.name_vi,
  nameEn: r.name_en,
  actorKind: r.actor_kind,
  requiresDossierRef: r.requires_dossier_ref,
  legalBasis: r.legal_basis,
  active: r.active,
});

const purposeColumns = ['code', 'name_vi', 'name_en', 'actor_kind', 'requires_dossier_ref', 'legal_basis', 'active'] as const;

export async function listPurposes(db: Executor): Promise<Purpose[]> {
  const rows = await db.selectFrom('population_purpose').select(purposeColumns).orderBy('code').execute();
  return rows.map(toPurpose);
}

export async function findPurpose(db: Executor, code: string, lock = false): Promise<Purpose | undefined> {
  let query = db.selectFrom('population_purpose').select(purposeColumns).where('code', '=', code);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toPurpose(row) : undefined;
}

export async function savePurpose(db: Executor, p: Purpose, actor: string): Promise<void> {
  const changes = {
    name_vi: p.nameVi,
    name_en: p.nameEn,
    actor_kind: p.actorKind,
    requires_dossier_ref: p.requiresDossierRef,
    legal_basis: p.legalBasis,
    active: p.active,
    updated_by: actor,
    updated_at: new Date(),
  };
  await db
    .insertInto('population_purpose')
    .values({ code: p.code, ...changes })
    .onConflict((oc) => oc.column('code').doUpdateSet(changes))
    .execute();
}

export interface NewQueryLog {
  requestId: string;
  accountId: string;
  actorKind: PurposeActorKind;
  actorName: string;
  officerCode: string | null;
  unitId: string | null;
  purposeCode: string;
  dossierRef: string | null;
  subjectPersonalId: string | null;
  httpRequestId: string | null;
}

export async function insertQueryLog(db: Executor, e: NewQueryLog): Promise<void> {
  await db
    .insertInto('population_query_log')
    .values({
      request_id: e.requestId,
      account_id: e.accountId,
      actor_kind: e.actorKind,
      actor_name: e.actorName,
      officer_code: e.officerCode,
      unit_id: e.unitId,
      purpose_code: e.purposeCode,
      dossier_ref: e.dossierRef,
      subject_personal_id: e.subjectPersonalId,
      http_request_id: e.httpRequestId,
    })
    .execute();
}

export async function completeQueryLog(
  db: Executor,
  requestId: string,
  outcome: {
    result: Exclude<QueryResult, 'pending'>;
    failureReason: string | null;
    errorCode: string | null;
    source: 'network' | 'cache' | null;
    latencyMs: number;
  },
): Promise<void> {
  await db
    .updateTable('population_query_log')
    .set({
      result: outcome.result,
      failure_reason: outcome.failureReason,
      error_code: outcome.errorCode,
      source: outcome.source,
      latency_ms: Math.round(outcome.latencyMs),
      completed_at: new Date(),
    })
    .where('request_id', '=', requestId)
    .execute();
}

/**
 * Many log rows in one statement (one array per column, unnest): a reconciliation logs every
 * person it asks about, before asking, without a transaction per person.
 */
export async function insertQueryLogs(db: Executor, entries: readonly NewQueryLog[]): Promise<void> {
  if (entries.length === 0) return;
  const col = <T>(pick: (e: NewQueryLog) => T) => entries.map(pick);
  await sql`
    insert into population_query_log (request_id, account_id, actor_kind, actor_name, officer_code, unit_id,
      purpose_code, dossier_ref, subject_personal_id, http_request_id)
    select * from unnest(${col((e) => e.requestId)}::text[], ${col((e) => e.accountId)}::uuid[], ${col((e) => e.actorKind)}::text[],
      ${col((e) => e.actorName)}::text[], ${col((e) => e.officerCode)}::text[], ${col((e) => e.unitId)}::text[],
      ${col((e) => e.purposeCode)}::text[], ${col((e) => e.dossierRef)}::text[], ${col((e) => e.subjectPersonalId)}::text[],
      ${col((e) => e.httpRequestId)}::text[])`.execute(db);
}

export interface QueryLogOutcome {
  requestId: string;
  result: Exclude<QueryResult, 'pending'>;
  failureReason: string | null;
  errorCode: string | null;
  source: 'network' | 'cache' | null;
  latencyMs: number;
}

/** Completes many log rows in one statement. */
export async function completeQueryLogs(db: Executor, outcomes: readonly QueryLogOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const col = <T>(pick: (e: QueryLogOutcome) => T) => outcomes.map(pick);
  await sql`
    update population_query_log l set result = v.result, failure_reason = v.failure_reason, error_code = v.error_code,
      source = v.source, latency_ms = v.latency_ms, completed_at = now()
    from unnest(${col((o) => o.requestId)}::text[], ${col((o) => o.result)}::text[], ${col((o) => o.failureReason)}::text[],
      ${col((o) => o.errorCode)}::text[], ${col((o) => o.source)}::text[], ${col((o) => Math.round(o.latencyMs))}::integer[])
      as v (request_id, result, failure_reason, error_code, source, latency_ms)
    where l.request_id = v.request_id`.execute(db);
}

/** Which rows a reader may see: everything, or some units' rows and/or their own queries. */
export type LogScope = { all: true } | { all: false; unitIds: string[]; ownAccountId: string | null };

export interface LogFilter {
  from?: Date;
  to?: Date;
  unitId?: string;
  accountId?: string;
  purpose?: string;
  result?: QueryResult;
}

function scopeCondition(scope: LogScope) {
  return (eb: ExpressionBuilder<DB, 'population_query_log'>): Expression<SqlBool> => {
    if (scope.all) return sql<boolean>`true`;
    const ors: Expression<SqlBool>[] = [];
    if (scope.unitIds.length > 0) ors.push(eb('unit_id', 'in', scope.unitIds));
    if (scope.ownAccountId) ors.push(eb('account_id', '=', scope.ownAccountId));
    return ors.length > 0 ? eb.or(ors) : sql<boolean>`false`;
  };
}

function filtered(db: Executor, scope: LogScope, f: LogFilter) {
  let q = db.selectFrom('population_query_log').where(scopeCondition(scope));
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  if (f.accountId) q = q.where('account_id', '=', f.accountId);
  if (f.purpose) q = q.where('purpose_code', '=', f.purpose);
  if (f.result) q = q.where('result', '=', f.result);
  return q;
}

export interface QueryLogItem {
  id: number;
  at: Date;
  requestId: string;
  actorKind: PurposeActorKind;
  accountId: string;
  actorName: string;
  officerCode: string | null;
  unitId: string | null;
  purpose: string;
  dossierRef: string | null;
  subjectPersonalId: string | null;
  result: QueryResult;
  failureReason: string | null;
  errorCode: string | null;
  source: 'network' | 'cache' | null;
  latencyMs: number | null;
}

export async function listQueryLog(
  db: Executor,
  scope: LogScope,
  f: LogFilter & { limit: number; before?: number },
): Promise<QueryLogItem[]> {
  let q = filtered(db, scope, f).selectAll();
  if (f.before) q = q.where('id', '<', f.before);
  const rows = await q.orderBy('id', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    requestId: r.request_id,
    actorKind: r.actor_kind,
    accountId: r.account_id,
    actorName: r.actor_name,
    officerCode: r.officer_code,
    unitId: r.unit_id,
    purpose: r.purpose_code,
    dossierRef: r.dossier_ref,
    subjectPersonalId: r.subject_personal_id,
    result: r.result,
    failureReason: r.failure_reason,
    errorCode: r.error_code,
    source: r.source,
    latencyMs: r.latency_ms,
  }));
}

export interface ReportCounts {
  key: string | null;
  name: string | null;
  code: string | null;
  total: number;
  sent: number;
  cacheHits: number;
  found: number;
  notFound: number;
  mismatch: number;
  unavailable: number;
  distinctSubjects: number;
}

/** Counts per unit, or per officer (citizens' own queries form one group with key null). */
export async function reportQueryLog(
  db: Executor,
  scope: LogScope,
  f: LogFilter,
  groupBy: 'unit' | 'officer' | 'none',
): Promise<ReportCounts[]> {
  const key =
    groupBy === 'unit'
      ? sql<string | null>`unit_id`
      : groupBy === 'officer'
        ? sql<string | null>`case when actor_kind = 'officer' then account_id::text end`
        : sql<string | null>`null::text`;
  const rows = await filtered(db, scope, f)
    .select([
      key.as('key'),
      sql<string | null>`max(case when actor_kind = 'officer' then actor_name end)`.as('name'),
      sql<string | null>`max(officer_code)`.as('code'),
      sql<number>`count(*)::int`.as('total'),
      sql<number>`(count(*) filter (where source = 'network'))::int`.as('sent'),
      sql<number>`(count(*) filter (where source = 'cache'))::int`.as('cacheHits'),
      sql<number>`(count(*) filter (where result = 'found'))::int`.as('found'),
      sql<number>`(count(*) filter (where result = 'not_found'))::int`.as('notFound'),
      sql<number>`(count(*) filter (where result = 'mismatch'))::int`.as('mismatch'),
      sql<number>`(count(*) filter (where result = 'unavailable'))::int`.as('unavailable'),
      sql<number>`count(distinct subject_personal_id)::int`.as('distinctSubjects'),
    ])
    .groupBy(key)
    .orderBy(sql`count(*)`, 'desc')
    .orderBy(key)
    .execute();
  return rows as unknown as ReportCounts[];
}
