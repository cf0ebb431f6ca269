// Population use cases: a citizen's own data (profile, e-form prefill), an officer's verification
// of an applicant, the query log and its report, and the purpose table.
//
// Every query of the population database is logged BEFORE it is sent (who, as citizen or
// officer, which unit, purpose, dossier, subject, MaYeuCau, time) and the row is completed with
// the result and latency afterwards (SPEC §4.4). The two writes are deliberately separate
// transactions: the first must be committed before the other system is asked, so that a query
// is on record even if this process dies while waiting.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { checkPersonalId } from '../../core/identifiers/index.ts';
import type { DB } from '../../db/types.ts';
import { ProblemError } from '../../http/problem.ts';
import type { CitizenPrincipal, Principal } from '../../core/access/index.ts';
import { assertCan, forbiddenFor } from '../../http/access.ts';
import { actorOf, recordAudit } from '../audit/service.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import type { PopulationAnswer, PopulationClient, PopulationQuery } from './client.ts';
import { canManagePurposes, logScopeOf, seesFullIds, verificationUnit, withholdingFor, type Withholding } from './policy.ts';
import { maskValue, POPULATION_SOURCE } from './prefill.ts';
import type { PopulationRecord } from './record.ts';
import type { PurposeEntry, VerifyRequest, VerifyResponse } from './schema.ts';
import {
  completeQueryLog,
  completeQueryLogs,
  findPurpose,
  insertQueryLog,
  insertQueryLogs,
  listPurposes,
  listQueryLog,
  reportQueryLog,
  savePurpose,
  type LogFilter,
  type Purpose,
  type QueryLogItem,
  type ReportCounts,
} from './store.ts';

/** MaCanBo sent when a citizen queries their own data (UNCONFIRMED what the real service expects). */
export const CITIZEN_OFFICER_CODE = 'CONGDAN';

export const UNAVAILABLE_DETAIL = {
  vi: 'Chưa lấy được dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư. Vui lòng nhập thông tin và xác minh thủ công (đối chiếu giấy tờ); có thể thử lại sau ít phút.',
  en: 'Population data is unavailable right now. Enter and verify the details manually (check the documents); you may try again in a few minutes.',
};

export interface CitizenData {
  record: PopulationRecord;
  fetchedAt: Date;
  requestId: string;
}

/** A citizen's own record with what this login may not read of it (policy.ts). */
export type OwnRecord = CitizenData & Withholding;

export interface Actor {
  kind: 'citizen' | 'officer';
  accountId: string;
  name: string;
  officerCode: string;
  unitId: string | null;
}

export interface PopulationService {
  /**
   * A citizen's whole own record (purpose citizen_profile or citizen_prefill). Throws problems.
   * Nothing is withheld: a caller showing it to the citizen applies `withholdingFor` (policy.ts)
   * or uses `ownRecord`.
   */
  citizenData(principal: CitizenPrincipal, purpose: 'citizen_profile' | 'citizen_prefill', httpRequestId: string): Promise<CitizenData>;
  /**
   * The caller's own record (population.read_own), with the parts that need
   * population.read_own_full named in `withheld` when this login may not read them.
   */
  ownRecord(principal: Principal, purpose: 'citizen_profile' | 'citizen_prefill', httpRequestId: string): Promise<OwnRecord>;
  verify(principal: Principal, input: VerifyRequest, httpRequestId: string): Promise<VerifyResponse>;
  queryLog(principal: Principal, filter: LogFilter & { limit: number; before?: number }): Promise<QueryLogItem[]>;
  report(principal: Principal, filter: { from: Date; to: Date }, groupBy: 'unit' | 'officer'): Promise<ReportView>;
  purposes(): Promise<Purpose[]>;
  setPurpose(principal: Principal, code: string, entry: PurposeEntry, httpRequestId: string): Promise<Purpose>;
  /** The lookup with its log rows (exposed for other modules' use cases and tests). */
  lookup(actor: Actor, purpose: Purpose, query: PopulationQuery, context: { dossierRef?: string | null; httpRequestId?: string | null }): Promise<PopulationAnswer & { requestId: string }>;
  /** An officer-side system lookup for an active officer purpose given by its code (e.g. `registry_link`, `reconciliation`), logged like every other. */
  lookupFor(actor: Actor, purposeCode: string, query: PopulationQuery, context?: { httpRequestId?: string | null }): Promise<PopulationAnswer & { requestId: string }>;
  /**
   * Many lookups for one officer purpose (reconciliation): one answer per query, in order. Every
   * query is logged before it is sent, the log rows written in bulk (one statement for the
   * batch, one for the outcomes), and sent through the client's batch form when configured.
   */
  lookupManyFor(actor: Actor, purposeCode: string, queries: readonly PopulationQuery[], context?: { httpRequestId?: string | null }): Promise<Array<PopulationAnswer & { requestId: string }>>;
}

