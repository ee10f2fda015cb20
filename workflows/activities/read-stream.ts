/**
 * Reads one stream a page at a time for a lifecycle that rebuilds its state from its events (a new run starts with
 * nothing but its id). Pages keep every activity result small however long the stream grows; revisions cross the
 * payload boundary as strings.
 */
import type { EventStore } from '../../events/store/event-store.js';

export interface StreamPage {
  events: Array<{ type: string; data: unknown }>;
  /** Decimal revision of the page's last event ('' for an empty page). */
  lastRevision: string;
  /** Global position of the page's last event ('' for an empty page). */
  lastPosition: string;
}

/**
 * Account events written before passwords moved to the credentials table still carry `passwordHash`. The log is
 * permanent, but a Temporal payload must never hold a secret: the field is dropped on its way to a workflow.
 */
function withoutSecrets(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || !('passwordHash' in data)) return data;
  const { passwordHash: _secret, ...rest } = data as Record<string, unknown>;
  return rest;
}

export function createReadStreamActivities({ store }: { store: EventStore }) {
  return {
    async readStreamPage({ streamId, fromRevision, maxCount }: { streamId: string; fromRevision: string; maxCount: number }): Promise<StreamPage> {
      const events = await store.readStream(streamId, { fromRevision: BigInt(fromRevision), maxCount });
      const last = events.at(-1);
      return {
        events: events.map(({ type, data }) => ({ type, data: withoutSecrets(data) })),
        lastRevision: last ? last.revision.toString() : '',
        lastPosition: last?.position ?? '',
      };
    },
  };
}

export type ReadStreamActivities = ReturnType<typeof createReadStreamActivities>;
