/**
 * Every activity the worker registers, built from the process's dependencies. Features add their factory here;
 * the embedded app, `worker-main.ts` and tests all build activities through this one function.
 */
import type { EventStore } from '../../events/store/event-store.js';
import { createEventActivities } from './append-events.js';

export interface ActivityDependencies {
  store: EventStore;
}

export function createActivities(deps: ActivityDependencies) {
  return {
    ...createEventActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
