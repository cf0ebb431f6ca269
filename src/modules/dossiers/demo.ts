// Demo dossiers for the embedded default's first start: about 200 dossiers over the seeded
// procedures, in every status 1–10, received over the past weeks, most on time and some late,
// with e-form data valid for each procedure. Their logs are built with the reducer at past
// instants (synthetic.ts), so each projection is its replay. Does nothing once any dossier exists.
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { WorkingCalendar } from '../../core/calendar/index.ts';
import type { DB } from '../../db/types.ts';
import type { CatalogModule } from '../catalog/module.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import { generateDossiers } from './generate.ts';
import { countAllDossiers } from './sync-store.ts';
import type { SyntheticOfficers } from './synthetic.ts';

export interface DemoDossierDeps {
  db: Kysely<DB>;
  config: Pick<Config, 'DOSSIER_CODE_FORMAT' | 'DOSSIER_CODE_SYSTEM_CODE' | 'DOSSIER_PAYMENT_PAUSES_CLOCK' | 'DOSSIER_APOLOGY_MARGIN_DAYS'>;
  catalog: Pick<CatalogModule, 'service' | 'publishedVersion'>;
  units: Pick<UnitDirectory, 'find'>;
  calendar: () => Promise<WorkingCalendar>;
  /** The officers the logs name (demo accounts), else labels without accounts. */
  officers?: SyntheticOfficers;
}

/** Seeds demo dossiers into an empty dossier table; returns how many were created. */
export async function seedDemoDossiers(deps: DemoDossierDeps, options: { count?: number; now?: Date; seed?: number } = {}): Promise<number> {
  if ((await countAllDossiers(deps.db)) > 0) return 0;
  return generateDossiers(
    {
      db: deps.db,
      catalog: deps.catalog,
      units: deps.units,
      calendar: await deps.calendar(),
      rules: { paymentPausesClock: deps.config.DOSSIER_PAYMENT_PAUSES_CLOCK, apologyMarginWorkingDays: deps.config.DOSSIER_APOLOGY_MARGIN_DAYS },
      codes: { format: deps.config.DOSSIER_CODE_FORMAT, systemCode: deps.config.DOSSIER_CODE_SYSTEM_CODE },
      ...(deps.officers ? { officers: deps.officers } : {}),
    },
    { count: options.count ?? 200, seed: options.seed ?? 20260101, spanDays: 42, everyStatus: true, formData: true, batchSize: 500, ...(options.now ? { now: options.now } : {}) },
  );
}
