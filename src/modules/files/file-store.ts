// Where the bytes of files live: a content-addressed store (the SHA-256 of the content is its
// address), so the same content is kept once however often it is uploaded, and a stored blob
// never changes. The interface is small so that an object-storage implementation (S3, with the
// hash as the key, s3-file-store.ts) sits beside the local one; FILE_STORE chooses.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredBlob {
  /** Lowercase hex SHA-256 of the content. */
  sha256: string;
  size: number;
}

/** Bytes written but not yet visible in the store. */
export interface StagedBlob extends StoredBlob {
  /** A fresh stream of the staged bytes. */
  read(): Readable;
}

export interface PutOptions {
  /** More bytes than this reject the put with BlobTooLargeError; nothing is kept. */
  maxBytes?: number;
  /**
   * Runs once every byte is written and hashed, before the blob becomes visible; throwing
   * discards the bytes (sniffing the content, recording the upload in the same step).
   */
  beforeCommit?(blob: StagedBlob): Promise<void>;
}

export interface FileStore {
  /** Stores the content, hashing it as it streams (never whole in memory). */
  put(source: Readable | Buffer, options?: PutOptions): Promise<StoredBlob>;
  /** The content; rejects with BlobNotFoundError when the store has no such blob. */
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  delete?(sha256: string): Promise<void>;
  /** Removes leftovers of puts interrupted before `olderThan` (a crash between write and commit). */
  sweep?(olderThan: Date): Promise<void>;
}

export class BlobTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`content exceeds ${limit} bytes`);
    this.name = 'BlobTooLargeError';
  }
}

export class BlobNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`no blob ${sha256}`);
    this.name = 'BlobNotFoundError';
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/** True for a lowercase hex SHA-256 (the only keys a store accepts). */
export const isBlobAddress = (value: string): boolean => SHA256.test(value);

function checkedAddress(sha256: string): string {
  if (!SHA256.test(sha256)) throw new BlobNotFoundError(sha256);
  return sha256;
}

/** Hashes and counts what passes through; fails past `maxBytes`. */
export class Meter extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return callback(new BlobTooLargeError(this.maxBytes));
    this.hash.update(chunk);
    callback(null, chunk);
  }
}

/**
 * The local store: `<root>/ab/cd/<sha256>` (two levels of fan-out keep directories small). A put
 * writes to a temporary file under `<root>/.tmp` (the same file system, so the final rename is
 * atomic), fsyncs it, renames it into place and fsyncs the directory: a blob is either complete
 * or absent, and a reader never sees a partial one.
 */
export class LocalFileStore implements FileStore {
  readonly root: string;
  private readonly tmp: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.tmp = path.join(this.root, '.tmp');
  }

  /** Where a blob is (or would be) kept. */
  pathOf(sha256: string): string {
    const address = checkedAddress(sha256);
    return path.join(this.root, address.slice(0, 2), address.slice(2, 4), address);
  }

  async put(source: Readable | Buffer, options: PutOptions = {}): Promise<StoredBlob> {
    await mkdir(this.tmp, { recursive: true });
    const staging = path.join(this.tmp, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
    const meter = new Meter(options.maxBytes ?? Number.POSITIVE_INFINITY);
    try {
      await pipeline(Buffer.isBuffer(source) ? Readable.from([source]) : source, meter, createWriteStream(staging, { flags: 'wx', mode: 0o640 }));
      await syncFile(staging);
      const blob: StoredBlob = { sha256: meter.hash.digest('hex'), size: meter.size };
      await options.beforeCommit?.({ ...blob, read: () => createReadStream(staging) });
      const target = this.pathOf(blob.sha256);
      await mkdir(path.dirname(target), { recursive: true });
      // Same content, same bytes: replacing an existing blob changes nothing a reader can see.
      await rename(staging, target);
      await syncDirectory(path.dirname(target));
      return blob;
    } catch (error) {
      await rm(staging, { force: true });
      throw error;
    }
  }

  async get(sha256: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(sha256), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(sha256);
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256.test(sha256)) return false;
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  sweep(olderThan: Date): Promise<void> {
    return sweepStaging(this.tmp, olderThan);
  }
}

/** Deletes the files of a staging folder last written before `olderThan` (uploads cut off half-way); a missing folder is empty. */
export async function sweepStaging(dir: string, olderThan: Date): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (info && info.mtime < olderThan) await rm(file, { force: true });
  }
}

/** fsync of a written file, so that its bytes are on disk before it is renamed into place. */
export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync of a directory, so a rename in it survives a crash (not possible on every platform). */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a directory for fsync; the rename is still atomic.
  }
}
