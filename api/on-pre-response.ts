/**
 * Every error leaves the API as `{statusCode, error, message, details?, code?}` (CONTRACT.md Conventions), plus any
 * facts the error names for clients (never one of those five keys),
 * whatever threw it: a handler, a failAction, auth, hapi itself. Messages are in the caller's language. A 5xx
 * we did not anticipate is logged with the request id and answered with a generic message: stacks, SQL and
 * hostnames never reach a client.
 */
import { STATUS_CODES } from 'node:http';
import Boom from '@hapi/boom';
import type { Request, ResponseToolkit, Server } from '@hapi/hapi';
import { type ApiError, type FieldError, type Message, RateLimitedError } from './errors.js';
import { type Lang, langOf, pick } from './i18n.js';
import { toApiError } from './known-errors.js';
import { statusMessage } from './status-messages.js';

/** What a 503 tells clients to wait before trying again: a worker or server restart takes about this long. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; message: string }[];
  code?: string;
}

export function registerErrorResponses(server: Server): void {
  server.ext('onPreResponse', (request: Request, h: ResponseToolkit) => {
    const response = request.response;
    if (!Boom.isBoom(response)) return h.continue;
    const lang = langOf(request);
    const known = toApiError(response);
    const body = known ? bodyOf(known, lang) : bodyOfForeign(response, lang);
    logServerError(request, response, known, body.statusCode);

    const reply = h.response(body).code(body.statusCode);
    // Keep what hapi and the auth scheme put there (WWW-Authenticate, Allow); the body is ours.
    for (const [name, value] of Object.entries(response.output.headers)) {
      if (name.toLowerCase() !== 'content-type' && value !== undefined) reply.header(name, String(value));
    }
    if (known instanceof RateLimitedError) reply.header('Retry-After', String(known.retryAfterSeconds));
    // A dependency that is down (Temporal, the database, a lagging projection) is worth retrying shortly.
    else if (body.statusCode === 503) reply.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    return reply;
  });
}

function bodyOf(error: ApiError, lang: Lang): ErrorBody {
  const status = error.statusCode;
  const body: ErrorBody = {
    statusCode: status,
    error: STATUS_CODES[status] ?? 'Error',
    message: error.text ? resolve(error.text, lang) : generic(status, lang, ''),
  };
  if (error.details?.length) body.details = error.details.map((d: FieldError) => ({ field: d.field, message: resolve(d.message, lang) }));
  if (error.code) body.code = error.code;
  return error.facts ? { ...error.facts, ...body } : body;
}

/** hapi's own errors (no route, bad JSON, missing token, insufficient scope) and anything unexpected. */
function bodyOfForeign(error: Boom.Boom, lang: Lang): ErrorBody {
  const status = error.output.statusCode;
  return {
    statusCode: status,
    error: STATUS_CODES[status] ?? 'Error',
    message: generic(status, lang, status < 500 ? error.output.payload.message : ''),
  };
}

function logServerError(request: Request, error: Boom.Boom, known: ApiError | undefined, status: number): void {
  if (status < 500) return;
  const { logger } = request.server.app.deps;
  const context = { reqId: request.app.correlationId, method: request.method, path: request.path, err: error };
  // A mapped 503 is an outage of a dependency, expected and retried by clients; anything else is a bug.
  if (known) logger.warn(context, 'dependency unavailable');
  else logger.error(context, 'request failed');
}

const resolve = (message: Message, lang: Lang): string => (typeof message === 'string' ? message : pick(lang, message));

const generic = (status: number, lang: Lang, fallback: string): string => {
  const text = statusMessage(status);
  return text ? pick(lang, text) : fallback || (STATUS_CODES[status] ?? 'Error');
};
