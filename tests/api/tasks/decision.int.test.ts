/**
 * Deciding tasks: reason required to reject (422), another decision (409), the same one again (its first outcome), a task outside the caller's scope (404),
 * and a decision made while the worker is down — 503 within the deadline, then the same decision retried after the
 * worker is back succeeds, exactly once.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTask } from '../../../projections/tasks.js';
import { ADMIN, type TestSystem, call, orgPayload, signIn, startTestSystem } from '../system.js';

describe('task decisions', () => {
  let system: TestSystem;
  let adminToken: string;
  beforeAll(async () => {
    system = await startTestSystem({ temporalDeadlineMs: 2_000 });
    adminToken = await signIn(system.server, ADMIN.username, ADMIN.password);
  });
  afterAll(async () => {
    await system?.close();
  });

  async function openTask() {
    const payload = await orgPayload(system.server);
    const registered = await call(system.server, { method: 'POST', url: '/api/v1/orgs', payload });
    expect(registered.statusCode).toBe(201);
    const orgId = registered.result!.orgId as string;
    const inbox = await call(system.server, {
      method: 'GET',
      url: `/api/v1/tasks?status=open&after=${encodeURIComponent(registered.result!.position as string)}`,
      token: adminToken,
    });
    const task = (inbox.result!.items as Array<{ taskId: string; subject: { id: string } }>).find((t) => t.subject.id === orgId)!;
    return { orgId, taskId: task.taskId, payload };
  }
  const decide = (taskId: string, payload: object, token = adminToken) =>
    call(system.server, { method: 'POST', url: `/api/v1/tasks/${taskId}/decision`, token, payload });

  it('requires a reason to reject (422, nothing written), refuses another decision (409), and answers a repeated one as the first', async () => {
    const { taskId } = await openTask();
    const head = await system.store.headPosition();
    const noReason = await decide(taskId, { decision: 'reject' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.result).toMatchObject({ details: [{ field: 'reason' }] });
    expect((await decide(taskId, { decision: 'reject', reason: '   ' })).statusCode).toBe(422);
    expect(await system.store.headPosition()).toBe(head);

    const first = await decide(taskId, { decision: 'approve' });
    expect(first.statusCode).toBe(200);
    const second = await decide(taskId, { decision: 'reject', reason: '重复提交' });
    expect(second.statusCode).toBe(409);
    // The same reviewer sending the same decision again (a retry whose first answer was lost) gets the first outcome,
    // and nothing more is written — whether the projection has folded the decision yet or not.
    const written = await system.store.headPosition();
    const again = await decide(taskId, { decision: 'approve' });
    expect(again.statusCode).toBe(200);
    expect(again.result).toEqual(first.result);
    // And once the inbox shows the task closed: the route leaves a closed task to its lifecycle, which answers the same.
    await expect.poll(async () => (await getTask(system.db, taskId))?.status, { timeout: 10_000, interval: 100 }).toBe('closed');
    const folded = await decide(taskId, { decision: 'approve' });
    expect(folded.statusCode).toBe(200);
    expect(folded.result).toEqual(first.result);
    expect(await system.store.headPosition()).toBe(written);
  });

  it('hides an org-approval task from a unit reviewer (404), and an unknown task from admin (404)', async () => {
    const { taskId } = await openTask();
    const approvedUnit = await openTask();
    expect((await decide(approvedUnit.taskId, { decision: 'approve' })).statusCode).toBe(200);
    const unitToken = await signIn(system.server, approvedUnit.payload.reviewerUsername, approvedUnit.payload.reviewerPassword);
    const asUnit = await decide(taskId, { decision: 'approve' }, unitToken);
    expect(asUnit.statusCode).toBe(404);
    expect((await decide(crypto.randomUUID(), { decision: 'approve' })).statusCode).toBe(404);
  });

  it('answers 503 within the deadline while the worker is down, and the retried decision succeeds once', async () => {
    const { taskId, orgId } = await openTask();
    await system.stopWorker();
    const started = Date.now();
    const down = await decide(taskId, { decision: 'approve' });
    const took = Date.now() - started;
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(took).toBeLessThan(10_000); // the 2 s deadline, not a hang
    await system.startWorker();
    const retried = await decide(taskId, { decision: 'approve' });
    expect(retried.statusCode).toBe(200);
    expect(retried.result).toMatchObject({ status: 'closed', decision: 'approve' });
    const outcomes = (await system.store.readStream(`org-${orgId}`)).filter((e) => e.type === 'ReviewCompleted' || e.type === 'OrgApproved');
    expect(outcomes.map((e) => e.type).sort()).toEqual(['OrgApproved', 'ReviewCompleted']);
  });
});
