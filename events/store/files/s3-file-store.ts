/**
 * The file store on S3-compatible object storage (production: every API instance sees the same files; AWS S3, MinIO,
 * Aliyun OSS and Tencent COS all speak this). Objects are `files/ab/cd/<sha256>` in one bucket, addressed path-style,
 * requests signed with AWS Signature V4 — a few dozen lines of `node:crypto` and `fetch` rather than an SDK.
 */
import crypto from 'node:crypto';
import { type FileStore, FileStoreUnavailableError, type StoredFile, isSha256 } from './file-store.js';

const SEND_ATTEMPTS = 3;
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 50 * 4 ** (attempt - 1)));

export interface S3Settings {
  /** e.g. `https://oss-cn-guangzhou.aliyuncs.com` or `http://127.0.0.1:9000`. */
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

const EMPTY_SHA256 = crypto.createHash('sha256').update('').digest('hex');
const hmac = (key: crypto.BinaryLike, text: string) => crypto.createHmac('sha256', key).update(text).digest();
const encodeSegment = (segment: string) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function createS3FileStore(settings: S3Settings): FileStore & { ensureBucket(): Promise<void> } {
  const base = new URL(settings.endpoint);
  const keyOf = (sha256: string) => `files/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

  /**
   * One signed request (SigV4, header-based, path-style). A dropped connection or a 500/502/503/504 is tried again
   * twice after a short pause, as S3's own SDKs do: object storage answers those to a fraction of requests in normal
   * operation (S3's "SlowDown", a node restarting; moto's threaded server dropped one of eight concurrent PUTs of one
   * key once in CI). Every request here is idempotent: content-addressed PUTs, HEADs, GETs.
   */
  async function send(method: 'GET' | 'PUT' | 'HEAD', key: string | null, body?: Uint8Array, payloadSha256 = EMPTY_SHA256): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const last = attempt === SEND_ATTEMPTS;
      let response: Response;
      try {
        response = await sendOnce(method, key, body, payloadSha256);
      } catch (error) {
        if (last) throw error;
        await pause(attempt);
        continue;
      }
      if (last || !TRANSIENT_STATUSES.has(response.status)) return response;
      await response.body?.cancel().catch(() => {});
      await pause(attempt);
    }
  }

  async function sendOnce(method: 'GET' | 'PUT' | 'HEAD', key: string | null, body: Uint8Array | undefined, payloadSha256: string): Promise<Response> {
    const path = `/${[settings.bucket, ...(key ? key.split('/') : [])].map(encodeSegment).join('/')}`;
    const url = new URL(path, base);
    const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const headers = { host: url.host, 'x-amz-content-sha256': payloadSha256, 'x-amz-date': amzDate };
    const authorization = signV4({ method, path, headers, payloadSha256, amzDate, region: settings.region, accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey });
    const { host: _host, ...sent } = headers;
    try {
      // Node's fetch sends a Uint8Array as is; its DOM typings only list narrower buffer types.
      return await fetch(url, { method, headers: { ...sent, authorization }, ...(body ? { body: body as unknown as BodyInit } : {}) });
    } catch (error) {
      throw new FileStoreUnavailableError(`object storage at ${base.origin} is unreachable`, { cause: error });
    }
  }

  async function expectOk(response: Response, what: string): Promise<void> {
    if (response.ok) return;
    const text = await response.text().catch(() => '');
    const error = new Error(`${what}: ${response.status} ${text.slice(0, 200)}`);
    throw response.status >= 500 || response.status === 403 ? new FileStoreUnavailableError(error.message, { cause: error }) : error;
  }

  return {
    describe: `object storage ${base.origin}/${settings.bucket}`,
    async ensureBucket() {
      const head = await send('HEAD', null);
      if (head.ok) return;
      await expectOk(await send('PUT', null), `creating bucket ${settings.bucket}`);
    },
    async put(content: Uint8Array): Promise<StoredFile> {
      const sha256 = crypto.createHash('sha256').update(content).digest('hex');
      if ((await send('HEAD', keyOf(sha256))).ok) return { sha256, size: content.byteLength };
      // The payload hash in the signature makes the storage check the bytes it received.
      await expectOk(await send('PUT', keyOf(sha256), content, sha256), `storing ${sha256}`);
      return { sha256, size: content.byteLength };
    },
    async get(sha256: string): Promise<Uint8Array | null> {
      if (!isSha256(sha256)) return null;
      const response = await send('GET', keyOf(sha256));
      if (response.status === 404) return null;
      await expectOk(response, `reading ${sha256}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    async has(sha256: string): Promise<boolean> {
      if (!isSha256(sha256)) return false;
      const response = await send('HEAD', keyOf(sha256));
      if (response.status === 404) return false;
      await expectOk(response, `looking up ${sha256}`);
      return true;
    },
    async ping(): Promise<void> {
      await expectOk(await send('HEAD', null), `bucket ${settings.bucket}`);
    },
  };
}

export interface SigningInput {
  method: string;
  /** Already URI-encoded, e.g. `/bucket/files/ab/cd/<sha>`. */
  path: string;
  /** Lower-case names; every one is signed. */
  headers: Record<string, string>;
  payloadSha256: string;
  /** `YYYYMMDDTHHMMSSZ` */
  amzDate: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** The `Authorization` header of AWS Signature Version 4 for S3 (header-based, no query string). */
export function signV4(input: SigningInput): string {
  const names = Object.keys(input.headers).sort();
  // Method, URI, query, the signed headers (each line ending in a newline), their names, the payload's hash.
  const canonicalHeaders = names.map((name) => `${name}:${input.headers[name]!.trim()}\n`).join('');
  const canonical = [input.method, input.path, '', canonicalHeaders, names.join(';'), input.payloadSha256].join('\n');
  const day = input.amzDate.slice(0, 8);
  const scope = `${day}/${input.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', input.amzDate, scope, crypto.createHash('sha256').update(canonical).digest('hex')].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), 's3'), 'aws4_request');
  const signature = crypto.createHmac('sha256', key).update(toSign).digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
}
