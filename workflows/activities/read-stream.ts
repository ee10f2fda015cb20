/**
 * Reads one stream for a workflow that rebuilds its state from the events (a new run of a lifecycle, such as an
 * organisation's re-application, starts with nothing but its id). Revisions cross the payload boundary as strings.
 */
import type { EventStore } from '../../events/store/event-store.js';

export interface StreamSnapshot {
  events: Array<{ type: string; data: unknown }>;
  /** 'no_stream' or the decimal revision of the last event: the workflow's next expected revision. */
  revision: string;
  /** Global position of the last event ('' when the stream does not exist). */
  position: string;
}

export function createReadStreamActivities({ store }: { store: EventStore }) {
  return {
    async readStreamEvents({ streamId }: { streamId: string }): Promise<StreamSnapshot> {
      const events = await store.readStream(streamId);
      const last = events.at(-1);
      return {
        events: events.map(({ type, data }) => ({ type, data })),
        revision: last ? last.revision.toString() : 'no_stream',
        position: last?.position ?? '',
      };
    },
  };
}

export type ReadStreamActivities = ReturnType<typeof createReadStreamActivities>;
