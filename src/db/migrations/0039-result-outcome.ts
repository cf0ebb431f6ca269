import { sql, type Kysely } from 'kysely';

// The digitization figures keep the outcome of issue_result (granted or refused) beside its date,
// so whether a refusal counts among "results of procedures that produce a document" is a setting
// (DIGITIZATION_REFUSALS_ARE_RESULTS) read when the figures are counted, not a choice made when
// the row is written. Rows with a date are grants (0037 cleared the refusals); the refusals'
// dates and files come back from the dossier's log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table dossier_digitization add column result_outcome text check (result_outcome in ('granted', 'refused'))`.execute(db);
  await sql`update dossier_digitization set result_outcome = 'granted' where result_issued_at is not null`.execute(db);
  await sql`
    update dossier_digitization d
       set result_outcome = 'refused', result_issued_at = a.at,
           result_electronic = coalesce(jsonb_array_length(case when jsonb_typeof(a.payload->'fileIds') = 'array' then a.payload->'fileIds' end), 0) > 0
      from dossier_action a
     where d.result_issued_at is null and a.dossier_id = d.dossier_id and a.type = 'issue_result' and a.payload->>'outcome' = 'refused'`.execute(db);
}
