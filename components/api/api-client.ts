// Fetch client every jxjy-* screen uses to call the hapi API: bearer token, Accept-Language, JSON,
// one token-refresh retry driven by the host page, and errors as ApiError with the server's error body. Uploads go
// through XMLHttpRequest (for their progress) but the same flow; downloads keep the server's file name; a streamed
// answer (NDJSON) is handed over unread.
// It is also the one place that reads `api-base` (with or without its /api/v1 prefix) and that refuses to ask
// for protected data without a token.
import { format, type Lang } from '../i18n/messages.js';
import { filenameFromContentDisposition } from './content-disposition.js';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * What else an error response may say: a machine-readable `code`, `Retry-After` (seconds) on 429/503, and the
 * body's other fields (`facts`).
 */
export interface ApiErrorExtras {
  readonly code?: string;
  readonly retryAfter?: number;
  readonly facts?: Readonly<Record<string, unknown>>;
}

/** The keys every error body has (CONTRACT.md Conventions); whatever else it carries is a fact. */
const ENVELOPE = new Set(['statusCode', 'error', 'message', 'details', 'code']);

/** The server's error body `{statusCode, error, message, details?, code?, …facts}` as a throwable; status 0 = no response. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string | undefined;
  /** Seconds from the `Retry-After` header (delta or HTTP date), when the server sent one. */
  readonly retryAfter: number | undefined;
  /**
   * The machine-readable facts the server put beside the envelope, as sent (a refused certificate's `missing`
   * hours, the `blockedBy` records of a dishonesty block); empty when there are none. Unchecked: a screen tests the
   * shape of what it reads.
   */
  readonly facts: Readonly<Record<string, unknown>>;
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly details?: readonly FieldError[],
    extras: ApiErrorExtras = {},
  ) {
    super(message);
    this.code = extras.code;
    this.retryAfter = extras.retryAfter;
    this.facts = extras.facts ?? {};
  }
}

/**
 * Thrown instead of sending a protected request while there is no token: the element shows that sign-in is
 * needed, and asks again when its token arrives (a token change re-runs its tasks).
 */
export class SignInRequiredError extends ApiError {
  constructor(message: string) {
    super(401, 'Unauthorized', message, undefined, { code: 'sign_in_required' });
  }
}

export const isSignInRequired = (err: unknown): err is SignInRequiredError => err instanceof SignInRequiredError;

/**
 * `api-base` as the callers' '/api/v1/…' paths need it: the API's origin (plus any gateway prefix) without a
 * trailing slash. CONTRACT.md lets portals write it with or without the /api/v1 prefix; both work.
 */
export function normalizeApiBase(raw: string | null | undefined): string {
  return (raw ?? '').trim().replace(/\/+$/, '').replace(/\/api\/v1$/, '');
}

function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

export type TokenSource = () => string | undefined | Promise<string | undefined>;

export interface ApiClientOptions {
  /** Origin (plus optional prefix) the callers' '/api/v1/…' paths are appended to; '' = same origin. */
  apiBase?: string;
  lang?: Lang;
  getToken?: TokenSource;
  /** Where `jxjy-token-expired` is dispatched: the element, so the event reaches the host page. */
  host?: EventTarget;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** 'blob' for the bytes alone; `download()` gives them with the server's file name. */
  as?: 'json' | 'blob';
  /**
   * false for the public routes (captcha, sign-in, registration), as hapi spells it. Every other request needs a
   * token: without one it is not sent and fails with SignInRequiredError.
   */
  auth?: boolean;
  /**
   * Sent as `Idempotency-Key` (routes that create something): the same key on a second try of the same submission
   * creates nothing twice. A screen keeps one per submission until it succeeds (`SubmissionKey`).
   */
  idempotencyKey?: string;
}

/**
 * One submission's Idempotency-Key: the same on every try of the same content (a retry after a 503 or a lost answer,
 * a second click), a new one once it succeeded or the content changed.
 */
export class SubmissionKey {
  #key: string | undefined;
  #content: string | undefined;

  /** The key for this content: kept while the content is the same, new when it changed. */
  for(content: unknown): string {
    const json = JSON.stringify(content ?? null);
    if (this.#key === undefined || json !== this.#content) {
      this.#key = randomUuid();
      this.#content = json;
    }
    return this.#key;
  }

