/**
 * `Idempotency-Key` on the routes that create something (registration, an organisation's application, a credit
 * record, an enrolment): a client that got no answer, or a 503, sends the same request again with the same key and
 * the thing is created once. The header follows the IETF draft (draft-ietf-httpapi-idempotency-key-header): a
 * client-chosen string, which must be unguessable (a random UUID), since a key is all a retry shows.
 *
 * - The first try claims the key (a row here) with a random seed before its handler runs. What it creates takes its
 *   ids from the seed (`idempotentId`), and its lifecycle command its Update id (`idempotentUpdateId`). A second try
 *   — in parallel, or after a 503 — finds the row and acts with the same seed: it addresses the same lifecycle with the
 *   same Update, which Temporal answers with the first outcome instead of acting again, also when the first try timed
 *   out at the API but went on to succeed. Temporal remembers an Update for the life of the run that took it: a
 *   lifecycle's run lasts while it is busy and 60 s after (workflows/kit/host.ts), and a 503 asks for a retry after
 *   5 s. A retry later than that is told the thing exists (409): the key never makes a second one.
 * - A success is kept for 24 hours and given back as it was (`Idempotent-Replayed: true`) to the same key and the
 *   same request, without acting again.
 * - A first try refused (4xx) created nothing and frees the key, for the corrected request. (A claim whose answer
 *   was lost to the database connection stays, as after a 503: the retry acts as a retry, and a refusal then does not
 *   free the key, so a corrected request needs a new key.)
 * - A retry after the run has ended meets the lifecycle's own refusal of a request it has seen (a class refuses an
 *   enrolment id twice; an organisation its first registration again): an old key never makes a new thing.
 * - The same key with another request (another body or another target) is a 422 naming the header, while the key is
 *   claimed: a key is one request's, not a session's. Keys are per caller (the signed-in account; for registration,
 *   anyone) and per route.
 * - A route lists the fields a retry may change (`varies`): the captcha, which is spent by every try.
 *
 * The table is the API's own (operational, not a read model) and shared by every API instance through the database.
 * It holds a hash of each key and an HMAC of each request, never a password or the request itself; a kept response is
 * what the route answered (ids and positions, no secret — staff accounts, whose answer carries a one-time password,
 * do not take the header).
 */
import crypto from 'node:crypto';
import type { Lifecycle, ReqRef, Request, ResponseToolkit, Server } from '@hapi/hapi';
import Boom from '@hapi/boom';
import { canonicalJson } from '../events/store/hash-chain.js';
import { nameBasedId } from '../events/store/name-based-id.js';
import { nowOf } from './clock.js';
import { UnavailableError, UnprocessableError, ValidationError } from './errors.js';
import { requestHeader } from './headers.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** On an answer given back from what a first try kept. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';
/** How long a success is given back to a retry with its key. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

/** Printable ASCII without spaces, at most 255 characters: a UUID, a ULID, a client's own token. */
export const KEY_PATTERN = '^[!-~]+$';
export const KEY_MAX_LENGTH = 255;
const KEY = new RegExp(KEY_PATTERN);
const LABEL = { zh: '幂等键（Idempotency-Key）', en: 'Idempotency key (Idempotency-Key)' };

const IDEMPOTENCY_DDL = `
CREATE TABLE IF NOT EXISTS idempotency_keys (
  key_hash    text PRIMARY KEY,
  fingerprint text NOT NULL,
  seed        uuid NOT NULL,
  status_code integer,
  body        jsonb,
  created_at  timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS idempotency_keys_created ON idempotency_keys (created_at);`;

export interface IdempotentRouteOptions {
  /** Payload fields a retry may send differently (a new captcha): left out of the comparison of the two requests. */
  varies?: readonly string[];
}

interface IdempotentRequest {
  keyHash: string;
  /** Random, drawn when the key was first used: what the request creates takes its ids from it. */
  seed: string;
  /** This request claimed the key (its first try). */
  first: boolean;
}

declare module '@hapi/hapi' {
  interface RequestApplicationState {
    /** Set when the request carries an Idempotency-Key on a route that takes one. */
    idempotency?: IdempotentRequest;
  }
}

/** An id for what this request creates: the same on every try under its Idempotency-Key, else random. */
export function idempotentId<R extends ReqRef>(request: Request<R>, name: string): string {
  const idempotency = request.app.idempotency;
  return idempotency ? nameBasedId(`${idempotency.seed}\n${name}`) : crypto.randomUUID();
}

/** The lifecycle command's Update id under an Idempotency-Key (api/lifecycles.ts sends it): a retry gets the first outcome. */
export function idempotentUpdateId<R extends ReqRef>(request: Request<R>): string | undefined {
  const idempotency = request.app.idempotency;
  return idempotency && `idempotent-${idempotency.seed}`;
}

