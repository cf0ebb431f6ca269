// The submission wizard's drafts, kept on the server: one per applicant account and procedure, so
// that an applicant who starts on a phone finishes on a computer. A draft holds what the wizard
// holds (the version it was started on, the step, the form data, the files uploaded per component
// and the submission's Idempotency-Key); the submission itself validates everything again, so a
// draft is never trusted. Submitting the dossier deletes the draft in the intake's transaction.
// The uploads a draft lists (by id, in its JSON: no foreign key) stay while the draft does: the
// module registers draftFileKeeper with the files module's cleanup (module.ts).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Principal } from '../../core/access/index.ts';
import { formatLocalIso } from '../../core/calendar/index.ts';
import type { DB } from '../../db/types.ts';
import { forbiddenFor, unauthenticated } from '../../http/access.ts';
import { ProblemError } from '../../http/problem.ts';
import type { CatalogModule } from '../catalog/module.ts';
import type { Draft, DraftInput } from './schema.ts';

/** The largest draft kept (its form data and files as JSON); an e-form's data is far smaller. */
export const MAX_DRAFT_BYTES = 256 * 1024;
const notFound = () => new ProblemError('not_found', { detail: { vi: 'Không có bản nháp hồ sơ cho thủ tục này.', en: 'No draft for this procedure.' } });

function applicantOf(p: Principal | undefined): string {
  if (!p) throw unauthenticated();
  if (p.kind !== 'citizen' && p.kind !== 'organization') throw forbiddenFor('dossier.submit');
  return p.accountId;
}

/** Deletes the applicant's draft of a procedure; the intake calls it in its transaction. */
export async function deleteDraftOf(trx: Kysely<DB> | Transaction<DB>, accountId: string, procedureCode: string): Promise<void> {
  await trx.deleteFrom('dossier_draft').where('account_id', '=', accountId).where('procedure_code', '=', procedureCode).execute();
}

/**
 * Which of these file ids some draft lists in its components (component code → uploaded files,
 * each with its `id`): the files module's cleanup keeps them (files keepWhile). One query over
 * every draft (drafts are few, one per applicant and procedure); lax jsonpath, so a draft of
 * another shape is passed over rather than failing the cleanup.
 *
 * A window remains: a draft saved after this answer and before the cleanup's delete, that lists
 * for the first time a file of this batch, loses it. Such a file was uploaded more than
 * FILE_ORPHAN_HOURS ago and no draft listed it until then, so a cleanup run a moment earlier would
 * have deleted it all the same; the submission then refuses that file (422) and the applicant
 * uploads it again. Closing it would take a lock shared by every draft save and the cleanup.
 */
export async function filesInDrafts(db: Kysely<DB>, ids: readonly string[]): Promise<ReadonlySet<string>> {
  if (ids.length === 0) return new Set();
  const wanted = new Map(ids.map((id) => [id.toLowerCase(), id]));
  const { rows } = await sql<{ id: string }>`
    select distinct lower(ref.id #>> '{}') as id
    from dossier_draft d
    cross join lateral jsonb_path_query(d.components, 'lax $.*[*].id') as ref(id)
    where jsonb_typeof(ref.id) = 'string' and lower(ref.id #>> '{}') in (${sql.join([...wanted.keys()])})`.execute(db);
  return new Set(rows.map((r) => wanted.get(r.id)!));
}

/** The keeper the dossiers module registers with the files module (files keepWhile). */
export const draftFileKeeper = (db: Kysely<DB>) => (ids: readonly string[]) => filesInDrafts(db, ids);

export function createDraftService(deps: { db: Kysely<DB>; catalog: Pick<CatalogModule, 'publishedVersion' | 'pinnedVersion'>; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const iso = (d: Date) => formatLocalIso(new Date(d));

  async function nameOf(versionId: string): Promise<{ name: string; number: number }> {
    const found = await deps.catalog.pinnedVersion(versionId);
    return { name: found?.version.content.name ?? '', number: found?.version.number ?? 0 };
  }

  return {
    async list(p: Principal | undefined) {
      const accountId = applicantOf(p);
      const rows = await db.selectFrom('dossier_draft').selectAll().where('account_id', '=', accountId).orderBy('updated_at', 'desc').limit(100).execute();
      const items = [];
      for (const r of rows) {
        const v = await nameOf(r.version_id);
        items.push({ procedureCode: r.procedure_code, procedureName: v.name, versionNumber: v.number, step: r.step, updatedAt: iso(r.updated_at) });
      }
      return { items };
    },

    async get(p: Principal | undefined, code: string): Promise<Draft> {
      const accountId = applicantOf(p);
      const r = await db.selectFrom('dossier_draft').selectAll().where('account_id', '=', accountId).where('procedure_code', '=', code).executeTakeFirst();
      if (!r) throw notFound();
      const v = await nameOf(r.version_id);
      return {
        procedureCode: r.procedure_code,
        procedureName: v.name,
        versionNumber: v.number,
        step: r.step,
        data: r.form_data as Record<string, unknown>,
        components: r.components as Draft['components'],
        idempotencyKey: r.idempotency_key ?? '',
        updatedAt: iso(r.updated_at),
      };
    },

    /** Keeps the draft of a procedure, on the version published now (a draft of an older one is refused: start again). */
    async save(p: Principal | undefined, code: string, input: DraftInput): Promise<{ updatedAt: string }> {
      const accountId = applicantOf(p);
      const size = Buffer.byteLength(JSON.stringify({ data: input.data, components: input.components }));
      if (size > MAX_DRAFT_BYTES) {
        throw new ProblemError('payload_too_large', {
          detail: { vi: `Bản nháp quá lớn (${size} byte; tối đa ${MAX_DRAFT_BYTES}).`, en: `The draft is too large (${size} bytes; at most ${MAX_DRAFT_BYTES}).` },
        });
      }
      const { procedure, version } = await deps.catalog.publishedVersion(code);
      if (version.number !== input.versionNumber) {
        throw new ProblemError('conflict', {
          detail: {
            vi: `Thủ tục đã có phiên bản mới (${version.number}); bản nháp theo phiên bản ${input.versionNumber} không được lưu.`,
            en: `The procedure has a new version (${version.number}); a draft of version ${input.versionNumber} is not kept.`,
          },
          extensions: { currentVersion: version.number },
        });
      }
      const at = now();
      const values = {
        account_id: accountId,
        procedure_code: procedure.code,
        version_id: version.id,
        form_data: JSON.stringify(input.data),
        components: JSON.stringify(input.components),
        step: input.step,
        idempotency_key: input.idempotencyKey,
        updated_at: at,
      };
      await db
        .insertInto('dossier_draft')
        .values(values)
        .onConflict((oc) => oc.columns(['account_id', 'procedure_code']).doUpdateSet({ version_id: version.id, form_data: values.form_data, components: values.components, step: values.step, idempotency_key: values.idempotency_key, updated_at: at }))
        .execute();
      return { updatedAt: iso(at) };
    },

    async remove(p: Principal | undefined, code: string): Promise<void> {
      const accountId = applicantOf(p);
      await deleteDraftOf(db, accountId, code);
    },
  };
}

export type DraftService = ReturnType<typeof createDraftService>;
