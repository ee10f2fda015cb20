/**
 * Temporal for one process: connects to `TEMPORAL_ADDRESS` when configured, otherwise runs the embedded dev server
 * on `<dataDir>/temporal.db`; then starts the worker and ensures the schedules. `stop()` shuts down in the only
 * safe order — worker drains (in-flight appends finish), connections close, then the server stops — so nothing
 * in flight loses its server underneath it.
 */
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
  'temporalAddress' | 'temporalNamespace' | 'temporalCli' | 'temporalTaskQueue' | 'dataDir'
>;

export interface StartTemporalOptions {
  config: TemporalConfig;
  activities: object;
  logger?: AppLogger;
  schedules?: readonly ScheduleOptions[];
  workflowBundle?: WorkflowBundleOption;
  /** Embedded server tuning; the port defaults to 7233 so `temporal workflow list` works without flags. */
  devServer?: Pick<DevServerOptions, 'port' | 'sqlitePragmas' | 'extraArgs'>;
}

export interface TemporalRuntime {
  client: Client;
  connection: NativeConnection;
  address: string;
  /** Throws when the worker has stopped, the embedded server died, or the frontend is not serving (/health). */
  check(): Promise<void>;
  stop(): Promise<void>;
}

const EMBEDDED_PORT = 7233;

export async function startTemporal(options: StartTemporalOptions): Promise<TemporalRuntime> {
  const { config, logger } = options;
  if (logger) installSdkRuntime(logger);
  const cleanups: Array<() => Promise<void>> = [];
  let stopping = false;
  const unwind = async () => {
    stopping = true;
    // Every step runs even when one fails: a stuck worker must not leave the dev server orphaned.
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: Error) => logger?.warn(`temporal shutdown step failed: ${error.message}`));
    }
  };
  try {
    let devServer: DevServer | undefined;
    let serverGone: string | undefined;
    if (!config.temporalAddress) {
      devServer = await startEmbeddedServer(options, () => stopping);
      const server = devServer;
      cleanups.push(() => server.stop());
      void server.exited.then((how) => {
        serverGone = `the embedded Temporal server exited (${String(how)})`;
        if (!stopping) logger?.error(serverGone);
      });
      logger?.info(`temporal dev server on ${server.address} (${server.startupMs} ms, ${path.join(config.dataDir, 'temporal.db')})`);
    }
    const address = devServer?.address ?? config.temporalAddress!;
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

async function startEmbeddedServer(options: StartTemporalOptions, isStopping: () => boolean): Promise<DevServer> {
  const { config, logger } = options;
  const binary = await findTemporalBinary({ temporalCli: config.temporalCli, log: (m) => logger?.info(m) });
  const port = options.devServer?.port ?? EMBEDDED_PORT;
  try {
    return await startDevServer({
      binary,
      dbFilename: path.join(config.dataDir, 'temporal.db'),
      namespace: config.temporalNamespace,
      ...options.devServer,
      port,
      // While we shut down, the server complains about its own pollers going away: noise, not news.
      onLog: (line) => {
        if (!isStopping()) logger?.warn(`temporal server: ${line}`);
      },
    });
  } catch (error) {
    if (error instanceof DevServerError && /port/i.test(error.message)) {
      error.message += `\nport ${port} is taken: stop what uses it, or set TEMPORAL_ADDRESS=127.0.0.1:${port} to use that server`;
    }
    throw error;
  }
}
