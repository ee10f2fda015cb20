/**
 * Production entry for a projection-runner-only process (`npm run start:projections`). Several may run: one
 * holds the advisory lock and applies, the others stand by and take over when it dies.
 */
import pino from 'pino';
import { loadConfig } from './config.js';
import { openStores } from '../events/store/open-stores.js';
import { projections } from '../projections/index.js';
import { createProjectionRunner } from '../projections/runner.js';

const config = loadConfig();
const logger = pino({ level: config.logLevel, name: 'jxjy-projections' });
if (!config.databaseUrl) {
  logger.error('start:projections needs DATABASE_URL: the embedded PGlite can be opened by one process only (use npm start)');
  process.exit(1);
}
const stores = await openStores(config);
const runner = createProjectionRunner({ db: stores.db, store: stores.store, projections, logger });
await runner.init();
runner.start();
logger.info({ store: stores.describe, projections: projections.map((p) => p.name) }, 'projection runner started');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping projection runner');
    void runner
      .stop()
      .then(() => stores.close())
      .then(() => process.exit(0));
  });
}
