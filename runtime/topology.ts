/**
 * `npm run topology`: the production topology, run on this machine — and the template of a deployment. Each block
 * below is one kind of process a deployment runs; runtime/topology/launch.ts starts them in this order and stops them
 * in the reverse dependency order on Ctrl-C.
 *
 *   npm run topology                      # 2 APIs, 2 workers, 2 runners, its own Temporal dev server
 *   npm run topology -- --apis 3 --port 3000
 *   TEMPORAL_ADDRESS=host:7233 DATABASE_URL=postgres://…/jxjy npm run topology
 *
 * Configuration is config.ts's (DATABASE_URL, TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, DATA_DIR, JXJY_*): every process
 * gets the launcher's environment. Without DATABASE_URL it uses database `jxjy_topology` on the local server; its
 * files go to DATA_DIR/topology.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { redacted } from './topology/database.js';
import { type Topology, launchTopology } from './topology/launch.js';

// Temporal — the cluster every worker and API talks to. In production: a Temporal cluster (or Temporal Cloud),
// given as TEMPORAL_ADDRESS; here, without one, a `temporal server start-dev` on a free port.
//
// PostgreSQL — events (unless EVENTSTORE_URL), read models, checkpoints, captchas and rate limits: every process's
// shared state. In production: a managed PostgreSQL, given as DATABASE_URL.
//
// Projection runner (`npm run start:projections`) — folds events into the read models. Run two: one holds the
// advisory lock and applies, the other stands by and takes over within seconds when the leader dies. More than two
// adds nothing but standbys. On a fresh database, start one first: it creates the read-model tables.
//
// API (`npm run start:api`) — stateless hapi instances behind a load balancer that checks `GET /health`. Run two or
// more; all share JXJY_JWT_SECRET, JXJY_SEAL_KEY and the file store (JXJY_S3_* in production; here one DATA_DIR).
//
// Worker (`npm run start:worker`) — runs the workflows and activities on TEMPORAL_TASK_QUEUE. Run two or more, as
// throughput needs; a stopping worker drains its in-flight activities first.
//
// Admin bootstrap (`node --import tsx runtime/topology/bootstrap-admin.ts`) — a one-shot job once per deployment,
// after the workers are up: creates the first `admin` account and shows its one-time password once.

const { values: args } = parseArgs({
  options: {
    apis: { type: 'string', default: '2' },
    workers: { type: 'string', default: '2' },
    runners: { type: 'string', default: '2' },
    port: { type: 'string' },
  },
});
const config = loadConfig();
const apis = Number(args.apis);
const firstPort = args.port === undefined ? undefined : Number(args.port);

// Ctrl-C while it starts stops what has started; once it runs, stops everything in order.
const starting = new AbortController();
let topology: Topology | undefined;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!topology) return starting.abort();
    if (stopping) return;
    stopping = true;
    console.log(`\ntopology: ${signal}: stopping APIs, then workers, then runners, then Temporal`);
    topology.stop().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`topology: stop failed: ${error.message}`);
        process.exit(1);
      },
    );
  });
}

try {
  topology = await launchTopology({
    dataDir: path.join(config.dataDir, 'topology'),
    databaseUrl: config.databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/jxjy_topology',
    ...(config.temporalAddress ? { temporalAddress: config.temporalAddress } : {}),
    temporalNamespace: config.temporalNamespace,
    temporalTaskQueue: config.temporalTaskQueue,
    ...(config.temporalCli ? { temporalCli: config.temporalCli } : {}),
    apis,
    workers: Number(args.workers),
    runners: Number(args.runners),
    ...(firstPort !== undefined ? { apiPorts: Array.from({ length: apis }, (_, i) => firstPort + i) } : {}),
    onProgress: (message) => console.log(`topology: ${message}`),
    signal: starting.signal,
  });
  announce(topology);
} catch (error) {
  console.error(`topology: ${starting.signal.aborted ? 'interrupted while starting; stopped what had started' : `could not start: ${(error as Error).message}`}`);
  process.exit(1);
}

function announce(t: Topology) {
  const lines = [
    'jxjy topology is running — Ctrl-C stops it in order (the data stays)',
    ...t.apiUrls.map((url, i) => `  api-${i + 1}:     ${url}   (portal at /, health at /health)`),
    `  database:  ${redacted(t.databaseUrl)}`,
    `  temporal:  ${t.temporalAddress} (namespace ${t.temporalNamespace}, task queue ${t.temporalTaskQueue})`,
    `  logs:      ${t.logDir}/<process>.log`,
    ...t.processes().map((p) => `    ${p.name.padEnd(10)} pid ${String(p.pid).padEnd(8)} ${p.logFile}`),
    t.admin.oneTimePassword
      ? `  admin:     ${t.admin.username}, one-time password ${t.admin.oneTimePassword} (shown only now; change it at first login)`
      : t.admin.created
        ? `  admin:     ${t.admin.username}, password from JXJY_ADMIN_PASSWORD (change it at first login)`
        : `  admin:     ${t.admin.username} existed already (its password was shown when it was created)`,
  ];
  console.log(`\n${lines.join('\n')}\n`);
}
