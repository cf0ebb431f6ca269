// Assembles the catalog module: its use cases over a database, the unit directory and a prefill
// source. server.ts, main.ts (seed) and cli.ts (import/export) build it the same way.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import { createUnitDirectory, type UnitDirectory } from '../identity/units.ts';
import { createFormService } from './forms.ts';
import { createDefaultPrefillSource, type PrefillSource } from './prefill-source.ts';
import { createCatalogCore, createCatalogService } from './service.ts';

export interface CatalogModuleOptions {
  db: Kysely<DB>;
  /** WORKING_DAY_HOURS. */
  hoursPerDay?: number;
  prefill?: PrefillSource;
  units?: UnitDirectory;
}

export function createCatalogModule(options: CatalogModuleOptions) {
  const units = options.units ?? createUnitDirectory(options.db);
  const core = createCatalogCore({ db: options.db, units, hoursPerDay: options.hoursPerDay ?? 8 });
  return {
    core,
    service: createCatalogService(core),
    forms: createFormService(core, options.prefill ?? createDefaultPrefillSource()),
  };
}

export type CatalogModule = ReturnType<typeof createCatalogModule>;
