// `motcua files cleanup [--dry-run]`: the nightly files-cleanup by hand, over the command's own
// database and data folder. Past the grace period, an abandoned upload is counted by the dry run
// (which deletes nothing) and deleted by the real run with its blob; a file a record refers to (a
// warehouse document's link row) and one a submission draft lists (the keeper the dossiers module
// registers) are neither counted nor deleted. A cleanup that fails prints why and exits 1.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CITIZEN_ID } from '../src/modules/catalog/testing.ts';
import { publishProcedure, SAMPLE_FORM_DATA, TEST_PROCEDURE_CODE, workflowContent, type DossierTestApp } from '../src/modules/dossiers/testing.ts';
import { pdfSample } from '../src/modules/files/testing.ts';
import { seedUnits } from '../src/modules/identity/module.ts';
import { loginAs } from './support/auth.ts';
import { openHarnessApp } from './support/cli-app.ts';
import { cliHarness, cliTimeout } from './support/cli.ts';

const harness = cliHarness({ name: 'files' });
beforeAll(harness.setup);
afterAll(harness.teardown);

const openApp = () => openHarnessApp(harness);

async function withApp<T>(fn: (t: DossierTestApp) => Promise<T>): Promise<T> {
  const t = await openApp();
  try {
    return await fn(t);
  } finally {
    await t.close();
  }
}

/** Past the grace period (FILE_ORPHAN_HOURS, 24 by default). */
const age = (t: DossierTestApp, ids: string[]) => sql`update file set created_at = now() - interval '48 hours' where id in (${sql.join(ids)})`.execute(t.db);
const existing = async (t: DossierTestApp, ids: string[]) => (await t.app.files.findFiles(ids)).map((r) => r.id).sort();
let sample = 9000;

describe('motcua files cleanup', () => {
  it('counts the orphan with --dry-run and deletes nothing; deletes it without, and keeps what records hold', async () => {
    const files = await withApp(async (t) => {
      await seedUnits(t.db);
      t.app.units.invalidate();
      await publishProcedure(t, TEST_PROCEDURE_CODE, workflowContent());
      const citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
      const upload = () => t.app.files.service.upload({ source: pdfSample(++sample), declaredName: 'tep.pdf', uploadedBy: citizen.accountId });
      const orphan = await upload();
      // Referenced: an unattached file a warehouse document still links by its foreign key.
      const referenced = await upload();
      const doc = await t.db
        .insertInto('warehouse_document')
        .values({ owner_kind: 'citizen', owner_identifier: TEST_CITIZEN_ID, document_type: 'GCN-DKDN', title: 'Giấy chứng nhận', provenance: 'owner_upload' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.db.insertInto('warehouse_document_file').values({ document_id: doc.id, file_id: referenced.id, position: 0 }).execute();
      // Listed by a submission draft (no foreign key: the dossiers module's keeper holds it).
      const drafted = await upload();
      const listed = { id: drafted.id, name: 'tep.pdf', size: drafted.size_bytes, format: 'pdf', mediaType: 'application/pdf', sha256: drafted.sha256, scanStatus: 'not_scanned' };
      const draft = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/me/drafts/${TEST_PROCEDURE_CODE}`,
        headers: citizen.headers,
        payload: { versionNumber: 1, step: 1, data: SAMPLE_FORM_DATA, components: { TP01: [listed] }, idempotencyKey: 'cli-cleanup-draft-0001' },
      });
      expect(draft.statusCode, draft.body).toBe(200);
      await age(t, [orphan.id, referenced.id, drafted.id]);
      return { orphan, referenced, drafted };
    });
    const ids = [files.orphan.id, files.referenced.id, files.drafted.id];

    const dry = await harness.cli('files', 'cleanup', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ dryRun: true, graceHours: 24, olderThan: expect.any(String), files: 1, blobs: 1, bytes: files.orphan.size_bytes, blobsNotDeleted: [] });
    await withApp(async (t) => {
      expect(await existing(t, ids)).toEqual([...ids].sort());
      expect(await t.app.files.store.has(files.orphan.sha256)).toBe(true);
    });

    const run = await harness.cli('files', 'cleanup');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ dryRun: false, graceHours: 24, olderThan: expect.any(String), files: 1, blobs: 1, bytes: files.orphan.size_bytes, blobsNotDeleted: [] });
    await withApp(async (t) => {
      expect(await existing(t, ids)).toEqual([files.referenced.id, files.drafted.id].sort());
      expect(await t.app.files.store.has(files.orphan.sha256)).toBe(false);
      expect(await t.app.files.store.has(files.referenced.sha256)).toBe(true);
      expect(await t.app.files.store.has(files.drafted.sha256)).toBe(true);
    });
  }, 60_000 + cliTimeout(2));

  it('says why a cleanup failed and exits 1, printing no summary', async () => {
    const orphan = await withApp(async (t) => {
      const citizen = await loginAs(t.db, { kind: 'citizen', personalId: '001099000555', acr: 'LoA2' });
      const file = await t.app.files.service.upload({ source: pdfSample(++sample), declaredName: 'tep.pdf', uploadedBy: citizen.accountId });
      await age(t, [file.id]);
      // The database refuses to delete a file row.
      await sql`create function refuse_file_delete() returns trigger language plpgsql as $$ begin raise exception 'file rows are locked for the test'; end $$`.execute(t.db);
      await sql`create trigger refuse_file_delete before delete on file for each row execute function refuse_file_delete()`.execute(t.db);
      return file;
    });
    try {
      const failed = await harness.cli('files', 'cleanup');
      expect(failed.code).toBe(1);
      expect(failed.stdout).toBe('');
      expect(failed.stderr).toContain('motcua files cleanup: failed: file rows are locked for the test');
    } finally {
      await withApp(async (t) => {
        await sql`drop trigger refuse_file_delete on file`.execute(t.db);
        await sql`drop function refuse_file_delete()`.execute(t.db);
        expect(await existing(t, [orphan.id])).toEqual([orphan.id]);
      });
    }
  }, 60_000 + cliTimeout(1));
});
