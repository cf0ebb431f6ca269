// Issues a dossier code (mã số hồ sơ) at receipt: the unit's daily sequence from the database,
// formatted by the rule the configuration selects (Circular 01/2018/TT-VPCP Art. 19, or the
// centralized format of Circular 03/2025/TT-VPCP Art. 13(3) added by Circular 04/2025/TT-VPCP).
import type { Kysely, Transaction } from 'kysely';
import { toLocalDate } from '../../core/calendar/index.ts';
import { formatDossierCode, type DossierCodeFormat } from '../../core/identifiers/index.ts';
import type { DB } from '../../db/types.ts';
import { nextDailySequence } from './store.ts';

export interface DossierCodeSettings {
  format: DossierCodeFormat;
  /** AA of the 2025 format. */
  systemCode: string;
}

/** Call inside the intake transaction, so that the number is only used if the intake commits. */
export async function issueDossierCode(
  db: Kysely<DB> | Transaction<DB>,
  settings: DossierCodeSettings,
  unitCode: string,
  receivedAt: Date,
): Promise<string> {
  const sequence = await nextDailySequence(db, unitCode, toLocalDate(receivedAt));
  return formatDossierCode({
    format: settings.format,
    systemCode: settings.systemCode,
    unitCode,
    receivedAt,
    sequence,
  });
}
