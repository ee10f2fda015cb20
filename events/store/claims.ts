/**
 * Uniqueness without a table outside the event store: a value (username, ID number, USCC) is claimed by appending
 * `NameClaimed` to its own stream with `no_stream`. Of two racing claims exactly one wins; re-claiming by the
 * same owner (a retried activity or request) is a success.
 */
import type { NameClaimed } from '../account.js';
import { type EventStore, WrongExpectedVersionError } from './event-store.js';

export type ClaimOutcome = { claimed: true; position: string } | { claimed: false; ownerId: string };

export async function claimName(store: EventStore, claim: { stream: string; ownerId: string; claimedAt: string; eventId: string }): Promise<ClaimOutcome> {
  const event: NameClaimed = { type: 'NameClaimed', data: { ownerId: claim.ownerId, claimedAt: claim.claimedAt } };
  try {
    const result = await store.append(claim.stream, [{ eventId: claim.eventId, ...event, recordedAt: claim.claimedAt }], {
      expectedRevision: 'no_stream',
    });
    return { claimed: true, position: result.position };
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    const ownerId = await claimOwner(store, claim.stream);
    if (ownerId === claim.ownerId) return { claimed: true, position: (await store.readStream(claim.stream))[0]!.position };
    return { claimed: false, ownerId: ownerId ?? '' };
  }
}

export async function claimOwner(store: EventStore, stream: string): Promise<string | null> {
  const [first] = await store.readStream(stream, { maxCount: 1 });
  return first?.type === 'NameClaimed' ? (first.data as NameClaimed['data']).ownerId : null;
}
