// The catalog module: the procedure catalog's use cases over the database, the process's one unit
// directory and a prefill source, and `register(app)` for its routes. server.ts builds it for
// the HTTP API; main.ts (seed) and cli.ts (import/export) build it the same way.
import type { FastifyInstance } from 'fastify';
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import { createFormService } from './forms.ts';
import type { PrefillSource } from './prefill-source.ts';
import { registerCatalogRoutes } from './routes.ts';
import { createCatalogCore, createCatalogService, notFound } from './service.ts';
import { findProcedureByCode, findProcedureById, findVersionById, findVersionByStatus, listNonDraftVersions, listProcedures, listVersions, type ProcedureRow, type VersionRow } from './store.ts';

export type { ProcedureRow, VersionRow };

/** Pinned versions kept per instance (the oldest goes first). */
const PINNED_CACHE_SIZE = 1000;

export interface CatalogModuleDeps extends ModuleDeps {
  /** Where prefill values of e-form fields come from (population data, the account). */
  prefill: PrefillSource;
}

export function createCatalogModule(deps: CatalogModuleDeps) {
  const core = createCatalogCore({ db: deps.db, units: deps.units, hoursPerDay: deps.config.WORKING_DAY_HOURS });
  const service = createCatalogService(core);
  const forms = createFormService(core, deps.prefill);
  const pinnedCache = new Map<string, { procedure: ProcedureRow; version: VersionRow }>();
  const module = {
    core,
    service,
    forms,
    /** The published version of a procedure (what a new dossier pins); 404 when there is none. */
    async publishedVersion(code: string): Promise<{ procedure: ProcedureRow; version: VersionRow }> {
      const procedure = await core.getProcedure(deps.db, code);
      const version = await findVersionByStatus(deps.db, procedure.id, 'published');
      if (!version) throw notFound(code);
      return { procedure, version };
    },
    /**
     * A version by id with its procedure (a dossier's pinned version), kept per instance once it
     * has left draft: its content never changes then. What can change later (the version's status,
     * the procedure's row) is read as it was when first asked for; nothing that pins reads them.
     */
    async pinnedVersion(versionId: string): Promise<{ procedure: ProcedureRow; version: VersionRow } | undefined> {
      const hit = pinnedCache.get(versionId);
      if (hit) return hit;
      const version = await findVersionById(deps.db, versionId);
      const procedure = version ? await findProcedureById(deps.db, version.procedureId) : undefined;
      if (!version || !procedure) return undefined;
      const found = { procedure, version };
      if (version.status !== 'draft') {
        if (pinnedCache.size >= PINNED_CACHE_SIZE) pinnedCache.delete(pinnedCache.keys().next().value!);
        pinnedCache.set(versionId, found);
      }
      return found;
    },
    /** The versions of a procedure (oldest first), or undefined when no procedure has the code. */
    async versionsOf(code: string): Promise<{ procedure: ProcedureRow; versions: VersionRow[] } | undefined> {
      const procedure = await findProcedureByCode(deps.db, code);
      return procedure ? { procedure, versions: await listVersions(deps.db, procedure.id) } : undefined;
    },
    /**
     * Every procedure that was ever published, with its versions that left draft (oldest first):
     * what the quality index reads of the catalog (publication dates, public parts, fees, levels).
     */
    async publicHistory(): Promise<Array<{ procedure: ProcedureRow; versions: VersionRow[] }>> {
      const byProcedure = new Map<string, VersionRow[]>();
      for (const v of await listNonDraftVersions(deps.db)) {
        const list = byProcedure.get(v.procedureId);
        if (list) list.push(v);
        else byProcedure.set(v.procedureId, [v]);
      }
      return (await listProcedures(deps.db)).flatMap((procedure) => {
        const versions = byProcedure.get(procedure.id);
        return versions ? [{ procedure, versions }] : [];
      });
    },
    /** One procedure's entry of `publicHistory` (its versions that left draft, oldest first), or undefined. */
    async publicHistoryOf(code: string): Promise<{ procedure: ProcedureRow; versions: VersionRow[] } | undefined> {
      const found = await module.versionsOf(code);
      const versions = found?.versions.filter((v) => v.status !== 'draft') ?? [];
      return found && versions.length > 0 ? { procedure: found.procedure, versions } : undefined;
    },
    /** Adds the catalog's API routes under API_PREFIX. */
    register(app: FastifyInstance): void {
      app.register(async (api) => registerCatalogRoutes(api, { catalog: module, importMaxBytes: deps.config.CATALOG_IMPORT_MAX_BYTES }), {
        prefix: API_PREFIX,
      });
    },
  };
  return module satisfies Module;
}

export type CatalogModule = ReturnType<typeof createCatalogModule>;
