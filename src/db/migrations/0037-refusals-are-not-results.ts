import { sql, type Kysely } from 'kysely';

// A refusal (issue_result with outcome "refused") is not a result of the procedure: the
// digitization figures count only granted results among "results of procedures that produce a
// document". Dossiers refused before this change had their refusal recorded as a result; clear it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update dossier_digitization d
       set result_issued_at = null, result_electronic = false
     where d.result_issued_at is not null
       and not exists (select 1 from dossier_action a where a.dossier_id = d.dossier_id and a.type = 'issue_result' and a.payload->>'outcome' = 'granted')`.execute(db);
}

export async function down(): Promise<void> {
  // The refusals' dates are not kept elsewhere; nothing to restore.
}
