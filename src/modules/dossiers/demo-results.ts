// Signed results of the demo dossiers: after the demo dossiers are generated on the embedded
// default's first start, each finished (status 9) or returned (10) one whose procedure produces a
// document and whose issue_result granted it gets the signed result issue_result would have made:
// rendered from the template of its pinned version, signed, numbered, recorded beside its
// issue_result action (its payload names the code and the file, as a live issue does) and told to
// the listeners after commit (the applicant's warehouse). Only dossiers without a result file are
// touched. The demo logs were written in bulk a moment earlier and nobody has acted on them since:
// the issue_result payload is completed and the chain re-hashed from there, so `dossiers verify`
// still passes.
import type { Kysely } from 'kysely';
import type { Principal } from '../../core/access/index.ts';
import { GENESIS_HASH, entryHash } from '../../core/dossiers/index.ts';
import type { DB } from '../../db/types.ts';
import type { CatalogModule } from '../catalog/module.ts';
import { needsResultDocument, type ResultIssuer } from './result-issuer.ts';
import { addDossierFiles, findDossier, listActions } from './store.ts';

export interface DemoResultDeps {
  db: Kysely<DB>;
  issuer: ResultIssuer;
  catalog: Pick<CatalogModule, 'pinnedVersion'>;
  /** The officer who signs for the unit (a demo leader account); undefined: the dossier is skipped. */
  signerFor: (unitId: string) => Promise<{ accountId: string; fullName: string } | undefined>;
}

/** Issues the missing signed results of finished and returned dossiers; returns how many were issued. */
export async function issueDemoResults(deps: DemoResultDeps, options: { limit?: number } = {}): Promise<number> {
  const { db } = deps;
  const candidates = await db
    .selectFrom('dossier as d')
    .select(['d.id'])
    .where('d.status', 'in', [9, 10])
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('dossier_file as f').select('f.file_id').whereRef('f.dossier_id', '=', 'd.id').where('f.role', '=', 'result'))))
    .orderBy('d.created_at')
    .limit(options.limit ?? 10_000)
    .execute();
  let issued = 0;
  for (const { id } of candidates) {
    const dossier = await findDossier(db, id);
    if (!dossier) continue;
    const actions = await listActions(db, id);
    const issue = actions.find((a) => a.type === 'issue_result');
    const payload = (issue?.payload ?? {}) as Record<string, unknown>;
    if (!issue || payload.resultCode || payload.outcome !== 'granted') continue;
    const pinned = await deps.catalog.pinnedVersion(dossier.version_id);
    if (!pinned || !needsResultDocument(pinned.version.content, 'granted')) continue;
    const issuingUnit = pinned.version.content.implementingUnits.find((u) => u.role === 'decides')?.unitId ?? dossier.handling_unit_id;
    const signer = await deps.signerFor(issuingUnit);
    if (!signer) continue;
    const principal = { kind: 'officer', accountId: signer.accountId, fullName: signer.fullName, username: '', roles: [], method: 'demo' } as unknown as Principal & { accountId: string };
    const prepared = await deps.issuer.prepare({
      principal,
      dossier,
      versionNumber: pinned.version.number,
      content: pinned.version.content,
      outcome: 'granted',
      summary: typeof payload.summary === 'string' ? payload.summary : undefined,
      documentDate: new Date(issue.at),
    });
    await db.transaction().execute(async (trx) => {
      const current = await findDossier(trx, id, true);
      // Someone acted on the dossier meanwhile: leave it (the signed file stays an orphan the files module deletes).
      if (!current || current.version !== dossier.version) return;
      let previous = GENESIS_HASH;
      for (const a of actions) {
        const body = a.seq === issue.seq ? { ...payload, resultCode: prepared.resultCode, resultFileId: prepared.fileId } : (a.payload as Record<string, unknown>);
        const at = new Date(a.at);
        const hash = a.seq < issue.seq ? a.hash : entryHash(previous, { dossierId: id, seq: a.seq, type: a.type, at: at.toISOString(), actorId: a.actor_id, payload: body });
        if (a.seq >= issue.seq) {
          await trx.updateTable('dossier_action').set({ payload: JSON.stringify(body), prev_hash: previous, hash }).where('dossier_id', '=', id).where('seq', '=', a.seq).execute();
        }
        previous = hash;
      }
      await trx.updateTable('dossier').set({ last_hash: previous }).where('id', '=', id).execute();
      await addDossierFiles(trx, [{ dossier_id: id, file_id: prepared.fileId, component_code: 'result', role: 'result', added_seq: issue.seq }]);
      await prepared.record(trx, issue.seq, new Date(issue.at));
      issued++;
    });
  }
  return issued;
}
