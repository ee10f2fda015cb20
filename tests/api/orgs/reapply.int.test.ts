/** Applying again after a rejection: only the organisation's own reviewer, only while rejected; a corrected USCC frees the old one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type TestSystem, call, orgPayload, randomUscc, signIn, startTestSystem } from '../system.js';

describe('re-application', () => {
  let system: TestSystem;
  let adminToken: string;
  beforeAll(async () => {
    system = await startTestSystem();
    adminToken = await signIn(system.server, ADMIN.username, ADMIN.password);
  });
  afterAll(async () => {
    await system?.close();
  });

  async function decideLatest(orgId: string, after: string, payload: object) {
    const inbox = await call(system.server, { method: 'GET', url: `/api/v1/tasks?status=open&after=${encodeURIComponent(after)}`, token: adminToken });
    const task = (inbox.result!.items as Array<{ taskId: string; subject: { id: string } }>).find((t) => t.subject.id === orgId)!;
    return call(system.server, { method: 'POST', url: `/api/v1/tasks/${task.taskId}/decision`, token: adminToken, payload });
  }

  it('refuses while pending (409), accepts after a rejection, and releases a corrected USCC for its real owner', async () => {
    const { server } = system;
    const mistyped = randomUscc();
    const payload = await orgPayload(server, { uscc: mistyped });
    const registered = await call(server, { method: 'POST', url: '/api/v1/orgs', payload });
    const orgId = registered.result!.orgId as string;
    const token = await signIn(server, payload.reviewerUsername, payload.reviewerPassword);
    const details = { name: payload.name, uscc: randomUscc(), regionCode: '440100', contactName: '张三', contactPhone: '13800138000' };

    const whilePending = await call(server, { method: 'POST', url: `/api/v1/orgs/${orgId}/applications`, token, payload: details });
    expect(whilePending.statusCode).toBe(409);

    expect((await decideLatest(orgId, registered.result!.position as string, { decision: 'reject', reason: '统一社会信用代码有误' })).statusCode).toBe(200);
    const again = await call(server, { method: 'POST', url: `/api/v1/orgs/${orgId}/applications`, token, payload: details });
    expect(again.statusCode).toBe(202);

    // The organisation that really holds the mistyped code can now register with it.
    const owner = await call(server, { method: 'POST', url: '/api/v1/orgs', payload: await orgPayload(server, { uscc: mistyped }) });
    expect(owner.statusCode).toBe(201);
  });
});
