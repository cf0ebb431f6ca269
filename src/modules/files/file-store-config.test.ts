// The file store FILE_STORE names, in the assembled application: with FILE_STORE=s3 and the S3_*
// settings an upload through POST /api/v1/files goes into the bucket of a real S3-compatible
// server (s3rver, in-process) — read back there with a client of its own — and downloads back
// byte for byte, nothing of it kept in the local folder; with the default the app's store is the
// local content-addressed folder under DATA_DIR/files, and the bucket is not touched.
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { LocalFileStore } from './file-store.ts';
import { S3FileStore } from './s3-file-store.ts';
import { startTestS3, type TestS3 } from './s3-testing.ts';
import { pdfSample } from './testing.ts';

let s3: TestS3;
let client: S3Client;
const dirs: string[] = [];

beforeAll(async () => {
  s3 = await startTestS3('motcua-config-test');
  // A client of the test's own, not the store's: what is in the bucket is read independently.
  client = new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
});

afterAll(async () => {
  client?.destroy();
  await s3?.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'motcua-file-store-config-'));
  dirs.push(dir);
  return dir;
}

async function upload(t: TestApp, login: TestLogin, bytes: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { ...login.headers, 'content-type': request.headers.get('content-type')!, 'accept-language': 'en' },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}

/** Every file under a folder (relative paths); none when it does not exist. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

async function bucketKeys(): Promise<string[]> {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
  return (listed.Contents ?? []).map((o) => o.Key ?? '');
}

const blobKey = (sha256: string) => `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

describe('FILE_STORE=s3', () => {
  let t: TestApp;
  let dir: string;
  let citizen: TestLogin;

  beforeAll(async () => {
    dir = await dataDir();
    t = await createTestApp({
      DATA_DIR: dir,
      FILE_STORE: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: s3.bucket,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    });
    citizen = await loginAs(t.db, { kind: 'citizen', personalId: '001099000333' });
  });
  afterAll(() => t?.close());

  it('the app’s file store is the S3 store of the configured bucket', () => {
    expect(t.app.files.store).toBeInstanceOf(S3FileStore);
    expect((t.app.files.store as S3FileStore).bucket).toBe(s3.bucket);
  });

  it('an upload lands in the bucket, not on local disk, and downloads back byte for byte', async () => {
    const bytes = pdfSample(4321);
    const res = await upload(t, citizen, bytes, 'Đơn đăng ký.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const { id, sha256 } = res.json() as { id: string; sha256: string };

    // In the bucket under its content address, with exactly the uploaded bytes.
    expect(await bucketKeys()).toContain(blobKey(sha256));
    const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: blobKey(sha256) }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(bytes)).toBe(true);
    // Nothing kept locally: no local store's blob, and the staging folder left empty.
    expect(await filesUnder(path.join(dir, 'files'))).toEqual([]);
    expect(await filesUnder(path.join(dir, 'files-staging'))).toEqual([]);

    const download = await t.app.inject({ url: `/api/v1/files/${id}`, headers: citizen.headers });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(bytes)).toBe(true);
  });
});

describe('FILE_STORE unset (the default)', () => {
  let t: TestApp;
  let dir: string;
  let citizen: TestLogin;

  beforeAll(async () => {
    dir = await dataDir();
    // The S3 settings alone do not choose the bucket: FILE_STORE does.
    t = await createTestApp({ DATA_DIR: dir, S3_ENDPOINT: s3.endpoint, S3_BUCKET: s3.bucket, S3_ACCESS_KEY_ID: s3.accessKeyId, S3_SECRET_ACCESS_KEY: s3.secretAccessKey });
    citizen = await loginAs(t.db, { kind: 'citizen', personalId: '001099000444' });
  });
  afterAll(() => t?.close());

  it('the app’s file store is the local folder, and an upload is kept there', async () => {
    expect(t.config.FILE_STORE).toBe('local');
    expect(t.app.files.store).toBeInstanceOf(LocalFileStore);
    const before = await bucketKeys();
    const bytes = pdfSample(8765);
    const res = await upload(t, citizen, bytes, 'Tờ khai.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const { id, sha256 } = res.json() as { id: string; sha256: string };
    expect(await filesUnder(path.join(dir, 'files'))).toContain(path.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256));
    expect(await bucketKeys()).toEqual(before);
    const download = await t.app.inject({ url: `/api/v1/files/${id}`, headers: citizen.headers });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
  });
});
