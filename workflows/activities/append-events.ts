/**
 * The one activity every workflow writes its facts through (DESIGN.md §4): append to a stream at the revision the
 * workflow believes is current. Idempotent by construction — the workflow stamps event ids with `uuid4()`, so a
 * retry after a lost acknowledgement re-sends the same ids at the same expected revision and the store writes
 * nothing twice.
 */
import { ApplicationFailure } from '@temporalio/activity';
import {
  type EventStore,
  WrongExpectedVersionError,
  expectedRevisionFromJson,
  expectedRevisionToJson,
} from '../../events/store/event-store.js';
import { type AppendEventsInput, type AppendEventsResult, WRONG_EXPECTED_VERSION } from '../kit/append-contract.js';
import { isRefusedData, refusedDataFailure } from './store-errors.js';

export function createEventActivities({ store }: { store: EventStore }) {
  return {
    async appendEvents({ streamId, expectedRevision, events }: AppendEventsInput): Promise<AppendEventsResult> {
      try {
        const result = await store.append(streamId, events, { expectedRevision: expectedRevisionFromJson(expectedRevision) });
        return { nextExpectedRevision: result.nextExpectedRevision.toString(), position: result.position };
      } catch (error) {
        // Each stream has one writer, so a conflict is a bug or a real race: retrying cannot fix it, and a retried
        // conflict would spin forever. Anything else (store unavailable) stays retryable.
        if (error instanceof WrongExpectedVersionError || (error as Error).name === 'WrongExpectedVersionError') {
          const conflict = error as WrongExpectedVersionError;
          throw ApplicationFailure.create({
            type: WRONG_EXPECTED_VERSION,
            message: conflict.message,
            nonRetryable: true,
            details: [
              {
                streamId,
                expected: expectedRevision,
                actual: typeof conflict.actual === 'bigint' ? expectedRevisionToJson(conflict.actual) : conflict.actual ?? null,
              },
            ],
          });
        }
        if (isRefusedData(error)) throw refusedDataFailure(error);
        throw error;
      }
    },
  };
}

export type EventActivities = ReturnType<typeof createEventActivities>;
