/**
 * Reviews that wait too long (shortened durations): the unit's binding-confirmation task is marked overdue when its
 * due date passes, then escalates to admin, who sees it in the inbox and decides it; the unit still could.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, approvedOrg, registeredPerson } from '../actors.js';
import { type TestSystem, call, startTestSystem } from '../system.js';

type Json = Record<string, unknown>;

describe('review reminders and escalation through the API', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ config: { reviewRemindAfterMs: 1_000, reviewEscalateAfterMs: 2_500 } });
  });
  afterAll(async () => {
    await system?.close();
  });

  it('reminds, escalates to admin, and lets admin decide the escalated task', async () => {
    const unit = await approvedOrg(system.server);
    const person = await registeredPerson(system.server, '赵七');
    const requested = await call(system.server, { method: 'POST', url: '/api/v1/me/binding', token: person.token, payload: { unitId: unit.orgId } });
    expect(requested.statusCode).toBe(202);
    const taskId = requested.result!.taskId as string;
    const adminToken = await admin(system.server);
    const taskOf = async (token: string) =>
      ((await call(system.server, { method: 'GET', url: '/api/v1/tasks?status=open&kind=binding-confirmation', token })).result!.items as Json[]).find((t) => t.taskId === taskId);

    const fresh = await taskOf(unit.token);
    expect(fresh).toMatchObject({ escalated: false, remindedAt: null, dueAt: expect.any(String) });
    expect(await taskOf(adminToken)).toBeUndefined(); // not admin's business yet
    expect((await call(system.server, { method: 'POST', url: `/api/v1/tasks/${taskId}/decision`, token: adminToken, payload: { decision: 'approve' } })).statusCode).toBe(404);

    await expect.poll(async () => (await taskOf(unit.token))?.remindedAt, { timeout: 15_000, interval: 250 }).toEqual(expect.any(String));
    await expect.poll(async () => (await taskOf(adminToken))?.escalated, { timeout: 15_000, interval: 250 }).toBe(true);
    expect(await taskOf(unit.token)).toMatchObject({ escalated: true }); // the unit still sees it

    const decided = await call(system.server, { method: 'POST', url: `/api/v1/tasks/${taskId}/decision`, token: adminToken, payload: { decision: 'approve' } });
    expect(decided.statusCode).toBe(200);
    const me = await call(system.server, { method: 'GET', url: '/api/v1/me', token: person.token });
    expect(me.result!.binding).toMatchObject({ current: { unit: { unitId: unit.orgId } } });
    const events = await system.store.readStream(`binding-${person.personId}`);
    expect(events.map((e) => e.type)).toEqual(['BindingRequested', 'ReviewRequested', 'ReviewReminded', 'ReviewEscalated', 'BindingConfirmed', 'ReviewCompleted']);
    expect(events.at(-1)!.data).toMatchObject({ decidedBy: { role: 'admin' } });
  });
});
