// The port through which issue_result gets its signed result document. The dossiers module owns
// it and calls it; the results module implements it. The document is rendered, signed and
// uploaded (an unattached file) before the action's transaction, and `record` writes the
// result's row inside it, beside the action, the attachment and the projection: either all of
// them commit or none does, so no signed-but-not-issued or issued-but-unsigned state is visible.
// An unattached upload left by a refused action is an orphan the files module deletes.
import type { Transaction } from 'kysely';
import type { Principal } from '../../core/access/index.ts';
import type { ProcedureContent } from '../../core/catalog/types.ts';
import type { ResultOutcome } from '../../core/dossiers/index.ts';
import type { DB } from '../../db/types.ts';
import type { DossierRow } from './store.ts';

export interface ResultIssueRequest {
  principal: Principal & { accountId: string };
  dossier: DossierRow;
  /** The number of the procedure version the dossier is pinned to (its result template may be that version's). */
  versionNumber: number;
  content: ProcedureContent;
  outcome: ResultOutcome;
  summary?: string | undefined;
  /**
   * The day the document bears and its code's year: the moment of signing by default; the demo's
   * results, signed at the first start for issue actions of the past, bear the day of the action.
   */
  documentDate?: Date | undefined;
}

export interface PreparedResult {
  /** MaGiayToKetQua. */
  resultCode: string;
  /** The signed PDF, uploaded by the principal and not attached yet. */
  fileId: string;
  documentName: string;
  /** Inside the action's transaction, after the file is attached: the result's row. */
  record(trx: Transaction<DB>, seq: number, at: Date): Promise<void>;
}

export interface ResultIssuer {
  prepare(request: ResultIssueRequest): Promise<PreparedResult>;
}

/**
 * Whether issuing needs a signed document: the procedure produces one (the catalog's
 * `result.producesDocument`) and the outcome grants it. A refusal after review is a written
 * reply whose reason is in the log; it is not a result document.
 */
export const needsResultDocument = (content: ProcedureContent, outcome: ResultOutcome): boolean => content.result.producesDocument && outcome === 'granted';
