/**
 * `Idempotency-Key` on the routes that create something (registration, an organisation's application, a credit
 * record, an enrolment): a client that got no answer, or a 503, sends the same request again with the same key and
 * the thing is created once. The header follows the IETF draft (draft-ietf-httpapi-idempotency-key-header): any
 * client-chosen string, a UUID being the usual choice.
 *
 * - What is created takes its ids from the key (`idempotentId`), and the lifecycle command its Update id
 *   (`idempotentUpdateId`): a retry addresses the same lifecycle with the same Update, which Temporal answers with the
 *   first outcome instead of acting again — also when the first try timed out at the API but went on to succeed.
 *   Temporal remembers an Update for the life of the run that took it: a lifecycle's run lasts while it is busy and
 *   60 s after (workflows/kit/host.ts), so a retry within that is safe; a 503 asks for one after 5 s.
 * - A success is kept for 24 hours and given back as it was (`Idempotent-Replayed: true`) to the same key and the
 *   same request, without acting again. Only successes: a refusal (409, 422) is decided again on a retry, on the
 *   state of that moment.
 * - The same key with another request (another body or another target) is a 422 naming the header: a key is one
 *   request's, not a session's. Keys are per caller (the signed-in account, or anyone for registration) and per route.
 * - A route lists the fields a retry may change (`varies`): the captcha, which is spent by every try.
 *
 * The table is the API's own (operational, not a read model) and shared by every API instance through the database.
 * It holds a hash of each key and an HMAC of each request, never a password or the request itself; a kept response is
 * what the route answered (ids and positions, no secret — staff accounts, whose answer carries a one-time password,
 * do not take the header).
 */
import crypto from 'node:crypto';
import type { Lifecycle, ReqRef, Request, ResponseObject, ResponseToolkit, Server } from '@hapi/hapi';
import Boom from '@hapi/boom';
import { canonicalJson } from '../events/store/hash-chain.js';
import { UnprocessableError, ValidationError } from './errors.js';
import { requestHeader } from './headers.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** How long a success is given back to a retry with its key. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

/** Printable ASCII without spaces, at most 255 characters: a UUID, a ULID, a client's own token. */
const KEY = /^[\x21-\x7e]{1,255}$/;
const LABEL = { zh: '幂等键（Idempotency-Key）', en: 'Idempotency key (Idempotency-Key)' };

export const IDEMPOTENCY_DDL = `
CREATE TABLE IF NOT EXISTS idempotent_requests (
  key_hash    text PRIMARY KEY,
  fingerprint text NOT NULL,
  status_code integer NOT NULL,
  body        jsonb NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS idempotent_requests_created ON idempotent_requests (created_at);`;

export interface IdempotentRouteOptions {
  /** Payload fields a retry may send differently (a new captcha): left out of the comparison of the two requests. */
  varies?: readonly string[];
}

interface IdempotentRequest {
  keyHash: string;
  fingerprint: string;
}

declare module '@hapi/hapi' {
  interface RequestApplicationState {
    /** Set when the request carries an Idempotency-Key on a route that takes one. */
    idempotency?: IdempotentRequest;
  }
}

