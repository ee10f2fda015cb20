/**
 * The system in the bench's own process, on PostgreSQL, for the benches that drive lifecycles: a scratch database, a
 * Temporal dev server of its own, the projection runner, a worker on the production bundle and — with `api` — the
 * API listening on a free port with the administrator bootstrapped (`admin` / `Initial2026x`, captchas revealed,
 * sign-in limits raised). `close()` stops everything in reverse order and drops the database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { bootstrapAdmin } from '../api/accounts/bootstrap-admin.js';
import { createLogger } from '../api/logger.js';
import { featurePlugins } from '../api/plugins.js';
import { createServer } from '../api/server.js';
import type { EventStore } from '../events/store/event-store.js';
import { type Database, openDatabase } from '../events/store/database.js';
import type { FileStore } from '../events/store/files/file-store.js';
import { createFilesystemFileStore } from '../events/store/files/filesystem-file-store.js';
import { createPostgresEventStore } from '../events/store/postgres-event-store.js';
import { projections } from '../projections/index.js';
import { type ProjectionRunner, createProjectionRunner } from '../projections/runner.js';
import { type Config, loadConfig } from '../runtime/config.js';
import { buildWorkflowBundle } from '../runtime/temporal/build-bundle.js';
import { startDevServer } from '../runtime/temporal/dev-server.js';
import { installSdkRuntime } from '../runtime/temporal/sdk-runtime.js';
import { findTemporalBinary } from '../runtime/temporal/temporal-binary.js';
import { createActivities } from '../workflows/activities/index.js';
import { createScratchPostgresDatabase } from '../tests/support/scratch-postgres.js';

export const BENCH_ADMIN = { username: 'admin', password: 'Initial2026x' };

export interface BenchSystem {
  /** A scratch folder, removed at close. */
  tmp: string;
  db: Database;
  store: EventStore;
  files: FileStore;
  runner: ProjectionRunner;
  config: Config;
  client: Client;
  /** For further workers (a baseline's own bundle): same server. */
  nativeConnection: NativeConnection;
  /** The dev server's SQLite file. */
  temporalDbFile: string;
  /** Where the API listens, with `api`. */
  apiUri: string | undefined;
  /** Runs `cleanup` at close, before what started earlier. */
  onClose(cleanup: () => Promise<unknown>): void;
  close(): Promise<void>;
}

export async function startBenchSystem(options: { label: string; api?: boolean }): Promise<BenchSystem> {
  installSdkRuntime(console, 'ERROR');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `jxjy-bench-${options.label}-`));
  const cleanups: Array<() => Promise<unknown>> = [async () => fs.rmSync(tmp, { recursive: true, force: true })];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => console.error(error));
  };
  try {
    const scratch = await createScratchPostgresDatabase('jxjy_bench');
    cleanups.push(() => scratch.drop());
    const [binary, bundle] = await Promise.all([findTemporalBinary({ temporalCli: process.env.TEMPORAL_CLI }), buildWorkflowBundle({ outFile: path.join(tmp, 'bundle.js') })]);
    const temporalDbFile = path.join(tmp, 'temporal.db');
    const temporalServer = await startDevServer({ binary, dbFilename: temporalDbFile, sqlitePragmas: { journal_mode: 'WAL', synchronous: 'NORMAL' } });
    cleanups.push(() => temporalServer.stop());
    const db = await openDatabase({ engine: 'postgres', url: scratch.url, poolSize: 8 });
    cleanups.push(() => db.close());
    const store = await createPostgresEventStore(db);
    const runner = createProjectionRunner({ db, store, projections });
    await runner.init();
    runner.start();
    cleanups.push(() => runner.stop());

    const env = { ...process.env, DATA_DIR: tmp, JXJY_CAPTCHA: 'reveal', JXJY_ADMIN_USERNAME: BENCH_ADMIN.username, JXJY_ADMIN_PASSWORD: BENCH_ADMIN.password, JXJY_LOGIN_RATE_PER_MINUTE: '100000', LOG_LEVEL: 'silent' };
    const config = { ...loadConfig(env), port: 0 };
    const nativeConnection = await NativeConnection.connect({ address: temporalServer.address });
    const connection = await Connection.connect({ address: temporalServer.address });
    cleanups.push(() => nativeConnection.close(), () => connection.close());
    const client = new Client({ connection });
    const files = createFilesystemFileStore(path.join(tmp, 'files'));
    const activities = createActivities({ store, db, files, lifecycles: { client: () => client, settings: config } });
    const worker = await Worker.create({ connection: nativeConnection, taskQueue: config.temporalTaskQueue, workflowBundle: { codePath: bundle }, activities });
    const running = worker.run();
    cleanups.push(async () => {
      worker.shutdown();
      await running;
    });

    let apiUri: string | undefined;
    if (options.api) {
      const server = await createServer({ config, db, store, files, logger: createLogger(config), temporal: { client, check: async () => {} }, projections: runner, plugins: featurePlugins });
      await server.start();
      cleanups.push(() => server.stop());
      await bootstrapAdmin({ store, db, client, config });
      apiUri = server.info.uri;
    }
    return { tmp, db, store, files, runner, config, client, nativeConnection, temporalDbFile, apiUri, onClose: (cleanup) => cleanups.push(cleanup), close };
  } catch (error) {
    await close();
    throw error;
  }
}
