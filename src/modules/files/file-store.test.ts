import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BlobNotFoundError, BlobTooLargeError, LocalFileStore, type FileStore } from './file-store.ts';
import { S3FileStore } from './s3-file-store.ts';
import { startTestS3, type TestS3 } from './s3-testing.ts';

/** Every file under the store's root, relative paths. */
async function filesIn(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A stream of `size` bytes in chunks, never held whole. */
function generated(size: number, chunk = 64 * 1024): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return this.push(null);
      const n = Math.min(chunk, size - sent);
      this.push(Buffer.alloc(n, sent % 251));
      sent += n;
    },
  });
}

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(() => s3.close());

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'motcua-files-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

let prefixes = 0;
const s3Store = (client?: ConstructorParameters<typeof S3FileStore>[0]['client']) =>
  new S3FileStore({
    endpoint: s3.endpoint,
    bucket: s3.bucket,
    region: 'us-east-1',
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
    // One key space per test: the bucket outlives the tests.
    prefix: `t${++prefixes}/`,
    stagingDir: path.join(dir, 'staging'),
    ...(client ? { client } : {}),
  });

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What every store does; `visible` lists what a reader can see in it (for "nothing kept"). */
const stores: Array<{ name: string; make: () => FileStore; visible: (store: FileStore) => Promise<string[]> }> = [
  { name: 'LocalFileStore', make: () => new LocalFileStore(dir), visible: () => filesIn(dir) },
  {
    name: 'S3FileStore (s3rver)',
    make: () => s3Store(),
    visible: async (store) => {
      const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
      const s = store as S3FileStore;
      const listed = await (await s.client()).send(new ListObjectsV2Command({ Bucket: s.bucket, Prefix: s.keyOf('0'.repeat(64)).split('/')[0] + '/' }));
      const staged = await filesIn(path.join(dir, 'staging')).catch(() => []);
      return [...(listed.Contents ?? []).map((o) => o.Key ?? ''), ...staged];
    },
  },
];

describe.each(stores)('$name', ({ name, make, visible }) => {
  let store: FileStore;
  beforeEach(() => {
    store = make();
  });
  const kept = () => visible(store);

  it('stores content once however often it is put, and reads it back', async () => {
    const bytes = Buffer.from('Giấy chứng nhận đăng ký');
    const first = await store.put(bytes);
    const second = await store.put(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
    expect(first).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect(second).toEqual(first);
    const address = first.sha256;
    expect((await kept()).length).toBe(1);
    expect(await store.has(address)).toBe(true);
    expect((await bytesOf(await store.get(address))).equals(bytes)).toBe(true);
  });

  it('hashes a large stream as it goes and stores exactly its bytes', async () => {
    const size = name.startsWith('Local') ? 3 * 1024 * 1024 + 7 : 300_000;
    const blob = await store.put(generated(size));
    expect(blob.size).toBe(size);
    const back = await bytesOf(await store.get(blob.sha256));
    expect(back.length).toBe(size);
    expect(sha(back)).toBe(blob.sha256);
  });

  it('keeps nothing of content over the limit', async () => {
    await expect(store.put(generated(200_000), { maxBytes: 100_000 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await kept()).toEqual([]);
  });

  it('keeps nothing when the check before commit refuses, and lets it read the staged bytes', async () => {
    let seen = '';
    const refusal = new Error('refused');
    await expect(
      store.put(Buffer.from('MZ not a document'), {
        beforeCommit: async (staged) => {
          for await (const chunk of staged.read()) seen += String(chunk);
          throw refusal;
        },
      }),
    ).rejects.toBe(refusal);
    expect(seen).toBe('MZ not a document');
    expect(await kept()).toEqual([]);
  });

  it('keeps nothing of a stream that fails half-way', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1000));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.put(failing)).rejects.toThrow('connection reset');
    expect(await kept()).toEqual([]);
  });

  it('answers BlobNotFoundError for a missing or malformed address (no path outside the store)', async () => {
    await expect(store.get('0'.repeat(64))).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.get('../../etc/passwd')).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await store.has('../../etc/passwd')).toBe(false);
  });

  it('deletes a blob', async () => {
    const blob = await store.put(Buffer.from('x'));
    await store.delete!(blob.sha256);
    expect(await store.has(blob.sha256)).toBe(false);
  });
});

describe('S3FileStore checksums', () => {
  // Since @aws-sdk/client-s3 3.729 a streamed PutObject is sent `aws-chunked` with a CRC32
  // trailer unless the client says WHEN_REQUIRED; a server that does not decode the encoding
  // keeps the framing and the trailer inside the object.
  it('with the SDK default (WHEN_SUPPORTED) the stored object is larger than the content: the defect', async () => {
    const store = s3Store({ requestChecksumCalculation: 'WHEN_SUPPORTED', responseChecksumValidation: 'WHEN_SUPPORTED' });
    const blob = await store.put(generated(300_000));
    const stored = await store.storedSize(blob.sha256);
    expect(stored).toBeGreaterThan(300_000);
  });

  it('as configured (WHEN_REQUIRED) a streamed 300,000-byte put stores 300,000 bytes', async () => {
    const store = s3Store();
    const blob = await store.put(generated(300_000));
    expect(await store.storedSize(blob.sha256)).toBe(300_000);
    expect(sha(await bytesOf(await store.get(blob.sha256)))).toBe(blob.sha256);
  });
});

describe('LocalFileStore layout', () => {
  it('stores content under ab/cd/<sha256>', async () => {
    const store = new LocalFileStore(dir);
    const bytes = Buffer.from('Giấy chứng nhận đăng ký');
    const first = await store.put(bytes);
    const address = first.sha256;
    expect(await filesIn(dir)).toEqual([path.join(address.slice(0, 2), address.slice(2, 4), address)]);
    expect(sha(await readFile(store.pathOf(address)))).toBe(address);
  });
});
