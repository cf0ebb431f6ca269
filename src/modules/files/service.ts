// Use cases of the files module: upload (sniff, name, store, record), attaching files to what owns
// them, serving their bytes, and deleting the files no record refers to.
//
// Blobs are shared by every upload of the same content, so a blob may be deleted only when no row
// references it, and a new row must not appear for a blob being deleted. Both steps take one
// advisory lock per blob (store.ts lockBlob): an upload records its row under the lock before its
// bytes are committed to the store; the cleanup counts the references and deletes the blob under
// the same lock. Whichever goes first, the blob exists whenever a row points at it. That holds
// across instances (the lock is in the database).
//
// Retention follows the records: a file row goes only when nothing attached it (attached_to) and
// no row of any table references it (store.ts fileReferences: the foreign keys to `file`), past
// FILE_ORPHAN_HOURS from its upload or its release (detachAll). A record that lets go of a file
// detaches it and deletes its own reference rows; the cleanup never removes a reference.
// A record that refers to files without a foreign key (a submission draft lists its uploads in
// JSON) keeps them through a keeper it registers (keepWhile): the cleanup asks the keepers which
// of its candidates they still want, and deletes only the others.
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { AcceptedFormat } from '../../core/catalog/types.ts';
import type { DB } from '../../db/types.ts';
import { ProblemError } from '../../http/problem.ts';
import { BlobTooLargeError, type FileStore } from './file-store.ts';
import { contentDisposition, sanitizeFileName } from './names.ts';
import { sniff } from './sniff.ts';
import { ScannerUnavailableError, type VirusScanner } from './virus-scan.ts';
import {
  countBlobReferences,
  deleteOrphanRows,
  fileReferences,
  findOrphanCandidates,
  findFileRows,
  insertFile,
  isForeignKeyViolation,
  lockBlob,
  lockFileRows,
  setAttachedTo,
  type FileReference,
  type FileRow,
  type OrphanCursor,
} from './store.ts';

/** Candidates looked at (asked of the keepers, then deleted) per batch. */
const ORPHAN_BATCH = 500;

/**
 * Which of these files (candidates of the cleanup: unattached, past the grace period, no foreign
 * key refers to them) a module still wants, e.g. because a record of its own lists them by id.
 */
export type FileKeeper = (ids: readonly string[]) => Promise<ReadonlySet<string>>;

export interface CleanupOptions {
  /** Candidates per batch (500). */
  batchSize?: number;
  /**
   * Count what the cleanup would delete and delete nothing (`motcua files cleanup --dry-run`):
   * the same walk, the same keepers; the figures are those of a run at this moment (a file
   * attached before the real run is left by it).
   */
  dryRun?: boolean;
}

/** What one cleanup did (or, a dry run, would do). */
export interface CleanupResult {
  /** File rows deleted. */
  files: number;
  /** Blobs deleted from the store (content no row is left of). */
  blobs: number;
  /** Bytes those blobs held: the space given back in the store. */
  bytes: number;
  /** Blobs whose rows are gone but the store failed to delete (unreferenced, left to an operator). */
  blobsNotDeleted: string[];
}

export type { FileRow } from './store.ts';

export interface FilesSettings {
  maxBytes: number;
  maxPerOwnerBytes: number;
  orphanHours: number;
}

export interface UploadInput {
  /** The content, streamed. */
  source: Readable | Buffer;
  /** The name the sender gave (sanitized here). */
  declaredName?: string;
  /** The account id of the uploader. */
  uploadedBy: string;
  /** The formats the upload must be one of (a dossier component's accepted formats). */
  accept?: readonly AcceptedFormat[];
  /** True when the transport cut the content at its own limit (multipart's fileSize). */
  truncated?: () => boolean;
}

