/**
 * Reads one stream a page at a time for a lifecycle that rebuilds its state from its events (a new run starts with
 * nothing but its id). Pages keep every activity result small however long the stream grows; revisions cross the
 * payload boundary as strings. A legacy secret in an old account event is dropped on its way (events/account.ts).
 */
import { withoutLegacySecrets } from '../../events/account.js';
import type { EventStore } from '../../events/store/event-store.js';

export interface StreamPage {
  events: Array<{ type: string; data: unknown }>;
  /** Decimal revision of the page's last event ('' for an empty page). */
  lastRevision: string;
  /** Global position of the page's last event ('' for an empty page). */
  lastPosition: string;
}

export function createReadStreamActivities({ store }: { store: EventStore }) {
  return {
    async readStreamPage({ streamId, fromRevision, maxCount }: { streamId: string; fromRevision: string; maxCount: number }): Promise<StreamPage> {
      const events = await store.readStream(streamId, { fromRevision: BigInt(fromRevision), maxCount });
      const last = events.at(-1);
      return {
        events: events.map(({ type, data }) => ({ type, data: withoutLegacySecrets(data) })),
        lastRevision: last ? last.revision.toString() : '',
        lastPosition: last?.position ?? '',
      };
    },
  };
}

export type ReadStreamActivities = ReturnType<typeof createReadStreamActivities>;
