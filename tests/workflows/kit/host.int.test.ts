/**
 * The lifecycle host on the real Temporal dev server and a real event store, through a test lifecycle (a counter
 * that closes at a deadline and can ask a unit for approval): concurrent Updates queue instead of being refused,
 * validators judge on the workflow clock, continue-as-new keeps state and revision, a long stream loads in pages,
 * reminders and escalation fire on shortened durations, and admin may decide an escalated task.
 */
import crypto from 'node:crypto';
import { ApplicationFailure, type WorkflowHandle, WorkflowUpdateFailedError, WorkflowUpdateStage } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../../../events/store/event-store.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import type { Actor } from '../../../events/task.js';
import { createActivities } from '../../../workflows/activities/index.js';
import { type LifecycleInput, decideTaskUpdate } from '../../../workflows/kit/messages.js';
import { type TestDatabase, openTestDatabase } from '../../support/databases.js';
import { type TestTemporal, connectTestTemporal, uniqueTaskQueue, withTestWorker } from '../../support/temporal.js';
import { type CounterView, count, counterView, openCounter, requestApproval } from '../fixtures/counter-lifecycle.js';

const person: Actor = { id: 'p-1', role: 'person' };
const admin: Actor = { id: 'admin-1', role: 'admin' };

function failureOf(error: unknown): ApplicationFailure | undefined {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof ApplicationFailure && cause.type) return cause;
  }
  return undefined;
}

const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

/**
 * An Update to whichever run is current, awaited on the run that accepted it. `handle.executeUpdate` on a handle
 * without a run id polls the outcome on the *latest* run (client 1.24 `_startUpdate`), so an Update accepted by a
 * run that then continues-as-new answers "update not found" (seen once in CI). Update-with-start, which the API
 * uses, polls the accepting run and is not affected.
 */
async function updateCurrentRun<Ret, Arg>(handle: WorkflowHandle, update: UpdateDefinition<Ret, [Arg]>, arg: Arg): Promise<Ret> {
  const accepted = await handle.startUpdate(update, { args: [arg], waitForStage: WorkflowUpdateStage.ACCEPTED });
  return accepted.result();
}

