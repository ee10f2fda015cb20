/**
 * The API's one error taxonomy (STYLE.md §7). Handlers and extensions throw these; `on-pre-response.ts` turns
 * them into `{statusCode, error, message, details?}`. No handler catches and re-wraps: throw and let the
 * extension map it. A message may be a plain string (already localized, e.g. via `t()`) or a `{zh, en}` pair
 * resolved in the caller's language; without one, the status's generic message (`status-messages.ts`) is used.
 */
import type { Localized } from './i18n.js';

export type Message = string | Localized;

/** One rejected input: `field` is the joi path joined with '.', without the source (`items.0.name`). */
export interface FieldError {
  field: string;
  message: Message;
}

export interface ApiErrorOptions {
  details?: FieldError[];
  /** Stable machine-readable reason for clients that must branch on it (e.g. `password_change_required`). */
  code?: string;
  /** Machine-readable facts a client needs to act, beside the message (a refused certificate's `missing` hours). */
  facts?: Record<string, unknown>;
  cause?: unknown;
}

export abstract class ApiError extends Error {
  abstract readonly statusCode: number;
  readonly text: Message | undefined;
  readonly details: FieldError[] | undefined;
  readonly code: string | undefined;
  readonly facts: Record<string, unknown> | undefined;

  constructor(message?: Message, options: ApiErrorOptions = {}) {
    // Error.message feeds logs, which are read in English.
    super(typeof message === 'object' ? message.en : (message ?? ''), { cause: options.cause });
    this.text = message;
    this.details = options.details;
    this.code = options.code;
    this.facts = options.facts;
  }
}

/** 400: the request does not match the route's schema (set by the joi failAction). */
export class ValidationError extends ApiError {
  override readonly name = 'ValidationError';
  readonly statusCode = 400;
}

/** 422: well-formed input that a business rule rejects (e.g. `reason` missing for a reject decision). */
export class UnprocessableError extends ApiError {
  override readonly name = 'UnprocessableError';
  readonly statusCode = 422;
}

export class UnauthorizedError extends ApiError {
  override readonly name = 'UnauthorizedError';
  readonly statusCode = 401;
}

export class ForbiddenError extends ApiError {
  override readonly name = 'ForbiddenError';
  readonly statusCode = 403;
}

/** 404 also for things that exist but are not visible to the caller (CONTRACT.md), so ids cannot be probed. */
export class NotFoundError extends ApiError {
  override readonly name = 'NotFoundError';
  readonly statusCode = 404;
}

/** 409: an invalid state transition or a duplicate. */
export class ConflictError extends ApiError {
  override readonly name = 'ConflictError';
  readonly statusCode = 409;
}

export class PayloadTooLargeError extends ApiError {
  override readonly name = 'PayloadTooLargeError';
  readonly statusCode = 413;
}

export class UnsupportedMediaTypeError extends ApiError {
  override readonly name = 'UnsupportedMediaTypeError';
  readonly statusCode = 415;
}

/** 429: rate-limited or locked out; `retryAfterSeconds` becomes the `Retry-After` header. */
export class RateLimitedError extends ApiError {
  override readonly name = 'RateLimitedError';
  readonly statusCode = 429;
  constructor(
    readonly retryAfterSeconds: number,
    message?: Message,
    options?: ApiErrorOptions,
  ) {
    super(message, options);
  }
}

/** 503: a dependency (Temporal, the store, a lagging projection) is unavailable; the client may retry. */
export class UnavailableError extends ApiError {
  override readonly name = 'UnavailableError';
  readonly statusCode = 503;
}
