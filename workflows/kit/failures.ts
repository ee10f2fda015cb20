/**
 * Turning what a decider or an effect threw into what an Update may throw (reference/temporal.md §1): a handler that
 * throws anything but a TemporalFailure fails the workflow *task*, which Temporal retries forever while the caller
 * hangs. So domain errors become typed, non-retryable ApplicationFailures, Temporal failures pass through, and
 * anything else — a bug — fails the one Update as InternalError instead of wedging the lifecycle.
 */
import { ApplicationFailure, TemporalFailure } from '@temporalio/workflow';
import { DomainError } from './domain-errors.js';
import { FailureType } from './messages.js';

// Conventions the API reads (api/temporal-errors.ts): English message for logs, details[0] the {zh, en} text for
// people, details[1] the field errors. nonRetryable: a rule broken now is broken on every retry.
export function toFailure(error: unknown): TemporalFailure {
  if (error instanceof DomainError) {
    return ApplicationFailure.create({
      type: error.kind,
      message: error.text.en,
      nonRetryable: true,
      details: error.fields.length ? [error.text, error.fields] : [error.text],
    });
  }
  if (error instanceof TemporalFailure) return error;
  return ApplicationFailure.create({
    type: FailureType.InternalError,
    message: error instanceof Error ? error.message : String(error),
    nonRetryable: true,
  });
}
