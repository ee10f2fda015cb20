/**
 * The organisation decider, given/when/then: given the stream's events, when a command, then the events to append
 * or the typed failure (type, person-facing details, field errors) the API maps to HTTP.
 */
import crypto from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import type { OrgDetails } from '../../../events/org.js';
import type { Actor } from '../../../events/task.js';
import { type OrgCommand, type OrgStreamEvent, decide, evolveOrg, initialOrgState, toOrgView } from '../../../workflows/org/decider.js';
import type { OrgApplication } from '../../../workflows/org/messages.js';

const NOW = '2026-03-01T08:00:00.000Z';
const LATER = '2026-03-02T09:30:00.000Z';
const admin: Actor = { id: 'admin-1', role: 'admin', name: '管理员' };

function fixture() {
  const orgId = crypto.randomUUID();
  const accountId = crypto.randomUUID();
  const details: OrgDetails = {
    kind: 'unit',
    name: '广州示例科技有限公司',
    uscc: '91440101MA59TEST0X',
    regionCode: '440100',
    contactName: '张三',
    contactPhone: '13800138000',
  };
  const application: OrgApplication = {
    orgId,
    details,
    reviewer: { accountId, username: 'gz_reviewer', name: '李四', passwordHash: '$argon2id$hash' },
    actor: { id: accountId, role: 'unit', orgId },
  };
  return { orgId, accountId, details, application };
}

const given = (orgId: string, events: OrgStreamEvent[]) => events.reduce(evolveOrg, initialOrgState(orgId));

function thenFails(orgId: string, events: OrgStreamEvent[], command: OrgCommand) {
  try {
    decide(given(orgId, events), command);
  } catch (error) {
    expect(error).toBeInstanceOf(ApplicationFailure);
    const failure = error as ApplicationFailure;
    expect(failure.nonRetryable).toBe(true);
    return { type: failure.type, details: failure.details ?? [] };
  }
  throw new Error('expected decide to fail');
}

/** The stream after a first registration, with its task id. */
function registered() {
  const f = fixture();
  const taskId = crypto.randomUUID();
  const events = decide(initialOrgState(f.orgId), { type: 'apply', application: f.application, taskId, now: NOW });
  return { ...f, taskId, events };
}

function decided(decision: 'approve' | 'reject') {
  const r = registered();
  const outcome = decide(given(r.orgId, r.events), {
    type: 'decideTask',
    decision: { taskId: r.taskId, decision, reason: decision === 'reject' ? '材料不全' : undefined, actor: admin },
    now: LATER,
  });
  return { ...r, events: [...r.events, ...outcome] };
}

describe('org decider: apply', () => {
  it('given no stream, when a first registration, then OrgRegistered and an admin org-approval task', () => {
    const { orgId, accountId, details, application } = fixture();
    const taskId = crypto.randomUUID();
    expect(decide(initialOrgState(orgId), { type: 'apply', application, taskId, now: NOW })).toEqual([
      {
        type: 'OrgRegistered',
        data: { ...details, orgId, reviewerAccountId: accountId, reviewerUsername: 'gz_reviewer', registeredAt: NOW },
      },
      {
        type: 'ReviewRequested',
        data: {
          taskId,
          kind: 'org-approval',
          workflowId: `org-${orgId}`,
          assignee: { role: 'admin' },
          subject: { type: 'org', id: orgId, title: details.name },
          requestedBy: { id: accountId, name: '张三' },
          requestedAt: NOW,
        },
      },
    ]);
  });

  it('given no stream, when a registration without a reviewer account, then InvalidInput naming reviewerUsername', () => {
    const { orgId, application } = fixture();
    const { type, details } = thenFails(orgId, [], { type: 'apply', application: { ...application, reviewer: undefined }, taskId: 't', now: NOW });
    expect(type).toBe('InvalidInput');
    expect(details[1]).toEqual([expect.objectContaining({ field: 'reviewerUsername' })]);
  });

  it('given a pending application, when another application, then InvalidTransition', () => {
    const { orgId, application, events } = registered();
    const { type, details } = thenFails(orgId, events, { type: 'apply', application, taskId: 't2', now: LATER });
    expect(type).toBe('InvalidTransition');
    expect(details[0]).toEqual({ zh: '该机构的申请正在审核中', en: 'an application for this organisation is already pending' });
  });

  it('given an approved organisation, when an application, then InvalidTransition', () => {
    const { orgId, application, events } = decided('approve');
    expect(thenFails(orgId, events, { type: 'apply', application, taskId: 't2', now: LATER }).type).toBe('InvalidTransition');
  });

  it('given a rejected organisation, when a corrected application, then OrgReapplied (attempt 2) and a new task', () => {
    const { orgId, accountId, application, details, events } = decided('reject');
    const corrected = { ...application, reviewer: undefined, details: { ...details, name: '广州示例科技股份有限公司', contactName: '' } };
    const taskId = crypto.randomUUID();
    const [reapplied, requested] = decide(given(orgId, events), { type: 'apply', application: corrected, taskId, now: LATER });
    const { kind: _kind, ...rest } = corrected.details;
    expect(reapplied).toEqual({ type: 'OrgReapplied', data: { ...rest, orgId, reappliedAt: LATER, attempt: 2 } });
    // The reviewer account stays the requester; with no contact name the organisation's name stands in.
    expect(requested).toMatchObject({
      type: 'ReviewRequested',
      data: { taskId, requestedBy: { id: accountId, name: '广州示例科技股份有限公司' }, subject: { title: '广州示例科技股份有限公司' } },
    });
  });

  it('given a rejected organisation, when an application of another kind, then InvalidInput naming kind', () => {
    const { orgId, application, details, events } = decided('reject');
    const other = { ...application, details: { ...details, kind: 'institution' as const } };
    const { type, details: fd } = thenFails(orgId, events, { type: 'apply', application: other, taskId: 't', now: LATER });
    expect(type).toBe('InvalidInput');
    expect(fd[1]).toEqual([expect.objectContaining({ field: 'kind' })]);
  });
});

