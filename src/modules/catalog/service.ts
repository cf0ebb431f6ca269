// Catalog use cases: the public catalog (search, procedure, versions, diff) and the lifecycle of
// versions (create, edit a draft, check, publish, withdraw). One transaction per use case; every
// change is audited in the same transaction.
import type { Kysely } from 'kysely';
import { can, subtreeOf, unitsWhere, type Principal } from '../../core/access/index.ts';
import { checkVersionContent, SAVE_BLOCKING_CODES, type VersionCheck } from '../../core/catalog/check.ts';
import { PUBLIC_PARTS } from '../../core/catalog/public-parts.ts';
import { CONTENT_SECTIONS, diffContent } from '../../core/catalog/diff.ts';
import type { ProcedureContent } from '../../core/catalog/types.ts';
import { queryWords } from '../../core/catalog/vietnamese.ts';
import { createEformAjv } from '../../core/eforms/ajv.ts';
import type { DB } from '../../db/types.ts';
import { assertCan } from '../../http/access.ts';
import { ProblemError } from '../../http/problem.ts';
import { actorOf, recordAudit, systemActor, type AuditActor } from '../audit/service.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { ProcedureVersionView, type CreateProcedure, type SearchQuery } from './schema.ts';
import {
  findProcedureByCode,
  findVersion,
  findVersionByStatus,
  insertDraft,
  insertProcedure,
  latestVersion,
  listForAdmin,
  listPublishedFields,
  listVersions,
  markPublished,
  markSuperseded,
  markWithdrawn,
  publishedStamp,
  searchPublished,
  updateDraftContent,
  type Executor,
  type ProcedureRow,
  type VersionRow,
} from './store.ts';
import { deriveColumns, snapshotUnits, versionMeta, versionView, type UnitSnapshot } from './views.ts';

export interface CatalogServiceDeps {
  db: Kysely<DB>;
  units: UnitDirectory;
  /** WORKING_DAY_HOURS, for comparing step budgets with the legal time limit. */
  hoursPerDay: number;
  now?: () => Date;
}

/**
 * Who acts: a logged-in principal (whose rights are checked), or the system itself (seed, CLI:
 * no principal, trusted). `audit` is the audit trail's actor.
 */
export interface Actor {
  principal?: Principal;
  audit: AuditActor;
}

export const principalActor = (principal: Principal): Actor => ({ principal, audit: actorOf(principal) });
/** The system itself, e.g. `systemActorNamed('seed:catalog')`, `systemActorNamed('cli:alice')`. */
export const systemActorNamed = (label: string): Actor => ({ audit: systemActor(label) });

/** The label kept in the catalog's own `created_by`/`updated_by` columns. */
export const actorName = (actor: Actor) =>
  actor.principal ? `${actor.principal.kind}:${actor.principal.accountId}` : actor.audit.label;

/** Why a draft that lacks required public parts is published anyway (10–500 characters). */
export const OVERRIDE_REASON_MIN = 10;
export const OVERRIDE_REASON_MAX = 500;

export const notFound = (code: string, n?: number) =>
  new ProblemError('not_found', {
    detail:
      n === undefined
        ? { vi: `Không có thủ tục hành chính mã ${code}.`, en: `There is no procedure with code ${code}.` }
        : { vi: `Thủ tục ${code} không có phiên bản ${n}.`, en: `Procedure ${code} has no version ${n}.` },
  });

/** Two requests racing past the existence checks meet a unique index: report it as a conflict. */
export async function conflictOnUnique<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ProblemError('conflict', {
        detail: { vi: 'Dữ liệu vừa được thay đổi bởi một yêu cầu khác; hãy thử lại.', en: 'A concurrent request changed the same data; try again.' },
      });
    }
    throw error;
  }
}

