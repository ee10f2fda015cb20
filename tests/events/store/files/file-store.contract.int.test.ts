/**
 * One contract for every file store: the filesystem (embedded default) and S3-compatible object storage (a real moto
 * server). Content-addressed puts are idempotent and safe to race, reads return the exact bytes, unknown or malformed
 * hashes read as absent, and a store that cannot be written says so as FileStoreUnavailableError.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FileStore, FileStoreUnavailableError } from '../../../../events/store/files/file-store.js';
import { createFilesystemFileStore } from '../../../../events/store/files/filesystem-file-store.js';
import { createS3FileStore } from '../../../../events/store/files/s3-file-store.js';
import { type Moto, startMoto } from '../../../support/moto.js';

const subjects: Array<{ name: string; open(): Promise<FileStore>; close(): Promise<void> }> = [
  (() => {
    let dir = '';
    return {
      name: 'filesystem',
      async open() {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-files-'));
        return createFilesystemFileStore(path.join(dir, 'files'));
      },
      async close() {
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  })(),
  (() => {
    let moto: Moto | undefined;
    return {
      name: 'S3 (moto)',
      async open() {
        moto = await startMoto();
        const store = createS3FileStore({ endpoint: moto.endpoint, bucket: 'jxjy-test', accessKeyId: 'test', secretAccessKey: 'test', region: 'us-east-1' });
        await store.ensureBucket();
        return store;
      },
      async close() {
        await moto?.stop();
      },
    };
  })(),
];

for (const subject of subjects) {
  describe(`file store contract: ${subject.name}`, () => {
    let store: FileStore;
    beforeAll(async () => {
      store = await subject.open();
    }, 60_000);
    afterAll(async () => {
      await subject.close();
    });

    const sha = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

    it('stores bytes under their SHA-256 and reads exactly them back', async () => {
      const content = new Uint8Array(crypto.randomBytes(5 * 1024 * 1024 + 7));
      const stored = await store.put(content);
      expect(stored).toEqual({ sha256: sha(content), size: content.byteLength });
      expect(await store.has(stored.sha256)).toBe(true);
      const read = await store.get(stored.sha256);
      expect(read && Buffer.from(read).equals(Buffer.from(content))).toBe(true);
    });

    it('stores the same content once, however often and however concurrently it is put', async () => {
      const content = new TextEncoder().encode(`%PDF-1.7 ${crypto.randomUUID()}`);
      const results = await Promise.all(Array.from({ length: 8 }, () => store.put(content)));
      expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
      expect(Buffer.from((await store.get(results[0]!.sha256))!).toString()).toBe(Buffer.from(content).toString());
    });

    it('reads unknown and malformed hashes as absent', async () => {
      const unknown = sha(crypto.randomBytes(32));
      expect(await store.get(unknown)).toBeNull();
      expect(await store.has(unknown)).toBe(false);
      for (const bad of ['../../etc/passwd', 'ABC', `${unknown}/../x`]) {
        expect(await store.get(bad)).toBeNull();
        expect(await store.has(bad)).toBe(false);
      }
      await store.ping();
    });
  });
}

describe('file stores that cannot be written', () => {
  it('reports a filesystem it may not write as unavailable', async () => {
    if (process.getuid?.() === 0) {
      // root may write anywhere; a path under a regular file cannot be created by anyone.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-files-'));
      fs.writeFileSync(path.join(dir, 'blocker'), 'x');
      const store = createFilesystemFileStore(path.join(dir, 'blocker', 'files'));
      await expect(store.put(new Uint8Array([1, 2, 3]))).rejects.toThrow();
      fs.rmSync(dir, { recursive: true, force: true });
      return;
    }
    const store = createFilesystemFileStore('/proc/jxjy-files');
    await expect(store.put(new Uint8Array([1]))).rejects.toBeInstanceOf(FileStoreUnavailableError);
  });

  it('reports object storage it cannot reach as unavailable', async () => {
    const moto = await startMoto();
    try {
      const good = createS3FileStore({ endpoint: moto.endpoint, bucket: 'jxjy-auth', accessKeyId: 'test', secretAccessKey: 'test', region: 'us-east-1' });
      await good.ensureBucket();
      await good.ping();
      const unreachable = createS3FileStore({ endpoint: 'http://127.0.0.1:9', bucket: 'x', accessKeyId: 'a', secretAccessKey: 'b', region: 'us-east-1' });
      await expect(unreachable.put(new Uint8Array([1]))).rejects.toBeInstanceOf(FileStoreUnavailableError);
    } finally {
      await moto.stop();
    }
  }, 60_000);
});
