// Assembles the dossiers module. So far it issues dossier codes (the unit's daily sequence); intake
// and workflow will add their use cases and routes here.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { Module, ModuleDeps } from '../module.ts';
import { issueDossierCode, type DossierCodeSettings } from './issue-dossier-code.ts';

export interface DossiersModule extends Module {
  settings: DossierCodeSettings;
  /** The next dossier code of a unit; call inside the intake transaction. */
  issueDossierCode(trx: Kysely<DB> | Transaction<DB>, unitCode: string, receivedAt: Date): Promise<string>;
}

export function createDossiersModule(deps: ModuleDeps): DossiersModule {
  const settings: DossierCodeSettings = { format: deps.config.DOSSIER_CODE_FORMAT, systemCode: deps.config.DOSSIER_CODE_SYSTEM_CODE };
  return {
    settings,
    issueDossierCode: (trx, unitCode, receivedAt) => issueDossierCode(trx, settings, unitCode, receivedAt),
    register() {
      // No routes yet.
    },
  };
}
