// Assembles the files module: the file store FILE_STORE names, the use cases over it and the
// upload routes. Other modules take files through what this returns — findFiles, attach (inside
// their own transaction), totalSize, sendFile (for their own authorized download routes) and the
// store — never through the `file` table. The files no record refers to are deleted every night
// by the jobs module's schedule `files-cleanup` (service.ts cleanup), or by hand with `motcua files
// cleanup [--dry-run]` (cli.ts); a module whose records list files without a foreign key keeps
// them by registering a keeper (keepWhile).
import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { JobLogger, JobsModule } from '../jobs/module.ts';
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import { createFileStore } from './create-file-store.ts';
import type { FileStore } from './file-store.ts';
import { registerFileRoutes } from './routes.ts';
import { createFilesService, type CleanupResult, type FileRow, type FilesService } from './service.ts';
import { createClamdScanner, type VirusScanner } from './virus-scan.ts';

export type { FileStore, StoredBlob, PutOptions, StagedBlob } from './file-store.ts';
export { BlobNotFoundError, BlobTooLargeError, LocalFileStore } from './file-store.ts';
export type { CleanupOptions, CleanupResult, FileKeeper, FileRow, FilesService } from './service.ts';
export { contentDisposition, sanitizeFileName } from './names.ts';
export { sniff, type SniffResult } from './sniff.ts';
export type { ScanStatus, VirusScanner } from './virus-scan.ts';

export interface FilesModule extends Module {
  store: FileStore;
  service: FilesService;
  findFiles(ids: readonly string[]): Promise<FileRow[]>;
  /**
   * Attaches uploaded files to their owner ("dossier:<id>"), inside the owner's transaction:
   * every file must exist, have been uploaded by `uploadedBy` and not be attached elsewhere (422
   * otherwise), and the owner's files together must stay within FILE_MAX_PER_DOSSIER_BYTES (413).
   */
  attach(trx: Transaction<DB>, fileIds: readonly string[], ownerRef: string, options: { uploadedBy: string }): Promise<FileRow[]>;
  totalSize(ids: readonly string[]): Promise<number>;
  sendFile(reply: FastifyReply, file: FileRow): Promise<FastifyReply>;
  deleteOrphans(olderThan?: Date): Promise<number>;
  cleanup: FilesService['cleanup'];
  /**
   * Registers a keeper the cleanup asks, batch by batch, which of its candidates (unattached
   * files past FILE_ORPHAN_HOURS that no foreign key refers to) are still wanted: those stay.
   * Register at construction, like onEvent/onPaid listeners.
   */
  keepWhile: FilesService['keepWhile'];
  duplicate: FilesService['duplicate'];
  detachAll: FilesService['detachAll'];
}

/**
 * The nightly cleanup: 02:30 Asia/Ho_Chi_Minh, when uploads are few. The jobs module runs each
 * tick once however many instances schedule it; the cleanup itself is safe beside another one.
 */
export const FILES_CLEANUP_SCHEDULE = 'files-cleanup';
export const FILES_CLEANUP_CRON = '30 2 * * *';

type Scheduler = Pick<JobsModule, 'schedule'>;
const silent: JobLogger = { info() {}, warn() {}, error() {} };

export interface FilesModuleDeps extends ModuleDeps {
  store?: FileStore;
  scanner?: VirusScanner;
  /** Where the nightly cleanup is scheduled (the server's jobs module; CLI commands schedule nothing). */
  jobs?: Scheduler;
  log?: JobLogger;
}

export function createFilesModule(deps: FilesModuleDeps): FilesModule {
  const store = deps.store ?? createFileStore(deps.config);
  const scanner = deps.scanner ?? (deps.config.CLAMAV_URL ? createClamdScanner(deps.config.CLAMAV_URL) : undefined);
  const service = createFilesService({
    db: deps.db,
    store,
    scanner,
    settings: {
      maxBytes: deps.config.FILE_MAX_BYTES,
      maxPerOwnerBytes: deps.config.FILE_MAX_PER_DOSSIER_BYTES,
      orphanHours: deps.config.FILE_ORPHAN_HOURS,
    },
  });
  function scheduleCleanup(jobs: Scheduler, log: JobLogger): void {
    jobs.schedule(FILES_CLEANUP_SCHEDULE, FILES_CLEANUP_CRON, async () => {
      const result: CleanupResult = await service.cleanup();
      log.info({ schedule: FILES_CLEANUP_SCHEDULE, files: result.files, blobs: result.blobs, bytes: result.bytes, graceHours: deps.config.FILE_ORPHAN_HOURS }, 'files no record refers to deleted');
      if (result.blobsNotDeleted.length > 0) {
        log.warn({ schedule: FILES_CLEANUP_SCHEDULE, sha256: result.blobsNotDeleted }, 'blobs of deleted files could not be deleted from the file store (unreferenced; delete them by hand)');
      }
    });
  }
  if (deps.jobs) scheduleCleanup(deps.jobs, deps.log ?? silent);

  return {
    store,
    service,
    findFiles: service.findFiles,
    attach: service.attach,
    totalSize: service.totalSize,
    sendFile: service.sendFile,
    deleteOrphans: service.deleteOrphans,
    cleanup: service.cleanup,
    keepWhile: service.keepWhile,
    duplicate: service.duplicate,
    detachAll: service.detachAll,
    async register(app) {
      await app.register(
        async (api) => {
          // Multipart parsing in this scope only: the JSON routes elsewhere still refuse it (415).
          await api.register(fastifyMultipart, { throwFileSizeLimit: true, limits: { fileSize: deps.config.FILE_MAX_BYTES, files: 1 } });
          registerFileRoutes(api, { files: service });
        },
        { prefix: API_PREFIX },
      );
    },
  };
}
