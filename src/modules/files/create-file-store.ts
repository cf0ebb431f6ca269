// The file store FILE_STORE names: the local content-addressed folder or an S3-compatible bucket.
import path from 'node:path';
import { LocalFileStore, type FileStore } from './file-store.ts';
import { S3FileStore } from './s3-file-store.ts';

export interface FileStoreConfig {
  FILE_STORE: 'local' | 's3';
  DATA_DIR: string;
  S3_ENDPOINT?: string | undefined;
  S3_BUCKET?: string | undefined;
  S3_REGION: string;
  S3_ACCESS_KEY_ID?: string | undefined;
  S3_SECRET_ACCESS_KEY?: string | undefined;
  S3_FORCE_PATH_STYLE: boolean;
  S3_PREFIX?: string | undefined;
}

/** The file store FILE_STORE names. */
export function createFileStore(config: FileStoreConfig): FileStore {
  switch (config.FILE_STORE) {
    case 'local':
      return new LocalFileStore(path.join(config.DATA_DIR, 'files'));
    case 's3': {
      if (!config.S3_BUCKET) throw new Error('FILE_STORE=s3 needs S3_BUCKET');
      return new S3FileStore({
        endpoint: config.S3_ENDPOINT,
        bucket: config.S3_BUCKET,
        region: config.S3_REGION,
        accessKeyId: config.S3_ACCESS_KEY_ID,
        secretAccessKey: config.S3_SECRET_ACCESS_KEY,
        forcePathStyle: config.S3_FORCE_PATH_STYLE,
        prefix: config.S3_PREFIX ?? '',
        stagingDir: path.join(config.DATA_DIR, 'files-staging'),
      });
    }
  }
}
