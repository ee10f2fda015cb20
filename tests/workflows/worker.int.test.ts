import crypto from 'node:crypto';
import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../../events/store/event-store.js';
import { createPostgresEventStore } from '../../events/store/postgres-event-store.js';
import { createActivities } from '../../workflows/activities/index.js';
import { type TestDatabase, openTestDatabase } from '../support/databases.js';
import { type TestTemporal, connectTestTemporal, uniqueTaskQueue, withTestWorker } from '../support/temporal.js';
import { approve, reviewLifecycle, submit, view } from './fixtures/test-workflows.js';

describe('workflow worker', () => {
  let db: TestDatabase;
  let store: EventStore;
  let temporal: TestTemporal;

  beforeAll(async () => {
    [db, temporal] = await Promise.all([openTestDatabase('postgres'), connectTestTemporal()]);
    store = await createPostgresEventStore(db);
  });
  afterAll(async () => {
    await temporal?.close();
    await db?.drop();
  });

  it('continues a lifecycle on a new worker after the first one shut down mid-way', async () => {
    const streamId = `review-${crypto.randomUUID()}`;
    const taskQueue = uniqueTaskQueue('worker-restart');
    const activities = createActivities({ store, db });
    const handle = await temporal.client.workflow.start(reviewLifecycle, { taskQueue, workflowId: streamId, args: [{ streamId }] });

    const afterSubmit = await withTestWorker(temporal, { taskQueue, activities }, async () => {
      await expect.poll(() => handle.query(view).then((v) => v.phase), { interval: 50, timeout: 10_000 }).toBe('draft');
      return handle.executeUpdate(submit, { args: [{ hours: 6 }] });
    });
    expect(afterSubmit).toEqual({ phase: 'submitted', revision: '1', hours: 6 });

    // A new worker has no cached state: it rebuilds the workflow by replaying history, event ids included.
    const final = await withTestWorker(temporal, { taskQueue, activities }, async () => {
      expect(await handle.query(view)).toEqual(afterSubmit);
      await handle.executeUpdate(approve, { args: [{ reviewerId: 'reviewer-1' }] });
      return handle.result();
    });

    expect(final).toEqual({ phase: 'approved', revision: '2', hours: 6 });
    const events = await store.readStream(streamId);
    expect(events.map((e) => [e.type, e.revision])).toEqual([
      ['ReviewOpened', 0n],
      ['ReviewSubmitted', 1n],
      ['ReviewApproved', 2n],
    ]);
    expect(events[1]!.data).toEqual({ hours: 6 });
  });

  it('fails an Update within its deadline when no worker polls the task queue', async () => {
    const streamId = `review-${crypto.randomUUID()}`;
    const handle = await temporal.client.workflow.start(reviewLifecycle, {
      taskQueue: uniqueTaskQueue('nobody-polls'),
      workflowId: streamId,
      args: [{ streamId }],
    });
    try {
      const started = performance.now();
      const error = await temporal.client
        .withDeadline(Date.now() + 1_500, () => handle.executeUpdate(submit, { args: [{ hours: 1 }] }))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      const elapsed = performance.now() - started;
      // The API maps this to 503: the request is not lost, the workflow simply has no worker right now.
      expect(error).toBeInstanceOf(WorkflowUpdateRPCTimeoutOrCancelledError);
      expect(elapsed).toBeGreaterThanOrEqual(1_400);
      expect(elapsed).toBeLessThan(3_000);
    } finally {
      await handle.terminate('test cleanup');
    }
  });
});
