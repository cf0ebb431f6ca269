// The cleanup of files no record refers to (service.ts cleanup, the nightly `files-cleanup`
// schedule) and its dry run (what `motcua files cleanup --dry-run` prints), over the real
// application and database: PGlite, or PostgreSQL with DATABASE_URL
// (the tests of two transactions at once need PostgreSQL: PGlite has one connection).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import type { DB } from '../../db/types.ts';
import type { JobContext } from '../jobs/module.ts';
import { multipartBody } from '../warehouse/testing.ts';
import { createFilesModule, FILES_CLEANUP_CRON, FILES_CLEANUP_SCHEDULE, type FilesModule } from './module.ts';
import { S3FileStore } from './s3-file-store.ts';
import { fileReferences } from './store.ts';
import { startTestS3 } from './s3-testing.ts';
import { pdfSample } from './testing.ts';

let t: TestApp;
let dataDir: string;
let citizen: TestLogin;
let other: TestLogin;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-files-cleanup-'));
  t = await createTestApp({ DATA_DIR: dataDir });
  citizen = await loginAs(t.db, { kind: 'citizen', personalId: '001099000333', acr: 'LoA2' });
  other = await loginAs(t.db, { kind: 'citizen', personalId: '001099000444', acr: 'LoA2' });
}, 60_000);
afterAll(async () => {
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const HOUR = 3_600_000;
/** Moves files back in time, past the grace period (FILE_ORPHAN_HOURS, 24 by default). */
const age = (ids: string[], ms = 48 * HOUR) => t.db.updateTable('file').set({ created_at: new Date(Date.now() - ms) }).where('id', 'in', ids).execute();
/** Every test's content is its own: no blob is shared with another test's files. */
let sample = 5000;
const upload = (login: TestLogin, files: FilesModule = t.app.files) => files.service.upload({ source: pdfSample(++sample), declaredName: 'tep.pdf', uploadedBy: login.accountId });
const exists = async (ids: string[]) => (await t.app.files.findFiles(ids)).map((r) => r.id).sort();

async function uploadDocument(login: TestLogin) {
  const body = await multipartBody({ documentType: 'GCN-DKDN', title: 'Giấy chứng nhận đăng ký', issuer: 'Sở Tài chính', number: '0101234567' }, { bytes: pdfSample(++sample), name: 'giay-chung-nhan.pdf' });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/me/warehouse', headers: { ...login.headers, 'content-type': body.contentType }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; files: Array<{ id: string }> };
}

/** A live document holding `fileId` by its link row only (the file left unattached). */
async function linkToLiveDocument(db: Pick<TestApp['db'], 'insertInto'>, fileId: string): Promise<void> {
  const doc = await db
    .insertInto('warehouse_document')
    .values({ owner_kind: 'citizen', owner_identifier: '001099000333', document_type: 'GCN-DKDN', title: 'Giữ lại', provenance: 'owner_upload' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('warehouse_document_file').values({ document_id: doc.id, file_id: fileId, position: 0 }).execute();
}

describe('files released by a removed warehouse document', () => {
  it('are deleted by the cleanup with their blob (the foreign key refused the whole batch); the document stays in the history', async () => {
    const doc = await uploadDocument(citizen);
    const fileId = doc.files[0]!.id;
    const [file] = await t.app.files.findFiles([fileId]);
    const abandoned = await upload(citizen);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/warehouse/${doc.id}`, headers: citizen.headers });
    expect(removed.statusCode, removed.body).toBe(204);
    await age([fileId, abandoned.id]);

    await expect(t.app.files.deleteOrphans()).resolves.toBeGreaterThanOrEqual(2);
    expect(await exists([fileId, abandoned.id])).toEqual([]);
    expect(await t.app.files.store.has(file!.sha256)).toBe(false);
    expect(await t.app.files.store.has(abandoned.sha256)).toBe(false);
    const kept = await t.db.selectFrom('warehouse_document').select('removed_at').where('id', '=', doc.id).executeTakeFirstOrThrow();
    expect(kept.removed_at).not.toBeNull();
    expect(await t.db.selectFrom('warehouse_document_file').select('file_id').where('document_id', '=', doc.id).execute()).toEqual([]);
  });
});

describe('the cleanup', () => {
  it('deletes an abandoned upload past the grace period with its blob; a fresh one and an attached one stay', async () => {
    const abandoned = await upload(citizen);
    const fresh = await upload(citizen);
    const attached = await upload(citizen);
    await t.db.transaction().execute((trx) => t.app.files.attach(trx, [attached.id], 'dossier:cleanup-keep', { uploadedBy: citizen.accountId }));
    await age([abandoned.id, attached.id]);
    // Just inside the grace period: kept.
    await age([fresh.id], 23 * HOUR);

    const result = await t.app.files.cleanup();
    expect(result).toMatchObject({ blobsNotDeleted: [] });
    expect(result.files).toBeGreaterThanOrEqual(1);
    expect(result.blobs).toBeGreaterThanOrEqual(1);
    expect(result.bytes).toBeGreaterThanOrEqual(abandoned.size_bytes);
    expect(await exists([abandoned.id, fresh.id, attached.id])).toEqual([fresh.id, attached.id].sort());
    expect(await t.app.files.store.has(abandoned.sha256)).toBe(false);
    expect(await t.app.files.store.has(fresh.sha256)).toBe(true);
    expect(await t.app.files.store.has(attached.sha256)).toBe(true);
  });

  it('keeps the blob while another upload of the same content is left', async () => {
    const bytes = pdfSample(++sample);
    const mine = await t.app.files.service.upload({ source: bytes, uploadedBy: citizen.accountId });
    const theirs = await t.app.files.service.upload({ source: bytes, uploadedBy: other.accountId });
    await age([mine.id]);
    await t.app.files.cleanup();
    expect(await exists([mine.id, theirs.id])).toEqual([theirs.id]);
    expect(await t.app.files.store.has(theirs.sha256)).toBe(true);
  });

  it('knows every foreign key to `file`', async () => {
    expect((await fileReferences(t.db)).map((r) => `${r.table}.${r.column}`)).toEqual(
      expect.arrayContaining(['dossier_file.file_id', 'result_document.file_id', 'warehouse_document_file.file_id']),
    );
  });

  it('never deletes a file a record refers to, even unattached, and the rest of the batch still goes', async () => {
    const live = await uploadDocument(citizen);
    const linked = await upload(citizen);
    await linkToLiveDocument(t.db, linked.id);
    // A table of a later migration: found by its foreign key, never named by the files module.
    await sql`create table cleanup_test_reference (file_id uuid not null references file (id))`.execute(t.db);
    try {
      const referenced = await upload(citizen);
      await sql`insert into cleanup_test_reference (file_id) values (${referenced.id})`.execute(t.db);
      const abandoned = await upload(citizen);
      const ids = [live.files[0]!.id, linked.id, referenced.id, abandoned.id];
      await age(ids);

      await expect(t.app.files.cleanup()).resolves.toMatchObject({ blobsNotDeleted: [] });
      expect(await exists(ids)).toEqual([live.files[0]!.id, linked.id, referenced.id].sort());
      expect(await t.app.files.store.has(linked.sha256)).toBe(true);
      expect(await t.app.files.store.has(referenced.sha256)).toBe(true);
      expect(await t.app.files.store.has(abandoned.sha256)).toBe(false);
      const got = await t.app.inject({ url: `/api/v1/me/warehouse/${live.id}/files/${live.files[0]!.id}`, headers: citizen.headers });
      expect(got.statusCode).toBe(200);
    } finally {
      await sql`drop table cleanup_test_reference`.execute(t.db);
    }
  });

  it('deletes the blob from an S3 store after its row', async () => {
    const s3 = await startTestS3();
    try {
      const store = new S3FileStore({
        endpoint: s3.endpoint,
        bucket: s3.bucket,
        region: 'us-east-1',
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
        forcePathStyle: true,
        stagingDir: path.join(dataDir, 's3-staging'),
      });
      const files = createFilesModule({ config: t.config, db: t.db, units: t.app.units, store });
      const abandoned = await upload(citizen, files);
      const kept = await upload(citizen, files);
      expect(await store.has(abandoned.sha256)).toBe(true);
      await age([abandoned.id]);
      await files.cleanup();
      expect(await exists([abandoned.id, kept.id])).toEqual([kept.id]);
      expect(await store.has(abandoned.sha256)).toBe(false);
      expect(await store.has(kept.sha256)).toBe(true);
    } finally {
      await s3.close();
    }
  });
});

describe('a dry run', () => {
  it('counts the files, blobs and bytes the cleanup then deletes, and deletes nothing', async () => {
    const abandoned = await upload(citizen);
    const linked = await upload(citizen);
    await linkToLiveDocument(t.db, linked.id);
    const kept = await upload(citizen);
    t.app.files.keepWhile(async (ids) => new Set(ids.filter((id) => id === kept.id)));
    // Two abandoned uploads of one content: two rows, one blob.
    const same = pdfSample(++sample);
    const twice = [await t.app.files.service.upload({ source: same, uploadedBy: citizen.accountId }), await t.app.files.service.upload({ source: same, uploadedBy: other.accountId })];
    // An abandoned upload whose content another, recent upload still holds: the row goes, not the blob.
    const shared = pdfSample(++sample);
    const oldCopy = await t.app.files.service.upload({ source: shared, uploadedBy: citizen.accountId });
    const freshCopy = await t.app.files.service.upload({ source: shared, uploadedBy: other.accountId });
    const mine = [abandoned, linked, kept, ...twice, oldCopy];
    // Older than every other test's files, so the figures are this test's alone.
    await age(mine.map((f) => f.id), 20 * 24 * HOUR);
    const olderThan = new Date(Date.now() - 10 * 24 * HOUR);
    const all = [...mine, freshCopy].map((f) => f.id);

    const dry = await t.app.files.cleanup(olderThan, { dryRun: true, batchSize: 2 });
    expect(dry).toEqual({ files: 4, blobs: 2, bytes: abandoned.size_bytes + twice[0]!.size_bytes, blobsNotDeleted: [] });
    expect(await exists(all)).toEqual([...all].sort());
    for (const f of [...mine, freshCopy]) expect(await t.app.files.store.has(f.sha256)).toBe(true);

    // The real run deletes what the dry run counted.
    expect(await t.app.files.cleanup(olderThan, { batchSize: 2 })).toEqual(dry);
    expect(await exists(all)).toEqual([linked.id, kept.id, freshCopy.id].sort());
    expect(await t.app.files.store.has(abandoned.sha256)).toBe(false);
    expect(await t.app.files.store.has(twice[0]!.sha256)).toBe(false);
    expect(await t.app.files.store.has(freshCopy.sha256)).toBe(true);
    // Nothing is left to count.
    expect(await t.app.files.cleanup(olderThan, { dryRun: true })).toEqual({ files: 0, blobs: 0, bytes: 0, blobsNotDeleted: [] });
  });
});

describe('the schedule', () => {
  it(`registers ${FILES_CLEANUP_SCHEDULE} nightly; its handler runs the cleanup and logs how many were deleted`, async () => {
    const schedule = vi.fn();
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const files = createFilesModule({ config: t.config, db: t.db, units: t.app.units, store: t.app.files.store, jobs: { schedule }, log });
    await files.register((await import('fastify')).default());
    // Once, although register() could also take the app's jobs.
    expect(schedule).toHaveBeenCalledTimes(1);
    expect(schedule).toHaveBeenCalledWith('files-cleanup', FILES_CLEANUP_CRON, expect.any(Function));
    expect(FILES_CLEANUP_CRON).toBe('30 2 * * *');

    const abandoned = await upload(citizen);
    await age([abandoned.id]);
    const task = schedule.mock.calls[0]![2] as (ctx: JobContext & { tick: Date }) => Promise<void>;
    await task({ jobId: 1, attempt: 1, db: t.db, tick: new Date() });
    expect(await exists([abandoned.id])).toEqual([]);
    expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ schedule: 'files-cleanup', files: expect.any(Number), blobs: expect.any(Number), bytes: expect.any(Number) }), expect.any(String));
    expect(log.info.mock.calls[0]![0].files).toBeGreaterThanOrEqual(1);
  });

  it('is registered with the application’s jobs module', async () => {
    const abandoned = await upload(citizen);
    await age([abandoned.id]);
    const tick = new Date('2026-01-02T19:30:00.000Z');
    await t.app.jobs.enqueue(t.db, { topic: `schedule.${FILES_CLEANUP_SCHEDULE}`, key: `${FILES_CLEANUP_SCHEDULE}:${tick.toISOString()}`, payload: { tick: tick.toISOString() } });
    expect(await t.app.jobs.runDue()).toBeGreaterThanOrEqual(1);
    expect(await exists([abandoned.id])).toEqual([]);
    expect(await t.app.files.store.has(abandoned.sha256)).toBe(false);
    const job = await t.db.selectFrom('job').select(['done_at', 'last_error']).where('topic', '=', `schedule.${FILES_CLEANUP_SCHEDULE}`).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ done_at: expect.any(Date), last_error: null });
  });
});

// Two transactions at once: PostgreSQL only (PGlite serves one connection, a second would wait).
describe.runIf(process.env.DATABASE_URL)('the cleanup beside a transaction still open', () => {
  /** Runs `work` in a transaction held open until the returned release() is called. */
  async function holdOpen(work: (trx: Transaction<DB>) => Promise<void>) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let ready!: () => void;
    const started = new Promise<void>((resolve) => (ready = resolve));
    const done = t.db.transaction().execute(async (trx) => {
      await work(trx);
      ready();
      await released;
    });
    await Promise.race([started, done]);
    return { release, done };
  }

  it('leaves an orphan being attached, and its blob', async () => {
    const file = await upload(citizen);
    await age([file.id]);
    const held = await holdOpen(async (trx) => {
      await t.app.files.attach(trx, [file.id], 'dossier:cleanup-race', { uploadedBy: citizen.accountId });
    });
    try {
      await t.app.files.cleanup();
    } finally {
      held.release();
      await held.done;
    }
    const [row] = await t.app.files.findFiles([file.id]);
    expect(row?.attached_to).toBe('dossier:cleanup-race');
    expect(await t.app.files.store.has(file.sha256)).toBe(true);
  });

  it('leaves an orphan a record is taking a reference to, without failing on the foreign key', async () => {
    const file = await upload(citizen);
    const abandoned = await upload(citizen);
    await age([file.id, abandoned.id]);
    const held = await holdOpen((trx) => linkToLiveDocument(trx, file.id));
    try {
      await expect(t.app.files.cleanup()).resolves.toMatchObject({ blobsNotDeleted: [] });
    } finally {
      held.release();
      await held.done;
    }
    expect(await exists([file.id, abandoned.id])).toEqual([file.id]);
    expect(await t.app.files.store.has(file.sha256)).toBe(true);
  });
});
