// Assembles the quality module: the Decision 766 index of a bundle for a period, over the calendar
// module's working calendar (official schedules, administrators' entries, rules); the bundle built
// from the installation's own data (bundle.ts: the catalog, the dossiers' portal sync records, and
// feedback and ratings when those sources are given); and `GET /api/v1/quality/index` for a scope
// (the ministry, a unit with its sub-units, a procedure) and a period. `motcua index766 compute`
// (cli.ts) takes a bundle from a file; `motcua index766 bundle` writes the installation's.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, isWithin, type Principal } from '../../core/access/index.ts';
import { toLocalDate } from '../../core/calendar/index.ts';
import {
  computeIndex,
  parsePeriod,
  PeriodError,
  resolveSettings,
  type DeepPartial,
  type IndexResult,
  type Period,
  type QualityBundle,
  type QualitySettings,
} from '../../core/quality/index.ts';
import { assertCan, unauthenticated } from '../../http/access.ts';
import { ProblemError, problemSchema } from '../../http/problem.ts';
import { CALENDAR_CACHE_TTL_MS, type CalendarModule } from '../calendar/module.ts';
import type { CatalogModule } from '../catalog/module.ts';
import type { DossierService, DossiersModule } from '../dossiers/module.ts';
import type { FeedbackModule } from '../feedback/module.ts';
import type { PortalSyncService } from '../portal-sync/module.ts';
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import { buildBundle, procedureFacts, type BundleScope, type BundleSources } from './bundle.ts';
import { createFactFeed, type FactFeed, type FactFeedDeps } from './facts.ts';
import { IndexQuery, IndexResultSchema, QualityScopesSchema, type IndexResultView, type QualityScopes } from './schema.ts';
import type { JobsModule } from '../jobs/module.ts';
import type { UnitNode } from '../identity/units/directory.ts';
import { createPublication, type Publication, type PublicationDeps } from './publication.ts';
import { registerPublicationRoutes } from './publication-routes.ts';
import {
  listReconciliations,
  PortalEvaluationSchema,
  readReconciliation,
  reconcile,
  ReconciliationImportSchema,
  ReconciliationImportsSchema,
  storeReconciliation,
  type PortalEvaluation,
  type ReconciliationImport,
  type ReconciliationImports,
} from './reconcile.ts';
import { actorOf } from '../audit/service.ts';
import { MonthParam } from './schema.ts';
import { PublicationError } from './publication.ts';

export type { BundleSources } from './bundle.ts';
export type { FactFeed } from './facts.ts';

export interface QualityModule extends Module {
  /** The index of `bundle` for `period` (settings over the defaults; as of `now` for a period not over). */
  computeIndex(bundle: QualityBundle, period: Period, options?: { settings?: DeepPartial<QualitySettings>; explain?: boolean; now?: Date }): Promise<IndexResult>;
  /** The installation's bundle of a period for a scope (a unit with its sub-units, a procedure). */
  bundle(period: Period, scope?: { unitId?: string; procedureCode?: string }): Promise<QualityBundle>;
  /** The index of a scope and a period from the installation's data, for an officer allowed to read it. */
  index(p: Principal | undefined, query: { period: Period; unitId?: string; procedureCode?: string; officerId?: string; explain?: boolean }): Promise<IndexResultView>;
  /** The real-time aggregates' feed (when built with `facts` and `sources`): other modules' listeners queue into it. */
  facts: FactFeed | undefined;
  /** The monthly publication (frozen months, the public figures, the plan targets), when built with the unit directory. */
  publication: Publication | undefined;
  /** What the officer may read: the ministry's index, the units (with their sub-units) and the officers of those units. */
  scopes(p: Principal | undefined): Promise<QualityScopes>;
  /** The national portal's published figures of a month (SPEC §1.3) against this installation's, per unit and group, for an officer who reads the ministry's index. */
  reconcile(p: Principal | undefined, month: string, evaluation: PortalEvaluation, fileName?: string | null): Promise<ReconciliationImport>;
  /** The imports of the national portal's figures, newest first (of one month when given). */
  reconciliations(p: Principal | undefined, month?: string): Promise<ReconciliationImports>;
  /** One import of the national portal's figures as it was taken. */
  reconciliation(p: Principal | undefined, id: string): Promise<ReconciliationImport>;
}

