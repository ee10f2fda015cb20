/**
 * Test access to the run's shared Temporal dev server (tests/global-setup.ts): a client, a NativeConnection, and
 * workers on a unique task queue per test so parallel files never pick up each other's tasks.
 */
import crypto from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { inject } from 'vitest';
import { installSdkRuntime } from '../../runtime/temporal/sdk-runtime.js';

export interface TestTemporal {
  client: Client;
  connection: NativeConnection;
  address: string;
  namespace: string;
  close(): Promise<void>;
}

// One Runtime per test process (fork); ERROR keeps expected activity-retry warnings and worker state chatter out of the test output.
installSdkRuntime(console, 'ERROR');

export async function connectTestTemporal(address = inject('temporalAddress')): Promise<TestTemporal> {
  const namespace = inject('temporalNamespace');
  const connection = await NativeConnection.connect({ address });
  const clientConnection = await Connection.connect({ address }).catch(async (error: unknown) => {
    await connection.close();
    throw error;
  });
  return {
    client: new Client({ connection: clientConnection, namespace }),
    connection,
    address,
    namespace,
    async close() {
      await clientConnection.close();
      await connection.close();
    },
  };
}

export const uniqueTaskQueue = (label: string): string => `${label}-${crypto.randomUUID()}`;

export interface TestWorkerOptions extends Partial<WorkerOptions> {
  /** Which prebuilt bundle to load: test-only workflows (default) or the production barrel. */
  bundle?: 'test' | 'production';
}

export async function createTestWorker(temporal: TestTemporal, options: TestWorkerOptions = {}): Promise<Worker> {
  const { bundle = 'test', ...rest } = options;
  const codePath = inject(bundle === 'test' ? 'testWorkflowBundlePath' : 'workflowBundlePath');
  return Worker.create({
    connection: temporal.connection,
    namespace: temporal.namespace,
    taskQueue: uniqueTaskQueue('test'),
    workflowBundle: { codePath },
    shutdownGraceTime: '2s',
    ...rest,
  });
}

/** Runs `fn` while a fresh worker polls, then shuts the worker down (and waits for it) whatever `fn` did. */
export async function withTestWorker<R>(
  temporal: TestTemporal,
  options: TestWorkerOptions,
  fn: (worker: Worker) => Promise<R>,
): Promise<R> {
  const worker = await createTestWorker(temporal, options);
  return worker.runUntil(() => fn(worker));
}
