/**
 * The topology's Temporal: the external server it was given (`TEMPORAL_ADDRESS`), or one `temporal server start-dev`
 * of its own — headless, on a free port, on a SQLite file in the topology's folder, the same way the embedded
 * system spawns it (runtime/temporal/dev-server.ts). Either way the launcher keeps one client connection, to see
 * which workers poll.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { type DevServer, startDevServer } from '../temporal/dev-server.js';
import { findTemporalBinary } from '../temporal/temporal-binary.js';

export interface TopologyTemporalOptions {
  /** An external server; unset = spawn a dev server in `folder`. */
  address: string | undefined;
  namespace: string;
  /** TEMPORAL_CLI, when the binary is not found on its own. */
  cli: string | undefined;
  folder: string;
  logFile: string;
  report: (message: string) => void;
}

export interface TopologyTemporal {
  readonly address: string;
  readonly connection: Connection;
  readonly logFile: string;
  /** The dev server this topology runs, if it runs one. */
  server(): DevServer | undefined;
  /** That dev server; throws for an external server, which is not this topology's to kill or restart. */
  ownServer(): DevServer;
  /** Whether that dev server is still running (false for an external server). */
  serverAlive(): boolean;
  /** Starts the dev server again on the same port and file (throws for an external server). */
  restart(): Promise<DevServer>;
  /** Closes the connection, then stops the dev server (SIGTERM, SIGKILL after the grace). */
  stop(graceMs: number): Promise<void>;
}

export async function startTopologyTemporal(options: TopologyTemporalOptions): Promise<TopologyTemporal> {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.createWriteStream(options.logFile, { flags: 'a' });
  let server: DevServer | undefined;
  let serverAlive = false;
  const spawnServer = async (port: number) => {
    const binary = await findTemporalBinary({ temporalCli: options.cli, log: options.report });
    log.write(`\n--- temporal: ${binary} server start-dev (${new Date().toISOString()}) ---\n`);
    const started = await startDevServer({
      binary,
      dbFilename: path.join(options.folder, 'temporal.db'),
      namespace: options.namespace,
      port,
      onLog: (line) => log.write(`${line}\n`),
    });
    serverAlive = true;
    void started.exited.then(() => {
      if (server === started) serverAlive = false;
    });
    return started;
  };
  try {
    if (!options.address) server = await spawnServer(0);
    const address = server?.address ?? options.address!;
    const connection = await Connection.connect({ address });
    if (options.address) await ensureNamespace(connection, options.namespace);
    const ownServer = () => {
      if (!server) throw new Error(`Temporal at ${address} is external: this topology does not run it`);
      return server;
    };
    return {
      address,
      connection,
      logFile: options.logFile,
      server: () => server,
      ownServer,
      serverAlive: () => serverAlive,
      async restart() {
        await ownServer().stop();
        server = await spawnServer(ownServer().port);
        return server;
      },
      async stop(graceMs) {
        await connection.close();
        await server?.stop(graceMs);
        log.end();
      },
    };
  } catch (error) {
    await server?.stop();
    log.end();
    throw error;
  }
}

/**
 * A dev server creates its namespaces from `--namespace`; an external one may not have ours yet. Registering it
 * here suits a development or test server (a test gets its own namespace, so its schedules never meet another's);
 * on a production cluster the namespace exists already and this only describes it.
 */
async function ensureNamespace(connection: Connection, namespace: string): Promise<void> {
  if (namespace === 'default') return;
  try {
    await connection.workflowService.describeNamespace({ namespace });
  } catch (error) {
    if ((error as { code?: number }).code !== 5 /* NOT_FOUND */) throw error;
    await connection.workflowService
      .registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') })
      .catch((raced: { code?: number }) => {
        if (raced.code !== 6 /* ALREADY_EXISTS */) throw raced;
      });
  }
}
