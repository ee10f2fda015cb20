import crypto from 'node:crypto';
import { ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import { ActivityFailure } from '@temporalio/common';
import { Context } from '@temporalio/activity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventStore, StoreUnavailableError } from '../../../events/store/event-store.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import { createEventActivities } from '../../../workflows/activities/append-events.js';
import type { AppendEventsInput } from '../../../workflows/kit/append-contract.js';
import { ENGINES, type TestDatabase, openTestDatabase } from '../../support/databases.js';
import { type TestTemporal, connectTestTemporal, uniqueTaskQueue, withTestWorker } from '../../support/temporal.js';
import { approve, reviewLifecycle, submit, view } from '../fixtures/test-workflows.js';

const newEvent = (type: string) => ({ eventId: crypto.randomUUID(), type, data: {}, recordedAt: new Date().toISOString() });

describe.each(ENGINES)('appendEvents activity on %s', (engine) => {
  let db: TestDatabase;
  let store: EventStore;
  let temporal: TestTemporal;

  beforeAll(async () => {
    [db, temporal] = await Promise.all([openTestDatabase(engine), connectTestTemporal()]);
    store = await createPostgresEventStore(db);
  });
  afterAll(async () => {
    await temporal?.close();
    await db?.drop();
  });

  it('does not duplicate events when an append is retried after it committed', async () => {
    const streamId = `review-${crypto.randomUUID()}`;
    const real = createEventActivities({ store });
    const attempts: Record<string, number[]> = {};
    const activities = {
      // The first attempt commits, then "loses the acknowledgement": the retry re-sends the same ids.
      async appendEvents(input: AppendEventsInput) {
        const { attempt } = Context.current().info;
        (attempts[input.events[0]!.type] ??= []).push(attempt);
        const result = await real.appendEvents(input);
        if (attempt === 1) throw new Error('connection reset after commit');
        return result;
      },
    };
    const taskQueue = uniqueTaskQueue('append-retry');
    const final = await withTestWorker(temporal, { taskQueue, activities }, async () => {
      const handle = await temporal.client.workflow.start(reviewLifecycle, {
        taskQueue,
        workflowId: streamId,
        args: [{ streamId }],
      });
      await expect.poll(() => handle.query(view).then((v) => v.phase), { interval: 100, timeout: 10_000 }).toBe('draft');
      await handle.executeUpdate(submit, { args: [{ hours: 8 }] });
      await handle.executeUpdate(approve, { args: [{ reviewerId: 'r-1' }] });
      return handle.result();
    });

    const events = await store.readStream(streamId);
    expect(events.map((e) => e.type)).toEqual(['ReviewOpened', 'ReviewSubmitted', 'ReviewApproved']);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(3);
    expect(attempts).toEqual({ ReviewOpened: [1, 2], ReviewSubmitted: [1, 2], ReviewApproved: [1, 2] });
    expect(final).toEqual({ phase: 'approved', revision: '2', hours: 8 });
  });

  it('fails a wrong-expected-version append at once, without retrying', async () => {
    const streamId = `review-${crypto.randomUUID()}`;
    // Someone else wrote the stream first: the workflow's 'no_stream' expectation is now wrong.
    await store.append(streamId, [newEvent('Intruder')], { expectedRevision: 'no_stream' });
    const real = createEventActivities({ store });
    let calls = 0;
    const activities = {
      appendEvents: (input: AppendEventsInput) => {
        calls++;
        return real.appendEvents(input);
      },
    };
    const taskQueue = uniqueTaskQueue('append-conflict');
    const started = performance.now();
    const failure = await withTestWorker(temporal, { taskQueue, activities }, async () => {
      const handle = await temporal.client.workflow.start(reviewLifecycle, { taskQueue, workflowId: streamId, args: [{ streamId }] });
      return handle.result().then(
        () => undefined,
        (error: unknown) => error,
      );
    });

    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const activityFailure = (failure as WorkflowFailedError).cause;
    expect(activityFailure).toBeInstanceOf(ActivityFailure);
    const cause = (activityFailure as ActivityFailure).cause as ApplicationFailure;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause).toMatchObject({ type: 'WrongExpectedVersion', nonRetryable: true });
    expect(cause.details).toEqual([{ streamId, expected: 'no_stream', actual: '0' }]);
    expect(calls).toBe(1);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['Intruder']);
  });
});

describe('appendEvents activity errors', () => {
  it('leaves a store-unavailable error retryable', async () => {
    // Classification only: an outage is simulated because a real one cannot be produced on demand here.
    const outage = new StoreUnavailableError('cannot connect to PostgreSQL');
    const store = { append: () => Promise.reject(outage) } as unknown as EventStore;
    const { appendEvents } = createEventActivities({ store });
    const error = await appendEvents({ streamId: 'x-1', expectedRevision: 'any', events: [newEvent('Noted')] }).catch((e: unknown) => e);
    expect(error).toBe(outage);
    expect(error).not.toBeInstanceOf(ApplicationFailure);
  });
});
