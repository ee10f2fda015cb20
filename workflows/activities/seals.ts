/** The seal run's one piece of work: seal the log up to its readable head (events/store/seals.ts). */
import type crypto from 'node:crypto';
import { ApplicationFailure, heartbeat } from '@temporalio/activity';
import type { Database } from '../../events/store/database.js';
import type { EventStore } from '../../events/store/event-store.js';
import { sealLog } from '../../events/store/seals.js';
import type { SealRunResult } from '../seals/messages.js';

export interface SealActivityDeps {
  store: EventStore;
  db: Database;
  /** The signing key, resolved when first used (configuration's lazy `sealKey`). */
  sealKey?: () => crypto.KeyObject;
}

export function createSealActivities({ db, store, sealKey }: SealActivityDeps) {
  return {
    async sealLog(): Promise<SealRunResult> {
      if (!sealKey) throw ApplicationFailure.nonRetryable('this worker was built without the seal key (ActivityDependencies.sealKey)', 'NoSealKey');
      const sealed = await sealLog({ db, store, key: sealKey(), now: () => new Date(), onPage: (count) => heartbeat(count) });
      if (!sealed) return { created: false };
      const { sealId, position, count, root, sealedAt } = sealed.seal;
      return { created: sealed.created, seal: { sealId, position, count, root, sealedAt } };
    },
  };
}

export type SealActivities = ReturnType<typeof createSealActivities>;
