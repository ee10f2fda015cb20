/**
 * Builds the Temporal worker that runs every workflow and activity on one task queue. Uses the prebuilt bundle
 * when it is fresh (fast boot, same code as CI tested), else bundles `workflows/index.ts` on the fly.
 */
import type { Duration } from '@temporalio/common';
import { type NativeConnection, Worker, type WorkflowBundleOption } from '@temporalio/worker';
import { WORKFLOWS_ENTRY, freshPrebuiltBundle } from './build-bundle.js';

export interface CreateWorkerOptions {
  connection: NativeConnection;
  taskQueue: string;
  namespace: string;
  activities: object;
  /** A bundle file or code; default: the fresh prebuilt bundle, else bundle on the fly. */
  workflowBundle?: WorkflowBundleOption;
  /** Default 10 s: long enough for an in-flight append to finish instead of being cancelled mid-write. */
  shutdownGraceTime?: Duration;
}

/**
 * Workflows kept in memory between their tasks; past it the least recently used is evicted, and replayed from its
 * history when its next task comes. The SDK's default grows with the heap limit: 2,310 with Node's 4 GB default here.
 * Measured: 184–241 KiB of RSS per cached workflow (100 and 400 small review lifecycles waiting after a submit), so
 * that default could hold half a gigabyte; and most of this system's workflows are lifecycles that wait on people
 * for days or weeks, so the cache would only ever fill. 200 bounds it near 50 MB.
 */
const MAX_CACHED_WORKFLOWS = 200;

export async function createWorker(options: CreateWorkerOptions): Promise<Worker> {
  const prebuiltPath = options.workflowBundle ? undefined : freshPrebuiltBundle();
  const prebuilt = options.workflowBundle ?? (prebuiltPath ? { codePath: prebuiltPath } : undefined);
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    ...(prebuilt ? { workflowBundle: prebuilt } : { workflowsPath: WORKFLOWS_ENTRY }),
    shutdownGraceTime: options.shutdownGraceTime ?? '10s',
    maxCachedWorkflows: MAX_CACHED_WORKFLOWS,
  });
}
