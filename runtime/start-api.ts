/**
 * Production entry of an API-only process (`npm run start:api`): stateless, scaled behind a load balancer.
 * Needs TEMPORAL_ADDRESS (workers run in `start:worker`) and DATABASE_URL (read models; the projection runner runs
 * in `start:projections`). It only reads checkpoints to answer `?after=` and /health.
 */
import { Client, Connection } from '@temporalio/client';
import { openStores } from '../events/store/open-stores.js';
import { openFileStore } from '../events/store/files/open-file-store.js';
import { migrateLegacyCredentials } from './migrations/legacy-credentials.js';
import { projections } from '../projections/index.js';
import { createProjectionRunner } from '../projections/runner.js';
import { loadConfig } from './config.js';
import { createLogger } from '../api/logger.js';
import { featurePlugins } from '../api/plugins.js';
import { createServer, start } from '../api/server.js';

const config = loadConfig();
const logger = createLogger(config);
if (!config.temporalAddress || !config.databaseUrl) {
  logger.fatal('start:api needs TEMPORAL_ADDRESS and DATABASE_URL (for the embedded system, run `npm start`)');
  process.exit(1);
}
const stores = await openStores(config);
const legacy = await migrateLegacyCredentials(stores.db, stores.store);
if (legacy.migrated > 0) logger.info({ accounts: legacy.migrated }, 'moved legacy password hashes into the credentials table');
const connection = await Connection.connect({ address: config.temporalAddress });
const client = new Client({ connection, namespace: config.temporalNamespace });
// Not started: this process reads the checkpoints that the runner process writes.
const checkpoints = createProjectionRunner({ db: stores.db, store: stores.store, projections });
const server = await createServer({
  config,
  db: stores.db,
  store: stores.store,
  files: await openFileStore(config),
  logger,
  temporal: {
    client,
    async check() {
      await client.withDeadline(Date.now() + 2_000, () => connection.healthService.check({}));
    },
  },
  projections: checkpoints,
  plugins: featurePlugins,
});
await start(server);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server
      .stop({ timeout: 5_000 })
      .then(() => connection.close())
      .then(() => stores.close())
      .then(() => process.exit(0));
  });
}