export interface QualityModuleDeps {
  calendar: Pick<CalendarModule, 'service'>;
  /** Where the installation's bundle comes from (absent: only bundles from files can be computed). */
  sources?: BundleSources;
  /** Where the real-time aggregates read dossiers (with `sources`): the index is then read from them. */
  facts?: Pick<FactFeedDeps, 'db' | 'jobs' | 'dossier' | 'syncedToPortal' | 'dossierIds' | 'onDossierEvent' | 'onSynced'>;
  units?: ModuleDeps['units'];
  /** The units where an officer holds a role (identity): who may read that officer's scores. */
  officerUnits?: (accountId: string) => Promise<string[]>;
  /** The enabled officers holding a role in one of the units (identity): whose scores a reader of those units may open. */
  officersIn?: (unitIds: readonly string[]) => Promise<Array<{ accountId: string; fullName: string }>>;
  settings?: DeepPartial<QualitySettings>;
  now?: () => Date;
  /** Where the freeze of the previous month is scheduled (01:00 on the 1st, Asia/Ho_Chi_Minh). */
  jobs?: Pick<JobsModule, 'schedule'>;
  /** The plan targets' live figures beside the index (ratings, digitized results). */
  targets?: Pick<PublicationDeps, 'ratings' | 'digitization'>;
}

/** The modules the installation's index is read from (server.ts and the CLI build it the same way). */
export interface InstallationModules {
  scopeLevel: BundleSources['scopeLevel'];
  db: FactFeedDeps['db'];
  jobs: FactFeedDeps['jobs'];
  catalog: Pick<CatalogModule, 'publicHistory' | 'publicHistoryOf'>;
  dossiers: Pick<DossiersModule, 'syncRecordsActiveIn'> & { service: Pick<DossierService, 'qualityFactSource' | 'pageForBackfill' | 'onEvent'> };
  portalSync: { service: Pick<PortalSyncService, 'syncedAmong' | 'onSynced'> };
  feedback?: Pick<FeedbackModule, 'feedbackIndexItems' | 'ratingIndexItems'>;
}

/** The bundle's sources and the real-time feed over the installation's modules. */
export function installationData(m: InstallationModules): Required<Pick<QualityModuleDeps, 'sources' | 'facts'>> {
  const syncedToPortal = (codes: readonly string[]) => m.portalSync.service.syncedAmong(codes);
  return {
    sources: {
      scopeLevel: m.scopeLevel,
      procedures: () => m.catalog.publicHistory(),
      procedure: (code) => m.catalog.publicHistoryOf(code),
      dossiers: (range) => m.dossiers.syncRecordsActiveIn(range),
      syncedToPortal,
      ...(m.feedback ? { feedback: (period: { from: string; to: string }) => m.feedback!.feedbackIndexItems(period), ratings: (period: { from: string; to: string }) => m.feedback!.ratingIndexItems(period) } : {}),
    },
    facts: {
      db: m.db,
      jobs: m.jobs,
      dossier: (id) => m.dossiers.service.qualityFactSource(id),
      syncedToPortal,
      dossierIds: async (after, limit) => (await m.dossiers.service.pageForBackfill(after, limit)).map((d) => d.id),
      onDossierEvent: (listener) => m.dossiers.service.onEvent((trx, event) => listener(trx, event.dossier.id, event.seq)),
      onSynced: (listener) => m.portalSync.service.onSynced(listener),
    },
  };
}

