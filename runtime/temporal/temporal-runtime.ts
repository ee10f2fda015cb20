/**
 * Temporal for one process: connects to `TEMPORAL_ADDRESS` when configured, otherwise runs the embedded dev server
 * on `<dataDir>/temporal.db`; then starts the worker and ensures the schedules. `stop()` shuts down in the only
 * safe order — worker drains (in-flight appends finish), connections close, then the server stops — so nothing
 * in flight loses its server underneath it.
 *
 * The server can be started on its own first (`startTemporalServer`) and handed to `startTemporal` later: the embedded
 * one is another process, so its start (0.5–1.5 s) overlaps what this process does meanwhile (opening the database).
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client, Connection, type ScheduleOptions } from '@temporalio/client';
import { NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import type { Config } from '../config.js';
import { ensureSchedules } from './schedules.js';
import { createWorker } from './worker.js';
import { type DevServer, DevServerError, type DevServerOptions, startDevServer } from './dev-server.js';
import { type AppLogger, installSdkRuntime } from './sdk-runtime.js';
import { findTemporalBinary } from './temporal-binary.js';

export type TemporalConfig = Pick<
  Config,
  'temporalAddress' | 'temporalNamespace' | 'temporalCli' | 'temporalTaskQueue' | 'dataDir' | 'temporalPort'
>;

export interface StartTemporalOptions {
  config: TemporalConfig;
  activities: object;
  logger?: AppLogger;
  schedules?: readonly ScheduleOptions[];
  workflowBundle?: WorkflowBundleOption;
  /** Embedded server tuning; the port defaults to TEMPORAL_PORT, else the one kept for the data folder. */
  devServer?: Pick<DevServerOptions, 'port' | 'sqlitePragmas' | 'extraArgs'>;
  /** A server already started by `startTemporalServer`; this runtime then owns it and stops it last. */
  server?: TemporalServer | Promise<TemporalServer>;
}

/** Where Temporal is: the embedded dev server this process spawned, or the configured cluster. */
export interface TemporalServer {
  readonly address: string;
  /** The spawned dev server; undefined for TEMPORAL_ADDRESS. */
  readonly embedded: DevServer | undefined;
  /** From now on the server's log lines are not passed on: what it says while its clients go away is noise. */
  mute(): void;
  /** Stops the embedded server (nothing for an external cluster); idempotent. Mutes it first. */
  stop(): Promise<void>;
}

export async function startTemporalServer(options: Pick<StartTemporalOptions, 'config' | 'logger' | 'devServer'>): Promise<TemporalServer> {
  const { config, logger } = options;
  if (config.temporalAddress) return { address: config.temporalAddress, embedded: undefined, mute() {}, stop: async () => {} };
  let quiet = false;
  const embedded = await startEmbeddedServer(options, () => quiet);
  logger?.info(`temporal dev server on ${embedded.address} (${embedded.startupMs} ms, ${path.join(config.dataDir, 'temporal.db')})`);
  return {
    address: embedded.address,
    embedded,
    mute() {
      quiet = true;
    },
    stop() {
      quiet = true;
      return embedded.stop();
    },
  };
}

export interface TemporalRuntime {
  client: Client;
  connection: NativeConnection;
  address: string;
  /** Throws when the worker has stopped, the embedded server died, or the frontend is not serving (/health). */
  check(): Promise<void>;
  stop(): Promise<void>;
}

/** Where the embedded server's port is kept, so `temporal … --address` keeps working across restarts. */
export const portFile = (dataDir: string) => path.join(dataDir, 'temporal.port');