export interface ReportView {
  rows: Array<ReportCounts & { label: string }>;
  totals: ReportCounts & { label: string };
}

export function createPopulationService(deps: { db: Kysely<DB>; client: PopulationClient; units: UnitDirectory }): PopulationService {
  const { db, client, units } = deps;

  async function lookup(
    actor: Actor,
    purpose: Purpose,
    query: PopulationQuery,
    context: { dossierRef?: string | null; httpRequestId?: string | null },
  ): Promise<PopulationAnswer & { requestId: string }> {
    const requestId = randomUUID();
    await insertQueryLog(db, {
      requestId,
      accountId: actor.accountId,
      actorKind: actor.kind,
      actorName: actor.name,
      officerCode: actor.officerCode,
      unitId: actor.unitId,
      purposeCode: purpose.code,
      dossierRef: context.dossierRef ?? null,
      subjectPersonalId: query.personalId ?? null,
      httpRequestId: context.httpRequestId ?? null,
    });
    const started = performance.now();
    let answer: PopulationAnswer;
    try {
      answer = await client.query(query, { requestId, officerCode: actor.officerCode });
    } catch (error) {
      await completeQueryLog(db, requestId, {
        result: 'unavailable',
        failureReason: 'internal',
        errorCode: null,
        source: null,
        latencyMs: performance.now() - started,
      });
      throw error;
    }
    await completeQueryLog(db, requestId, {
      result: answer.status,
      failureReason: answer.status === 'unavailable' ? answer.reason : null,
      errorCode: answer.errorCode,
      source: answer.status === 'unavailable' ? 'network' : answer.fromCache ? 'cache' : 'network',
      latencyMs: performance.now() - started,
    });
    return { ...answer, requestId };
  }

  async function purposeFor(code: string, kind: 'citizen' | 'officer', pointer = '/body/purpose'): Promise<Purpose> {
    const purpose = await findPurpose(db, code);
    if (!purpose || !purpose.active || purpose.actorKind !== kind) {
      throw new ProblemError('validation', {
        detail: { vi: 'Mục đích tra cứu không hợp lệ.', en: 'The purpose is not valid.' },
        errors: [
          {
            pointer,
            code: 'unknown_purpose',
            message: {
              vi: `Không có mục đích tra cứu "${code}" đang áp dụng cho ${kind === 'officer' ? 'cán bộ' : 'công dân'}.`,
              en: `There is no active ${kind} purpose "${code}".`,
            },
          },
        ],
      });
    }
    return purpose;
  }

  const citizenData: PopulationService['citizenData'] = async (principal, purposeCode, httpRequestId) => {
    const purpose = await purposeFor(purposeCode, 'citizen');
    const decoded = checkPersonalId(principal.personalId);
    const query: PopulationQuery = {
      personalId: principal.personalId,
      fullName: principal.fullName,
      // The ID number encodes the birth year (Decree 137/2015 Art. 7), and the protocol needs
      // the date or the year of birth.
      ...(decoded.valid && decoded.kind === 'personal_id' ? { birthYear: decoded.birthYear } : {}),
    };
    const answer = await lookup(
      { kind: 'citizen', accountId: principal.accountId, name: principal.fullName, officerCode: CITIZEN_OFFICER_CODE, unitId: null },
      purpose,
      query,
      { httpRequestId },
    );
    switch (answer.status) {
      case 'found':
        return { record: answer.record, fetchedAt: answer.fetchedAt, requestId: answer.requestId };
      case 'unavailable':
        throw new ProblemError('population_unavailable', { detail: UNAVAILABLE_DETAIL, extensions: { requestId: answer.requestId } });
      case 'not_found':
        throw new ProblemError('population_not_found', {
          detail: {
            vi: 'Không tìm thấy thông tin của bạn trong Cơ sở dữ liệu quốc gia về dân cư theo số định danh cá nhân của tài khoản.',
            en: 'Your personal ID number was not found in the National Population Database.',
          },
          extensions: { requestId: answer.requestId },
        });
      case 'mismatch':
        throw new ProblemError('population_not_found', {
          detail: {
            vi: 'Họ tên hoặc năm sinh của tài khoản không khớp với Cơ sở dữ liệu quốc gia về dân cư; vui lòng nhập thông tin thủ công.',
            en: 'The name or birth year of your account does not match the National Population Database; please enter your details manually.',
          },
          extensions: { requestId: answer.requestId },
        });
    }
  };

  return {
    lookup,
    async lookupManyFor(actor, purposeCode, queries, context) {
      const purpose = await purposeFor(purposeCode, 'officer');
      if (queries.length === 0) return [];
      const requestIds = queries.map(() => randomUUID());
      await insertQueryLogs(
        db,
        queries.map((query, i) => ({
          requestId: requestIds[i]!,
          accountId: actor.accountId,
          actorKind: actor.kind,
          actorName: actor.name,
          officerCode: actor.officerCode,
          unitId: actor.unitId,
          purposeCode: purpose.code,
          dossierRef: null,
          subjectPersonalId: query.personalId ?? query.oldIdNumber ?? null,
          httpRequestId: context?.httpRequestId ?? null,
        })),
      );
      const started = performance.now();
      const answers = await client.queryBatch(queries.map((query, i) => ({ query, meta: { requestId: requestIds[i]!, officerCode: actor.officerCode } })));
      // The batch's latency, shared by its items (the time an officer waited for each).
      const latencyMs = performance.now() - started;
      await completeQueryLogs(
        db,
        answers.map((answer, i) => ({
          requestId: requestIds[i]!,
          result: answer.status,
          failureReason: answer.status === 'unavailable' ? answer.reason : null,
          errorCode: answer.errorCode,
          source: answer.status === 'unavailable' ? 'network' : answer.fromCache ? 'cache' : 'network',
          latencyMs,
        })),
      );
      return answers.map((answer, i) => ({ ...answer, requestId: requestIds[i]! }));
    },
    async lookupFor(actor, purposeCode, query, context) {
      return lookup(actor, await purposeFor(purposeCode, 'officer'), query, { httpRequestId: context?.httpRequestId ?? null });
    },

    citizenData,

    async ownRecord(principal, purposeCode, httpRequestId) {
      const tree = await units.tree();
      assertCan(principal, 'population.read_own', 'any', tree);
      if (principal.kind !== 'citizen') throw forbiddenFor('population.read_own');
      const data = await citizenData(principal, purposeCode, httpRequestId);
      return { ...data, ...withholdingFor(principal, tree) };
    },

    async verify(principal, input, httpRequestId) {
      const tree = await units.tree();
      assertCan(principal, 'population.verify', input.unitId ?? 'any', tree);
      // A verification is an officer's act on behalf of a unit (MaCanBo is the officer's username).
      if (principal.kind !== 'officer') throw forbiddenFor('population.verify');
      const purpose = await purposeFor(input.purpose, 'officer');
      if (purpose.requiresDossierRef && !input.dossierRef) {
        throw new ProblemError('validation', {
          detail: { vi: 'Mục đích này cần mã hồ sơ.', en: 'This purpose needs a dossier reference.' },
          errors: [{ pointer: '/body/dossierRef', code: 'required', message: { vi: 'Cần mã hồ sơ.', en: 'A dossier reference is required.' } }],
        });
      }
      const decoded = checkPersonalId(input.personalId);
      if (!decoded.valid || decoded.kind !== 'personal_id') {
        throw new ProblemError('invalid_identifier', {
          detail: { vi: 'Số định danh cá nhân không hợp lệ.', en: 'The personal ID number is not valid.' },
          errors: [
            {
              pointer: '/body/personalId',
              code: decoded.valid ? 'wrong_length' : decoded.code,
              message: decoded.valid ? 'expects 12 digits' : decoded.reason,
            },
          ],
        });
      }
      const unitId = verificationUnit(principal, input.unitId, tree);
      if (!unitId) throw forbiddenFor('population.verify');
      const answer = await lookup(
        { kind: 'officer', accountId: principal.accountId, name: principal.fullName, officerCode: principal.username, unitId },
        purpose,
        {
          personalId: input.personalId,
          fullName: input.fullName,
          ...(input.birthDate !== undefined ? { birthDate: input.birthDate } : {}),
          ...(input.birthYear !== undefined ? { birthYear: input.birthYear } : {}),
        },
        { dossierRef: input.dossierRef ?? null, httpRequestId },
      );
      const birthFields = [
        ...(input.birthDate !== undefined ? (['birthDate'] as const) : []),
        ...(input.birthYear !== undefined ? (['birthYear'] as const) : []),
      ];
      const base = { requestId: answer.requestId, source: POPULATION_SOURCE, checkedAt: new Date().toISOString() };
      switch (answer.status) {
        case 'found':
          return {
            ...base,
            status: 'match',
            fields: [{ field: 'personalId', match: true }, { field: 'fullName', match: true }, ...birthFields.map((field) => ({ field, match: true }))],
          };
        case 'mismatch': {
          // When the system does not say which field differs, none of them is confirmed.
          const differs = (f: 'fullName' | 'birthDate' | 'birthYear') => answer.mismatched === null || answer.mismatched.includes(f);
          return {
            ...base,
            status: 'mismatch',
            fields: [
              { field: 'personalId', match: true },
              { field: 'fullName', match: !differs('fullName') },
              ...birthFields.map((field) => ({ field, match: !differs(field) })),
            ],
          };
        }
        case 'not_found':
          return { ...base, status: 'not_found', fields: [{ field: 'personalId', match: false }] };
        case 'unavailable':
          return { ...base, status: 'unavailable', fields: [], detail: UNAVAILABLE_DETAIL.vi };
      }
    },

    async queryLog(principal, filter) {
      const tree = await units.tree();
      const scope = logScopeOf(principal, tree, { report: false });
      if (!scope) throw forbidden('log');
      const items = await listQueryLog(db, scope, filter);
      return items.map((i) =>
        seesFullIds(principal, i.unitId, tree) ? i : { ...i, subjectPersonalId: i.subjectPersonalId && maskValue('personalId', i.subjectPersonalId) },
      );
    },

    async report(principal, filter, groupBy) {
      const scope = logScopeOf(principal, await units.tree(), { report: true });
      if (!scope) throw forbidden('report');
      const [rows, [totals]] = await Promise.all([
        reportQueryLog(db, scope, filter, groupBy),
        reportQueryLog(db, scope, filter, 'none'),
      ]);
      const unitNames = new Map((await units.all()).map((u) => [u.id, u]));
      const labelled = rows.map((r) => {
        if (r.key === null) return { ...r, code: null, label: 'Công dân tự tra cứu dữ liệu của mình' };
        if (groupBy === 'unit') {
          const unit = unitNames.get(r.key);
          return { ...r, code: unit?.agencyCode ?? null, label: unit?.nameVi ?? r.key };
        }
        return { ...r, label: r.name ?? r.key };
      });
      const empty: ReportCounts = { key: null, name: null, code: null, total: 0, sent: 0, cacheHits: 0, found: 0, notFound: 0, mismatch: 0, unavailable: 0, distinctSubjects: 0 };
      return { rows: labelled, totals: { ...(totals ?? empty), key: null, code: null, label: 'Tổng cộng' } };
    },

    purposes: () => listPurposes(db),

    async setPurpose(principal, code, entry, httpRequestId) {
      const tree = await units.tree();
      assertCan(principal, 'population.purposes.manage', 'any', tree);
      if (!canManagePurposes(principal, tree)) throw forbidden('purposes');
      const purpose: Purpose = { code, ...entry };
      const actor = actorOf(principal);
      await db.transaction().execute(async (trx) => {
        const before = await findPurpose(trx, code, true);
        await savePurpose(trx, purpose, actor.label);
        await recordAudit(trx, {
          actor,
          action: before ? 'population.purpose.update' : 'population.purpose.create',
          entity: 'population_purpose',
          entityId: code,
          before: before ?? null,
          after: purpose,
          requestId: httpRequestId,
        });
      });
      return purpose;
    },
  };
}

const FORBIDDEN_DETAIL = {
  log: { vi: 'Bạn không có quyền xem nhật ký tra cứu dữ liệu dân cư.', en: 'You may not read the population query log.' },
  report: {
    vi: 'Bạn không có quyền xem báo cáo tra cứu dữ liệu dân cư.',
    en: 'You may not read the population query report.',
  },
  purposes: {
    vi: 'Danh mục mục đích tra cứu áp dụng toàn Bộ: chỉ quản trị viên cấp Bộ được thay đổi.',
    en: 'The purpose table is ministry-wide: only an administrator at the ministry may change it.',
  },
} as const;

function forbidden(what: keyof typeof FORBIDDEN_DETAIL): ProblemError {
  return new ProblemError('forbidden', { detail: FORBIDDEN_DETAIL[what] });
}
