// The uploads a submission draft lists outlive the files cleanup (drafts.ts filesInDrafts, the
// keeper the dossiers module registers with files keepWhile) until the draft is discarded or
// submitted; over the real application and database (PGlite, or PostgreSQL with DATABASE_URL).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { pdfSample } from '../files/testing.ts';
import { filesInDrafts } from './drafts.ts';
import { createDossierTestApp, SAMPLE_FORM_DATA, TEST_CITIZEN_ID, TEST_PROCEDURE_CODE, type DossierTestApp } from './testing.ts';

let t: DossierTestApp;
let citizen: TestLogin;
let otherCitizen: TestLogin;

beforeAll(async () => {
  t = await createDossierTestApp();
  citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
  otherCitizen = await loginAs(t.db, { kind: 'citizen', personalId: '001099054322', acr: 'LoA2' });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const draftUrl = `/api/v1/me/drafts/${TEST_PROCEDURE_CODE}`;
/** Every upload's content is its own: no blob is shared between the files of a test. */
let sample = 7000;

async function upload(login: TestLogin): Promise<{ id: string; sha256: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(pdfSample(++sample))], { type: 'application/pdf' }), 'Tờ khai đăng ký.pdf');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { ...login.headers, 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const listed = (id: string) => ({ id, name: 'Tờ khai đăng ký.pdf', size: 1234, format: 'pdf', mediaType: 'application/pdf', sha256: 'ab'.repeat(32), scanStatus: 'not_scanned' });

async function saveDraft(login: TestLogin, components: Record<string, string[]>, idempotencyKey: string) {
  const res = await t.app.inject({
    method: 'PUT',
    url: draftUrl,
    headers: login.headers,
    payload: { versionNumber: 1, step: 1, data: SAMPLE_FORM_DATA, components: Object.fromEntries(Object.entries(components).map(([code, ids]) => [code, ids.map(listed)])), idempotencyKey },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** Moves files back in time, past the grace period (FILE_ORPHAN_HOURS, 24 by default). */
const age = (ids: string[], hours = 48) =>
  sql`update file set created_at = now() - make_interval(hours => ${hours}) where id in (${sql.join(ids)})`.execute(t.db);
const exists = async (ids: string[]) => (await t.app.files.findFiles(ids)).map((r) => r.id).sort();

describe('the uploads of a draft', () => {
  it('outlive the cleanup while the draft lists them, so the draft is submitted a day later', async () => {
    const kept = await upload(citizen);
    const abandoned = await upload(citizen);
    await saveDraft(citizen, { TP01: [kept.id] }, 'nop-draft-cleanup-0001');
    await age([kept.id, abandoned.id]);

    await expect(t.app.files.cleanup()).resolves.toMatchObject({ blobsNotDeleted: [] });
    expect(await exists([kept.id, abandoned.id])).toEqual([kept.id]);
    expect(await t.app.files.store.has(kept.sha256)).toBe(true);
    expect(await t.app.files.store.has(abandoned.sha256)).toBe(false);

    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { ...citizen.headers, 'idempotency-key': 'nop-draft-cleanup-0001' },
      payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [kept.id] }] },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json().components[0].files[0].id).toBe(kept.id);
    expect((await t.app.inject({ url: draftUrl, headers: citizen.headers })).statusCode).toBe(404);
  });

  it('are deleted by the next cleanup once the draft is discarded', async () => {
    const file = await upload(citizen);
    await saveDraft(citizen, { TP01: [file.id] }, 'nop-draft-cleanup-0002');
    await age([file.id]);
    await t.app.files.cleanup();
    expect(await exists([file.id])).toEqual([file.id]);

    expect((await t.app.inject({ method: 'DELETE', url: draftUrl, headers: citizen.headers })).statusCode).toBe(204);
    await expect(t.app.files.cleanup()).resolves.toMatchObject({ blobsNotDeleted: [] });
    expect(await exists([file.id])).toEqual([]);
    expect(await t.app.files.store.has(file.sha256)).toBe(false);
  });

  it('do not stop the run: batches the drafts keep entirely are passed over, and later orphans still go', async () => {
    const listedFiles = [await upload(otherCitizen), await upload(otherCitizen), await upload(otherCitizen), await upload(otherCitizen), await upload(otherCitizen)];
    const orphans = [await upload(otherCitizen), await upload(otherCitizen)];
    await saveDraft(otherCitizen, { TP01: listedFiles.slice(0, 3).map((f) => f.id), TP02: listedFiles.slice(3).map((f) => f.id) }, 'nop-draft-cleanup-0003');
    // The listed files first in the walk, all uploaded at the same microsecond (ties go by id);
    // with batches of two, the first two batches are kept entirely.
    await age(listedFiles.map((f) => f.id), 72);
    await age(orphans.map((f) => f.id), 48);

    const result = await t.app.files.cleanup(undefined, { batchSize: 2 });
    expect(result.files).toBeGreaterThanOrEqual(2);
    const all = [...listedFiles, ...orphans].map((f) => f.id);
    expect(await exists(all)).toEqual(listedFiles.map((f) => f.id).sort());
    for (const f of orphans) expect(await t.app.files.store.has(f.sha256)).toBe(false);
    for (const f of listedFiles) expect(await t.app.files.store.has(f.sha256)).toBe(true);
    await t.app.inject({ method: 'DELETE', url: draftUrl, headers: otherCitizen.headers });
  });
});

describe('filesInDrafts', () => {
  it('answers which of the ids some draft lists, whatever the case of the id', async () => {
    const a = await upload(otherCitizen);
    const b = await upload(otherCitizen);
    await saveDraft(otherCitizen, { TP01: [a.id.toUpperCase()] }, 'nop-draft-cleanup-0004');
    expect([...(await filesInDrafts(t.db, [a.id, b.id, '00000000-0000-4000-8000-00000000000f']))]).toEqual([a.id]);
    expect((await filesInDrafts(t.db, [])).size).toBe(0);
    await t.app.inject({ method: 'DELETE', url: draftUrl, headers: otherCitizen.headers });
  });
});
