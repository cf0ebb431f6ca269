// The object-storage file store: any S3-compatible service (MinIO, Ceph RGW, a cloud bucket).
// A blob's key is its SHA-256 under the same two-level fan-out as the local store
// (`<prefix>ab/cd/<sha256>`), so a key names its content and an object is never rewritten with
// other bytes.
//
// A put streams the content through the hash into a staging file on local disk first: the address
// is only known once every byte is seen, and `beforeCommit` (sniffing, the virus scan, recording
// the row) reads the staged bytes before anything becomes visible in the bucket. The upload then
// sends the staged file with its exact length.
//
// The client is built with `requestChecksumCalculation` and `responseChecksumValidation` set to
// WHEN_REQUIRED. Since @aws-sdk/client-s3 3.729 the default (WHEN_SUPPORTED) sends a streamed
// body as `aws-chunked` with a CRC trailer; a server that does not decode that encoding stores the
// chunk framing and the trailer inside the object (300,000 bytes put, 300,080 stored). The hash
// of the content is already the file's address and is checked on every read path that matters.
//
// The SDK is loaded on the first call (about 0.2 s of every start otherwise, most of which use the
// local store).
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { BlobNotFoundError, Meter, isBlobAddress, sweepStaging, syncFile, type FileStore, type PutOptions, type StoredBlob } from './file-store.ts';

export interface S3FileStoreOptions {
  endpoint?: string | undefined;
  bucket: string;
  region: string;
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  forcePathStyle: boolean;
  /** Key prefix inside the bucket (e.g. "files/"); empty by default. */
  prefix?: string;
  /** Local folder for staging puts (same role as the local store's `.tmp`). */
  stagingDir: string;
  /** Overrides of the client configuration (tests reproduce the SDK default with it). */
  client?: Partial<S3ClientConfig>;
}

type Sdk = typeof import('@aws-sdk/client-s3');

export class S3FileStore implements FileStore {
  readonly bucket: string;
  private readonly prefix: string;
  private readonly stagingDir: string;
  private readonly options: S3FileStoreOptions;
  private sdk: Promise<{ sdk: Sdk; client: S3Client }> | undefined;

  constructor(options: S3FileStoreOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix ?? '';
    this.stagingDir = path.resolve(options.stagingDir);
    this.options = options;
  }

  /** The S3 client (for listing a bucket, say): made on the first call. */
  async client(): Promise<S3Client> {
    return (await this.s3()).client;
  }

  /** The SDK and the client, made on the first call. */
  private s3(): Promise<{ sdk: Sdk; client: S3Client }> {
    const options = this.options;
    return (this.sdk ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.accessKeyId && options.secretAccessKey
        ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
        : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...options.client,
      }),
    })));
  }

  /** The object key of a blob. */
  keyOf(sha256: string): string {
    if (!isBlobAddress(sha256)) throw new BlobNotFoundError(sha256);
    return `${this.prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  async put(source: Readable | Buffer, options: PutOptions = {}): Promise<StoredBlob> {
    await mkdir(this.stagingDir, { recursive: true });
    const staging = path.join(this.stagingDir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
    const meter = new Meter(options.maxBytes ?? Number.POSITIVE_INFINITY);
    try {
      await pipeline(Buffer.isBuffer(source) ? Readable.from([source]) : source, meter, createWriteStream(staging, { flags: 'wx', mode: 0o640 }));
      await syncFile(staging);
      const blob: StoredBlob = { sha256: meter.hash.digest('hex'), size: meter.size };
      await options.beforeCommit?.({ ...blob, read: () => createReadStream(staging) });
      // Same key, same bytes: an existing object is already this content.
      if (!(await this.has(blob.sha256))) {
        const { sdk, client } = await this.s3();
        await client.send(
          new sdk.PutObjectCommand({
            Bucket: this.bucket,
            Key: this.keyOf(blob.sha256),
            Body: createReadStream(staging),
            ContentLength: blob.size,
            ContentType: 'application/octet-stream',
            Metadata: { sha256: blob.sha256 },
          }),
        );
      }
      return blob;
    } finally {
      await rm(staging, { force: true });
    }
  }

  async get(sha256: string): Promise<Readable> {
    try {
      const { sdk, client } = await this.s3();
      const out = await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      if (!out.Body) throw new BlobNotFoundError(sha256);
      return out.Body as Readable;
    } catch (error) {
      if (isMissing(error)) throw new BlobNotFoundError(sha256);
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    if (!isBlobAddress(sha256)) return false;
    const { sdk, client } = await this.s3();
    try {
      await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** The stored size of a blob (bytes as the service keeps them), or undefined when absent. */
  async storedSize(sha256: string): Promise<number | undefined> {
    const { sdk, client } = await this.s3();
    try {
      const head = await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return head.ContentLength;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    const { sdk, client } = await this.s3();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
  }

  sweep(olderThan: Date): Promise<void> {
    return sweepStaging(this.stagingDir, olderThan);
  }
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}
