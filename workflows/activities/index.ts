/**
 * Every activity the worker registers, built from the process's dependencies. Features add their factory here;
 * the embedded app, the worker process and tests all build activities through this one function.
 */
import type crypto from 'node:crypto';
import type { Database } from '../../events/store/database.js';
import type { EventStore } from '../../events/store/event-store.js';
import type { FileStore } from '../../events/store/files/file-store.js';
import { createAccountActivities } from './accounts.js';
import { createEventActivities } from './append-events.js';
import { createLegacyImportActivities } from './legacy-import.js';
import { type LifecycleCommandDeps, createLifecycleCommandActivities } from './lifecycle-commands.js';
import { createReadStreamActivities } from './read-stream.js';
import { createReplayActivities } from './replays.js';
import { createSealActivities } from './seals.js';
import { createStatisticsActivities } from './statistics.js';

export interface ActivityDependencies {
  store: EventStore;
  /** Operational tables (credentials) beside the read models. */
  db: Database;
  /** Uploaded files (the legacy import reads its file and keeps its normalised rows there). */
  files?: FileStore;
  /** For lifecycles that send commands to other lifecycles (classes and enrolments). */
  lifecycles?: LifecycleCommandDeps;
  /** The Ed25519 key that signs seals (`() => config.sealKey`); a worker without it refuses the seal run. */
  sealKey?: () => crypto.KeyObject;
}

export function createActivities(deps: ActivityDependencies) {
  return {
    ...createEventActivities(deps),
    ...createReadStreamActivities(deps),
    ...createAccountActivities(deps),
    ...createLifecycleCommandActivities(deps),
    ...createStatisticsActivities(deps),
    ...createLegacyImportActivities(deps),
    ...createReplayActivities(deps),
    ...createSealActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
