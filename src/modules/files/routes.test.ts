import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { EXE_SAMPLE, JPEG_SAMPLE, PNG_SAMPLE, pdfSample } from './testing.ts';

const MAX_BYTES = 64 * 1024;
const MAX_PER_DOSSIER = 100_000;

let t: TestApp;
let dataDir: string;
let citizen: TestLogin;
let other: TestLogin;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-files-'));
  t = await createTestApp({ DATA_DIR: dataDir, FILE_MAX_BYTES: String(MAX_BYTES), FILE_MAX_PER_DOSSIER_BYTES: String(MAX_PER_DOSSIER) });
  citizen = await loginAs(t.db, { kind: 'citizen', personalId: '001099000111' });
  other = await loginAs(t.db, { kind: 'citizen', personalId: '001099000222' });
});
afterAll(async () => {
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A real multipart/form-data body, as a browser's FormData sends it. */
async function multipart(parts: Array<{ field: string; bytes?: Buffer; name?: string; type?: string; value?: string }>) {
  const form = new FormData();
  for (const part of parts) {
    if (part.bytes) form.append(part.field, new Blob([new Uint8Array(part.bytes)], { type: part.type ?? 'application/octet-stream' }), part.name ?? 'file');
    else form.append(part.field, part.value ?? '');
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

async function upload(login: TestLogin | undefined, bytes: Buffer, name: string, query = '') {
  const body = await multipart([{ field: 'file', bytes, name }]);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/files${query}`,
    headers: { ...(login?.headers ?? {}), 'content-type': body.contentType, 'accept-language': 'en' },
    payload: body.payload,
  });
}

/** Blobs in the store (the temporary directory left out: it must be empty too, checked apart). */
async function storedFiles(): Promise<string[]> {
  const root = path.join(dataDir, 'files');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

const rowCount = async () => Number((await t.db.selectFrom('file').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('POST /api/v1/files and GET /api/v1/files/:id', () => {
  it('stores an upload and serves it to its uploader with download headers', async () => {
    const bytes = pdfSample(100);
    const res = await upload(citizen, bytes, '../../etc/Hợp đồng\u0000 chuyển giao.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ name: 'Hợp đồng chuyển giao.pdf', size: bytes.length, format: 'pdf', mediaType: 'application/pdf' });
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await storedFiles()).toContain(path.join(body.sha256.slice(0, 2), body.sha256.slice(2, 4), body.sha256));

    const download = await t.app.inject({ url: `/api/v1/files/${body.id}`, headers: citizen.headers });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': "attachment; filename=\"Hop dong chuyen giao.pdf\"; filename*=UTF-8''H%E1%BB%A3p%20%C4%91%E1%BB%93ng%20chuy%E1%BB%83n%20giao.pdf",
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
  });

  it('answers 404 to anyone but the uploader, and 401 to the anonymous', async () => {
    const { id } = (await upload(citizen, PNG_SAMPLE, 'anh.png')).json();
    const asOther = await t.app.inject({ url: `/api/v1/files/${id}`, headers: other.headers });
    expect(asOther.statusCode).toBe(404);
    expect(asOther.headers['content-type']).toContain('application/problem+json');
    expect((await t.app.inject({ url: `/api/v1/files/${id}` })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/files/khong-co', headers: citizen.headers })).statusCode).toBe(404);
    expect((await upload(undefined, PNG_SAMPLE, 'anh.png')).statusCode).toBe(401);
  });

  it('refuses a file over FILE_MAX_BYTES with 413 and keeps nothing of it', async () => {
    const before = { rows: await rowCount(), files: await storedFiles() };
    const res = await upload(citizen, pdfSample(MAX_BYTES + 10), 'lon.pdf');
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json()).toMatchObject({ code: 'file_too_large', limitBytes: MAX_BYTES });
    expect(await rowCount()).toBe(before.rows);
    expect(await storedFiles()).toEqual(before.files);
  });

  it('refuses content of another type with 415, naming it, and keeps nothing', async () => {
    const before = { rows: await rowCount(), files: await storedFiles() };
    const res = await upload(citizen, EXE_SAMPLE, 'hop-dong.pdf');
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'file_type_refused', detected: 'exe' });
    expect(res.json().detail).toContain('detected: exe');
    const body = await multipart([{ field: 'file', bytes: EXE_SAMPLE, name: 'a.pdf' }]);
    const vi = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...citizen.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(vi.statusCode).toBe(415);
    expect(vi.json()).toMatchObject({ title: 'Loại tệp không được chấp nhận' });
    expect(vi.json().detail).toContain('loại phát hiện được: exe');
    expect(await rowCount()).toBe(before.rows);
    expect(await storedFiles()).toEqual(before.files);
  });

  it("checks the sniffed format against the component's accepted formats (?accept=)", async () => {
    const refused = await upload(citizen, JPEG_SAMPLE, 'anh.pdf', '?accept=pdf,png');
    expect(refused.statusCode).toBe(415);
    expect(refused.json()).toMatchObject({ code: 'file_type_refused', detected: 'jpg', accepted: ['pdf', 'png'] });
    const accepted = await upload(citizen, JPEG_SAMPLE, 'anh.jpeg', '?accept=PDF,jpg');
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ format: 'jpg', name: 'anh.jpeg' });
    const invalid = await upload(citizen, JPEG_SAMPLE, 'anh.jpg', '?accept=exe');
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors[0].pointer).toBe('/query/accept');
  });

  it('stores the same content once for two uploads (two rows, one blob)', async () => {
    const bytes = pdfSample(333);
    const a = (await upload(citizen, bytes, 'a.pdf')).json();
    const b = (await upload(other, bytes, 'b.pdf')).json();
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
    expect((await storedFiles()).filter((f) => f.endsWith(a.sha256))).toHaveLength(1);
    expect(await t.db.selectFrom('file').select('id').where('sha256', '=', a.sha256).execute()).toHaveLength(2);
  });

  it('refuses a body that is not multipart, or has no "file" field', async () => {
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: citizen.headers, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    const wrongField = await multipart([{ field: 'tep', bytes: PNG_SAMPLE, name: 'a.png' }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...citizen.headers, 'content-type': wrongField.contentType },
      payload: wrongField.payload,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].pointer).toBe('/body/file');
  });

  it('answers 400 to a malformed multipart body (a boundary that never comes), keeping nothing', async () => {
    const before = { rows: await rowCount(), files: await storedFiles() };
    const body = await multipart([{ field: 'file', bytes: pdfSample(5), name: 'a.pdf' }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...citizen.headers, 'content-type': 'multipart/form-data; boundary=----khong-phai-ranh-gioi' },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(await rowCount()).toBe(before.rows);
    expect(await storedFiles()).toEqual(before.files);
  });

  it('documents both routes in the OpenAPI document', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/api/v1/files', '/api/v1/files/{id}']));
  });

  it('leaves JSON routes elsewhere refusing multipart bodies (415)', async () => {
    const body = await multipart([{ field: 'x', value: 'y' }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/procedures/1.009901/versions/1/validate',
      headers: { 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('attaching files (for the owning module)', () => {
  it('sets attached_to; the uploader can no longer fetch the file here', async () => {
    const { id } = (await upload(citizen, pdfSample(10), 'don.pdf')).json();
    const rows = await t.db.transaction().execute((trx) => t.app.files.attach(trx, [id], 'dossier:abc', { uploadedBy: citizen.accountId }));
    expect(rows).toMatchObject([{ id, attached_to: 'dossier:abc' }]);
    expect((await t.app.inject({ url: `/api/v1/files/${id}`, headers: citizen.headers })).statusCode).toBe(404);
    expect(await t.app.files.findFiles([id, 'khong-co'])).toMatchObject([{ id, attached_to: 'dossier:abc' }]);
    // Attaching it again to the same owner is harmless; to another owner, refused.
    await t.db.transaction().execute((trx) => t.app.files.attach(trx, [id], 'dossier:abc', { uploadedBy: citizen.accountId }));
    await expect(
      t.db.transaction().execute((trx) => t.app.files.attach(trx, [id], 'dossier:def', { uploadedBy: citizen.accountId })),
    ).rejects.toMatchObject({ code: 'validation', extensions: { fileIds: [id] } });
  });

  it("refuses someone else's file or an unknown id, changing nothing", async () => {
    const { id } = (await upload(other, pdfSample(11), 'cua-nguoi-khac.pdf')).json();
    const mine = (await upload(citizen, pdfSample(12), 'cua-toi.pdf')).json().id;
    await expect(
      t.db.transaction().execute((trx) => t.app.files.attach(trx, [mine, id, 'khong-co'], 'dossier:x1', { uploadedBy: citizen.accountId })),
    ).rejects.toMatchObject({ code: 'validation', extensions: { fileIds: [id, 'khong-co'] } });
    expect(await t.app.files.findFiles([mine, id])).toEqual(expect.arrayContaining([expect.objectContaining({ attached_to: null })]));
    expect((await t.app.files.findFiles([mine, id])).every((r) => r.attached_to === null)).toBe(true);
  });

  it('keeps the files of one owner within FILE_MAX_PER_DOSSIER_BYTES', async () => {
    const a = (await upload(citizen, pdfSample(60_000), 'a.pdf')).json();
    const b = (await upload(citizen, pdfSample(50_000), 'b.pdf')).json();
    expect(await t.app.files.totalSize([a.id, b.id, a.id])).toBe(a.size + b.size);
    await t.db.transaction().execute((trx) => t.app.files.attach(trx, [a.id], 'dossier:limit', { uploadedBy: citizen.accountId }));
    await expect(
      t.db.transaction().execute((trx) => t.app.files.attach(trx, [b.id], 'dossier:limit', { uploadedBy: citizen.accountId })),
    ).rejects.toMatchObject({ code: 'files_total_too_large' });
    expect((await t.app.files.findFiles([b.id]))[0]!.attached_to).toBeNull();
  });
});

describe('deleteOrphans', () => {
  it('deletes old unattached uploads, and their blob once nothing references it', async () => {
    const lone = (await upload(citizen, pdfSample(777), 'mot-minh.pdf')).json();
    const sharedBytes = pdfSample(778);
    const orphan = (await upload(citizen, sharedBytes, 'bo-quen.pdf')).json();
    const kept = (await upload(other, sharedBytes, 'giu-lai.pdf')).json();
    await t.db.transaction().execute((trx) => t.app.files.attach(trx, [kept.id], 'dossier:keep', { uploadedBy: other.accountId }));
    const recent = (await upload(citizen, pdfSample(779), 'moi.pdf')).json();
    await t.db.updateTable('file').set({ created_at: new Date(Date.now() - 48 * 3_600_000) }).where('id', 'in', [lone.id, orphan.id, kept.id]).execute();

    const deleted = await t.app.files.deleteOrphans();
    expect(deleted).toBeGreaterThanOrEqual(2);
    const left = (await t.app.files.findFiles([lone.id, orphan.id, kept.id, recent.id])).map((r) => r.id).sort();
    expect(left).toEqual([kept.id, recent.id].sort());
    expect(await t.app.files.store.has(lone.sha256)).toBe(false);
    expect(await t.app.files.store.has(kept.sha256)).toBe(true);
    expect(await t.app.files.store.has(recent.sha256)).toBe(true);
  });
});
