/**
 * Issue 3's journey through the real system: a unit and an institution register; admin logs in, must change the
 * password, sees both tasks; approves one, rejects the other with a reason; the approved reviewer may act, the
 * rejected one is refused with a clear message and applies again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type TestSystem, call, login, orgPayload, signIn, startTestSystem } from '../system.js';

describe('organisation registration and approval', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system?.close();
  });

  it('runs from registration to an approved unit and a rejected institution that applies again', async () => {
    const { server } = system;
    const unit = await orgPayload(server, { kind: 'unit', name: '广州市某某医院' });
    const institution = await orgPayload(server, { kind: 'institution', name: '广东某某培训学院', regionCode: '440300' });
    const registeredUnit = await call(server, { method: 'POST', url: '/api/v1/orgs', payload: unit });
    expect(registeredUnit.statusCode).toBe(201);
    expect(registeredUnit.result).toMatchObject({ status: 'pending' });
    const registeredInstitution = await call(server, { method: 'POST', url: '/api/v1/orgs', payload: institution });
    expect(registeredInstitution.statusCode).toBe(201);
    const unitId = registeredUnit.result!.orgId as string;
    const institutionId = registeredInstitution.result!.orgId as string;

    // The unit's reviewer can log in at once (after the password change) but cannot act yet.
    const pendingToken = await signIn(server, unit.reviewerUsername, unit.reviewerPassword);
    const pendingInbox = await call(server, { method: 'GET', url: '/api/v1/tasks', token: pendingToken });
    expect(pendingInbox.statusCode).toBe(403);
    expect(pendingInbox.result).toMatchObject({ code: 'org_not_approved' });

    // Admin: the first login is restricted until the password is changed.
    const first = await login(server, ADMIN.username, ADMIN.password);
    expect(first.result).toMatchObject({ mustChangePassword: true, role: 'admin' });
    const restricted = first.result!.accessToken as string;
    const refused = await call(server, { method: 'GET', url: '/api/v1/tasks', token: restricted });
    expect(refused.statusCode).toBe(403);
    expect(refused.result).toMatchObject({ code: 'password_change_required' });
    const adminToken = await signIn(server, ADMIN.username, ADMIN.password);

    const after = registeredInstitution.result!.position as string;
    const inbox = await call(server, { method: 'GET', url: `/api/v1/tasks?status=open&kind=org-approval&after=${encodeURIComponent(after)}`, token: adminToken });
    expect(inbox.statusCode).toBe(200);
    const items = inbox.result!.items as Array<{ taskId: string; subject: { id: string; title: string }; kind: string; status: string }>;
    const unitTask = items.find((task) => task.subject.id === unitId);
    const institutionTask = items.find((task) => task.subject.id === institutionId);
    expect(unitTask).toMatchObject({ kind: 'org-approval', status: 'open', subject: { type: 'org', title: '广州市某某医院' } });
    expect(institutionTask).toBeDefined();

    const approved = await call(server, { method: 'POST', url: `/api/v1/tasks/${unitTask!.taskId}/decision`, token: adminToken, payload: { decision: 'approve' } });
    expect(approved.statusCode).toBe(200);
    expect(approved.result).toMatchObject({ taskId: unitTask!.taskId, status: 'closed', decision: 'approve', subject: { id: unitId } });
    const rejected = await call(server, {
      method: 'POST',
      url: `/api/v1/tasks/${institutionTask!.taskId}/decision`,
      token: adminToken,
      payload: { decision: 'reject', reason: '营业执照信息与统一社会信用代码不符' },
    });
    expect(rejected.statusCode).toBe(200);

    // The approved reviewer may act now (same token: approval counts from the moment it is written).
    const unitInbox = await call(server, { method: 'GET', url: '/api/v1/tasks', token: pendingToken });
    expect(unitInbox.statusCode).toBe(200);
    expect(unitInbox.result).toMatchObject({ items: [] });

    // The rejected reviewer is refused with the reason, and can apply again.
    const institutionToken = await signIn(server, institution.reviewerUsername, institution.reviewerPassword);
    const refusedInstitution = await call(server, { method: 'GET', url: '/api/v1/tasks', token: institutionToken });
    expect(refusedInstitution.statusCode).toBe(403);
    expect(refusedInstitution.result).toMatchObject({ code: 'org_rejected' });
    expect(refusedInstitution.result!.message).toContain('营业执照信息与统一社会信用代码不符');
    const me = await call(server, { method: 'GET', url: '/api/v1/me', token: institutionToken });
    expect(me.result).toMatchObject({ role: 'institution', org: { orgId: institutionId, status: 'rejected', reason: '营业执照信息与统一社会信用代码不符' } });

    const again = await call(server, {
      method: 'POST',
      url: `/api/v1/orgs/${institutionId}/applications`,
      token: institutionToken,
      payload: { name: '广东某某职业培训学院', uscc: institution.uscc, regionCode: '440300', contactName: '李四', contactPhone: '020-87654321' },
    });
    expect(again.statusCode).toBe(202);
    const reopened = await call(server, {
      method: 'GET',
      url: `/api/v1/tasks?status=open&after=${encodeURIComponent(again.result!.position as string)}`,
      token: adminToken,
    });
    const newTask = (reopened.result!.items as Array<{ taskId: string; subject: { id: string; title: string } }>).find((t) => t.subject.id === institutionId);
    expect(newTask?.subject.title).toBe('广东某某职业培训学院');
    expect(newTask?.taskId).not.toBe(institutionTask!.taskId);
    const secondApproval = await call(server, { method: 'POST', url: `/api/v1/tasks/${newTask!.taskId}/decision`, token: adminToken, payload: { decision: 'approve' } });
    expect(secondApproval.statusCode).toBe(200);

    // Once approved, there is nothing left to apply for.
    const afterApproval = await call(server, {
      method: 'POST',
      url: `/api/v1/orgs/${institutionId}/applications`,
      token: institutionToken,
      payload: { name: '广东某某职业培训学院', uscc: institution.uscc, regionCode: '440300', contactName: '李四', contactPhone: '020-87654321' },
    });
    expect(afterApproval.statusCode).toBe(409);
    const visible = await call(server, { method: 'GET', url: `/api/v1/orgs?after=${encodeURIComponent(secondApproval.result!.position as string)}` });
    const names = (visible.result!.items as Array<{ orgId: string; name: string }>).map((org) => org.orgId);
    expect(names).toEqual(expect.arrayContaining([unitId, institutionId]));
  });
});
