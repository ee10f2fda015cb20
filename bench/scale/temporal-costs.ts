/**
 * What the lifecycles cost Temporal, measured: the real stack (Temporal dev server, a worker on the production bundle,
 * the projection runner, the API on a port, PostgreSQL) drives units, professionals and credit records through HTTP as
 * bench/credits.ts does; then every workflow run is listed with its history length and size, and one credit run's
 * history is broken down into what each run costs once and what each command adds. The sizing of a Temporal cluster
 * for the province (README "Capacity") is built on these counts.
 */
import fs from 'node:fs';
import type { Client } from '@temporalio/client';
import { startBenchSystem } from '../bench-system.js';
import { HttpActor } from '../http-actor.js';

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

/** The dev server's SQLite file with its write-ahead log. */
async function fileBytes(dbFile: string): Promise<number> {
  const size = async (file: string) => (await fs.promises.stat(file).catch(() => undefined))?.size ?? 0;
  return (await size(dbFile)) + (await size(`${dbFile}-wal`));
}

async function untilNoneRunning(client: Client): Promise<void> {
  const deadline = Date.now() + 5 * 60_000;
  while ((await client.workflow.count('ExecutionStatus = "Running"')).count > 0) {
    if (Date.now() > deadline) throw new Error('workflow runs still running after 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

export async function measureTemporalCosts(lifecycles: number, log: (line: string) => void): Promise<TemporalCosts> {
  const system = await startBenchSystem({ label: 'scale-temporal', api: true });
  try {
    const { client, temporalDbFile: dbFile } = system;
    const actors = new HttpActor(system.apiUri!);
    const unit = await actors.approvedUnit();
    const person = await actors.boundPerson(unit, '基准');
    await actors.creditLifecycle(person, unit); // warm
    const before = await fileBytes(dbFile);
    const started = performance.now();
    for (let i = 0; i < lifecycles; i++) await actors.creditLifecycle(person, unit);
    const lifecycleMs = (performance.now() - started) / lifecycles;
    // A settled run ends after its idle window (workflows/kit/host.ts): wait until none runs, so each history is whole.
    log('  waiting for the settled runs to end (their idle window)');
    await untilNoneRunning(client);

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
      temporalBytesPerLifecycle: ((await fileBytes(dbFile)) - before) / lifecycles,
    };
  } finally {
    await system.close();
  }
}
