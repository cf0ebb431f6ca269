import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobNotFoundError, BlobTooLargeError, LocalFileStore } from './file-store.ts';

let dir: string;
let store: LocalFileStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'motcua-files-'));
  store = new LocalFileStore(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

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

describe('LocalFileStore', () => {
  it('stores content under ab/cd/<sha256>, once however often it is put', async () => {
    const bytes = Buffer.from('Giấy chứng nhận đăng ký');
    const first = await store.put(bytes);
    const second = await store.put(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
    expect(first).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect(second).toEqual(first);
    const address = first.sha256;
    expect(await filesIn(dir)).toEqual([path.join(address.slice(0, 2), address.slice(2, 4), address)]);
    expect(await store.has(address)).toBe(true);
    const chunks: Buffer[] = [];
    for await (const chunk of await store.get(address)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('hashes a large stream as it goes', async () => {
    const blob = await store.put(generated(3 * 1024 * 1024 + 7));
    expect(blob.size).toBe(3 * 1024 * 1024 + 7);
    expect(sha(await readFile(store.pathOf(blob.sha256)))).toBe(blob.sha256);
  });

  it('keeps nothing of content over the limit', async () => {
    await expect(store.put(generated(200_000), { maxBytes: 100_000 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await filesIn(dir)).toEqual([]);
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
    expect(await filesIn(dir)).toEqual([]);
  });

  it('keeps nothing of a stream that fails half-way', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1000));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.put(failing)).rejects.toThrow('connection reset');
    expect(await filesIn(dir)).toEqual([]);
  });

  it('answers BlobNotFoundError for a missing or malformed address (no path outside the store)', async () => {
    await expect(store.get('0'.repeat(64))).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.get('../../etc/passwd')).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await store.has('../../etc/passwd')).toBe(false);
  });

  it('deletes a blob', async () => {
    const blob = await store.put(Buffer.from('x'));
    await store.delete(blob.sha256);
    expect(await store.has(blob.sha256)).toBe(false);
  });
});
