/**
 * Maps every error the API understands onto the taxonomy: our own, the event store's, Temporal's.
 * Anything else is a bug and becomes a logged 500 (on-pre-response.ts).
 */
import { StoreUnavailableError, WrongExpectedVersionError } from '../events/store/event-store.js';
import { InvalidCursorError } from '../projections/cursor.js';
import { ApiError, ConflictError, UnavailableError, ValidationError } from './errors.js';
import { fromTemporalError } from './temporal-errors.js';

export function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof StoreUnavailableError) return new UnavailableError(undefined, { cause: error });
  if (error instanceof WrongExpectedVersionError) {
    return new ConflictError(
      { zh: '数据刚被其他操作修改，请刷新后重试', en: 'This was just changed by another action; reload and try again' },
      { cause: error },
    );
  }
  if (error instanceof InvalidCursorError) {
    const message = { zh: '分页游标无效，请从第一页重新查询', en: 'this cursor was not issued by this list; start again from the first page' };
    return new ValidationError(message, { details: [{ field: 'cursor', message }], cause: error });
  }
  return fromTemporalError(error);
}
