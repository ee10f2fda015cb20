/**
 * Uniqueness without a table outside the event store: a value (username, ID number, USCC) has its own stream, and
 * `NameClaimed` is appended at the stream's current revision, so of two racing claims exactly one wins. Claiming
 * again as the same owner (a retried activity or request) succeeds; the owner can give the name up with
 * `NameReleased`, after which anyone may claim it.
 */
import type { ClaimEvent, NameClaimed, NameReleased } from '../account.js';
import type { EventMetadata, EventStore, RecordedEvent } from './event-store.js';
import { WrongExpectedVersionError } from './event-store.js';

export type ClaimOutcome = { claimed: true; position: string } | { claimed: false; ownerId: string };

interface ClaimRequest {
  stream: string;
  ownerId: string;
  at: string;
  eventId: string;
  metadata?: EventMetadata;
}

/** The current owner, folded from the claim stream's events. */
export function ownerOf(events: Array<Pick<RecordedEvent, 'type' | 'data'>>): string | null {
  return (events as ClaimEvent[]).reduce<string | null>((owner, event) => (event.type === 'NameClaimed' ? event.data.ownerId : null), null);
}

export async function claimOwner(store: EventStore, stream: string): Promise<string | null> {
  return ownerOf(await store.readStream(stream));
}

/** Whether someone other than `ownerId` holds the name (its own claim, as claimName treats it, is not "taken"). */
export async function claimedByAnother(store: EventStore, stream: string, ownerId: string): Promise<boolean> {
  const owner = await claimOwner(store, stream);
  return owner !== null && owner !== ownerId;
}

export async function claimName(store: EventStore, request: ClaimRequest): Promise<ClaimOutcome> {
  for (let attempt = 0; ; attempt++) {
    const events = await store.readStream(request.stream);
    const owner = ownerOf(events);
    const last = events[events.length - 1];
    if (owner === request.ownerId) return { claimed: true, position: last!.position };
    if (owner) return { claimed: false, ownerId: owner };
    const claim: NameClaimed = { type: 'NameClaimed', data: { ownerId: request.ownerId, claimedAt: request.at } };
    try {
      const result = await store.append(request.stream, [{ eventId: request.eventId, ...claim, metadata: request.metadata, recordedAt: request.at }], {
        expectedRevision: last ? last.revision : 'no_stream',
      });
      return { claimed: true, position: result.position };
    } catch (error) {
      // Someone else appended in between (or our own earlier attempt did): read again and decide.
      if (!(error instanceof WrongExpectedVersionError) || attempt >= 2) throw error;
    }
  }
}

/** Gives the name up if `ownerId` holds it; a no-op otherwise (idempotent). */
export async function releaseName(store: EventStore, request: ClaimRequest): Promise<void> {
  const events = await store.readStream(request.stream);
  if (ownerOf(events) !== request.ownerId) return;
  const release: NameReleased = { type: 'NameReleased', data: { ownerId: request.ownerId, releasedAt: request.at } };
  await store.append(request.stream, [{ eventId: request.eventId, ...release, metadata: request.metadata, recordedAt: request.at }], {
    expectedRevision: events[events.length - 1]!.revision,
  });
}
