// The catalog module: the procedure catalog's use cases over the database, the process's one unit
// directory and a prefill source, and `register(app)` for its routes. server.ts builds it for
// the HTTP API; main.ts (seed) and cli.ts (import/export) build it the same way.
import type { FastifyInstance } from 'fastify';
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import { createFormService } from './forms.ts';
import type { PrefillSource } from './prefill-source.ts';
import { registerCatalogRoutes } from './routes.ts';
import { createCatalogCore, createCatalogService } from './service.ts';

export interface CatalogModuleDeps extends ModuleDeps {
  /** Where prefill values of e-form fields come from (population data, the account). */
  prefill: PrefillSource;
}

export function createCatalogModule(deps: CatalogModuleDeps) {
  const core = createCatalogCore({ db: deps.db, units: deps.units, hoursPerDay: deps.config.WORKING_DAY_HOURS });
  const service = createCatalogService(core);
  const forms = createFormService(core, deps.prefill);
  const module = {
    core,
    service,
    forms,
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