export function createCatalogCore(deps: CatalogServiceDeps) {
  const { db, units } = deps;
  const now = deps.now ?? (() => new Date());
  const ajv = createEformAjv();

  async function getProcedure(ex: Executor, code: string, lock = false): Promise<ProcedureRow> {
    const p = await findProcedureByCode(ex, code, lock);
    if (!p) throw notFound(code);
    return p;
  }

  async function getVersion(ex: Executor, procedure: ProcedureRow, n: number, lock = false): Promise<VersionRow> {
    const v = await findVersion(ex, procedure.id, n, lock);
    if (!v) throw notFound(procedure.code, n);
    return v;
  }

  /** Versions that were never public are visible to the owning unit's admins and auditors only. */
  async function assertReadable(principal: Principal | undefined, procedure: ProcedureRow, version: VersionRow) {
    if (version.publishedAt) return;
    assertCan(principal, 'catalog.read_drafts', procedure.ownerUnitId, await units.tree());
  }

  function check(content: ProcedureContent, snap: UnitSnapshot): VersionCheck {
    return checkVersionContent(content, { knownUnitIds: snap.ids, hoursPerDay: deps.hoursPerDay, ajv });
  }

  const issueErrors = (issues: VersionCheck['errors'], base: string) =>
    issues.map((e) => ({
      pointer: `${base}${e.pointer}`,
      code: e.code,
      message: { vi: `${e.field.vi}: ${e.message.vi}`, en: `${e.field.en}: ${e.message.en}` },
    }));

  const publishBlocked = (code: string, n: number, result: VersionCheck) =>
    new ProblemError('validation', {
      detail: {
        vi: `Phiên bản ${n} của thủ tục ${code} chưa thể công bố: có ${result.errors.length} lỗi.`,
        en: `Version ${n} of procedure ${code} cannot be published: ${result.errors.length} error(s).`,
      },
      errors: issueErrors(result.errors, '/content'),
      extensions: { issues: result.errors.map((e) => ({ pointer: `/content${e.pointer}`, code: e.code, field: e.field, message: e.message })) },
    });

  const incomplete = (code: string, n: number, result: VersionCheck) => {
    const missing = PUBLIC_PARTS.filter((p) => result.publicParts.missing.includes(p.part));
    return new ProblemError('publication_incomplete', {
      detail: {
        vi: `Phiên bản ${n} của thủ tục ${code} thiếu bộ phận phải công khai theo khoản 2 Điều 8 Nghị định 63/2010/NĐ-CP: ${missing.map((p) => p.label.vi).join('; ')}. Hãy bổ sung, hoặc nêu lý do công bố khi chưa đủ (overrideReason).`,
        en: `Version ${n} of procedure ${code} lacks parts Decree 63/2010 Art. 8(2) requires to be public: ${missing.map((p) => p.label.en).join('; ')}. Complete them, or give a reason to publish anyway (overrideReason).`,
      },
      extensions: { missingParts: missing.map((p) => ({ part: p.part, label: p.label })) },
    });
  };

  /**
   * Rules a draft must meet to be saved at all (created, edited, imported): no abolished
   * implementing level, no e-form pattern that can block the server. 422 listing them.
   */
  function assertSaveable(content: ProcedureContent, snap: UnitSnapshot, base: string) {
    const blocking = check(content, snap).errors.filter((e) => SAVE_BLOCKING_CODES.has(e.code));
    if (blocking.length === 0) return;
    throw new ProblemError('validation', {
      detail: {
        vi: `Chưa lưu được bản nháp: ${blocking.map((e) => `${e.field.vi}: ${e.message.vi}`).join(' ')}`,
        en: `The draft cannot be saved: ${blocking.map((e) => `${e.field.en}: ${e.message.en}`).join(' ')}`,
      },
      errors: issueErrors(blocking, base),
    });
  }

  function assertUnitExists(snap: UnitSnapshot, unitId: string, pointer: string) {
    if (!snap.ids.has(unitId)) {
      throw new ProblemError('validation', {
        detail: { vi: 'Đơn vị không tồn tại.', en: 'Unknown unit.' },
        errors: [{ pointer, code: 'unit_unknown', message: { vi: `Không có đơn vị "${unitId}".`, en: `There is no unit "${unitId}".` } }],
      });
    }
  }

  // ---- lifecycle steps, used by the use cases below and by import ----

  async function createProcedureTx(
    trx: Executor,
    snap: UnitSnapshot,
    actor: Actor,
    input: { code: string; codeStatus: 'verified' | 'demo'; ownerUnitId: string; content: ProcedureContent },
    requestId?: string,
  ) {
    if (await findProcedureByCode(trx, input.code)) {
      throw new ProblemError('conflict', {
        detail: { vi: `Đã có thủ tục mã ${input.code}.`, en: `A procedure with code ${input.code} already exists.` },
      });
    }
    assertSaveable(input.content, snap, '/body/content');
    const who = actorName(actor);
    const procedure = await insertProcedure(trx, { code: input.code, codeStatus: input.codeStatus, ownerUnitId: input.ownerUnitId, createdBy: who });
    const derived = deriveColumns(input.code, input.ownerUnitId, input.content, snap);
    const version = await insertDraft(trx, { procedureId: procedure.id, number: 1, content: input.content, derived, actor: who });
    await recordAudit(trx, {
      actor: actor.audit,
      action: 'catalog.procedure.create',
      entity: 'procedure',
      entityId: input.code,
      before: null,
      after: { codeStatus: input.codeStatus, ownerUnitId: input.ownerUnitId, version: 1, content: input.content },
      requestId,
    });
    return { procedure, version };
  }

  async function createDraftTx(trx: Executor, snap: UnitSnapshot, actor: Actor, procedure: ProcedureRow, content: ProcedureContent | undefined, fromVersion: number | undefined, requestId?: string) {
    const existing = await findVersionByStatus(trx, procedure.id, 'draft');
    if (existing) {
      throw new ProblemError('conflict', {
        detail: {
          vi: `Thủ tục ${procedure.code} đã có bản nháp (phiên bản ${existing.number}); hãy sửa bản nháp đó.`,
          en: `Procedure ${procedure.code} already has a draft (version ${existing.number}); edit that one.`,
        },
        extensions: { draftVersion: existing.number },
      });
    }
    const latest = await latestVersion(trx, procedure.id);
    const source = fromVersion !== undefined ? await getVersion(trx, procedure, fromVersion) : latest;
    const body = content ?? source?.content;
    if (!body) throw notFound(procedure.code, fromVersion);
    // A copy of an existing version keeps its content as it was (an abolished level is then a
    // check error that blocks publishing); new content must meet the save rules.
    if (content) assertSaveable(content, snap, '/body/content');
    const who = actorName(actor);
    const number = (latest?.number ?? 0) + 1;
    const derived = deriveColumns(procedure.code, procedure.ownerUnitId, body, snap);
    const version = await insertDraft(trx, { procedureId: procedure.id, number, content: body, derived, actor: who });
    await recordAudit(trx, {
      actor: actor.audit,
      action: 'catalog.version.create',
      entity: 'procedure',
      entityId: procedure.code,
      before: null,
      after: { version: number, from: source?.number ?? null, content: body },
      requestId,
    });
    return version;
  }

  async function updateDraftTx(trx: Executor, snap: UnitSnapshot, actor: Actor, procedure: ProcedureRow, version: VersionRow, content: ProcedureContent, requestId?: string) {
    assertSaveable(content, snap, '/body/content');
    const who = actorName(actor);
    const derived = deriveColumns(procedure.code, procedure.ownerUnitId, content, snap);
    const updated = await updateDraftContent(trx, version.id, { content, derived, actor: who });
    await recordAudit(trx, {
      actor: actor.audit,
      action: 'catalog.version.update',
      entity: 'procedure',
      entityId: procedure.code,
      before: { version: version.number, revision: version.revision, content: version.content },
      after: { version: updated.number, revision: updated.revision, content },
      requestId,
    });
    return updated;
  }

  /**
   * Publishes a draft. Errors block it; so do missing public parts (Decree 63/2010 Art. 8(2)),
   * unless `overrideReason` says why it is published incomplete (recorded in the audit row).
   */
  async function publishTx(
    trx: Executor,
    snap: UnitSnapshot,
    actor: Actor,
    procedure: ProcedureRow,
    version: VersionRow,
    requestId?: string,
    overrideReason?: string,
  ) {
    if (version.status !== 'draft') {
      throw new ProblemError('conflict', {
        detail: {
          vi: `Chỉ công bố được bản nháp; phiên bản ${version.number} đang ở trạng thái ${version.status}.`,
          en: `Only a draft can be published; version ${version.number} is ${version.status}.`,
        },
      });
    }
    const result = check(version.content, snap);
    if (!result.publishable) throw publishBlocked(procedure.code, version.number, result);
    if (!result.publicParts.complete && !overrideReason) throw incomplete(procedure.code, version.number, result);
    const who = actorName(actor);
    const at = now();
    const previous = await findVersionByStatus(trx, procedure.id, 'published', true);
    if (previous) await markSuperseded(trx, previous.id, who, at);
    const published = await markPublished(trx, version.id, who, at);
    await recordAudit(trx, {
      actor: actor.audit,
      action: 'catalog.version.publish',
      entity: 'procedure',
      entityId: procedure.code,
      before: { published: previous?.number ?? null },
      after: {
        published: version.number,
        publishedAt: at.toISOString(),
        publicPartsComplete: result.publicParts.complete,
        ...(result.publicParts.complete ? {} : { missingPublicParts: result.publicParts.missing, overrideReason }),
        warnings: result.warnings.map((w) => w.code),
      },
      requestId,
    });
    return { version: published, check: result };
  }

  return {
    db,
    units,
    ajv,
    now,
    getProcedure,
    getVersion,
    assertReadable,
    check,
    assertUnitExists,
    createProcedureTx,
    createDraftTx,
    updateDraftTx,
    publishTx,
  };
}