describe('org decider: decideTask', () => {
  it('given an open task, when admin approves, then OrgApproved and ReviewCompleted', () => {
    const { orgId, taskId, events } = registered();
    const outcome = decide(given(orgId, events), { type: 'decideTask', decision: { taskId, decision: 'approve', actor: admin }, now: LATER });
    expect(outcome).toEqual([
      { type: 'OrgApproved', data: { orgId, taskId, approvedBy: 'admin-1', approvedAt: LATER } },
      { type: 'ReviewCompleted', data: { taskId, decision: 'approve', decidedBy: admin, decidedAt: LATER } },
    ]);
    const state = given(orgId, [...events, ...outcome]);
    expect(toOrgView(state, 'p')).toMatchObject({ status: 'approved', attempt: 1 });
    expect(state.openTaskId).toBeUndefined();
  });

  it('given an open task, when admin rejects with a reason, then OrgRejected with the trimmed reason', () => {
    const { orgId, taskId, events } = registered();
    const outcome = decide(given(orgId, events), {
      type: 'decideTask',
      decision: { taskId, decision: 'reject', reason: '  营业执照不清晰 ', actor: admin },
      now: LATER,
    });
    expect(outcome.map((e) => e.type)).toEqual(['OrgRejected', 'ReviewCompleted']);
    expect(outcome[0]!.data).toMatchObject({ reason: '营业执照不清晰', rejectedBy: 'admin-1' });
    expect(toOrgView(given(orgId, [...events, ...outcome]), 'p')).toMatchObject({ status: 'rejected', reason: '营业执照不清晰' });
  });

  it.each([undefined, '', '   '])('given an open task, when admin rejects with reason %j, then InvalidInput naming reason', (reason) => {
    const { orgId, taskId, events } = registered();
    const { type, details } = thenFails(orgId, events, { type: 'decideTask', decision: { taskId, decision: 'reject', reason, actor: admin }, now: LATER });
    expect(type).toBe('InvalidInput');
    expect(details).toEqual([
      { zh: '驳回时必须填写原因', en: 'a reason is required to reject' },
      [{ field: 'reason', message: { zh: '驳回时必须填写原因', en: 'a reason is required to reject' } }],
    ]);
  });

  it('given a decided task, when a second decision, then InvalidTransition (already decided)', () => {
    const { orgId, taskId, events } = decided('approve');
    const { type, details } = thenFails(orgId, events, { type: 'decideTask', decision: { taskId, decision: 'reject', reason: 'x', actor: admin }, now: LATER });
    expect(type).toBe('InvalidTransition');
    expect(details[0]).toEqual({ zh: '该任务已处理', en: 'this task has already been decided' });
  });

  it('given an open task, when a non-admin decides, then NotFound (the task is not theirs to see)', () => {
    const { orgId, taskId, events } = registered();
    const unit: Actor = { id: 'u1', role: 'unit', orgId };
    expect(thenFails(orgId, events, { type: 'decideTask', decision: { taskId, decision: 'approve', actor: unit }, now: LATER }).type).toBe('NotFound');
  });

  it('given any stream, when the task id is unknown, then NotFound', () => {
    const { orgId, events } = registered();
    const command: OrgCommand = { type: 'decideTask', decision: { taskId: crypto.randomUUID(), decision: 'approve', actor: admin }, now: LATER };
    expect(thenFails(orgId, events, command).type).toBe('NotFound');
    expect(thenFails(orgId, [], command).type).toBe('NotFound');
  });
});
