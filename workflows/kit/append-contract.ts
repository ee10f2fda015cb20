/**
 * The appendEvents activity's payload contract, shared by the activity (Node side) and workflows (sandbox side).
 * Pure: no imports with effects, so both sides can load it.
 */
import type { NewEvent } from '../../events/store/event-store.js';

export interface AppendEventsInput {
  streamId: string;
  /** `expectedRevisionToJson` form — 'no_stream' | 'any' | 'stream_exists' | a decimal revision — because bigint cannot cross payloads. */
  expectedRevision: string;
  events: NewEvent[];
}

export interface AppendEventsResult {
  /** Decimal revision of the stream's last event: the workflow's next expected revision. */
  nextExpectedRevision: string;
  position: string;
}

/** ApplicationFailure type of a concurrency conflict; non-retryable, and the API maps it to 409. */
export const WRONG_EXPECTED_VERSION = 'WrongExpectedVersion';
