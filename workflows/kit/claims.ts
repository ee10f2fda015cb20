/**
 * Workflow-side name claims (sandbox-pure), for the effects of lifecycles that own a claim-stream kind: claim a
 * value for an owner or fail with a Conflict naming the request field; give it back. Event ids come from uuid4(), so
 * a retried activity re-sends the same claim.
 */
import { proxyActivities, uuid4 } from '@temporalio/workflow';
import type { EventMetadata } from '../../events/store/event-store.js';
import type { Localized } from '../../events/vocabulary/index.js';
import type { AccountActivities } from '../activities/accounts.js';
import { FailureType } from './messages.js';

const activities = proxyActivities<AccountActivities>({
  startToCloseTimeout: '10s',
  // No attempt cap: a store outage pauses the registration; a taken name fails at once (non-retryable Conflict).
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '30s', nonRetryableErrorTypes: [FailureType.Conflict, FailureType.InvalidInput] },
});

export interface NameClaim {
  stream: string;
  ownerId: string;
  /** The request field a clash is reported on, and the message a person reads. */
  conflict: { field: string; message: Localized };
}

const now = () => new Date(Date.now()).toISOString();

export async function claim(name: NameClaim, metadata: EventMetadata): Promise<void> {
  await activities.claimName({ stream: name.stream, ownerId: name.ownerId, claimedAt: now(), conflict: name.conflict, metadata, eventId: uuid4() });
}

export async function release(name: Pick<NameClaim, 'stream' | 'ownerId'>, metadata: EventMetadata): Promise<void> {
  await activities.releaseName({ stream: name.stream, ownerId: name.ownerId, releasedAt: now(), metadata, eventId: uuid4() });
}

/** Claims every name in order; if one is taken, gives back the ones before it and rethrows. Returns an undo. */
export async function claimAll(names: NameClaim[], metadata: EventMetadata): Promise<() => Promise<void>> {
  const held: NameClaim[] = [];
  const undo = async () => {
    for (const name of held.reverse()) await release(name, metadata);
  };
  for (const name of names) {
    try {
      await claim(name, metadata);
    } catch (error) {
      await undo();
      throw error;
    }
    held.push(name);
  }
  return undo;
}

export const credentials = proxyActivities<Pick<AccountActivities, 'activateCredential' | 'discardCredential' | 'undoCredential' | 'removeCredential'>>({
  startToCloseTimeout: '10s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '30s', nonRetryableErrorTypes: [FailureType.InvalidInput, FailureType.Conflict] },
});
