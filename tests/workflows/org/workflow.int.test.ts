/**
 * The organisation lifecycle on the run's real Temporal dev server with the PRODUCTION bundle and a real event
 * store: registration by update-with-start (the reviewer account made by the account lifecycle in a child run),
 * the admin's decision, validator rejections that write no history, re-application, name conflicts that leave
 * nothing claimed, a poison command that fails at once and leaves the lifecycle usable, and a decision retried
 * across a worker outage.
 */
import crypto from 'node:crypto';
import {
  ApplicationFailure,
  WithStartWorkflowOperation,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountStream, usccClaimStream, usernameClaimStream } from '../../../events/account.js';
import { orgStream } from '../../../events/org.js';
import { claimOwner } from '../../../events/store/claims.js';
import { readCredential, storePendingCredential } from '../../../events/store/credentials.js';
import type { EventStore } from '../../../events/store/event-store.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import type { Actor } from '../../../events/task.js';
import { createActivities } from '../../../workflows/activities/index.js';
import { type TaskDecision, decideTaskUpdate, lifecycleWorkflowType } from '../../../workflows/kit/messages.js';
import { type OrgApplication, type OrgView, applyUpdate, orgWorkflowId } from '../../../workflows/org/messages.js';
import { type TestDatabase, openTestDatabase } from '../../support/databases.js';
import { type TestTemporal, connectTestTemporal, uniqueTaskQueue, withTestWorker } from '../../support/temporal.js';

const admin: Actor = { id: 'admin-1', role: 'admin', name: '管理员' };
const IDLE_MS = 1_500;

function newApplication(overrides: { username?: string; uscc?: string; name?: string } = {}): OrgApplication {
  const orgId = crypto.randomUUID();
  const accountId = crypto.randomUUID();
  return {
    orgId,
    details: {
      kind: 'unit',
      name: overrides.name ?? `示例单位 ${orgId.slice(0, 8)}`,
      uscc: overrides.uscc ?? `9144${crypto.randomBytes(7).toString('hex').toUpperCase()}`,
      regionCode: '440100',
      contactName: '张三',
      contactPhone: '13800138000',
    },
    reviewer: { accountId, username: overrides.username ?? `rev_${orgId.slice(0, 8)}`, name: '李四', credentialId: crypto.randomUUID() },
    actor: { id: 'anonymous', role: 'public' },
    correlationId: crypto.randomUUID(),
  };
}

/** The first cause that is a typed ApplicationFailure (a handler may surface an activity's or a child's failure). */
function failureOf(error: unknown): ApplicationFailure | undefined {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof ApplicationFailure && cause.type) return cause;
  }
  return undefined;
}

const settle = <T,>(promise: Promise<T>) => promise.then(() => undefined as unknown, (error: unknown) => error);

