/** Picks the file store from configuration: S3-compatible storage when JXJY_S3_ENDPOINT is set, else DATA_DIR/files. */
import path from 'node:path';
import type { FileStore } from './file-store.js';
import { createFilesystemFileStore } from './filesystem-file-store.js';
import { type S3Settings, createS3FileStore } from './s3-file-store.js';

export interface FileStoreSettings {
  dataDir: string;
  s3: S3Settings | undefined;
}

export async function openFileStore(settings: FileStoreSettings): Promise<FileStore> {
  if (!settings.s3) return createFilesystemFileStore(path.join(settings.dataDir, 'files'));
  const store = createS3FileStore(settings.s3);
  await store.ensureBucket();
  return store;
}