export interface FilesService {
  readonly store: FileStore;
  readonly settings: FilesSettings;
  upload(input: UploadInput): Promise<FileRow>;
  /** The rows of these ids that exist (any order; unknown and malformed ids are left out). */
  findFiles(ids: readonly string[]): Promise<FileRow[]>;
  /** A file its uploader may still fetch at /files/:id: theirs, and not attached to anything yet. */
  findOwnUnattached(id: string, accountId: string): Promise<FileRow | undefined>;
  attach(trx: Transaction<DB>, fileIds: readonly string[], ownerRef: string, options: { uploadedBy: string }): Promise<FileRow[]>;
  /** The total size in bytes of these files (each counted once). */
  totalSize(ids: readonly string[]): Promise<number>;
  /** Sends the bytes of a file with the download headers (attachment, nosniff, no caching). */
  sendFile(reply: FastifyReply, file: FileRow): Promise<FastifyReply>;
  /**
   * Deletes the files nothing attached and no record refers to (no row of any table with a
   * foreign key to `file`), uploaded or released before `olderThan` (default: FILE_ORPHAN_HOURS
   * ago) and that no keeper (keepWhile) still wants, then each blob no row is left of. Safe to run
   * beside uploads, attachments and another cleanup. The schedule `files-cleanup` runs it nightly
   * (module.ts), `motcua files cleanup` by hand (cli.ts); `dryRun` only counts.
   */
  cleanup(olderThan?: Date, options?: CleanupOptions): Promise<CleanupResult>;
  /**
   * Registers a keeper: before each batch of the cleanup is deleted, it is asked which of the
   * batch's candidates its module still wants, and those stay (a failing keeper fails the run,
   * deleting nothing more). For records that refer to files without a foreign key.
   */
  keepWhile(keeper: FileKeeper): void;
  /** cleanup(), returning how many files were deleted. */
  deleteOrphans(olderThan?: Date): Promise<number>;
  /**
   * A new file row over the same stored content (no bytes copied: the store is content-addressed),
   * attached to `ownerRef`, or unattached (null) for `uploadedBy` to attach; inside the caller's
   * transaction. Undefined when there is no such file.
   */
  duplicate(trx: Transaction<DB>, fileId: string, ownerRef: string | null, uploadedBy: string): Promise<FileRow | undefined>;
  /** Releases the files of an owner: they become orphans, deleted after FILE_ORPHAN_HOURS. */
  detachAll(trx: Transaction<DB>, ownerRef: string): Promise<number>;
}

