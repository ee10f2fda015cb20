/**
 * The embedded system in one process (`npm start`): PGlite in DATA_DIR/pg (or DATABASE_URL), the projection runner,
 * the Temporal dev server (or TEMPORAL_ADDRESS) with a worker, and the API with the demo portal at `/`.
 * Ctrl-C stops in order: the API stops taking requests, the worker drains, the dev server stops, the runner stops,
 * the database closes — nothing in flight loses what it is writing to.
 *
 * `npm start` runs this file compiled (runtime/start.mjs and runtime/build-server.mjs); `node --import tsx
 * runtime/start-all.ts` runs it from source.
 */
import type { Client } from '@temporalio/client';
import { createActivities } from '../workflows/activities/index.js';
import { systemSchedules } from './temporal/system-schedules.js';
import { startTemporal, startTemporalServer } from './temporal/temporal-runtime.js';
import { openStores } from '../events/store/open-stores.js';
import { openFileStore } from '../events/store/files/open-file-store.js';
import { migrateLegacyCredentials } from './migrations/legacy-credentials.js';
import { projections } from '../projections/index.js';
import { createProjectionRunner } from '../projections/runner.js';
import { startStaleBuilds } from './build-if-stale.js';
import { loadConfig } from './config.js';
import { bootstrapAdmin, type BootstrapResult } from '../api/accounts/bootstrap-admin.js';
import { createLogger } from '../api/logger.js';
import { featurePlugins } from '../api/plugins.js';
import { createServer, start } from '../api/server.js';

const config = loadConfig();
const logger = createLogger(config);
const stopping: Array<{ name: string; stop: () => Promise<void> }> = [];
let signalled = false;

// Before anything starts: a Ctrl-C during start-up stops what has started so far, in order, instead of killing the
// process with the embedded dev server still running and the database folder still locked.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (signalled) return;
    signalled = true;
    void shutdown(signal);
  });
}

const started = startAll();
started.catch(async (error: unknown) => {
  // A Ctrl-C in the terminal also reaches the build and initdb children, whose failure then lands here: the signal's
  // shutdown is already under way and stands.
  if (signalled) return;
  logger.fatal({ err: error }, 'jxjy could not start');
  await shutdown('start-up failed', 1);
});

async function startAll(): Promise<void> {
  // Builds, when sources changed, and the embedded Temporal server are processes of their own: they run while this one
  // opens the database and catches up, and each is awaited only where it is needed.
  const builds = startStaleBuilds((message) => logger.info(message));
  const temporalServer = startTemporalServer({ config, logger });
  temporalServer.catch(() => {}); // its failure is reported where it is awaited, below
  stopping.push({ name: 'temporal server', stop: () => temporalServer.then((server) => server.stop(), () => {}) });
  const stores = await openStores(config);
  stopping.push({ name: 'database', stop: () => stores.close() });
  logger.info({ store: stores.describe }, 'event store open');
  if (signalled) return;
  const legacy = await migrateLegacyCredentials(stores.db, stores.store);
  if (legacy.migrated > 0) logger.info({ accounts: legacy.migrated }, 'moved legacy password hashes into the credentials table');

  const runner = createProjectionRunner({ db: stores.db, store: stores.store, projections, logger });
  await runner.init();
  runner.start();
  stopping.push({ name: 'projections', stop: () => runner.stop() });
  if (signalled) return;

  // Lifecycles command each other through a client that exists once Temporal has started: resolved when first used.
  const temporalClient: { current?: Client } = {};
  const files = await openFileStore(config);
  const activities = createActivities({ store: stores.store, db: stores.db, files, lifecycles: { client: () => temporalClient.current!, settings: config }, sealKey: () => config.sealKey });
  const workflowBundle = { codePath: await builds.workflows };
  const temporal = await startTemporal({ config, activities, logger, schedules: systemSchedules(config), server: temporalServer, workflowBundle });
  temporalClient.current = temporal.client;
  stopping.push({ name: 'temporal', stop: () => temporal.stop() });
  if (signalled) return;

  const server = await createServer({
    config,
    db: stores.db,
    store: stores.store,
    files,
    logger,
    temporal: { client: temporal.client, check: () => temporal.check() },
    projections: runner,
    plugins: featurePlugins,
  });
  await builds.components;
  await start(server);
  stopping.push({ name: 'api', stop: () => server.stop({ timeout: 5_000 }) });
  if (signalled) return;
  announceAdmin(await bootstrapAdmin({ store: stores.store, db: stores.db, client: temporal.client, config }));
  logger.info(
    { startedInMs: Math.round(performance.now()), memory: memoryFigures(), store: stores.describe, temporal: temporal.address, portal: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${server.info.port}/` },
    'jxjy is running',
  );
}

let shuttingDown: Promise<never> | undefined;

/** Stops what started, in reverse order, once: a second call (a signal during a failed start) joins the first. */
function shutdown(reason: string, exitCode = 0): Promise<never> {
  shuttingDown ??= stopAll(reason, exitCode);
  return shuttingDown;
}

async function stopAll(reason: string, exitCode: number): Promise<never> {
  logger.info({ reason }, 'shutting down');
  // A signal during start-up first lets the step in flight finish, so that what it starts is stopped too; a step that
  // hangs is waited for no longer than the slowest one's own bound (the dev server's 30 s readiness).
  let bound: NodeJS.Timeout | undefined;
  await Promise.race([started.catch(() => {}), new Promise((resolve) => (bound = setTimeout(resolve, 35_000)))]);
  clearTimeout(bound);
  for (const step of [...stopping].reverse()) {
    await step.stop().catch((error: unknown) => logger.error({ err: error, step: step.name }, 'shutdown step failed'));
  }
  logger.info('stopped');
  process.exit(exitCode);
}

/** This process's footprint in MiB, as operators read it in the start-up line. */
function memoryFigures() {
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  const mib = (n: number) => Math.round(n / 2 ** 20);
  return { rss: mib(rss), heapUsed: mib(heapUsed), external: mib(external), arrayBuffers: mib(arrayBuffers) };
}

/** The one place a generated admin password is shown: the console, once. */
function announceAdmin(result: BootstrapResult) {
  if (!result.created) return;
  if (!result.oneTimePassword) {
    logger.info({ username: result.username }, 'created the admin account from JXJY_ADMIN_USERNAME/JXJY_ADMIN_PASSWORD');
    return;
  }
  process.stdout.write(
    `\n  ┌──────────────────────────────────────────────────────────────\n` +
      `  │ jxjy: first start — created the administrator account\n` +
      `  │   username: ${result.username}\n` +
      `  │   one-time password: ${result.oneTimePassword}\n` +
      `  │ It is shown only now; you will be asked to change it at first login.\n` +
      `  └──────────────────────────────────────────────────────────────\n\n`,
  );
}