export type CatalogCore = ReturnType<typeof createCatalogCore>;

/** How many procedure pages are kept serialized (about 20 KB each). */
const PAGE_CACHE_SIZE = 256;

export function createCatalogService(core: CatalogCore) {
  const { db, units } = core;
  // The public page of a procedure, serialized, by code: the published version is immutable, so
  // the page changes only with the version published, the procedure's row or the unit names, which
  // its key holds (one small query per request instead of re-reading and re-encoding the content).
  const pages = new Map<string, { key: string; json: string }>();

  async function publishedView(code: string) {
    const procedure = await core.getProcedure(db, code);
    const version = await findVersionByStatus(db, procedure.id, 'published');
    if (!version) {
      throw new ProblemError('not_found', {
        detail: {
          vi: `Thủ tục ${code} chưa được công bố hoặc đã bị bãi bỏ.`,
          en: `Procedure ${code} is not published or has been withdrawn.`,
        },
      });
    }
    return versionView(procedure, version, units);
  }

  const unitSubtree = async (unitId: string) => subtreeOf(await units.tree(), unitId);

  return {
    // ---- public catalog ----

    async search(query: SearchQuery) {
      const raw = (query.q ?? '').trim();
      const unitIds = query.unit ? await unitSubtree(query.unit) : undefined;
      const { rows, total } = await searchPublished(db, {
        words: queryWords(raw),
        raw,
        fieldCode: query.field,
        unitIds: unitIds && unitIds.length > 0 ? unitIds : query.unit ? [query.unit] : undefined,
        subject: query.subject,
        onlineLevel: query.online,
        fee: query.fee,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      const items = [];
      for (const r of rows) {
        const u = await units.find(r.unitId);
        items.push({
          id: r.id,
          code: r.code,
          codeStatus: r.codeStatus,
          name: r.name,
          nameEn: r.nameEn,
          field: { code: r.fieldCode, name: r.fieldName },
          unit: { id: r.unitId, name: u ? { vi: u.nameVi, en: u.nameEn } : { vi: r.unitId, en: r.unitId } },
          onlineLevel: r.onlineLevel,
          processingTime:
            r.processingValue !== null && r.processingUnit !== null
              ? { value: r.processingValue, unit: r.processingUnit as 'working_days' | 'working_hours' | 'calendar_days' | 'months' }
              : null,
          feeTotal: r.feeTotal,
          feeStatus: r.feeStatus,
          versionNumber: r.versionNumber,
        });
      }
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    async fields() {
      return { items: await listPublishedFields(db) };
    },

    getPublished: publishedView,

    /** getPublished as the route sends it: the JSON of ProcedureVersionView, from the page cache when its key still holds. */
    async getPublishedJson(code: string): Promise<string> {
      const stamp = await publishedStamp(db, code);
      const key = stamp ? `${stamp.versionId}|${stamp.updatedAt?.getTime()}|${stamp.codeStatus}|${stamp.ownerUnitId}|${await units.revision()}` : '';
      const hit = pages.get(code);
      if (stamp?.versionId && hit?.key === key) return hit.json;
      const json = JSON.stringify(ProcedureVersionView.encode(await publishedView(code)));
      pages.delete(code);
      if (pages.size >= PAGE_CACHE_SIZE) pages.delete(pages.keys().next().value!);
      pages.set(code, { key, json });
      return json;
    },

    async listVersions(principal: Principal | undefined, code: string) {
      const procedure = await core.getProcedure(db, code);
      const all = await listVersions(db, procedure.id);
      const seeDrafts = can(principal, 'catalog.read_drafts', procedure.ownerUnitId, await units.tree());
      const items = all
        .filter((v) => seeDrafts || v.publishedAt !== null)
        .map((v) => ({ ...versionMeta(v), name: v.content.name }));
      return { code, items };
    },

    async getVersion(principal: Principal | undefined, code: string, n: number) {
      const procedure = await core.getProcedure(db, code);
      const version = await core.getVersion(db, procedure, n);
      await core.assertReadable(principal, procedure, version);
      return versionView(procedure, version, units);
    },

    async diff(principal: Principal | undefined, code: string, n: number, from?: number) {
      const procedure = await core.getProcedure(db, code);
      const to = await core.getVersion(db, procedure, n);
      const fromNumber = from ?? n - 1;
      if (fromNumber < 1) {
        throw new ProblemError('validation', {
          detail: { vi: 'Phiên bản 1 không có phiên bản trước để so sánh.', en: 'Version 1 has no previous version.' },
          errors: [{ pointer: '/query/from', code: 'no_previous', message: { vi: 'Hãy chọn phiên bản để so sánh.', en: 'Choose a version to compare with.' } }],
        });
      }
      const base = await core.getVersion(db, procedure, fromNumber);
      await core.assertReadable(principal, procedure, to);
      await core.assertReadable(principal, procedure, base);
      const changes = diffContent(base.content, to.content);
      const counts = new Map<string, number>();
      for (const c of changes) counts.set(c.section, (counts.get(c.section) ?? 0) + 1);
      const sections = [...counts].map(([section, count]) => ({
        section,
        label: CONTENT_SECTIONS[section as keyof typeof CONTENT_SECTIONS] ?? { vi: section, en: section },
        changes: count,
      }));
      return { code, from: base.number, to: to.number, sections, changes };
    },

    // ---- administration ----

    async createProcedure(principal: Principal | undefined, input: CreateProcedure, requestId?: string) {
      const snap = await snapshotUnits(units);
      core.assertUnitExists(snap, input.ownerUnitId, '/body/ownerUnitId');
      const p = assertCan(principal, 'catalog.edit', input.ownerUnitId, await units.tree());
      const { procedure, version } = await conflictOnUnique(() =>
        db.transaction().execute((trx) => core.createProcedureTx(trx, snap, principalActor(p), input, requestId)),
      );
      return versionView(procedure, version, snap);
    },

    async createDraft(principal: Principal | undefined, code: string, fromVersion: number | undefined, requestId?: string) {
      const found = await core.getProcedure(db, code);
      const p = assertCan(principal, 'catalog.edit', found.ownerUnitId, await units.tree());
      const snap = await snapshotUnits(units);
      const version = await conflictOnUnique(() =>
        db.transaction().execute(async (trx) => {
          const procedure = await core.getProcedure(trx, code, true);
          return core.createDraftTx(trx, snap, principalActor(p), procedure, undefined, fromVersion, requestId);
        }),
      );
      return versionView(found, version, snap);
    },

    async updateDraft(principal: Principal | undefined, code: string, n: number, body: { content: ProcedureContent; revision?: number | undefined }, requestId?: string) {
      const found = await core.getProcedure(db, code);
      const p = assertCan(principal, 'catalog.edit', found.ownerUnitId, await units.tree());
      const snap = await snapshotUnits(units);
      const version = await db.transaction().execute(async (trx) => {
        const procedure = await core.getProcedure(trx, code, true);
        const current = await core.getVersion(trx, procedure, n, true);
        if (current.status !== 'draft') {
          throw new ProblemError('conflict', {
            detail: {
              vi: `Chỉ sửa được bản nháp; phiên bản ${n} đang ở trạng thái ${current.status}. Hãy tạo phiên bản mới.`,
              en: `Only a draft can be edited; version ${n} is ${current.status}. Create a new version.`,
            },
          });
        }
        if (body.revision !== undefined && body.revision !== current.revision) {
          throw new ProblemError('conflict', {
            detail: {
              vi: `Bản nháp đã được người khác sửa (lần sửa ${current.revision}, bạn đang sửa từ lần ${body.revision}). Hãy tải lại.`,
              en: `The draft was changed meanwhile (revision ${current.revision}, yours is based on ${body.revision}). Reload it.`,
            },
            extensions: { revision: current.revision },
          });
        }
        return core.updateDraftTx(trx, snap, principalActor(p), procedure, current, body.content, requestId);
      });
      return versionView(found, version, snap);
    },

    async checkVersion(principal: Principal | undefined, code: string, n: number) {
      const procedure = await core.getProcedure(db, code);
      assertCan(principal, 'catalog.read_drafts', procedure.ownerUnitId, await units.tree());
      const version = await core.getVersion(db, procedure, n);
      return core.check(version.content, await snapshotUnits(units));
    },

    async publish(principal: Principal | undefined, code: string, n: number, options: { overrideReason?: string | undefined } = {}, requestId?: string) {
      const found = await core.getProcedure(db, code);
      const p = assertCan(principal, 'catalog.publish', found.ownerUnitId, await units.tree());
      const snap = await snapshotUnits(units);
      const version = await db.transaction().execute(async (trx) => {
        const procedure = await core.getProcedure(trx, code, true);
        const current = await core.getVersion(trx, procedure, n, true);
        return (await core.publishTx(trx, snap, principalActor(p), procedure, current, requestId, options.overrideReason)).version;
      });
      return versionView(found, version, snap);
    },

    async withdraw(principal: Principal | undefined, code: string, n: number, reason: string, requestId?: string) {
      const found = await core.getProcedure(db, code);
      const p = assertCan(principal, 'catalog.publish', found.ownerUnitId, await units.tree());
      const version = await db.transaction().execute(async (trx) => {
        const procedure = await core.getProcedure(trx, code, true);
        const current = await core.getVersion(trx, procedure, n, true);
        if (current.status !== 'draft' && current.status !== 'published') {
          throw new ProblemError('conflict', {
            detail: {
              vi: `Phiên bản ${n} đang ở trạng thái ${current.status}; chỉ rút được bản nháp hoặc phiên bản đang công bố.`,
              en: `Version ${n} is ${current.status}; only a draft or the published version can be withdrawn.`,
            },
          });
        }
        const actor = principalActor(p);
        const withdrawn = await markWithdrawn(trx, current.id, actorName(actor), reason, core.now());
        await recordAudit(trx, {
          actor: actor.audit,
          action: 'catalog.version.withdraw',
          entity: 'procedure',
          entityId: code,
          before: { version: n, status: current.status },
          after: { version: n, status: 'withdrawn', reason },
          requestId,
        });
        return withdrawn;
      });
      return versionView(found, version, units);
    },

    async adminList(
      principal: Principal | undefined,
      query: { q?: string | undefined; unit?: string | undefined; status?: 'draft' | 'published' | 'withdrawn' | undefined; page: number; pageSize: number },
    ) {
      const tree = await units.tree();
      assertCan(principal, 'catalog.read_drafts', 'any', tree);
      let owners = unitsWhere(principal, 'catalog.read_drafts', tree);
      if (query.unit) {
        const sub = new Set(subtreeOf(tree, query.unit));
        owners = owners.filter((u) => sub.has(u));
      }
      const raw = (query.q ?? '').trim();
      const { rows, total } = await listForAdmin(db, {
        ownerUnitIds: owners,
        words: queryWords(raw),
        raw,
        status: query.status,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          code: r.code,
          codeStatus: r.codeStatus,
          name: r.name,
          ownerUnitId: r.ownerUnitId,
          latest: { number: r.latestNumber, status: r.latestStatus, updatedAt: r.latestUpdatedAt.toISOString() },
          publishedVersion: r.publishedVersion,
          draftVersion: r.draftVersion,
          publicPartsComplete: r.publicPartsComplete,
        })),
      };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