/** An id for what this request creates: derived from its Idempotency-Key (the same on every retry), else random. */
export function idempotentId<R extends ReqRef>(request: Request<R>, name: string): string {
  const idempotency = request.app.idempotency;
  if (!idempotency) return crypto.randomUUID();
  const bytes = crypto.createHash('sha256').update(`${idempotency.keyHash}\n${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8: an id of the application's own making (RFC 9562)
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // the RFC variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The lifecycle command's Update id: from the Idempotency-Key, so Temporal answers a retry with the first outcome. */
export function idempotentUpdateId<R extends ReqRef>(request: Request<R>): { updateId?: string } {
  const idempotency = request.app.idempotency;
  return idempotency ? { updateId: `idempotent-${idempotency.keyHash}` } : {};
}

export async function registerIdempotency(server: Server): Promise<void> {
  const { db, config, logger } = server.app.deps;
  await db.exec(IDEMPOTENCY_DDL);
  // Requests are compared by an HMAC, not a plain hash: a request may carry a password, and a plain hash of one in a
  // table would be a fast way to guess it.
  const fingerprintKey = crypto.createHash('sha256').update(`jxjy idempotency\n${config.jwtSecret}`).digest();

  // A malformed key is refused before the body is looked at, like a malformed path.
  server.ext('onPostAuth', (request: Request, h: ResponseToolkit) => {
    const key = requestHeader(request, IDEMPOTENCY_HEADER);
    // Sent twice, Node joins the two with ", ": not a key either.
    if (key !== undefined && request.route.settings.plugins?.jxjy?.idempotent && !KEY.test(key)) throw invalidKey();
    return h.continue;
  });

  server.ext('onPreHandler', async (request: Request, h: ResponseToolkit): Promise<Lifecycle.ReturnValue> => {
    const options = request.route.settings.plugins?.jxjy?.idempotent;
    const key = requestHeader(request, IDEMPOTENCY_HEADER);
    if (!options || key === undefined) return h.continue;
    const caller = request.auth.isAuthenticated ? request.auth.credentials.accountId : 'anyone';
    const keyHash = sha256(`${request.route.method} ${request.route.path}\n${caller}\n${key}`);
    const fingerprint = crypto
      .createHmac('sha256', fingerprintKey)
      .update(canonicalJson({ path: request.path, query: request.query, payload: without(request.payload, options.varies ?? []) }))
      .digest('hex');
    const { rows } = await db.query<{ fingerprint: string; status_code: number; body: unknown }>(
      `SELECT fingerprint, status_code, body FROM idempotent_requests WHERE key_hash = $1 AND created_at > $2`,
      [keyHash, new Date(Date.now() - IDEMPOTENCY_TTL_MS).toISOString()],
    );
    const kept = rows[0];
    if (kept && kept.fingerprint !== fingerprint) {
      const message = { zh: '该幂等键已用于另一个请求，请为新请求使用新的键', en: 'this Idempotency-Key was used for another request; use a new key for a new request' };
      throw new UnprocessableError(message, { details: [{ field: IDEMPOTENCY_HEADER, message }] });
    }
    if (kept) return h.response(kept.body as object).code(kept.status_code).header('Idempotent-Replayed', 'true').takeover();
    request.app.idempotency = { keyHash, fingerprint };
    return h.continue;
  });

  // Kept before the answer leaves, so a retry that arrives as soon as the client has it finds it.
  server.ext('onPostHandler', async (request: Request, h: ResponseToolkit): Promise<Lifecycle.ReturnValue> => {
    const idempotency = request.app.idempotency;
    const response = request.response;
    if (!idempotency || !response || Boom.isBoom(response)) return h.continue;
    const { statusCode, source } = response as ResponseObject;
    if (statusCode < 200 || statusCode > 299 || typeof source !== 'object' || source === null) return h.continue;
    try {
      const now = new Date();
      await db.query(`DELETE FROM idempotent_requests WHERE created_at < $1`, [new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString()]);
      await db.query(
        `INSERT INTO idempotent_requests (key_hash, fingerprint, status_code, body, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key_hash) DO NOTHING`,
        [idempotency.keyHash, idempotency.fingerprint, statusCode, JSON.stringify(source), now.toISOString()],
      );
    } catch (error) {
      // The thing is created; only a later replay is lost (a retry then acts again, with the same ids, as Temporal allows).
      logger.warn({ err: error, reqId: request.app.correlationId }, 'could not keep the response for its Idempotency-Key');
    }
    return h.continue;
  });
}

function invalidKey(): ValidationError {
  const message = { zh: `${LABEL.zh}须为 1–255 个可见 ASCII 字符`, en: `${LABEL.en} must be 1–255 visible ASCII characters` };
  return new ValidationError(message, { details: [{ field: IDEMPOTENCY_HEADER, message }] });
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

function without(payload: unknown, fields: readonly string[]): unknown {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload ?? null;
  return Object.fromEntries(Object.entries(payload).filter(([name]) => !fields.includes(name)));
}
