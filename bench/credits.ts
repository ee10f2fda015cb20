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
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { buildWorkflowBundle } from '../runtime/temporal/build-bundle.js';
import { startBenchSystem } from './bench-system.js';
import { HttpActor, percentile } from './http-actor.js';
import { noopUpdate } from './fixtures/noop-workflow.js';

const LIFECYCLES = Number(process.env.BENCH_LIFECYCLES ?? 60);
const CLIENTS = 4;
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
  const system = await startBenchSystem({ label: 'credits', api: true });
  try {
    const { client, nativeConnection, tmp } = system;
    const noopBundle = await buildWorkflowBundle({ workflowsPath: NOOP_WORKFLOWS, outFile: path.join(tmp, 'noop.js') });
    const noopWorker = await Worker.create({ connection: nativeConnection, taskQueue: 'bench-noop', workflowBundle: { codePath: noopBundle }, activities: {} });
    const running = noopWorker.run();
    system.onClose(async () => {
      noopWorker.shutdown();
      await running;
    });
    const actors = new HttpActor(system.apiUri!);
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
    await system.close();
  }
}

await main();
