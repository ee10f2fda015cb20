/**
 * Production entry of a worker-only process (`npm run start:worker`), scaled separately from the API
 * (DESIGN.md §2). Needs TEMPORAL_ADDRESS — a worker process never spawns its own dev server — and a shared event
 * store: EVENTSTORE_URL (EventStoreDB) or DATABASE_URL (PostgreSQL). SIGINT/SIGTERM drain the worker before the
 * store closes, so an in-flight append finishes rather than being cut off.
 */
import { pino } from 'pino';
import { loadConfig } from './config.js';
import { openStores } from '../events/store/open-stores.js';
import type { Client } from '@temporalio/client';
import { createActivities } from '../workflows/activities/index.js';
import { systemSchedules } from './temporal/system-schedules.js';
import { startTemporal } from './temporal/temporal-runtime.js';
import { openFileStore } from '../events/store/files/open-file-store.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  if (!config.temporalAddress) {
    throw new Error('the worker process needs TEMPORAL_ADDRESS (for the embedded dev server, run `npm start`)');
  }
  // An embedded PGlite belongs to the one process that opened it; a separate worker cannot share it.
  if (!config.eventStoreUrl && !config.databaseUrl) {
    throw new Error('the worker process needs EVENTSTORE_URL or DATABASE_URL (the embedded PGlite is single-process: use `npm start`)');
  }
  const stores = await openStores(config);
  const store = stores.store;
  const temporalClient: { current?: Client } = {};
  const activities = createActivities({ store, db: stores.db, files: await openFileStore(config), lifecycles: { client: () => temporalClient.current!, settings: config }, sealKey: () => config.sealKey });
  const temporal = await startTemporal({ config, activities, logger, schedules: systemSchedules(config) }).catch(async (error) => {
    await stores.close();
    throw error;
  });
  temporalClient.current = temporal.client;
  logger.info(`worker polling ${config.temporalTaskQueue} on ${temporal.address}/${config.temporalNamespace}`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: draining the worker`);
    temporal
      .stop()
      .then(() => stores.close())
      .then(
        () => logger.info('worker stopped'),
        (error: Error) => {
          logger.error(`shutdown failed: ${error.message}`);
          process.exitCode = 1;
        },
      );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