describe('orgLifecycle workflow', () => {
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

  const types = async (stream: string) => (await store.readStream(stream)).map((e) => e.type);
  const historyLength = async (orgId: string) => (await temporal.client.workflow.getHandle(orgWorkflowId(orgId)).fetchHistory()).events?.length ?? 0;

  /** What the API does for POST /orgs and a re-application (api/lifecycles.ts): update-with-start, USE_EXISTING. */
  async function apply(application: OrgApplication, taskQueue: string): Promise<OrgView> {
    if (application.reviewer) {
      const { accountId, credentialId } = application.reviewer;
      await storePendingCredential(db, { credentialId, accountId, passwordHash: '$argon2id$v=19$test-only', at: new Date() });
    }
    return temporal.client.workflow.executeUpdateWithStart(applyUpdate, {
      args: [application],
      startWorkflowOperation: new WithStartWorkflowOperation(lifecycleWorkflowType('org'), {
        workflowId: orgWorkflowId(application.orgId),
        taskQueue,
        args: [{ id: application.orgId, idleMs: IDLE_MS }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
  }

  const decide = (orgId: string, decision: TaskDecision, updateId?: string) =>
    temporal.client.workflow.getHandle(orgWorkflowId(orgId)).executeUpdate(decideTaskUpdate, { args: [decision], updateId });

  const worker = <R,>(taskQueue: string, fn: () => Promise<R>) =>
    withTestWorker(temporal, { bundle: 'production', taskQueue, activities }, fn);

  it('registers an organisation with its reviewer account, refuses bad decisions without history, and approves it', async () => {
    const application = newApplication();
    const { orgId, reviewer, details } = application;
    const taskQueue = uniqueTaskQueue('org');
    await worker(taskQueue, async () => {
      const view = await apply(application, taskQueue);
      expect(view).toMatchObject({ orgId, kind: 'unit', name: details.name, status: 'pending', attempt: 1 });
      const taskId = view.taskId!;
      expect(await types(orgStream(orgId))).toEqual(['OrgRegistered', 'ReviewRequested']);
      const [requested] = (await store.readStream(orgStream(orgId))).slice(1);
      expect(requested!.data).toMatchObject({ taskId, kind: 'org-approval', workflowId: `org-${orgId}`, assignee: { role: 'admin' } });
      expect(requested!.metadata).toMatchObject({ actor: { id: 'anonymous', role: 'public' }, correlationId: application.correlationId });
      const [account] = await store.readStream(accountStream(reviewer!.accountId));
      expect(account).toMatchObject({
        type: 'AccountRegistered',
        data: { accountId: reviewer!.accountId, username: reviewer!.username, role: 'unit', subjectId: reviewer!.accountId, orgId, mustChangePassword: true },
      });
      expect((await store.readStream(usernameClaimStream(reviewer!.username)))[0]!.data).toMatchObject({ ownerId: reviewer!.accountId });
      expect((await store.readStream(usccClaimStream(details.uscc)))[0]!.data).toMatchObject({ ownerId: orgId });
      // The password arrived as a pending credential and is now the account's; no hash travelled through Temporal.
      expect(await readCredential(db, reviewer!.accountId)).toMatchObject({ version: 1 });

      // Rejected by validators: nothing in history, nothing in the stream.
      const before = await historyLength(orgId);
      const noReason = await settle(decide(orgId, { taskId, decision: 'reject', reason: '  ', actor: admin }));
      expect(noReason).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(failureOf(noReason)).toMatchObject({ type: 'InvalidInput', details: [expect.anything(), [expect.objectContaining({ field: 'reason' })]] });
      const notAdmin = await settle(decide(orgId, { taskId, decision: 'approve', actor: { id: 'x', role: 'unit', orgId } }));
      expect(failureOf(notAdmin)?.type).toBe('NotFound');
      const unknownTask = await settle(decide(orgId, { taskId: crypto.randomUUID(), decision: 'approve', actor: admin }));
      expect(failureOf(unknownTask)?.type).toBe('NotFound');
      const pendingAgain = await settle(apply({ ...application, reviewer: undefined }, taskQueue));
      expect(failureOf(pendingAgain)?.type).toBe('InvalidTransition');
      expect(await historyLength(orgId)).toBe(before);
      expect(await types(orgStream(orgId))).toHaveLength(2);

      const updateId = `decide-${taskId}-approve`;
      const result = await decide(orgId, { taskId, decision: 'approve', actor: admin }, updateId);
      expect(result).toEqual({ taskId, status: 'closed', decision: 'approve', subject: { type: 'org', id: orgId, title: details.name }, position: expect.any(String) });
      expect(await types(orgStream(orgId))).toEqual(['OrgRegistered', 'ReviewRequested', 'OrgApproved', 'ReviewCompleted']);
      expect(result.position).toBe((await store.readStream(orgStream(orgId))).at(-1)!.position);

      // A retry of that decision (same updateId) gets its first outcome; a different one finds it decided.
      expect(await decide(orgId, { taskId, decision: 'approve', actor: admin }, updateId)).toEqual(result);
      const second = await settle(decide(orgId, { taskId, decision: 'reject', reason: 'x', actor: admin }));
      expect(failureOf(second)).toMatchObject({ type: 'InvalidTransition', details: [{ zh: '该待办已处理', en: 'this task has already been decided' }] });
      // Settled, the run ends after its idle window; update-with-start then rebuilds the state in a new run.
      const handle = temporal.client.workflow.getHandle(orgWorkflowId(orgId));
      expect(await handle.result()).toMatchObject({ status: 'approved', attempt: 1 });
      const viaStart = await settle(
        temporal.client.workflow.executeUpdateWithStart(decideTaskUpdate, {
          args: [{ taskId, decision: 'reject', reason: 'x', actor: admin }],
          startWorkflowOperation: new WithStartWorkflowOperation(lifecycleWorkflowType('org'), {
            workflowId: orgWorkflowId(orgId),
            taskQueue,
            args: [{ id: orgId, idleMs: 100 }],
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        }),
      );
      expect(failureOf(viaStart)).toMatchObject({ type: 'InvalidTransition' });
      expect(await types(orgStream(orgId))).toHaveLength(4);
    });
  });

  it('rejects with a reason, then takes a corrected application in a new run and approves it', async () => {
    const application = newApplication();
    const { orgId } = application;
    const taskQueue = uniqueTaskQueue('org-reapply');
    await worker(taskQueue, async () => {
      const first = await apply(application, taskQueue);
      await decide(orgId, { taskId: first.taskId!, decision: 'reject', reason: '营业执照不清晰', actor: admin });
      const handle = temporal.client.workflow.getHandle(orgWorkflowId(orgId));
      expect(await handle.result()).toMatchObject({ status: 'rejected', reason: '营业执照不清晰' });
      const firstRunId = (await handle.describe()).runId;
      const oldUscc = application.details.uscc;

      const newUscc = `9144${crypto.randomBytes(7).toString('hex').toUpperCase()}`;
      const corrected: OrgApplication = { ...application, reviewer: undefined, details: { ...application.details, uscc: newUscc, name: '更正后的名称' } };
      const second = await apply(corrected, taskQueue);
      expect(second).toMatchObject({ status: 'pending', attempt: 2, name: '更正后的名称' });
      expect(second.taskId).not.toBe(first.taskId);
      expect((await handle.describe()).runId).not.toBe(firstRunId);
      expect(await claimOwner(store, usccClaimStream(newUscc))).toBe(orgId);
      expect(await claimOwner(store, usccClaimStream(oldUscc))).toBeNull(); // the mistyped one is free for its owner

      // The old task is closed in this run's state too: refused by the validator, no history written.
      const before = await historyLength(orgId);
      const stale = await settle(decide(orgId, { taskId: first.taskId!, decision: 'approve', actor: admin }));
      expect(failureOf(stale)?.type).toBe('InvalidTransition');
      expect(await historyLength(orgId)).toBe(before);

      await decide(orgId, { taskId: second.taskId!, decision: 'approve', actor: admin });
      expect(await temporal.client.workflow.getHandle(orgWorkflowId(orgId)).result()).toMatchObject({ status: 'approved', attempt: 2 });
      expect(await types(orgStream(orgId))).toEqual([
        'OrgRegistered', 'ReviewRequested', 'OrgRejected', 'ReviewCompleted',
        'OrgReapplied', 'ReviewRequested', 'OrgApproved', 'ReviewCompleted',
      ]);
      // Only one account, created with the first registration.
      expect(await types(accountStream(application.reviewer!.accountId))).toEqual(['AccountRegistered']);
    });
  });

  it('refuses a taken username or USCC with Conflict, and the second organisation holds nothing', async () => {
    const taskQueue = uniqueTaskQueue('org-conflict');
    await worker(taskQueue, async () => {
      const first = newApplication();
      await apply(first, taskQueue);

      const sameUsername = newApplication({ username: first.reviewer!.username.toUpperCase() }); // names are case-insensitive
      const error = await settle(apply(sameUsername, taskQueue));
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(failureOf(error)).toMatchObject({
        type: 'Conflict',
        details: [{ zh: '用户名已被使用', en: 'this username is taken' }, [{ field: 'reviewerUsername', message: { zh: '用户名已被使用', en: 'this username is taken' } }]],
      });
      expect(await types(orgStream(sameUsername.orgId))).toEqual([]);
      expect(await types(accountStream(sameUsername.reviewer!.accountId))).toEqual([]);
      expect(await claimOwner(store, usccClaimStream(sameUsername.details.uscc))).toBeNull(); // claimed, then given back
      expect(await claimOwner(store, usernameClaimStream(first.reviewer!.username))).toBe(first.reviewer!.accountId);
      // The run ends instead of waiting for a decision that can never come.
      expect(await temporal.client.workflow.getHandle(orgWorkflowId(sameUsername.orgId)).result()).toBeNull();

      const sameUscc = newApplication({ uscc: first.details.uscc });
      const usccError = await settle(apply(sameUscc, taskQueue));
      expect(failureOf(usccError)).toMatchObject({
        type: 'Conflict',
        details: [{ zh: '该统一社会信用代码已注册', en: 'an organisation with this USCC is already registered' }, [expect.objectContaining({ field: 'uscc' })]],
      });
      expect(await types(orgStream(sameUscc.orgId))).toEqual([]);
      expect(await types(accountStream(sameUscc.reviewer!.accountId))).toEqual([]);
      expect(await claimOwner(store, usernameClaimStream(sameUscc.reviewer!.username))).toBeNull();
      expect(await types(orgStream(first.orgId))).toEqual(['OrgRegistered', 'ReviewRequested']);
    });
  });

  it('fails a poison application at once (the store refuses its text), gives every claim back and stays usable', async () => {
    const taskQueue = uniqueTaskQueue('org-poison');
    await worker(taskQueue, async () => {
      const poison = newApplication({ name: 'a\u0000b 单位' });
      const started = performance.now();
      const error = await settle(apply(poison, taskQueue));
      expect(performance.now() - started).toBeLessThan(8_000); // not retried for ever
      expect(failureOf(error)).toMatchObject({ type: 'InvalidInput' });
      expect(await types(orgStream(poison.orgId))).toEqual([]);
      expect(await claimOwner(store, usccClaimStream(poison.details.uscc))).toBeNull();
      expect(await claimOwner(store, usernameClaimStream(poison.reviewer!.username))).toBeNull();
      expect(await types(accountStream(poison.reviewer!.accountId))).toEqual(['AccountRegistered', 'AccountWithdrawn']);

      // The same organisation, corrected, registers at once with the same USCC — nothing is stuck.
      const corrected: OrgApplication = {
        ...poison,
        details: { ...poison.details, name: '更正后的单位' },
        reviewer: { ...poison.reviewer!, accountId: crypto.randomUUID(), credentialId: crypto.randomUUID() },
      };
      expect(await apply(corrected, taskQueue)).toMatchObject({ status: 'pending', name: '更正后的单位' });
      expect(await claimOwner(store, usccClaimStream(poison.details.uscc))).toBe(poison.orgId);
    });
  });

  it('fails a decision within its deadline while no worker polls, and the retried decision lands exactly once', async () => {
    const application = newApplication();
    const { orgId } = application;
    const taskQueue = uniqueTaskQueue('org-outage');
    const view = await worker(taskQueue, () => apply(application, taskQueue));
    const decision: TaskDecision = { taskId: view.taskId!, decision: 'approve', actor: admin };
    const updateId = `decide-${view.taskId}-approve`;

    const started = performance.now();
    const timedOut = await settle(temporal.client.withDeadline(Date.now() + 1_500, () => decide(orgId, decision, updateId)));
    expect(timedOut).toBeInstanceOf(WorkflowUpdateRPCTimeoutOrCancelledError); // the API answers 503
    expect(performance.now() - started).toBeLessThan(3_000);

    const result = await worker(taskQueue, async () => {
      const retried = await decide(orgId, decision, updateId);
      expect(await temporal.client.workflow.getHandle(orgWorkflowId(orgId)).query('view')).toMatchObject({ status: 'approved' });
      return retried;
    });
    expect(result).toMatchObject({ taskId: view.taskId, status: 'closed', decision: 'approve' });
    expect((await types(orgStream(orgId))).filter((type) => type === 'ReviewCompleted')).toHaveLength(1);
  });
});