export function fileTooLarge(limit: number): ProblemError {
  return new ProblemError('file_too_large', {
    detail: {
      vi: `Tệp vượt quá dung lượng cho phép (${formatBytes(limit)}).`,
      en: `The file exceeds the size limit (${formatBytes(limit)}).`,
    },
    extensions: { limitBytes: limit },
  });
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} byte`;
}

const ACCEPTED_LIST = 'PDF, DOC, DOCX, XLS, XLSX, JPG, PNG, TIFF, XML, ZIP';

export function createFilesService(deps: { db: Kysely<DB>; store: FileStore; settings: FilesSettings; scanner?: VirusScanner | undefined }): FilesService {
  const { db, store, settings, scanner } = deps;
  const keepers: FileKeeper[] = [];

  /** The scan of the staged bytes: refuses malware, and says how the file is to be recorded. */
  async function scanOf(read: () => Readable): Promise<{ scan_status: 'clean' | 'not_scanned'; scanned_at: Date | null }> {
    if (!scanner) return { scan_status: 'not_scanned', scanned_at: null };
    let verdict;
    try {
      verdict = await scanner.scan(read());
    } catch (error) {
      if (error instanceof ScannerUnavailableError) {
        throw new ProblemError('scanner_unavailable', {
          detail: { vi: 'Chưa kết nối được dịch vụ quét mã độc; hãy gửi lại tệp sau ít phút.', en: 'The virus scanner cannot be reached; send the file again in a few minutes.' },
        });
      }
      throw error;
    }
    if (verdict.status === 'infected') {
      throw new ProblemError('file_infected', {
        detail: { vi: `Tệp bị phát hiện chứa mã độc (${verdict.signature}); tệp không được lưu.`, en: `Malware was found in the file (${verdict.signature}); it was not kept.` },
        extensions: { signature: verdict.signature },
      });
    }
    return { scan_status: 'clean', scanned_at: new Date() };
  }

  async function upload(input: UploadInput): Promise<FileRow> {
    let recorded: FileRow | undefined;
    try {
      await store.put(input.source, {
        maxBytes: settings.maxBytes,
        beforeCommit: async (blob) => {
          if (input.truncated?.()) throw fileTooLarge(settings.maxBytes);
          const sniffed = await sniff(() => blob.read(), input.declaredName);
          if (!sniffed.ok) {
            throw new ProblemError('file_type_refused', {
              detail: {
                vi: `Nội dung tệp không thuộc loại được chấp nhận (${ACCEPTED_LIST}); loại phát hiện được: ${sniffed.detected}.`,
                en: `The file's content is not of an accepted type (${ACCEPTED_LIST}); detected: ${sniffed.detected}.`,
              },
              extensions: { detected: sniffed.detected, ...(sniffed.detectedMediaType ? { detectedMediaType: sniffed.detectedMediaType } : {}) },
            });
          }
          if (input.accept && !input.accept.includes(sniffed.format)) {
            const allowed = input.accept.map((f) => f.toUpperCase()).join(', ');
            throw new ProblemError('file_type_refused', {
              detail: {
                vi: `Thành phần hồ sơ này chỉ nhận tệp ${allowed}; tệp gửi lên là ${sniffed.format.toUpperCase()}.`,
                en: `This dossier component accepts ${allowed} only; the file is ${sniffed.format.toUpperCase()}.`,
              },
              extensions: { detected: sniffed.format, accepted: input.accept },
            });
          }
          const scan = await scanOf(() => blob.read());
          recorded = await db.transaction().execute(async (trx) => {
            await lockBlob(trx, blob.sha256);
            return insertFile(trx, {
              ...scan,
              sha256: blob.sha256,
              size_bytes: blob.size,
              format: sniffed.format,
              media_type: sniffed.mediaType,
              original_name: sanitizeFileName(input.declaredName, sniffed.format),
              uploaded_by: input.uploadedBy,
            });
          });
        },
      });
    } catch (error) {
      // The row was recorded but the bytes could not be committed: take the row back.
      if (recorded) await db.deleteFrom('file').where('id', '=', recorded.id).execute();
      if (error instanceof BlobTooLargeError) throw fileTooLarge(error.limit);
      throw error;
    }
    return recorded!;
  }

  async function attach(trx: Transaction<DB>, fileIds: readonly string[], ownerRef: string, options: { uploadedBy: string }): Promise<FileRow[]> {
    const ids = [...new Set(fileIds)];
    if (ids.length === 0) return [];
    const rows = await lockFileRows(trx, ids);
    const usable = new Map(
      rows.filter((r) => r.uploaded_by === options.uploadedBy && (r.attached_to === null || r.attached_to === ownerRef)).map((r) => [r.id, r]),
    );
    const refused = ids.filter((id) => !usable.has(id));
    if (refused.length > 0) {
      // Someone else's file is reported like a missing one: nothing is learnt about it.
      throw new ProblemError('validation', {
        detail: {
          vi: `Không tìm thấy tệp đã tải lên hoặc tệp đã được đính kèm nơi khác: ${refused.join(', ')}.`,
          en: `Uploaded files not found, or already attached elsewhere: ${refused.join(', ')}.`,
        },
        extensions: { fileIds: refused },
      });
    }
    const already = await trx.selectFrom('file').select(['id', 'size_bytes']).where('attached_to', '=', ownerRef).execute();
    const sizes = new Map(already.map((r) => [r.id, r.size_bytes]));
    for (const row of usable.values()) sizes.set(row.id, row.size_bytes);
    const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    if (total > settings.maxPerOwnerBytes) {
      throw new ProblemError('files_total_too_large', {
        detail: {
          vi: `Tổng dung lượng các tệp của hồ sơ (${formatBytes(total)}) vượt giới hạn ${formatBytes(settings.maxPerOwnerBytes)}.`,
          en: `The files of the dossier together (${formatBytes(total)}) exceed the limit of ${formatBytes(settings.maxPerOwnerBytes)}.`,
        },
        extensions: { totalBytes: total, limitBytes: settings.maxPerOwnerBytes },
      });
    }
    return setAttachedTo(trx, ids, ownerRef);
  }

  /** The candidates no keeper wants. */
  async function unkept(ids: readonly string[]): Promise<string[]> {
    let left = [...ids];
    for (const keeper of keepers) {
      if (left.length === 0) break;
      const kept = await keeper(left);
      left = left.filter((id) => !kept.has(id));
    }
    return left;
  }

  async function cleanup(olderThan = new Date(Date.now() - settings.orphanHours * 3_600_000), options: CleanupOptions = {}): Promise<CleanupResult> {
    const batchSize = options.batchSize ?? ORPHAN_BATCH;
    const references = await fileReferences(db);
    const result: CleanupResult = { files: 0, blobs: 0, bytes: 0, blobsNotDeleted: [] };
    // A dry run's doomed rows per blob: the blob would go if they are all the rows it has.
    const wouldGo = new Map<string, { rows: number; size: number }>();
    // A keyset over the candidates (created_at, id): a batch the keepers keep entirely, or whose
    // rows are locked, is passed over, and the run goes on after its last candidate. A dry run
    // deletes nothing and walks on the same way.
    let after: OrphanCursor | undefined;
    for (;;) {
      const candidates = await findOrphanCandidates(db, olderThan, batchSize, references, after);
      if (candidates.length === 0) break;
      after = candidates.at(-1)!.cursor;
      const doomed = await unkept(candidates.map((c) => c.id));
      if (options.dryRun) {
        const rows = await findFileRows(db, doomed);
        result.files += rows.length;
        for (const r of rows) {
          const blob = wouldGo.get(r.sha256) ?? { rows: 0, size: r.size_bytes };
          blob.rows++;
          wouldGo.set(r.sha256, blob);
        }
        if (candidates.length < batchSize) break;
        continue;
      }
      // The delete checks the conditions again, on the rows' latest versions and under their locks.
      const rows = await deleteOrphanBatch(olderThan, references, doomed);
      result.files += rows.length;
      // The rows are gone (committed): a blob goes once no row of any upload of the same content
      // is left, counted under the blob's lock (an upload or a duplicate of that content waits).
      for (const sha256 of new Set(rows.map((r) => r.sha256))) {
        try {
          const gone = await db.transaction().execute(async (trx) => {
            await lockBlob(trx, sha256);
            if ((await countBlobReferences(trx, sha256)) > 0) return false;
            await store.delete?.(sha256);
            return store.delete !== undefined;
          });
          if (gone) {
            result.blobs++;
            result.bytes += rows.find((r) => r.sha256 === sha256)!.size_bytes;
          }
        } catch {
          // The store (S3 unreachable) or the database failed: the rows are gone, so nothing
          // points at the blob; the caller logs its address, and the other blobs still go.
          result.blobsNotDeleted.push(sha256);
        }
      }
      if (candidates.length < batchSize) break;
    }
    if (options.dryRun) {
      // A blob would go when every row of its content is among those the run would delete (and
      // the store deletes blobs at all, as the real run's count says).
      for (const [sha256, blob] of wouldGo) {
        if (store.delete && (await countBlobReferences(db, sha256)) === blob.rows) {
          result.blobs++;
          result.bytes += blob.size;
        }
      }
      return result;
    }
    await store.sweep?.(olderThan);
    return result;
  }

  /**
   * One batch of orphans (among `ids`). The query skips every file a row still references, but a
   * reference committed between the statement's snapshot and its delete makes the foreign key
   * refuse the batch: run it again, with a fresh snapshot that sees the reference and leaves that file.
   */
  async function deleteOrphanBatch(olderThan: Date, references: readonly FileReference[], ids: readonly string[]): Promise<FileRow[]> {
    if (ids.length === 0) return [];
    for (let attempt = 1; ; attempt++) {
      try {
        return await deleteOrphanRows(db, olderThan, ids.length, references, ids);
      } catch (error) {
        if (!isForeignKeyViolation(error) || attempt >= 3) throw error;
      }
    }
  }

  return {
    store,
    settings,
    upload,
    findFiles: (ids) => findFileRows(db, [...new Set(ids)]),
    async findOwnUnattached(id, accountId) {
      const [row] = await findFileRows(db, [id]);
      return row && row.uploaded_by === accountId && row.attached_to === null ? row : undefined;
    },
    attach,
    async totalSize(ids) {
      const rows = await findFileRows(db, [...new Set(ids)]);
      return rows.reduce((sum, row) => sum + row.size_bytes, 0);
    },
    async sendFile(reply, file) {
      const stream = await store.get(file.sha256);
      return reply
        .header('content-type', file.media_type)
        .header('content-length', String(file.size_bytes))
        .header('content-disposition', contentDisposition(file.original_name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
    async duplicate(trx, fileId, ownerRef, uploadedBy) {
      const [source] = await findFileRows(trx, [fileId]);
      if (!source) return undefined;
      await lockBlob(trx, source.sha256);
      return insertFile(trx, {
        sha256: source.sha256,
        size_bytes: source.size_bytes,
        format: source.format,
        media_type: source.media_type,
        original_name: source.original_name,
        uploaded_by: uploadedBy,
        scan_status: source.scan_status,
        scanned_at: source.scanned_at,
        attached_to: ownerRef,
        ...(ownerRef ? { attached_at: new Date() } : {}),
      });
    },
    async detachAll(trx, ownerRef) {
      // created_at moves to now: the orphan is kept FILE_ORPHAN_HOURS from its release.
      const rows = await trx.updateTable('file').set({ attached_to: null, attached_at: null, created_at: new Date() }).where('attached_to', '=', ownerRef).returning('id').execute();
      return rows.length;
    },
    cleanup,
    keepWhile(keeper) {
      keepers.push(keeper);
    },
    async deleteOrphans(olderThan) {
      return (await cleanup(olderThan)).files;
    },
  };
}
