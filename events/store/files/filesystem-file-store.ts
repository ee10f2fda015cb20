/**
 * The file store on the local filesystem (embedded default): `<root>/ab/cd/<sha256>`. A file is written to a temporary
 * name and renamed into place, so a reader never sees half a file and a crash leaves no truncated content under a hash.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type FileStore, FileStoreUnavailableError, type StoredFile, isSha256 } from './file-store.js';

export function createFilesystemFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

  return {
    describe: `files in ${root}`,
    async put(content: Uint8Array): Promise<StoredFile> {
      const sha256 = crypto.createHash('sha256').update(content).digest('hex');
      const target = pathOf(sha256);
      try {
        await fs.access(target);
        return { sha256, size: content.byteLength };
      } catch {
        // not stored yet
      }
      const partial = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.partial`;
      try {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(partial, content);
        await fs.rename(partial, target);
      } catch (error) {
        await fs.rm(partial, { force: true }).catch(() => {});
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EROFS' || code === 'EACCES') {
          throw new FileStoreUnavailableError(`cannot store files in ${root}: ${code}`, { cause: error });
        }
        throw error;
      }
      return { sha256, size: content.byteLength };
    },
    async get(sha256: string): Promise<Uint8Array | null> {
      if (!isSha256(sha256)) return null;
      try {
        return new Uint8Array(await fs.readFile(pathOf(sha256)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async has(sha256: string): Promise<boolean> {
      if (!isSha256(sha256)) return false;
      return fs.access(pathOf(sha256)).then(() => true, () => false);
    },
    async ping(): Promise<void> {
      await fs.mkdir(root, { recursive: true });
      await fs.access(root, fs.constants.W_OK);
    },
  };
}
