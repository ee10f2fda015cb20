/**
 * `npm run bench` (second part): credit records end to end over real HTTP — the API listening on a port, the Temporal
 * dev server, a worker on the production bundle, the projection runner, PostgreSQL — beside the raw Temporal baseline
 * measured in the same run: start a workflow and run one no-op Update on it. Figures, never pass/fail.
 *
 *  - approve → summary: from the approving request's response to `GET /me/credit-summary?after=<its position>`
 *    answering with the hours counted (the server waits for the totals projection), p50/p99; baseline: one
 *    start + no-op Update round trip, p50/p99;
 *  - lifecycles per second: declare, attach a PDF, submit, and the unit approves — four commands through HTTP — with
 *    four clients at once; baseline: starts + no-op Updates per second with four clients.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import pg from 'pg';
import { bootstrapAdmin } from '../api/accounts/bootstrap-admin.js';
import { createLogger } from '../api/logger.js';
import { featurePlugins } from '../api/plugins.js';
import { createServer } from '../api/server.js';
import { openDatabase } from '../events/store/database.js';
import { createFilesystemFileStore } from '../events/store/files/filesystem-file-store.js';
import { createPostgresEventStore } from '../events/store/postgres-event-store.js';
import { projections } from '../projections/index.js';
import { createProjectionRunner } from '../projections/runner.js';
import { loadConfig } from '../runtime/config.js';
import { buildWorkflowBundle } from '../runtime/temporal/build-bundle.js';
import { startDevServer } from '../runtime/temporal/dev-server.js';
import { installSdkRuntime } from '../runtime/temporal/sdk-runtime.js';
import { findTemporalBinary } from '../runtime/temporal/temporal-binary.js';
import { createActivities } from '../workflows/activities/index.js';
import { HttpActor, percentile } from './http-actor.js';
import { noopUpdate } from './fixtures/noop-workflow.js';

const LIFECYCLES = Number(process.env.BENCH_LIFECYCLES ?? 60);
const CLIENTS = 4;
const ADMIN_URL = process.env.JXJY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NOOP_WORKFLOWS = fileURLToPath(new URL('./fixtures/noop-workflow.ts', import.meta.url));

async function inParallel<T>(count: number, clients: number, work: (i: number) => Promise<T>): Promise<{ results: T[]; seconds: number }> {
  const results: T[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < count) results.push(await work(next++));
  }));
  return { results, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  installSdkRuntime(console, 'ERROR');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-bench-credits-'));
  const name = `jxjy_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    const [binary, bundle, noopBundle] = await Promise.all([
      findTemporalBinary({ temporalCli: process.env.TEMPORAL_CLI }),
      buildWorkflowBundle({ outFile: path.join(tmp, 'bundle.js') }),
      buildWorkflowBundle({ workflowsPath: NOOP_WORKFLOWS, outFile: path.join(tmp, 'noop.js') }),
    ]);
    const temporalServer = await startDevServer({ binary, dbFilename: path.join(tmp, 'temporal.db'), sqlitePragmas: { journal_mode: 'WAL', synchronous: 'NORMAL' } });
    cleanups.push(() => temporalServer.stop());
    const db = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 8 });
    cleanups.push(() => db.close());
    const store = await createPostgresEventStore(db);
    const runner = createProjectionRunner({ db, store, projections });
    await runner.init();
    runner.start();
    cleanups.push(() => runner.stop());

    const config = { ...loadConfig({ ...process.env, DATA_DIR: tmp, JXJY_CAPTCHA: 'reveal', JXJY_ADMIN_USERNAME: 'admin', JXJY_ADMIN_PASSWORD: 'Initial2026x', JXJY_LOGIN_RATE_PER_MINUTE: '100000', LOG_LEVEL: 'silent' }), port: 0 };
    const nativeConnection = await NativeConnection.connect({ address: temporalServer.address });
    const connection = await Connection.connect({ address: temporalServer.address });
    cleanups.push(() => nativeConnection.close(), () => connection.close());
    const client = new Client({ connection });
    const worker = await Worker.create({ connection: nativeConnection, taskQueue: config.temporalTaskQueue, workflowBundle: { codePath: bundle }, activities: createActivities({ store, db, lifecycles: { client: () => client, settings: config } }) });
    const noopWorker = await Worker.create({ connection: nativeConnection, taskQueue: 'bench-noop', workflowBundle: { codePath: noopBundle }, activities: {} });
    const running = Promise.all([worker.run(), noopWorker.run()]);
    cleanups.push(async () => {
      worker.shutdown();
      noopWorker.shutdown();
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
    const people = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => actors.boundPerson(unit, `基准${i}`)));

    // Warm both paths once so neither side pays the first-call costs in the figures.
    await actors.creditLifecycle(people[0]!, unit);
    const raw = async () => {
      const started = performance.now();
      const handle = await client.workflow.start('noopWorkflow', { taskQueue: 'bench-noop', workflowId: `noop-${crypto.randomUUID()}` });
      await handle.executeUpdate(noopUpdate);
      return performance.now() - started;
    };
    await raw();

    const lifecycles = await inParallel(LIFECYCLES, CLIENTS, (i) => actors.creditLifecycle(people[i % CLIENTS]!, unit));
    const baseline = await inParallel(LIFECYCLES, CLIENTS, () => raw());
    const latencies = lifecycles.results.map((r) => r.approveToSummaryMs);
    const rawLatencies = baseline.results;
    const fmt = (n: number) => n.toFixed(1);
    console.log(`\njxjy bench (credit records over HTTP, PostgreSQL, ${LIFECYCLES} lifecycles, ${CLIENTS} clients) — ${new Date().toISOString()}\n`);
    console.log('| metric | jxjy | raw Temporal baseline (start + no-op Update) | ratio |');
    console.log('|---|---|---|---|');
    console.log(`| approve → summary shows it, p50 | ${fmt(percentile(latencies, 50))} ms | ${fmt(percentile(rawLatencies, 50))} ms | ${(percentile(latencies, 50) / percentile(rawLatencies, 50)).toFixed(1)}× |`);
    console.log(`| approve → summary shows it, p99 | ${fmt(percentile(latencies, 99))} ms | ${fmt(percentile(rawLatencies, 99))} ms | ${(percentile(latencies, 99) / percentile(rawLatencies, 99)).toFixed(1)}× |`);
    const rate = LIFECYCLES / lifecycles.seconds;
    const rawRate = LIFECYCLES / baseline.seconds;
    console.log(`| credit-record lifecycles/s (4 commands each) | ${fmt(rate)} /s | ${fmt(rawRate)} /s | ${(rate / rawRate * 100).toFixed(0)}% |`);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
