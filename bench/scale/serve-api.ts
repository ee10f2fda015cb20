/**
 * The API as `npm run start:api` runs it (openStores, every feature plugin, a projection runner that only reads
 * checkpoints), in a process of its own so the load generator does not share its event loop — but with no Temporal:
 * the measured routes are reads, and an API whose Temporal client is absent answers commands 503 and reads as usual.
 * Prints `{"uri": …}` once listening; answers `take` (IPC) with the server-side durations since the last take; stops
 * on SIGTERM.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createLogger } from '../../api/logger.js';
import { featurePlugins } from '../../api/plugins.js';
import { createServer } from '../../api/server.js';
import { createFilesystemFileStore } from '../../events/store/files/filesystem-file-store.js';
import { openStores } from '../../events/store/open-stores.js';
import { projections } from '../../projections/index.js';
import { createProjectionRunner } from '../../projections/runner.js';
import { loadConfig } from '../../runtime/config.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-scale-api-'));
const config = { ...loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), port: 0 };
const stores = await openStores(config);
const server = await createServer({
  config,
  db: stores.db,
  store: stores.store,
  files: createFilesystemFileStore(path.join(dataDir, 'files')),
  logger: createLogger(config),
  temporal: {
    client: null,
    async check() {
      throw new Error('the scale bench runs the API without Temporal');
    },
  },
  projections: createProjectionRunner({ db: stores.db, store: stores.store, projections }),
  plugins: featurePlugins,
});
// Server-side time per request (received → response written), handed to the bench over IPC on request: what the
// API itself took, apart from the client's share of a shared machine.
const started = new WeakMap<object, number>();
let durations: number[] = [];
// How late the event loop ran its timers: on a shared machine, the process waiting for a core shows up here.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
server.ext('onRequest', (request, h) => {
  started.set(request, performance.now());
  return h.continue;
});
server.events.on('response', (request) => {
  const at = started.get(request);
  if (at !== undefined) durations.push(performance.now() - at);
});
process.on('message', (message) => {
  if (message !== 'take') return;
  process.send?.({ durations, loopDelayP99Ms: loopDelay.percentile(99) / 1e6 });
  durations = [];
  loopDelay.reset();
});

await server.start();
process.send?.({ uri: server.info.uri });

process.once('SIGTERM', () => {
  void server
    .stop({ timeout: 2_000 })
    .then(() => stores.close())
    .then(() => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
});
