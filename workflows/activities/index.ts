/**
 * Every activity the worker registers, built from the process's dependencies. Features add their factory here;
 * the embedded app, the worker process and tests all build activities through this one function.
 */
import type { Database } from '../../events/store/database.js';
import type { EventStore } from '../../events/store/event-store.js';
import { createAccountActivities } from './accounts.js';
import { createEventActivities } from './append-events.js';
import { createReadStreamActivities } from './read-stream.js';

export interface ActivityDependencies {
  store: EventStore;
  /** Operational tables (credentials) beside the read models. */
  db: Database;
}

export function createActivities(deps: ActivityDependencies) {
  return {
    ...createEventActivities(deps),
    ...createReadStreamActivities(deps),
    ...createAccountActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
