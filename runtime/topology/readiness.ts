/**
 * When a topology process counts as up, judged from outside as an orchestrator would, never from its log wording:
 * an API answers `GET /health` 200 with every check ok; a worker is listed as a poller of its task queue; a
 * projection runner has its loop's LISTEN connection open (database.ts). A process that exits while awaited fails
 * the wait at once, quoting the end of its log.
 */
import fs from 'node:fs';
import type { Connection } from '@temporalio/client';
import type { NodeProcess } from './node-process.js';

export class TopologyStartError extends Error {
  override readonly name = 'TopologyStartError';
}

export interface WaitOptions {
  timeoutMs: number;
  /** Fail as soon as this process exits. */
  process?: NodeProcess;
  intervalMs?: number;
  /** Gives up at once (the launcher was interrupted). */
  signal?: AbortSignal;
}

export async function waitUntil(what: string, probe: () => Promise<boolean>, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    options.signal?.throwIfAborted();
    if (options.process && !options.process.alive()) {
      const how = await options.process.exited;
      throw new TopologyStartError(`${options.process.spec.name} exited (${String(how)}) before ${what}:\n${logTail(options.process.spec.logFile)}`);
    }
    // A probe that throws (connection refused while the process boots) only means "not yet".
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) {
      const log = options.process ? `:\n${logTail(options.process.spec.logFile)}` : '';
      throw new TopologyStartError(`not ${what} after ${options.timeoutMs} ms${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
}

/** `/health` is 200 only when store, Temporal and projections all answer (api/health/plugin.ts). */
export async function apiHealthy(baseUrl: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(3_000) });
  const body = (await response.json()) as { status?: string };
  return response.status === 200 && body.status === 'ok';
}

/** The SDK names a worker `<pid>@<host>`; the server lists it once its first workflow-task poll arrives. */
export async function workerPolling(connection: Connection, namespace: string, taskQueue: string, pid: number): Promise<boolean> {
  const { pollers } = await connection.workflowService.describeTaskQueue({
    namespace,
    taskQueue: { name: taskQueue },
    taskQueueType: 1 /* TASK_QUEUE_TYPE_WORKFLOW */,
  });
  return (pollers ?? []).some((poller) => poller.identity?.startsWith(`${pid}@`));
}

export function logTail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(no log at ${file})`;
  }
}
