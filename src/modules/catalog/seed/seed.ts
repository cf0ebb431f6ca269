// Loads the seed catalog into an empty catalog: the same import use case as an administrator's
// import (validated, audited, published). Idempotent. Safe when several instances start at once:
// the import is one transaction and procedure codes are unique, so the second instance's import
// fails as a whole and finds the catalog seeded.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { CatalogModule } from '../module.ts';
import { countProcedures } from '../store.ts';
import { systemActorNamed } from '../service.ts';
import { importCatalog } from '../transfer.ts';
import { SEED_PROCEDURES } from './procedures.ts';

/** Seeds an empty catalog; returns how many procedures were created (0 when it was not empty). */
export async function seedCatalog(db: Kysely<DB>, catalog: CatalogModule): Promise<number> {
  if ((await countProcedures(db)) > 0) return 0;
  try {
    const result = await importCatalog(
      catalog.core,
      systemActorNamed('seed:catalog'),
      { format: 'motcua.catalog', formatVersion: 1, procedures: SEED_PROCEDURES },
      { publish: true, dryRun: false },
    );
    return result.results.filter((r) => r.action === 'created').length;
  } catch (error) {
    if ((await countProcedures(db)) > 0) return 0;
    throw error;
  }
}