export async function startTemporal(options: StartTemporalOptions): Promise<TemporalRuntime> {
  const { config, logger } = options;
  if (logger) installSdkRuntime(logger);
  const cleanups: Array<() => Promise<void>> = [];
  let stopping = false;
  let mute = () => {};
  const unwind = async () => {
    stopping = true;
    mute(); // the worker's drain makes the server complain about its pollers going away
    // Every step runs even when one fails: a stuck worker must not leave the dev server orphaned.
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: Error) => logger?.warn(`temporal shutdown step failed: ${error.message}`));
    }
  };
  try {
    const server = await (options.server ?? startTemporalServer(options));
    mute = () => server.mute();
    cleanups.push(() => server.stop());
    let serverGone: string | undefined;
    void server.embedded?.exited.then((how) => {
      serverGone = `the embedded Temporal server exited (${String(how)})`;
      if (!stopping) logger?.error(serverGone);
    });
    const address = server.address;
    const connection = await NativeConnection.connect({ address });
    cleanups.push(() => connection.close());
    const clientConnection = await Connection.connect({ address });
    cleanups.push(() => clientConnection.close());
    const client = new Client({ connection: clientConnection, namespace: config.temporalNamespace });

    const worker = await createWorker({
      connection,
      namespace: config.temporalNamespace,
      taskQueue: config.temporalTaskQueue,
      activities: options.activities,
      ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : {}),
    });
    let workerFailure: Error | undefined;
    const run = worker.run().catch((error: Error) => {
      workerFailure = error;
      logger?.error(`temporal worker stopped: ${error.message}`);
    });
    cleanups.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await run;
    });

    await ensureSchedules(client, options.schedules ?? []);

    let stopped: Promise<void> | undefined;
    return {
      client,
      connection,
      address,
      async check() {
        if (serverGone) throw new Error(serverGone);
        if (workerFailure) throw new Error(`temporal worker stopped: ${workerFailure.message}`);
        if (worker.getState() !== 'RUNNING') throw new Error(`temporal worker is ${worker.getState()}`);
        const health = await clientConnection.withDeadline(Date.now() + 2_000, () =>
          clientConnection.healthService.check({}),
        );
        if (health.status !== 1 /* SERVING */) throw new Error(`temporal frontend is not serving (${String(health.status)})`);
      },
      stop: () => (stopped ??= unwind()),
    };
  } catch (error) {
    await unwind();
    throw error;
  }
}

/**
 * The Go runtime's soft memory limit (GOMEMLIMIT) for the embedded server, unless the environment sets one: with it,
 * what the server's garbage collector frees goes back to the system promptly instead of staying with the process.
 * Measured idle after a start: 147–148 MB RSS instead of 159–160 MB (91 MB of either is the binary's own pages).
 * Soft: past it the collector runs more often; nothing fails.
 */
const EMBEDDED_SERVER_MEMORY_LIMIT = '64MiB';

async function startEmbeddedServer(options: Pick<StartTemporalOptions, 'config' | 'logger' | 'devServer'>, isStopping: () => boolean): Promise<DevServer> {
  const { config, logger } = options;
  const binary = await findTemporalBinary({ temporalCli: config.temporalCli, log: (m) => logger?.info(m) });
  // TEMPORAL_PORT is a promise to the operator: that port or a clear failure. Without it, the port this data folder
  // used last time if it is free (another instance may hold it), else any free one — never a fixed 7233 that a
  // second instance, or anything else on the machine, could already hold.
  const fixed = options.devServer?.port ?? config.temporalPort;
  const kept = fixed === undefined ? readKeptPort(config.dataDir) : undefined;
  const port = fixed ?? (kept !== undefined && (await isFree(kept)) ? kept : 0);
  try {
    const server = await startDevServer({
      binary,
      dbFilename: path.join(config.dataDir, 'temporal.db'),
      namespace: config.temporalNamespace,
      envDefaults: { GOMEMLIMIT: EMBEDDED_SERVER_MEMORY_LIMIT },
      ...options.devServer,
      port,
      // While we shut down, the server complains about its own pollers going away: noise, not news.
      onLog: (line) => {
        if (!isStopping()) logger?.warn(`temporal server: ${line}`);
      },
    });
    if (fixed === undefined) fs.writeFileSync(portFile(config.dataDir), `${server.port}\n`);
    return server;
  } catch (error) {
    if (error instanceof DevServerError && /port/i.test(error.message)) {
      error.message += `\nport ${port} is taken: stop what uses it, set TEMPORAL_PORT to another port, or set TEMPORAL_ADDRESS=127.0.0.1:${port} to use that server`;
    }
    throw error;
  }
}

function readKeptPort(dataDir: string): number | undefined {
  try {
    const port = Number(fs.readFileSync(portFile(dataDir), 'utf8').trim());
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
  } catch {
    return undefined; // first start in this data folder
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
