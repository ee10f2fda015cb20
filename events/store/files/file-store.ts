/**
 * Where uploaded files live (attachments, old-system exports): content-addressed by SHA-256, so the same bytes are
 * stored once and an event naming a hash names exactly one content. Two adapters honour this port — the filesystem
 * under DATA_DIR/files (embedded default) and S3-compatible object storage (production: several API instances share
 * the files; MinIO, OSS and COS speak it) — and one contract suite runs against both.
 */

export interface StoredFile {
  sha256: string;
  size: number;
}

export interface FileStore {
  /** Stores the bytes under their hash; storing the same content again is a no-op. */
  put(content: Uint8Array): Promise<StoredFile>;
  /** The content, or null when nothing is stored under this hash. */
  get(sha256: string): Promise<Uint8Array | null>;
  has(sha256: string): Promise<boolean>;
  /** Cheap liveness probe for /health. */
  ping(): Promise<void>;
  readonly describe: string;
}

/** The store is out of space (ENOSPC) or unreachable: the request can be retried later (503). */
export class FileStoreUnavailableError extends Error {
  override readonly name = 'FileStoreUnavailableError';
}

export const isSha256 = (value: string) => /^[0-9a-f]{64}$/.test(value);
