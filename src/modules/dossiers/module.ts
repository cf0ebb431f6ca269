// Assembles the dossiers module: the dossier codes (the unit's daily sequence), intake, the actions
// over the chained log, the reads and the public lookup, from the catalog (pinned versions and
// e-form validation), the calendar and the files module.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { CalendarModule } from '../calendar/module.ts';
import type { CatalogModule } from '../catalog/module.ts';
import type { FilesModule } from '../files/module.ts';
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import { issueDossierCode, type DossierCodeSettings } from './issue-dossier-code.ts';
import { registerDossierRoutes } from './routes.ts';
import { createDossierService, type DossierService } from './service.ts';

export type { DossierEvent, DossierEventListener, DossierService, VerifyProblem } from './service.ts';
export { STATUS } from '../../core/dossiers/index.ts';

export interface DossiersModule extends Module {
  settings: DossierCodeSettings;
  service: DossierService;
  /** The next dossier code of a unit; call inside the intake transaction. */
  issueDossierCode(trx: Kysely<DB> | Transaction<DB>, unitCode: string, receivedAt: Date): Promise<string>;
}

export interface DossiersModuleDeps extends ModuleDeps {
  calendar: Pick<CalendarModule, 'service'>;
  catalog: Pick<CatalogModule, 'publishedVersion' | 'pinnedVersion' | 'forms'>;
  files: Pick<FilesModule, 'attach' | 'findFiles' | 'sendFile'>;
  now?: () => Date;
}

export function createDossiersModule(deps: DossiersModuleDeps): DossiersModule {
  const { config } = deps;
  const settings: DossierCodeSettings = { format: config.DOSSIER_CODE_FORMAT, systemCode: config.DOSSIER_CODE_SYSTEM_CODE };
  const issue = (trx: Kysely<DB> | Transaction<DB>, unitCode: string, at: Date) => issueDossierCode(trx, settings, unitCode, at);
  const service = createDossierService({
    db: deps.db,
    units: deps.units,
    calendar: () => deps.calendar.service.calendar(),
    catalog: deps.catalog,
    files: deps.files,
    issueCode: issue,
    rules: { paymentPausesClock: config.DOSSIER_PAYMENT_PAUSES_CLOCK, apologyMarginWorkingDays: config.DOSSIER_APOLOGY_MARGIN_DAYS },
    ...(deps.now ? { now: deps.now } : {}),
  });
  return {
    settings,
    service,
    issueDossierCode: issue,
    async register(app) {
      await app.register(
        async (api) => registerDossierRoutes(api, { dossiers: service, files: deps.files, lookupRateLimit: { max: 30, timeWindow: 60_000 } }),
        { prefix: API_PREFIX },
      );
    },
  };
}
