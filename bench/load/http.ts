/**
 * One client's line to one API instance, timing every request. Each request carries its own `X-Request-Id`: the
 * server writes it into the metadata of the events the request causes (`correlationId`), which is how
 * reconciliation ties each event to the command that caused it. Each client also sends its own `X-Forwarded-For`, so
 * a system that trusts a proxy (`JXJY_TRUST_PROXY`) counts per-address limits (captchas, sign-ins) per client, as
 * it would behind a load balancer; a system that does not simply ignores it.
 */
import crypto from 'node:crypto';
import type { Phase, RequestResult } from './stats.js';

export type Json = Record<string, unknown>;

export interface LineSettings {
  base: string;
  client: number;
  /** This client's address as a proxy would forward it. */
  address: string;
  /** Prefix of every request id of the run: `<runTag>-c<client>-<n>`. */
  runTag: string;
  record(result: RequestResult): void;
  /** Milliseconds since the run started. */
  clock(): number;
  timeoutMs: number;
  phase(): Phase;
}

export interface Call {
  /** A function makes the body of each try anew, where a try spends something (a captcha). */
  body?: Json | FormData | (() => Promise<Json>);
  token?: string;
  /** Statuses that count as success (default 200, 201, 202). */
  expect?: number[];
  /**
   * Sent again after a 503, when Retry-After says, as a client of the API should (at most MAX_TRIES in all, under the
   * same X-Request-Id, so reconciliation finds the command's events whichever try wrote them):
   * - `with-key`: a create route, sent with an Idempotency-Key that every try repeats (the thing is created once);
   * - `as-is`: a command idempotent by itself (a task decision: its Update id is derived from the decision).
   */
  retry?: 'with-key' | 'as-is';
}

/** A 503 is tried again this many times in all. */
export const MAX_TRIES = 3;

export interface Answer<T> {
  status: number;
  body: T;
  requestId: string;
}

/** A request answered with a status the journey did not expect, or not answered; already recorded as an error. */
export class RequestFailed extends Error {
  override readonly name = 'RequestFailed';
  constructor(
    readonly route: string,
    readonly status: number,
    readonly requestId: string,
    detail: string,
  ) {
    super(`${route} → ${status || 'no answer'}: ${detail}`);
  }
}

const DEFAULT_EXPECT = [200, 201, 202];

export class ApiLine {
  private sent = 0;

  constructor(private readonly settings: LineSettings) {}

  get base(): string {
    return this.settings.base;
  }

  get client(): number {
    return this.settings.client;
  }

  /** `route` is `METHOD /template` for the figures; `path` the real path under /api/v1, query included. */
  async call<T = Json>(route: string, path: string, call: Call = {}): Promise<Answer<T>> {
    const requestId = `${this.settings.runTag}-c${this.settings.client}-${++this.sent}`;
    const key = call.retry === 'with-key' ? crypto.randomUUID() : undefined;
    for (let tried = 1; ; tried++) {
      const body = typeof call.body === 'function' ? await call.body() : call.body;
      const last = !call.retry || tried === MAX_TRIES;
      const answer = await this.send<T>(route, path, body, call, requestId, key, last);
      if (answer.status !== 503 || last) return answer;
      await new Promise((resolve) => setTimeout(resolve, answer.retryAfterSeconds * 1_000));
    }
  }

  /** One try; a 503 that will be tried again is recorded as `retried`, not as an error. */
  private async send<T>(route: string, path: string, body: Json | FormData | undefined, call: Call, requestId: string, key: string | undefined, last: boolean): Promise<Answer<T> & { retryAfterSeconds: number }> {
    const { base, client, address, record, clock, timeoutMs } = this.settings;
    const method = route.slice(0, route.indexOf(' '));
    const { token, expect = DEFAULT_EXPECT } = call;
    const headers: Record<string, string> = { 'x-request-id': requestId, 'x-forwarded-for': address, 'accept-language': 'en' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (key) headers['idempotency-key'] = key;
    if (body && !(body instanceof FormData)) headers['content-type'] = 'application/json';
    const at = clock();
    const started = performance.now();
    const phase = this.settings.phase();
    let status = 0;
    let text = '';
    let retryAfterSeconds = 5;
    try {
      const response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers,
        ...(body ? { body: body instanceof FormData ? body : JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      text = await response.text();
      const after = Number(response.headers.get('retry-after'));
      if (Number.isFinite(after) && after > 0) retryAfterSeconds = Math.min(after, 30);
    } catch (error) {
      const ms = performance.now() - started;
      const message = error instanceof Error ? `${error.name}: ${(error.cause as Error | undefined)?.message ?? error.message}` : String(error);
      record({ phase, route, status: 0, ms, ok: false, at, client, base, requestId, message });
      throw new RequestFailed(route, 0, requestId, message);
    }
    const ms = performance.now() - started;
    const ok = expect.includes(status);
    const retried = status === 503 && !last;
    record({ phase, route, status, ms, ok, at, client, base, requestId, ...(retried ? { retried } : {}), ...(ok ? {} : { message: messageOf(text) }) });
    if (!ok && !retried) throw new RequestFailed(route, status, requestId, text.slice(0, 500));
    return { status, body: (ok && text ? JSON.parse(text) : {}) as T, requestId, retryAfterSeconds };
  }
}

/** The error body's message (and the first detail), short enough for a report line. */
function messageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: string; details?: Array<{ field?: string; message?: unknown }> };
    const detail = body.details?.[0];
    const field = detail ? ` [${detail.field ?? ''}: ${typeof detail.message === 'string' ? detail.message : JSON.stringify(detail.message)}]` : '';
    return `${body.message ?? text.slice(0, 200)}${field}`.slice(0, 300);
  } catch {
    return text.slice(0, 200);
  }
}
