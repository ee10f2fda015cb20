/**
 * Object storage answering a transient failure (a 503 "SlowDown", a dropped connection) to a request: the S3 file store
 * tries again twice and succeeds, and reports the storage unavailable only when every try failed. The storage here is
 * a loopback HTTP server that misbehaves on purpose; the store's work against a real S3 server is the contract suite
 * on moto (file-store.contract.int.test.ts).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FileStoreUnavailableError } from '../../../../events/store/files/file-store.js';
import { createS3FileStore } from '../../../../events/store/files/s3-file-store.js';

type Misbehaviour = (request: http.IncomingMessage, response: http.ServerResponse, index: number) => boolean;

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A storage whose request number `index` (from 0) misbehaves when `misbehave` says so, and is a bucket otherwise. */
async function storage(misbehave: Misbehaviour) {
  const seen: string[] = [];
  const objects = new Map<string, Buffer>();
  server = http.createServer((request, response) => {
    const index = seen.push(`${request.method} ${request.url}`) - 1;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (misbehave(request, response, index)) return;
      const object = objects.get(request.url!);
      if (request.method === 'PUT') objects.set(request.url!, Buffer.concat(chunks));
      response.statusCode = request.method === 'PUT' || object ? 200 : 404;
      response.end(request.method === 'GET' ? object : undefined);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const store = createS3FileStore({ endpoint: `http://127.0.0.1:${port}`, bucket: 'b', accessKeyId: 'k', secretAccessKey: 's', region: 'us-east-1' });
  return { store, seen };
}

const slowDown: Misbehaviour = (_request, response) => {
  response.statusCode = 503;
  response.end('<Error><Code>SlowDown</Code></Error>');
  return true;
};

describe('S3 file store on transient failures', () => {
  it('stores a file when the first two answers are 503 SlowDown', async () => {
    const { store, seen } = await storage((request, response, index) => index < 2 && slowDown(request, response, index));
    const content = new TextEncoder().encode(`%PDF-1.7 ${crypto.randomUUID()}`);
    const stored = await store.put(content);
    expect(seen.map((line) => line.split(' ')[0])).toEqual(['HEAD', 'HEAD', 'HEAD', 'PUT']);
    expect(Buffer.from((await store.get(stored.sha256))!).toString()).toBe(Buffer.from(content).toString());
  });

  it('stores a file when the storage drops the connection of its PUT once', async () => {
    const { store, seen } = await storage((request, response, index) => {
      if (request.method !== 'PUT' || seen.slice(0, index).some((line) => line.startsWith('PUT'))) return false;
      response.socket?.destroy();
      return true;
    });
    const stored = await store.put(new TextEncoder().encode('content'));
    expect(seen.filter((line) => line.startsWith('PUT'))).toHaveLength(2);
    expect(await store.has(stored.sha256)).toBe(true);
  });

  it('reports the storage unavailable after three 503s to each request, without a fourth try', async () => {
    const { store, seen } = await storage(slowDown);
    await expect(store.put(new TextEncoder().encode('content'))).rejects.toBeInstanceOf(FileStoreUnavailableError);
    // The HEAD that asks whether the content is there already, then the PUT: three tries each.
    expect(seen.map((line) => line.split(' ')[0])).toEqual(['HEAD', 'HEAD', 'HEAD', 'PUT', 'PUT', 'PUT']);
  });

  it('does not try again on an answer that is not transient (403)', async () => {
    const { store, seen } = await storage((_request, response) => {
      response.statusCode = 403;
      response.end();
      return true;
    });
    await expect(store.put(new TextEncoder().encode('content'))).rejects.toBeInstanceOf(FileStoreUnavailableError);
    expect(seen.map((line) => line.split(' ')[0])).toEqual(['HEAD', 'PUT']);
  });
});
