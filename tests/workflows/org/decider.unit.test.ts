/**
 * The organisation decider, given/when/then: given the stream's events, when an application or the admin's decision
 * (taken through the kit's review module, as the host takes it), then the events to append or the DomainError.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OrgDetails } from '../../../events/org.js';
import type { Actor } from '../../../events/task.js';
import { DEFAULT_REVIEW_TIMES } from '../../../workflows/kit/reviews.js';
import { orgDecider, orgReviews, toOrgView } from '../../../workflows/org/decider.js';
import type { OrgApplication } from '../../../workflows/org/messages.js';
import { LATER, NOW, idOf, specFor } from '../../support/decider.js';

const admin: Actor = { id: 'admin-1', role: 'admin', name: '管理员' };
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

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
    reviewer: { accountId, username: 'gz_reviewer', name: '李四', credentialId: crypto.randomUUID() },
    actor: { id: 'anonymous', role: 'public' },
  };
  const given = specFor({ decider: orgDecider, reviews: orgReviews, kind: 'org' }, orgId);
  return { orgId, accountId, details, application, given };
}

/** The stream after a first registration; its task is the first id the decision generated. */
function registered() {
  const f = fixture();
  const { history } = f.given().when({ type: 'apply', application: f.application }).then();
  return { ...f, taskId: idOf(1), history };
}

function decided(decision: 'approve' | 'reject') {
  const r = registered();
  const reason = decision === 'reject' ? '材料不全' : undefined;
  const { history } = r.given(r.history).whenDecided({ taskId: r.taskId, decision, reason, actor: admin }, LATER).then();
  return { ...r, history };
}

describe('org decider: apply', () => {
  it('given no stream, when a first registration, then OrgRegistered and an admin org-approval task due and escalating by the configured times', () => {
    const { orgId, accountId, details, application, given } = fixture();
    given().when({ type: 'apply', application }).then([
      { type: 'OrgRegistered', data: { ...details, orgId, reviewerAccountId: accountId, reviewerUsername: 'gz_reviewer', registeredAt: NOW } },
      {
        type: 'ReviewRequested',
        data: {
          taskId: idOf(1),
          kind: 'org-approval',
          workflowId: `org-${orgId}`,
          assignee: { role: 'admin' },
          subject: { type: 'org', id: orgId, title: details.name },
          requestedBy: { id: accountId, name: '张三' },
          requestedAt: NOW,
          dueAt: plus(NOW, DEFAULT_REVIEW_TIMES.remindAfterMs),
          escalatesAt: plus(NOW, DEFAULT_REVIEW_TIMES.escalateAfterMs),
        },
      },
    ]);
  });

  it('given no stream, when a registration without a reviewer account, then InvalidInput naming reviewerUsername', () => {
    const { application, given } = fixture();
    given().when({ type: 'apply', application: { ...application, reviewer: undefined } }).thenFails('InvalidInput', 'reviewerUsername');
  });

  it('given a pending application, when another application, then InvalidTransition', () => {
    const { application, history, given } = registered();
    const error = given(history).when({ type: 'apply', application }, LATER).thenFails('InvalidTransition');
    expect(error.text).toEqual({ zh: '该机构的申请正在审核中', en: 'an application for this organisation is already pending' });
  });

  it('given an approved organisation, when an application, then InvalidTransition', () => {
    const { application, history, given } = decided('approve');
    given(history).when({ type: 'apply', application }, LATER).thenFails('InvalidTransition');
  });

  it('given a rejected organisation, when a corrected application, then OrgReapplied (attempt 2) and a new task', () => {
    const { orgId, accountId, application, details, history, given } = decided('reject');
    const corrected = { ...application, reviewer: undefined, details: { ...details, name: '广州示例科技股份有限公司', contactName: '' } };
    const { events } = given(history).when({ type: 'apply', application: corrected }, LATER).then();
    const { kind: _kind, ...rest } = corrected.details;
    expect(events[0]).toEqual({ type: 'OrgReapplied', data: { ...rest, orgId, reappliedAt: LATER, attempt: 2 } });
    // The reviewer account stays the requester; with no contact name the organisation's name stands in.
    expect(events[1]).toMatchObject({
      type: 'ReviewRequested',
      data: { taskId: idOf(1), requestedBy: { id: accountId, name: '广州示例科技股份有限公司' }, subject: { title: '广州示例科技股份有限公司' } },
    });
  });

  it('given a rejected organisation, when an application of another kind, then InvalidInput naming kind', () => {
    const { application, details, history, given } = decided('reject');
    given(history).when({ type: 'apply', application: { ...application, reviewer: undefined, details: { ...details, kind: 'institution' } } }, LATER).thenFails('InvalidInput', 'kind');
  });

  it('given a rejected organisation, when its first registration comes again (a late retry), then InvalidTransition', () => {
    const { application, history, given } = decided('reject');
    given(history).when({ type: 'apply', application }, LATER).thenFails('InvalidTransition');
  });
});

