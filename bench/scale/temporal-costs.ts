/**
 * What the lifecycles cost Temporal, measured: the real stack (Temporal dev server, a worker on the production bundle,
 * the projection runner, the API on a port, PostgreSQL) drives units, professionals and credit records through HTTP as
 * bench/credits.ts does; then every workflow run is listed with its history length and size, and one credit run's
 * history is broken down into what each run costs once and what each command adds. The sizing of a Temporal cluster
 * for the province (README "Capacity") is built on these counts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { bootstrapAdmin } from '../../api/accounts/bootstrap-admin.js';
import { createLogger } from '../../api/logger.js';
import { featurePlugins } from '../../api/plugins.js';
import { createServer } from '../../api/server.js';
import { createFilesystemFileStore } from '../../events/store/files/filesystem-file-store.js';
import { createPostgresEventStore } from '../../events/store/postgres-event-store.js';
import { projections } from '../../projections/index.js';
import { createProjectionRunner } from '../../projections/runner.js';
import { loadConfig } from '../../runtime/config.js';
import { buildWorkflowBundle } from '../../runtime/temporal/build-bundle.js';
import { startDevServer } from '../../runtime/temporal/dev-server.js';
import { installSdkRuntime } from '../../runtime/temporal/sdk-runtime.js';
import { findTemporalBinary } from '../../runtime/temporal/temporal-binary.js';
import { createActivities } from '../../workflows/activities/index.js';
import { HttpActor } from '../http-actor.js';
import { databaseUrl, dropDatabase, openBenchDatabase, recreateDatabase } from './database.js';

export interface TemporalCosts {
  lifecycles: number;
  /** Per workflow kind: runs, history events and bytes per run (completed runs only). */
  kinds: Array<{ kind: string; runs: number; eventsPerRun: number; bytesPerRun: number }>;
  /** One credit record's run, by history event type. */
  creditRun: Record<string, number>;
  /** Wall time of one credit lifecycle (declare, attach, submit, approve) over HTTP, one at a time. */
  lifecycleMs: number;
  /** The dev server's SQLite file after the run, per credit lifecycle (history, mutable state, visibility). */
  temporalBytesPerLifecycle: number;
}

/** `workflowExecutionStartedEventAttributes` → `WorkflowExecutionStarted`. */
function eventType(event: Record<string, unknown>): string {
  const key = Object.keys(event).find((k) => k.endsWith('EventAttributes') && event[k] != null);
  return key ? key[0]!.toUpperCase() + key.slice(1, -'EventAttributes'.length) : 'unknown';
}

export async function measureTemporalCosts(adminUrl: string, lifecycles: number, log: (line: string) => void): Promise<TemporalCosts> {
  installSdkRuntime(console, 'ERROR');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-scale-temporal-'));
  const name = 'jxjy_scale_temporal';
  await recreateDatabase(adminUrl, name);
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    const [binary, bundle] = await Promise.all([findTemporalBinary({ temporalCli: process.env.TEMPORAL_CLI }), buildWorkflowBundle({ outFile: path.join(tmp, 'bundle.js') })]);
    const dbFile = path.join(tmp, 'temporal.db');
    const temporalServer = await startDevServer({ binary, dbFilename: dbFile, sqlitePragmas: { journal_mode: 'WAL', synchronous: 'NORMAL' } });
    cleanups.push(() => temporalServer.stop());
    const db = await openBenchDatabase(databaseUrl(adminUrl, name), 8);
    cleanups.push(() => db.close());
    const store = await createPostgresEventStore(db);
    const runner = createProjectionRunner({ db, store, projections });
    await runner.init();
    runner.start();
    cleanups.push(() => runner.stop());
    const env = { ...process.env, DATA_DIR: tmp, JXJY_CAPTCHA: 'reveal', JXJY_ADMIN_USERNAME: 'admin', JXJY_ADMIN_PASSWORD: 'Initial2026x', JXJY_LOGIN_RATE_PER_MINUTE: '100000', LOG_LEVEL: 'silent' };
    const config = { ...loadConfig(env), port: 0 };
    const nativeConnection = await NativeConnection.connect({ address: temporalServer.address });
    const connection = await Connection.connect({ address: temporalServer.address });
    cleanups.push(() => nativeConnection.close(), () => connection.close());
    const client = new Client({ connection });
    const activities = createActivities({ store, db, lifecycles: { client: () => client, settings: config } });
    const worker = await Worker.create({ connection: nativeConnection, taskQueue: config.temporalTaskQueue, workflowBundle: { codePath: bundle }, activities });
    const running = worker.run();
    cleanups.push(async () => {
      worker.shutdown();
      await running;
    });
    const server = await createServer({
      config, db, store, files: createFilesystemFileStore(path.join(tmp, 'files')), logger: createLogger(config),
      temporal: { client, check: async () => {} }, projections: runner, plugins: featurePlugins,
    });
    await server.start();
    cleanups.push(() => server.stop());
    await bootstrapAdmin({ store, db, client, config });

    const actors = new HttpActor(server.info.uri);
    const unit = await actors.approvedUnit();
    const person = await actors.boundPerson(unit, '基准');
    await actors.creditLifecycle(person, unit); // warm
    const started = performance.now();
    for (let i = 0; i < lifecycles; i++) await actors.creditLifecycle(person, unit);
    const lifecycleMs = (performance.now() - started) / lifecycles;
    // A settled run ends after its idle minute (workflows/kit/host.ts): wait for that, so each history is whole.
    log('  waiting for the settled runs to end (their idle minute)');
    await new Promise((resolve) => setTimeout(resolve, 70_000));

    const byKind = new Map<string, { runs: number; events: number; bytes: number }>();
    let creditRun: { workflowId: string; runId: string } | undefined;
    for await (const info of client.workflow.list()) {
      if (info.status.name !== 'COMPLETED') continue;
      const kind = info.workflowId.slice(0, info.workflowId.indexOf('-'));
      const entry = byKind.get(kind) ?? { runs: 0, events: 0, bytes: 0 };
      entry.runs++;
      entry.events += info.historyLength;
      entry.bytes += info.historySize ?? 0;
      byKind.set(kind, entry);
      if (kind === 'credit') creditRun = { workflowId: info.workflowId, runId: info.runId };
    }
    const breakdown: Record<string, number> = {};
    if (creditRun) {
      const history = await client.workflow.getHandle(creditRun.workflowId, creditRun.runId).fetchHistory();
      for (const event of history.events ?? []) {
        const type = eventType(event as unknown as Record<string, unknown>);
        breakdown[type] = (breakdown[type] ?? 0) + 1;
      }
    }
    return {
      lifecycles,
      kinds: [...byKind.entries()].map(([kind, e]) => ({ kind, runs: e.runs, eventsPerRun: e.events / e.runs, bytesPerRun: e.bytes / e.runs })),
      creditRun: breakdown,
      lifecycleMs,
      temporalBytesPerLifecycle: (fs.statSync(dbFile).size + (fs.existsSync(`${dbFile}-wal`) ? fs.statSync(`${dbFile}-wal`).size : 0)) / (lifecycles + 1),
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
    await dropDatabase(adminUrl, name);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