  /** After a success: the next submission is a new one. */
  done(): void {
    this.#key = undefined;
    this.#content = undefined;
  }
}

/** A version-4 UUID; `crypto.randomUUID` exists only on https and localhost, and a portal may embed us on plain http. */
function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A fetched file and the name to save it under. */
export interface Download {
  blob: Blob;
  /** The server's (`Content-Disposition`, RFC 6266), else the caller's `fallbackFilename`, else 'download'. */
  filename: string;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  /**
   * The name to save under when the response names none — e.g. a gateway in front of a cross-origin API that does
   * not expose `Content-Disposition` (the API itself does, api/security-headers.ts).
   */
  fallbackFilename?: string;
}

export interface UploadOptions {
  signal?: AbortSignal;
  /** The fraction of the body sent so far, 0–1. */
  onProgress?: (fraction: number) => void;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export class ApiClient {
  readonly #base: string;
  readonly #lang: Lang;
  readonly #getToken: TokenSource;
  readonly #host: EventTarget | undefined;

  constructor({ apiBase = '', lang = 'zh-CN', getToken = () => undefined, host }: ApiClientOptions = {}) {
    this.#base = normalizeApiBase(apiBase);
    this.#lang = lang;
    this.#getToken = getToken;
    this.#host = host;
  }

  get<T>(path: string, opts?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, undefined, opts);
  }
  post<T>(path: string, body?: unknown, opts?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, body, opts);
  }
  put<T>(path: string, body?: unknown, opts?: RequestOptions): Promise<T> {
    return this.request<T>('PUT', path, body, opts);
  }
  patch<T>(path: string, body?: unknown, opts?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, body, opts);
  }
  delete<T>(path: string, opts?: RequestOptions): Promise<T> {
    return this.request<T>('DELETE', path, undefined, opts);
  }

  async request<T>(method: Method, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
    const res = await this.open(method, path, body, opts);
    if (opts.as === 'blob') return (await res.blob()) as T;
    return this.#json<T>(res);
  }

  /**
   * The successful response itself, unread, for an answer read as it arrives (the verification's NDJSON progress:
   * `accept` names its type). Same headers, sign-in rule, token-refresh retry and errors as every other request.
   */
  open(method: Method, path: string, body?: unknown, opts: RequestOptions & { accept?: string } = {}): Promise<Response> {
    return this.#exchange((token) => this.#send(method, path, body, token, opts), opts);
  }

  /**
   * GETs a file with the token (a plain link cannot send it), for the screen to save: the bytes and the name the
   * server gave them, so certificates and attachments are saved as the server names them.
   */
  async download(path: string, opts: DownloadOptions = {}): Promise<Download> {
    const res = await this.open('GET', path, undefined, opts);
    const named = filenameFromContentDisposition(res.headers.get('Content-Disposition'));
    return { blob: await res.blob(), filename: named ?? opts.fallbackFilename ?? 'download' };
  }

  /**
   * POSTs a multipart body (an attachment) through XMLHttpRequest: fetch cannot report upload progress over
   * HTTP/1.1. Same headers, sign-in rule, token-refresh retry and errors as every other request; `onProgress`
   * gets the fraction sent (0–1), starting again from 0 when a refreshed token makes it send once more.
   */
  async upload<T>(path: string, body: FormData, opts: UploadOptions = {}): Promise<T> {
    return this.#json<T>(await this.#exchange((token) => this.#sendXhr('POST', path, body, token, opts), {}));
  }

  /** Sends (once more with a refreshed token after a 401) and answers the successful response; an error throws ApiError. */
  async #exchange(send: (token: string | undefined) => Promise<Response>, opts: Pick<RequestOptions, 'auth'>): Promise<Response> {
    let token = await this.#getToken();
    if (!token && opts.auth !== false) throw new SignInRequiredError(format(this.#lang, 'signInRequired'));
    let res = await send(token);
    // Only a request that carried a token can have an expired one; a 401 from the login route is just "wrong password".
    if (res.status === 401 && token && (await this.#hostRefreshed())) {
      token = await this.#getToken();
      res = await send(token);
    }
    if (!res.ok) throw await this.#errorFrom(res);
    return res;
  }

  async #json<T>(res: Response): Promise<T> {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Asks the host for a fresh token; false when the host vetoed (preventDefault) or its refresh failed. */
  async #hostRefreshed(): Promise<boolean> {
    if (!this.#host) return false;
    const event = new CustomEvent('jxjy-token-expired', {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: { waitFor: [] as Promise<unknown>[] },
    });
    if (!this.#host.dispatchEvent(event)) return false;
    try {
      await Promise.all(event.detail.waitFor);
      return true;
    } catch {
      // The host's own refresh failed; retrying with the same token would only 401 again.
      return false;
    }
  }

  #headers(token: string | undefined, accept = 'application/json'): Headers {
    const headers = new Headers({ Accept: accept, 'Accept-Language': this.#lang });
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return headers;
  }

  async #send(method: Method, path: string, body: unknown, token: string | undefined, { signal, accept, idempotencyKey }: RequestOptions & { accept?: string }) {
    const headers = this.#headers(token, accept);
    if (idempotencyKey) headers.set('Idempotency-Key', idempotencyKey);
    let payload: BodyInit | undefined;
    if (body instanceof FormData || body instanceof Blob) {
      payload = body; // the browser sets the multipart boundary itself
    } else if (body !== undefined) {
      headers.set('Content-Type', 'application/json');
      payload = JSON.stringify(body);
    }
    try {
      return await fetch(this.#base + path, { method, headers, body: payload, signal: signal ?? null });
    } catch (err) {
      // Aborts must stay aborts: @lit/task treats them as "superseded", not as an error to show.
      if (signal?.aborted) throw err;
      throw new ApiError(0, 'Network Error', format(this.#lang, 'networkError'));
    }
  }

  /** The XHR's answer as a Response, so the rest of the flow (retry, errors, parsing) is the one fetch uses. */
  #sendXhr(method: Method, path: string, body: FormData, token: string | undefined, opts: UploadOptions): Promise<Response> {
    const { signal, onProgress } = opts;
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const xhr = new XMLHttpRequest();
      xhr.open(method, this.#base + path);
      this.#headers(token).forEach((value, name) => xhr.setRequestHeader(name, value));
      const abort = () => xhr.abort();
      signal?.addEventListener('abort', abort, { once: true });
      const settle = () => signal?.removeEventListener('abort', abort);
      xhr.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
      });
      xhr.addEventListener('load', () => {
        settle();
        const headers = new Headers();
        for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
          const at = line.indexOf(':');
          if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
        }
        const empty = xhr.status === 204 || xhr.status === 205;
        resolve(new Response(empty ? null : xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers }));
      });
      xhr.addEventListener('error', () => {
        settle();
        reject(new ApiError(0, 'Network Error', format(this.#lang, 'networkError')));
      });
      // Aborts must stay aborts, as with fetch: the caller treats them as "superseded".
      xhr.addEventListener('abort', () => {
        settle();
        reject(signal?.reason ?? new DOMException('The upload was aborted.', 'AbortError'));
      });
      xhr.send(body);
    });
  }

  async #errorFrom(res: Response): Promise<ApiError> {
    let parsed: unknown;
    try {
      parsed = await res.json();
    } catch {
      parsed = undefined; // proxies and gateways answer HTML; fall through to a generic message
    }
    const b = (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : {}) as Record<string, unknown>;
    const fallback = format(this.#lang, res.status === 401 ? 'sessionExpired' : 'requestFailed', { status: res.status });
    const details = Array.isArray(b['details']) ? (b['details'] as FieldError[]) : undefined;
    const facts = Object.fromEntries(Object.entries(b).filter(([key]) => !ENVELOPE.has(key)));
    return new ApiError(
      res.status,
      typeof b['error'] === 'string' ? b['error'] : res.statusText,
      typeof b['message'] === 'string' && b['message'] ? b['message'] : fallback,
      details,
      { code: typeof b['code'] === 'string' ? b['code'] : undefined, retryAfter: retryAfterSeconds(res.headers.get('Retry-After')), facts },
    );
  }
}
