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
  });
}