export function createQualityModule(deps: QualityModuleDeps): QualityModule {
  const now = deps.now ?? (() => new Date());

  async function compute(bundle: QualityBundle, period: Period, options: { settings?: DeepPartial<QualitySettings>; explain?: boolean; now?: Date } = {}) {
    const workingDays = await deps.calendar.service.calendar();
    return computeIndex(bundle, period, resolveSettings(options.settings ?? deps.settings), {
      workingDays,
      ...(options.explain ? { explain: true } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
  }

  async function scopeOf(scope: { unitId?: string; procedureCode?: string }): Promise<BundleScope> {
    const out: BundleScope = {};
    if (scope.procedureCode) out.procedureCode = scope.procedureCode;
    if (scope.unitId) {
      if (!deps.units) throw new Error('the quality module needs the unit directory for a unit scope');
      const tree = await deps.units.tree();
      const unitId = scope.unitId;
      out.unitIds = new Set(tree.ids().filter((id) => isWithin(tree, id, unitId)));
    }
    return out;
  }

  const facts =
    deps.facts && deps.sources
      ? createFactFeed({
          ...deps.facts,
          sources: deps.sources,
          calendar: () => deps.calendar.service.calendar(),
          onCalendarChanged: (listener) => deps.calendar.service.onChanged((trx) => listener(trx)),
          calendarSettleMs: CALENDAR_CACHE_TTL_MS + 1000,
          ...(deps.settings ? { settings: deps.settings } : {}),
        })
      : undefined;

  /**
   * An officer's scores ("cá thể hóa trách nhiệm", plan task 4): the index over the dossiers where
   * they finished a workflow step, recomputed from those dossiers' records, and their steps finished
   * in the period, on time or late. The officer reads their own; a reader of the index of a unit
   * where the officer holds a role reads theirs.
   */
  async function officerIndex(p: Principal, officerId: string, period: Period, explain: boolean, tree: Awaited<ReturnType<NonNullable<ModuleDeps['units']>['tree']>>): Promise<IndexResultView> {
    if (!facts || !deps.sources) throw new Error('the quality module was built without the real-time aggregates');
    if (!(p.kind === 'officer' && p.accountId === officerId)) {
      const units = deps.officerUnits ? await deps.officerUnits(officerId) : [];
      if (units.length === 0 && p.kind === 'officer') throw new ProblemError('not_found', { detail: { vi: 'Không có cán bộ này.', en: 'No such officer.' } });
      if (!units.some((u) => can(p, 'quality.read', u, tree))) assertCan(p, 'quality.read', units[0] ?? null, tree);
    }
    const handled = await facts.officerDossiers(officerId, period);
    const dossiers = handled.map((h) => h.record);
    const codes = new Set(dossiers.map((d) => d.MaHoSo));
    const procedureCodes = new Set(dossiers.map((d) => d.MaTTHC));
    const procedures = (await deps.sources.procedures()).filter(({ procedure }) => procedureCodes.has(procedure.code)).map(({ procedure, versions }) => procedureFacts(procedure, versions));
    const range = { from: period.from, to: period.to };
    const feedback = deps.sources.feedback ? (await deps.sources.feedback(range)).filter((f) => f.dossierCode !== null && codes.has(f.dossierCode)) : [];
    const ratings = deps.sources.ratings ? (await deps.sources.ratings(range)).filter((r) => codes.has(r.dossierCode)) : [];
    const bundle: QualityBundle = {
      scope: { level: deps.sources.scopeLevel },
      procedures,
      dossiers: dossiers.filter((d) => procedures.some((pr) => pr.code === d.MaTTHC)),
      feedback: feedback.map(({ unitId: _u, procedureCode: _p, ...f }) => f),
      ratings: ratings.map(({ unitId: _u, procedureCode: _p, ...r }) => r),
      reportCounts: { bcqgReceived: null, previousYearBcqgTotal: null },
    };
    const result = await compute(bundle, period, { ...(explain ? { explain: true } : {}), now: now() });
    const finishedIn = (at: string | null) => at !== null && toLocalDate(new Date(at)) >= period.from && toLocalDate(new Date(at)) <= period.to;
    const mine = handled.flatMap((h) => h.steps.filter((st) => st.by === officerId && finishedIn(st.finishedAt)).map((st) => ({ ...st, dossierCode: h.record.MaHoSo })));
    const onTime = mine.filter((st) => st.onTime === true).length;
    const late = mine.filter((st) => st.onTime === false);
    const judged = onTime + late.length;
    return {
      ...result,
      scope: { unitId: null, procedureCode: null, officerId, dossiers: bundle.dossiers.length },
      officer: {
        steps: { finished: mine.length, onTime, late: late.length, ratio: judged === 0 ? null : Math.round((onTime / judged) * 10_000) / 100 },
        lateSteps: late.map((st) => ({ dossierCode: st.dossierCode, step: st.kind, dueAt: st.dueAt!, finishedAt: st.finishedAt! })),
      },
    };
  }

  /** The period of a query: period, or from and to, or the current month. */
  function periodOfQuery(q: { period?: string | undefined; from?: string | undefined; to?: string | undefined }): Period {
    try {
      return q.period ? parsePeriod(q.period) : q.from && q.to ? parsePeriod({ from: q.from, to: q.to }) : parsePeriod(toLocalDate(now()).slice(0, 7));
    } catch (error) {
      if (!(error instanceof PeriodError)) throw error;
      throw new ProblemError('validation', {
        detail: { vi: `Kỳ đánh giá không hợp lệ: ${error.message}.`, en: `Invalid period: ${error.message}.` },
        errors: [{ pointer: q.period ? '/query/period' : '/query/from', code: 'invalid_period', message: error.message }],
      });
    }
  }
  /** The system's own index of a scope (no principal): the counters, or the bundle without them. */
  async function systemIndex(period: Period, scope: { unitId: string | null; procedureCode?: string }, at: Date): Promise<IndexResult & { dossiers: number }> {
    const wanted = { ...(scope.unitId ? { unitId: scope.unitId } : {}), ...(scope.procedureCode ? { procedureCode: scope.procedureCode } : {}) };
    if (facts) return facts.index(period, await scopeOf(wanted), at);
    const bundle = await module.bundle(period, wanted);
    return { ...(await compute(bundle, period, { now: at })), dossiers: bundle.dossiers.length };
  }

  const publication =
    deps.units && deps.facts
      ? createPublication({
        db: deps.facts.db,
        units: deps.units,
        index: systemIndex,
        settings: resolveSettings(deps.settings),
        procedures: async () => (deps.sources ? (await deps.sources.procedures()).map(({ procedure }) => ({ code: procedure.code, ownerUnitId: procedure.ownerUnitId })) : []),
        ...(deps.targets?.ratings ? { ratings: deps.targets.ratings } : {}),
        ...(deps.targets?.digitization ? { digitization: deps.targets.digitization } : {}),
        now,
      })
    : undefined;
  // Task 5 "định kỳ hằng tháng công khai": the month before is frozen at 01:00 on the 1st.
  if (publication) deps.jobs?.schedule('quality-freeze', '0 1 1 * *', async ({ tick }) => void (await publication.freezePrevious(tick)));

  /** The reconciliation with the national portal is the ministry's: an officer who reads the index at a root unit. */
  async function ministryReader(p: Principal | undefined) {
    if (!p) throw unauthenticated();
    if (!publication || !deps.units || !deps.facts) throw new Error('the quality module was built without its publication');
    const tree = await deps.units.tree();
    const roots = tree.ids().filter((id) => tree.parentOf(id) === null);
    if (!roots.some((root) => can(p, 'quality.read', root, tree))) assertCan(p, 'quality.read', roots[0] ?? null, tree);
    return { db: deps.facts.db, units: deps.units, publication };
  }

  const module: QualityModule = {
    computeIndex: compute,
    facts,
    publication,

    async bundle(period, scope = {}) {
      if (!deps.sources) throw new Error('the quality module was built without data sources');
      return buildBundle(deps.sources, period, await scopeOf(scope));
    },

    async scopes(p) {
      if (!p) throw unauthenticated();
      if (p.kind !== 'officer') throw new ProblemError('forbidden', { detail: { vi: 'Chỉ cán bộ xem được chỉ số chất lượng phục vụ.', en: 'Only officers read the service-quality index.' } });
      if (!deps.units) throw new Error('the quality module needs the unit directory');
      const tree = await deps.units.tree();
      // Tree order (a unit, then the units below it, siblings in the directory's order), active units only.
      const children = new Map<string | null, UnitNode[]>();
      for (const u of await deps.units.all()) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
      const ordered: Array<{ unit: UnitNode; depth: number }> = [];
      const walk = (parent: string | null, depth: number) => {
        for (const unit of children.get(parent) ?? []) {
          if (!unit.active) continue;
          ordered.push({ unit, depth });
          walk(unit.id, depth + 1);
        }
      };
      walk(null, 0);
      const readable = ordered.filter(({ unit }) => can(p, 'quality.read', unit.id, tree));
      const ministry = readable.some(({ unit }) => unit.parentId === null);
      const officers = deps.officersIn && readable.length > 0 ? await deps.officersIn(readable.map(({ unit }) => unit.id)) : [];
      return {
        ministry,
        units: readable.map(({ unit, depth }) => ({ id: unit.id, depth, nameVi: unit.nameVi, nameEn: unit.nameEn })),
        officers: officers.filter((o) => o.accountId !== p.accountId),
      };
    },

    async reconcile(p, month, evaluation, fileName = null) {
      const { db, units, publication: published } = await ministryReader(p);
      try {
        const period = parsePeriod(month);
        const result = await reconcile({ db, units, publication: published, index: (unitId) => systemIndex(period, { unitId }, now()) }, month, evaluation);
        const by = { id: p!.accountId, name: p!.fullName, audit: actorOf(p!) };
        return await db.transaction().execute((trx) => storeReconciliation(trx, { evaluation, result, fileName, by, at: now() }));
      } catch (error) {
        if (error instanceof PublicationError || error instanceof PeriodError) throw new ProblemError('validation', { detail: { vi: 'Tháng không hợp lệ.', en: error.message }, errors: [{ pointer: '/params/month', code: 'invalid_period', message: error.message }] });
        throw error;
      }
    },

    async reconciliations(p, month) {
      const { db } = await ministryReader(p);
      return listReconciliations(db, month);
    },

    async reconciliation(p, id) {
      const { db } = await ministryReader(p);
      const found = await readReconciliation(db, id);
      if (!found) throw new ProblemError('not_found', { detail: { vi: `Không có lần đối soát ${id}.`, en: `No reconciliation ${id}.` } });
      return found;
    },

    async index(p, query) {
      if (!p) throw unauthenticated();
      if (!deps.units) throw new Error('the quality module needs the unit directory');
      const tree = await deps.units.tree();
      if (query.officerId) return officerIndex(p, query.officerId, query.period, query.explain === true, tree);
      if (query.unitId) {
        if (tree.isActive(query.unitId) === undefined) throw new ProblemError('not_found', { detail: { vi: `Không có đơn vị ${query.unitId}.`, en: `No unit ${query.unitId}.` } });
        assertCan(p, 'quality.read', query.unitId, tree);
      } else {
        // The whole ministry: a role at a root unit.
        const roots = tree.ids().filter((id) => tree.parentOf(id) === null);
        if (!roots.some((root) => can(p, 'quality.read', root, tree))) assertCan(p, 'quality.read', roots[0] ?? null, tree);
      }
      const scope = { ...(query.unitId ? { unitId: query.unitId } : {}), ...(query.procedureCode ? { procedureCode: query.procedureCode } : {}) };
      // The figures from the real-time counters; the lists of an explanation from the bundle.
      if (facts && !query.explain) {
        const { dossiers, ...result } = await facts.index(query.period, await scopeOf(scope), now());
        return { ...result, scope: { unitId: query.unitId ?? null, procedureCode: query.procedureCode ?? null, officerId: null, dossiers } };
      }
      const bundle = await module.bundle(query.period, scope);
      const result = await compute(bundle, query.period, { ...(query.explain ? { explain: true } : {}), now: now() });
      return { ...result, scope: { unitId: query.unitId ?? null, procedureCode: query.procedureCode ?? null, officerId: null, dossiers: bundle.dossiers.length } };
    },

    register(app: FastifyInstance) {
      app.register(
        async (api) => {
          const r = api.withTypeProvider<ZodTypeProvider>();
          r.get(
            '/quality/index',
            {
              config: { access: 'quality.read' },
              schema: {
                tags: ['quality'],
                summary: 'The Decision 766 service-quality index of the ministry, a unit (with its sub-units) or a procedure, for a period, from this installation’s data',
                description: 'The same figures as `motcua index766 compute` over `motcua index766 bundle` for the same period and scope, read from counters kept with every dossier action (seconds behind it, through the outbox); with `explain=true` recomputed from the bundle to list the dossiers and procedures behind each figure.',
                querystring: IndexQuery,
                response: { 200: IndexResultSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema },
              },
            },
            async (request) => {
              const q = request.query;
              const period = periodOfQuery(q);
              if (q.officer && (q.unit || q.procedure)) {
                throw new ProblemError('validation', {
                  detail: { vi: 'Chọn một phạm vi: cán bộ, hoặc đơn vị và thủ tục.', en: 'Choose one scope: an officer, or a unit and a procedure.' },
                  errors: [{ pointer: '/query/officer', code: 'conflicting_scope', message: 'officer with unit or procedure' }],
                });
              }
              return module.index(request.principal, {
                period,
                ...(q.unit ? { unitId: q.unit } : {}),
                ...(q.procedure ? { procedureCode: q.procedure } : {}),
                ...(q.officer ? { officerId: q.officer } : {}),
                explain: q.explain === 'true',
              });
            },
          );
          r.get(
            '/me/quality/scopes',
            {
              config: { access: 'login' },
              schema: {
                tags: ['quality'],
                summary: 'What the signed-in officer may read of the 766 index: the ministry’s, the units’ (with their sub-units) and the scores of those units’ officers',
                response: { 200: QualityScopesSchema, 401: problemSchema, 403: problemSchema },
              },
            },
            async (request) => module.scopes(request.principal),
          );
          r.get(
            '/me/quality',
            {
              config: { access: 'login' },
              schema: {
                tags: ['quality'],
                summary: 'The signed-in officer’s own scores: the index over the dossiers where they finished a workflow step, and their steps on time or late',
                querystring: IndexQuery.pick({ period: true, from: true, to: true, explain: true }),
                response: { 200: IndexResultSchema, 401: problemSchema, 403: problemSchema, 422: problemSchema },
              },
            },
            async (request) => {
              const p = request.principal;
              if (p?.kind !== 'officer') throw new ProblemError('forbidden', { detail: { vi: 'Chỉ cán bộ có điểm đánh giá cá nhân.', en: 'Only officers have personal scores.' } });
              return module.index(p, { period: periodOfQuery(request.query), officerId: p.accountId, explain: request.query.explain === 'true' });
            },
          );
        },
        { prefix: API_PREFIX },
      );
      if (publication) app.register(async (api) => registerPublicationRoutes(api, publication), { prefix: API_PREFIX });
      app.register(
        async (api) => {
          const r = api.withTypeProvider<ZodTypeProvider>();
          r.post(
            '/quality/reconciliation/:month',
            {
              // The portal's month is a few hundred kilobytes; the page says 5 MB (ReconciliationPage.tsx).
              bodyLimit: 5 * 1024 * 1024,
              config: { access: 'quality.read' },
              schema: {
                tags: ['quality'],
                summary: 'Import the national portal’s published 766 figures of a month (its evaluation JSON, as the portal publishes it) and compare them with this installation’s, per unit and group',
                description:
                  'Units are matched by agency code; the installation’s side is the frozen month where there is one, else today’s recompute. Each unit lists the dossiers received in the month that never reached the portal. The import is kept with the differences found (never changed; a later import stands beside it) and audited.',
                params: MonthParam,
                querystring: z.strictObject({ fileName: z.string().trim().min(1).max(200).optional().describe('the name of the file the figures came in, to recognise the import by') }),
                body: PortalEvaluationSchema,
                response: { 200: ReconciliationImportSchema, 401: problemSchema, 403: problemSchema, 422: problemSchema },
              },
            },
            async (request) => module.reconcile(request.principal, request.params.month, request.body, request.query.fileName ?? null),
          );
          r.get(
            '/quality/reconciliations',
            {
              config: { access: 'quality.read' },
              schema: {
                tags: ['quality'],
                summary: 'The imports of the national portal’s figures, newest first (the last 100)',
                querystring: z.strictObject({ month: MonthParam.shape.month.optional() }),
                response: { 200: ReconciliationImportsSchema, 401: problemSchema, 403: problemSchema, 422: problemSchema },
              },
            },
            async (request) => module.reconciliations(request.principal, request.query.month),
          );
          r.get(
            '/quality/reconciliations/:id',
            {
              config: { access: 'quality.read' },
              schema: {
                tags: ['quality'],
                summary: 'One import of the national portal’s figures with the differences found when it was imported',
                params: z.strictObject({ id: z.uuid() }),
                response: { 200: ReconciliationImportSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema },
              },
            },
            async (request) => module.reconciliation(request.principal, request.params.id),
          );
        },
        { prefix: API_PREFIX },
      );
    },
  };
  return module;
}