describe('lifecycle host', () => {
  let db: TestDatabase;
  let store: EventStore;
  let temporal: TestTemporal;
  let activities: ReturnType<typeof createActivities>;

  beforeAll(async () => {
    [db, temporal] = await Promise.all([openTestDatabase('postgres'), connectTestTemporal()]);
    store = await createPostgresEventStore(db);
    activities = createActivities({ store, db });
  });
  afterAll(async () => {
    await temporal?.close();
    await db?.drop();
  });

  async function startCounter(taskQueue: string, input: Partial<LifecycleInput> = {}): Promise<{ id: string; handle: WorkflowHandle }> {
    const id = crypto.randomUUID();
    const handle = await temporal.client.workflow.start('counterLifecycle', {
      workflowId: `counter-${id}`,
      taskQueue,
      args: [{ id, idleMs: 60_000, ...input }],
    });
    return { id, handle };
  }

  const streamTypes = async (id: string) => (await store.readStream(`counter-${id}`)).map((e) => e.type);

  it('queues 20 concurrent Updates: every one succeeds, each decided on the state its predecessors left', async () => {
    const taskQueue = uniqueTaskQueue('host');
    await withTestWorker(temporal, { taskQueue, activities }, async () => {
      const { id, handle } = await startCounter(taskQueue);
      await handle.executeUpdate(openCounter, { args: [{ openForMs: 600_000, actor: person }] });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => handle.executeUpdate(count, { args: [{ actor: { id: `p-${i}`, role: 'person' } }] })),
      );
      expect(results.map((r: CounterView) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const events = await store.readStream(`counter-${id}`);
      expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 21 }, (_, i) => BigInt(i)));
      expect(events.slice(1).map((e) => (e.data as { n: number }).n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });
  });

  it('rejects a command after a deadline read from the workflow clock, in the validator: nothing reaches history', async () => {
    const taskQueue = uniqueTaskQueue('host');
    await withTestWorker(temporal, { taskQueue, activities }, async () => {
      const { id, handle } = await startCounter(taskQueue);
      await handle.executeUpdate(openCounter, { args: [{ openForMs: 1_500, actor: person }] });
      expect((await handle.executeUpdate(count, { args: [{ actor: person }] })).count).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const before = (await handle.fetchHistory()).events?.length ?? 0;
      const error = await rejection(handle.executeUpdate(count, { args: [{ actor: person }] }));
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(failureOf(error)).toMatchObject({ type: 'InvalidTransition', details: [{ zh: '已截止', en: 'the counter is closed' }] });
      expect((await handle.fetchHistory()).events?.length ?? 0).toBe(before);
      expect(await streamTypes(id)).toEqual(['CounterOpened', 'Counted']);
    });
  });

  it('continues-as-new with its state and revision: the new run appends right after the old one', async () => {
    const taskQueue = uniqueTaskQueue('host');
    await withTestWorker(temporal, { taskQueue, activities }, async () => {
      const { id, handle } = await startCounter(taskQueue, { maxCommandsPerRun: 3 });
      const firstRun = (await handle.describe()).runId;
      await handle.executeUpdate(openCounter, { args: [{ openForMs: 600_000, actor: person }] });
      for (let i = 1; i <= 10; i++) {
        const view = await updateCurrentRun(temporal.client.workflow.getHandle(`counter-${id}`), count, { actor: person });
        expect(view.count).toBe(i);
      }
      const latest = temporal.client.workflow.getHandle(`counter-${id}`);
      expect((await latest.describe()).runId).not.toBe(firstRun);
      expect(await latest.query(counterView)).toMatchObject({ count: 10 });
      const first = await temporal.client.workflow.getHandle(`counter-${id}`, firstRun).fetchHistory();
      expect(first.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
      // The new runs started from the carried state: not one of them read the stream again.
      const latestHistory = await latest.fetchHistory();
      expect(latestHistory.events?.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'readStreamPage')).toEqual([]);
      const events = await store.readStream(`counter-${id}`);
      expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 11 }, (_, i) => BigInt(i)));

      // Updates in flight across a continue-as-new boundary: none is lost, none is cut off.
      const burst = await Promise.all(
        Array.from({ length: 12 }, (_, i) => updateCurrentRun(temporal.client.workflow.getHandle(`counter-${id}`), count, { actor: { id: `b-${i}`, role: 'person' } })),
      );
      expect(burst.map((view) => view.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => 11 + i));
      expect((await store.readStream(`counter-${id}`)).map((e) => e.revision)).toEqual(Array.from({ length: 23 }, (_, i) => BigInt(i)));
    });
  });

  it('loads a 5,000-event stream in pages and goes on appending at its head', async () => {
    const taskQueue = uniqueTaskQueue('host');
    const id = crypto.randomUUID();
    const at = new Date(Date.now() - 1_000).toISOString();
    await store.append(`counter-${id}`, [{ eventId: crypto.randomUUID(), type: 'CounterOpened', data: { closesAt: '2999-01-01T00:00:00.000Z' }, recordedAt: at }], { expectedRevision: 'no_stream' });
    for (let batch = 0; batch < 10; batch++) {
      const events = Array.from({ length: 500 }, (_, i) => ({ eventId: crypto.randomUUID(), type: 'Counted', data: { n: batch * 500 + i + 1, by: 'seed' }, recordedAt: at }));
      await store.append(`counter-${id}`, events, { expectedRevision: BigInt(batch * 500) });
    }
    await withTestWorker(temporal, { taskQueue, activities }, async () => {
      const handle = await temporal.client.workflow.start('counterLifecycle', { workflowId: `counter-${id}`, taskQueue, args: [{ id, pageSize: 500 }] });
      const view = await handle.executeUpdate(count, { args: [{ actor: person }] });
      expect(view.count).toBe(5_001);
      const history = await handle.fetchHistory();
      const pageReads = history.events?.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'readStreamPage').length;
      expect(pageReads).toBe(11); // 10 full pages and the short last one
      expect((await store.readStream(`counter-${id}`, { fromRevision: 5_001n }))[0]).toMatchObject({ type: 'Counted', data: { n: 5_001 } });
    });
  });

  it('reminds and escalates an undecided review on shortened durations; then admin may decide it, and no one else', async () => {
    const taskQueue = uniqueTaskQueue('host');
    const unitId = crypto.randomUUID();
    await withTestWorker(temporal, { taskQueue, activities }, async () => {
      const { id, handle } = await startCounter(taskQueue, { review: { remindAfterMs: 600, escalateAfterMs: 2_000 } });
      const { openTaskId } = await handle.executeUpdate(requestApproval, { args: [{ unitId, actor: person }] });
      const taskId = openTaskId!;
      const decide = (actor: Actor) => handle.executeUpdate(decideTaskUpdate, { args: [{ taskId, decision: 'approve', actor }] });
      // Before escalation the task is the unit's alone.
      expect(failureOf(await rejection(decide(admin)))).toMatchObject({ type: 'NotFound' });
      await expect.poll(() => streamTypes(id), { timeout: 10_000, interval: 200 }).toContain('ReviewEscalated');
      expect(await streamTypes(id)).toEqual(['ReviewRequested', 'ReviewReminded', 'ReviewEscalated']);
      const events = await store.readStream(`counter-${id}`);
      expect(events[2]!.data).toMatchObject({ taskId, escalatedTo: { role: 'admin' } });
      expect(events[1]!.metadata).toMatchObject({ actor: { id: 'system', role: 'system' } });
      // A reviewer of another unit still cannot see it; admin now can.
      expect(failureOf(await rejection(decide({ id: 'u-2', role: 'unit', orgId: crypto.randomUUID() })))).toMatchObject({ type: 'NotFound' });
      const result = await decide(admin);
      expect(result).toMatchObject({ taskId, status: 'closed', decision: 'approve', subject: { type: 'binding', id } });
      expect(await streamTypes(id)).toEqual(['ReviewRequested', 'ReviewReminded', 'ReviewEscalated', 'CounterApproved', 'ReviewCompleted']);
      // The original assignee finds it decided.
      expect(failureOf(await rejection(decide({ id: 'u-1', role: 'unit', orgId: unitId })))).toMatchObject({ type: 'InvalidTransition' });
    });
  });

  it('never records a reminder or escalation after the decision that closed the review, even when both fall together', async () => {
    const taskQueue = uniqueTaskQueue('host');
    const unitId = crypto.randomUUID();
    // The decision's append is slow, so the escalation timer fires while the decision holds the lock.
    const slow = {
      ...activities,
      appendEvents: async (input: Parameters<typeof activities.appendEvents>[0]) => {
        if (input.events.some((e) => e.type === 'ReviewCompleted')) await new Promise((resolve) => setTimeout(resolve, 1_500));
        return activities.appendEvents(input);
      },
    };
    await withTestWorker(temporal, { taskQueue, activities: slow }, async () => {
      const { id, handle } = await startCounter(taskQueue, { review: { remindAfterMs: 900, escalateAfterMs: 1_000 } });
      const { openTaskId } = await handle.executeUpdate(requestApproval, { args: [{ unitId, actor: person }] });
      await handle.executeUpdate(decideTaskUpdate, { args: [{ taskId: openTaskId!, decision: 'approve', actor: { id: 'u-1', role: 'unit', orgId: unitId } }] });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const types = await streamTypes(id);
      expect(types.slice(types.indexOf('ReviewCompleted') + 1)).toEqual([]);
      expect(types.filter((t) => t === 'ReviewCompleted')).toHaveLength(1);
    });
  });

  it('ends a settled run after its idle window; the next command starts a new run from the stream', async () => {
    const taskQueue = uniqueTaskQueue('host');
    await withTestWorker(temporal, { taskQueue, activities }, async () => {
      const { id, handle } = await startCounter(taskQueue, { idleMs: 300 });
      await handle.executeUpdate(openCounter, { args: [{ openForMs: 600_000, actor: person }] });
      expect(await handle.result()).toMatchObject({ count: 0 });
      const next = await temporal.client.workflow.start('counterLifecycle', { workflowId: `counter-${id}`, taskQueue, args: [{ id, idleMs: 300 }] });
      expect((await next.executeUpdate(count, { args: [{ actor: person }] })).count).toBe(1);
      expect(await streamTypes(id)).toEqual(['CounterOpened', 'Counted']);
    });
  });
});
