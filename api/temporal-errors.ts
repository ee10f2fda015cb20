/**
 * Temporal → taxonomy. Workflow Update handlers and validators reject with a typed `ApplicationFailure`
 * (DESIGN.md §4); the client surfaces it as `WorkflowUpdateFailedError` whose `cause` chain holds it. This
 * module is the only place that knows those types, so routes call `executeUpdate` without try/catch.
 *
 * Convention for workflow authors: `ApplicationFailure.create({ type, message, details })` where `message` is
 * English for logs and `details` may hold a `{zh, en}` message for people and/or an array of `{field, message}`
 * (for 'InvalidInput'), in any order.
 */
import {
  ApplicationFailure,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcServiceError,
} from '@temporalio/client';
import {
  type ApiError,
  type ApiErrorOptions,
  ConflictError,
  type FieldError,
  ForbiddenError,
  type Message,
  NotFoundError,
  UnavailableError,
  UnprocessableError,
} from './errors.js';
import type { Localized } from './i18n.js';

// @grpc/grpc-js `status` codes; numbers so this module needs nothing beyond the Temporal packages.
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_RESOURCE_EXHAUSTED = 8;
const GRPC_UNAVAILABLE = 14;
const UNREACHABLE_CODES = new Set([GRPC_DEADLINE_EXCEEDED, GRPC_RESOURCE_EXHAUSTED, GRPC_UNAVAILABLE]);

export const TEMPORAL_UNAVAILABLE: Localized = {
  zh: '业务流程服务暂时不可用，请稍后再试',
  en: 'The workflow service is temporarily unavailable; try again later',
};

/** The failure types workflows may throw, and what each means over HTTP. */
const BY_FAILURE_TYPE: Record<string, (message: Message, options: ApiErrorOptions) => ApiError> = {
  InvalidTransition: (message, options) => new ConflictError(message, options),
  InvalidInput: (message, options) => new UnprocessableError(message, options),
  NotFound: (message, options) => new NotFoundError(message, options),
  Forbidden: (message, options) => new ForbiddenError(message, options),
  // A duplicate (a username or USCC claimed by someone else).
  Conflict: (message, options) => new ConflictError(message, options),
  // The workflow is its stream's only writer, so this is a race the caller can resolve by retrying.
  WrongExpectedVersion: (message, options) => new ConflictError(message, options),
};

/** Returns the taxonomy error for a Temporal client error, or undefined when it is not one we understand (→ 500). */
export function fromTemporalError(error: unknown): ApiError | undefined {
  if (error instanceof WorkflowUpdateFailedError) return fromFailure(error);
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    // The update was not accepted in time: typically no worker is polling. Retrying later can succeed.
    return new UnavailableError(TEMPORAL_UNAVAILABLE, { cause: error });
  }
  // Workflow ids are business keys, so a missing workflow is a missing resource.
  if (error instanceof WorkflowNotFoundError) return new NotFoundError(undefined, { cause: error });
  if (error instanceof WorkflowExecutionAlreadyStartedError) return new ConflictError(undefined, { cause: error });
  if ((error instanceof ServiceError || isGrpcServiceError(error)) && isUnreachable(error)) {
    return new UnavailableError(TEMPORAL_UNAVAILABLE, { cause: error });
  }
  return undefined;
}

function fromFailure(error: WorkflowUpdateFailedError): ApiError | undefined {
  // A handler may rethrow an activity's failure, so look down the cause chain for the typed one.
  for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) {
    if (!(cause instanceof ApplicationFailure) || !cause.type) continue;
    const map = BY_FAILURE_TYPE[cause.type];
    if (!map) continue;
    const { message, details } = readDetails(cause.details ?? []);
    return map(message ?? cause.message, { details, cause: error });
  }
  return undefined;
}

function readDetails(items: unknown[]): { message?: Localized; details?: FieldError[] } {
  const found: { message?: Localized; details?: FieldError[] } = {};
  for (const item of items) {
    if (Array.isArray(item) && item.every(isFieldError)) found.details = item;
    else if (isLocalized(item)) found.message = item;
  }
  return found;
}

function isUnreachable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (isGrpcServiceError(e) && UNREACHABLE_CODES.has(e.code)) return true;
  }
  return false;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const isLocalized = (value: unknown): value is Localized =>
  isRecord(value) && typeof value.zh === 'string' && typeof value.en === 'string';

const isFieldError = (value: unknown): value is FieldError =>
  isRecord(value) && typeof value.field === 'string' && (typeof value.message === 'string' || isLocalized(value.message));