export async function registerIdempotency(server: Server): Promise<void> {
  const { db, config, logger } = server.app.deps;
  await db.exec(IDEMPOTENCY_DDL);
  // Requests are compared by an HMAC, not a plain hash: a request may carry a password, and a plain hash of one in a
  // table would be a fast way to guess it.
  const fingerprintKey = crypto.createHash('sha256').update(`jxjy idempotency\n${config.jwtSecret}`).digest();

  // A malformed key is refused before the body is validated, like a malformed path.
  server.ext('onPostAuth', (request: Request, h: ResponseToolkit) => {
    const key = requestHeader(request, IDEMPOTENCY_HEADER);
    // Sent twice, Node joins the two with ", ": not a key either.
    if (key !== undefined && request.route.settings.plugins?.jxjy?.idempotent && (key.length > KEY_MAX_LENGTH || !KEY.test(key))) throw invalidKey();
    return h.continue;
  });

  // The key is claimed before the handler runs: a second try (in parallel, or after a 503) finds the first one's row,
  // and with it the same seed — or a 422 when it is another request — or the kept answer once there is one.
  server.ext('onPreHandler', async (request: Request, h: ResponseToolkit): Promise<Lifecycle.ReturnValue> => {
    const options = request.route.settings.plugins?.jxjy?.idempotent;
    const key = requestHeader(request, IDEMPOTENCY_HEADER);
    if (!options || key === undefined) return h.continue;
    const now = nowOf(request);
    const caller = request.auth.isAuthenticated ? request.auth.credentials.accountId : 'anyone';
    const keyHash = sha256(`${request.route.method} ${request.route.path}\n${caller}\n${key}`);
    const fingerprint = crypto
      .createHmac('sha256', fingerprintKey)
      .update(canonicalJson({ path: request.path, query: request.query, payload: without(request.payload, options.varies ?? []) }))
      .digest('hex');
    const claim = await claimKey(keyHash, fingerprint, now);
    if (claim.kind === 'another-request') {
      const message = { zh: '该幂等键已用于另一个请求，请为新请求使用新的键', en: 'this Idempotency-Key was used for another request; use a new key for a new request' };
      throw new UnprocessableError(message, { details: [{ field: IDEMPOTENCY_HEADER, message }] });
    }
    if (claim.kind === 'kept') return h.response(claim.body).code(claim.statusCode).header(REPLAYED_HEADER, 'true').takeover();
    // Claimed now, or the first try is in flight or ended in a 503: this one acts with the seed, and Temporal answers it
    // the first outcome if there is one.
    request.app.idempotency = { keyHash, seed: claim.seed, first: claim.kind === 'claimed' };
    return h.continue;
  });

  type Claim =
    | { kind: 'claimed' | 'retry'; seed: string }
    | { kind: 'kept'; statusCode: number; body: Record<string, unknown> }
    | { kind: 'another-request' };

  async function claimKey(keyHash: string, fingerprint: string, now: Date): Promise<Claim> {
    await db.query(`DELETE FROM idempotency_keys WHERE created_at < $1`, [new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString()]);
    // Twice at most: a row can vanish between the two statements (its first try was refused meanwhile, which frees it).
    for (let attempt = 0; ; attempt++) {
      const claimed = await db.query<{ seed: string }>(
        `INSERT INTO idempotency_keys (key_hash, fingerprint, seed, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (key_hash) DO NOTHING RETURNING seed`,
        [keyHash, fingerprint, crypto.randomUUID(), now.toISOString()],
      );
      if (claimed.rows[0]) return { kind: 'claimed', seed: claimed.rows[0].seed };
      const { rows } = await db.query<{ fingerprint: string; seed: string; status_code: number | null; body: Record<string, unknown> | null }>(
        `SELECT fingerprint, seed, status_code, body FROM idempotency_keys WHERE key_hash = $1`,
        [keyHash],
      );
      const first = rows[0];
      if (!first) {
        if (attempt === 0) continue;
        throw new UnavailableError(); // freed and taken again in between, twice: let the client try once more
      }
      if (first.fingerprint !== fingerprint) return { kind: 'another-request' };
      if (first.status_code !== null && first.body !== null) return { kind: 'kept', statusCode: first.status_code, body: first.body };
      return { kind: 'retry', seed: first.seed };
    }
  }

  // Kept before the answer leaves, so a retry that arrives as soon as the client has it finds it.
  server.ext('onPostHandler', async (request: Request, h: ResponseToolkit): Promise<Lifecycle.ReturnValue> => {
    const idempotency = request.app.idempotency;
    const response = request.response;
    if (!idempotency || !response || Boom.isBoom(response)) return h.continue;
    const { statusCode, source } = response;
    if (statusCode < 200 || statusCode > 299 || typeof source !== 'object' || source === null) return h.continue;
    try {
      await db.query(`UPDATE idempotency_keys SET status_code = $3, body = $4 WHERE key_hash = $1 AND seed = $2 AND status_code IS NULL`, [
        idempotency.keyHash,
        idempotency.seed,
        statusCode,
        JSON.stringify(source),
      ]);
    } catch (error) {
      // The thing is created; only the replay is lost: a retry then acts again with the same ids, as Temporal allows.
      logger.warn({ err: error, reqId: request.app.correlationId }, 'could not keep the response for its Idempotency-Key');
    }
    return h.continue;
  });

  // A first try refused (4xx) created nothing: the key is free again, for the corrected request. After a 5xx it stays
  // claimed, so the retry acts with the same ids; and a retry's refusal never frees it (its first try may have created
  // the thing: a retry after the lifecycle's run ended is told it exists — a 409 — and must not create a second).
  server.ext('onPreResponse', async (request: Request, h: ResponseToolkit): Promise<Lifecycle.ReturnValue> => {
    const idempotency = request.app.idempotency;
    const response = request.response;
    if (!idempotency?.first || !response) return h.continue;
    // By now the error may already be our error body (on-pre-response.ts runs first): a response with a 4xx status.
    const status = Boom.isBoom(response) ? response.output.statusCode : response.statusCode;
    if (status >= 400 && status < 500) {
      await db
        .query(`DELETE FROM idempotency_keys WHERE key_hash = $1 AND seed = $2 AND status_code IS NULL`, [idempotency.keyHash, idempotency.seed])
        .catch((error: unknown) => logger.warn({ err: error, reqId: request.app.correlationId }, 'could not free an Idempotency-Key'));
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