describe('org decider: the admin decision', () => {
  it('given an open task, when admin approves, then OrgApproved and ReviewCompleted, and no task stays open', () => {
    const { orgId, taskId, history, given } = registered();
    const { history: after } = given(history).whenDecided({ taskId, decision: 'approve', actor: admin }, LATER).then([
      { type: 'OrgApproved', data: { orgId, taskId, approvedBy: 'admin-1', approvedAt: LATER } },
      { type: 'ReviewCompleted', data: { taskId, decision: 'approve', decidedBy: admin, decidedAt: LATER } },
    ]);
    const { state, reviews } = given(after);
    expect(toOrgView(state, 'p', reviews)).toEqual({ orgId, kind: 'unit', name: '广州示例科技有限公司', status: 'approved', attempt: 1, position: 'p' });
  });

  it('given an open task, when admin rejects with a reason, then OrgRejected with the trimmed reason', () => {
    const { taskId, history, given } = registered();
    const { events, history: after } = given(history).whenDecided({ taskId, decision: 'reject', reason: '  营业执照不清晰 ', actor: admin }, LATER).then();
    expect(events.map((e) => e.type)).toEqual(['OrgRejected', 'ReviewCompleted']);
    expect(events[0]!.data).toMatchObject({ reason: '营业执照不清晰', rejectedBy: 'admin-1' });
    const { state, reviews } = given(after);
    expect(toOrgView(state, 'p', reviews)).toMatchObject({ status: 'rejected', reason: '营业执照不清晰' });
  });

  it.each([undefined, '', '   '])('given an open task, when admin rejects with reason %j, then InvalidInput naming reason', (reason) => {
    const { taskId, history, given } = registered();
    const error = given(history).whenDecided({ taskId, decision: 'reject', reason, actor: admin }, LATER).thenFails('InvalidInput', 'reason');
    expect(error.text).toEqual({ zh: '驳回时必须填写原因', en: 'a reason is required to reject' });
  });

  it('given a decided task, when a second decision, then InvalidTransition (already decided)', () => {
    const { taskId, history, given } = decided('approve');
    const error = given(history).whenDecided({ taskId, decision: 'reject', reason: 'x', actor: admin }, LATER).thenFails('InvalidTransition');
    expect(error.text).toEqual({ zh: '该待办已处理', en: 'this task has already been decided' });
  });

  it('given an open task, when a non-admin decides, then NotFound (the task is not theirs to see)', () => {
    const { orgId, taskId, history, given } = registered();
    given(history).whenDecided({ taskId, decision: 'approve', actor: { id: 'u1', role: 'unit', orgId } }, LATER).thenFails('NotFound');
  });

  it('given any stream, when the task id is unknown, then NotFound', () => {
    const { history, given } = registered();
    const decision = { taskId: crypto.randomUUID(), decision: 'approve' as const, actor: admin };
    given(history).whenDecided(decision, LATER).thenFails('NotFound');
    given().whenDecided(decision, LATER).thenFails('NotFound');
  });
});
