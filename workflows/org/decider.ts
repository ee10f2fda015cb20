/**
 * The organisation lifecycle as a pure decider: `evolve` folds the `org-<orgId>` stream (Org* and task events) into
 * state, `decide` turns a command into the events to append or throws a typed ApplicationFailure. The workflow's
 * Update validators and handlers both call `decide`, so a rejected command never reaches history. Sandbox-pure.
 */
import { ApplicationFailure } from '@temporalio/workflow';
import type { AccountRegistered } from '../../events/account.js';
import type { OrgDetails, OrgEvent, OrgKind, OrgStatus } from '../../events/org.js';
import type { ReviewCompleted, ReviewRequested, TaskEvent } from '../../events/task.js';
import { FailureType, type TaskDecision } from '../tasks/messages.js';
import { type OrgApplication, type OrgView, orgWorkflowId } from './messages.js';

export type OrgStreamEvent = OrgEvent | TaskEvent;

export interface OrgState {
  orgId: string;
  /** 'none' until the stream's first event. */
  status: OrgStatus | 'none';
  kind?: OrgKind;
  details?: Omit<OrgDetails, 'kind'>;
  reviewerAccountId?: string;
  reviewerUsername?: string;
  attempt: number;
  reason?: string;
  /** The task of the current application while it is undecided. */
  openTaskId?: string;
  /** Every task this organisation ever had: a decision on a closed one is a 409, on an unknown one a 404. */
  tasks: Record<string, 'open' | 'closed'>;
}

export type OrgCommand =
  /** `taskId` and `now` come from the workflow (uuid4 and the workflow clock): deterministic on replay. */
  | { type: 'apply'; application: OrgApplication; taskId: string; now: string }
  | { type: 'decideTask'; decision: TaskDecision; now: string };

export interface Localized {
  zh: string;
  en: string;
}

export const initialOrgState = (orgId: string): OrgState => ({ orgId, status: 'none', attempt: 0, tasks: {} });

export function evolveOrg(state: OrgState, event: OrgStreamEvent): OrgState {
  switch (event.type) {
    case 'OrgRegistered': {
      const { kind, orgId: _orgId, reviewerAccountId, reviewerUsername, registeredAt: _at, ...details } = event.data;
      return { ...state, status: 'pending', kind, details, reviewerAccountId, reviewerUsername, attempt: 1, reason: undefined };
    }
    case 'OrgReapplied': {
      const { orgId: _orgId, reappliedAt: _at, attempt, ...details } = event.data;
      return { ...state, status: 'pending', details, attempt, reason: undefined };
    }
    case 'OrgApproved':
      return { ...state, status: 'approved', reason: undefined };
    case 'OrgRejected':
      return { ...state, status: 'rejected', reason: event.data.reason };
    case 'ReviewRequested':
      return { ...state, openTaskId: event.data.taskId, tasks: { ...state.tasks, [event.data.taskId]: 'open' } };
    case 'ReviewCompleted': {
      const openTaskId = state.openTaskId === event.data.taskId ? undefined : state.openTaskId;
      return { ...state, openTaskId, tasks: { ...state.tasks, [event.data.taskId]: 'closed' } };
    }
    case 'ReviewEscalated':
      return state;
    default: {
      const never: never = event;
      return never;
    }
  }
}

export function decide(state: OrgState, command: OrgCommand): OrgStreamEvent[] {
  switch (command.type) {
    case 'apply':
      return decideApply(state, command.application, command.taskId, command.now);
    case 'decideTask':
      return decideTask(state, command.decision, command.now);
    default: {
      const never: never = command;
      return never;
    }
  }
}

function decideApply(state: OrgState, application: OrgApplication, taskId: string, now: string): OrgStreamEvent[] {
  const { orgId, details, reviewer } = application;
  if (orgId !== state.orgId) throw invalidInput('orgId', { zh: '机构编号不匹配', en: 'the application is for another organisation' });
  if (state.status === 'pending') throw invalidTransition({ zh: '该机构的申请正在审核中', en: 'an application for this organisation is already pending' });
  if (state.status === 'approved') throw invalidTransition({ zh: '该机构已通过审核', en: 'this organisation is already approved' });
  const request = (requestedBy: { id: string; name: string }): ReviewRequested => ({
    type: 'ReviewRequested',
    data: {
      taskId,
      kind: 'org-approval',
      workflowId: orgWorkflowId(orgId),
      assignee: { role: 'admin' },
      subject: { type: 'org', id: orgId, title: details.name },
      requestedBy,
      requestedAt: now,
    },
  });
  const requesterName = details.contactName.trim() || details.name;
  if (state.status === 'none') {
    if (!reviewer) throw invalidInput('reviewerUsername', { zh: '首次注册必须提供审核员账号', en: 'the first registration needs a reviewer account' });
    return [
      {
        type: 'OrgRegistered',
        data: { ...details, orgId, reviewerAccountId: reviewer.accountId, reviewerUsername: reviewer.username, registeredAt: now },
      },
      request({ id: reviewer.accountId, name: requesterName }),
    ];
  }
  // Rejected: a corrected application, for the same kind of organisation and with the same reviewer account.
  if (details.kind !== state.kind) throw invalidInput('kind', { zh: '重新申请不能更改机构类型', en: 'a re-application cannot change the kind of organisation' });
  const { kind: _kind, ...corrected } = details;
  return [
    { type: 'OrgReapplied', data: { ...corrected, orgId, reappliedAt: now, attempt: state.attempt + 1 } },
    request({ id: state.reviewerAccountId ?? application.actor.id, name: requesterName }),
  ];
}

function decideTask(state: OrgState, command: TaskDecision, now: string): OrgStreamEvent[] {
  const { taskId, decision, actor } = command;
  const task = state.tasks[taskId];
  // Only admin reviews organisations: to anyone else the task does not exist (404, never 403, leaks nothing).
  if (!task || actor.role !== 'admin') {
    throw failure(FailureType.NotFound, `no task ${taskId} for this caller`, { zh: '任务不存在', en: 'task not found' });
  }
  if (task === 'closed') throw invalidTransition({ zh: '该任务已处理', en: 'this task has already been decided' });
  const reason = command.reason?.trim();
  const completed: ReviewCompleted = {
    type: 'ReviewCompleted',
    data: { taskId, decision, ...(reason ? { reason } : {}), decidedBy: actor, decidedAt: now },
  };
  switch (decision) {
    case 'approve':
      return [{ type: 'OrgApproved', data: { orgId: state.orgId, taskId, approvedBy: actor.id, approvedAt: now } }, completed];
    case 'reject':
      if (!reason) throw invalidInput('reason', { zh: '驳回时必须填写原因', en: 'a reason is required to reject' });
      return [{ type: 'OrgRejected', data: { orgId: state.orgId, taskId, reason, rejectedBy: actor.id, rejectedAt: now } }, completed];
    default: {
      const never: never = decision;
      return never;
    }
  }
}

export function toOrgView(state: OrgState, position: string): OrgView | null {
  if (state.status === 'none' || !state.kind || !state.details) return null;
  return {
    orgId: state.orgId,
    kind: state.kind,
    name: state.details.name,
    status: state.status,
    ...(state.openTaskId ? { taskId: state.openTaskId } : {}),
    ...(state.reason ? { reason: state.reason } : {}),
    attempt: state.attempt,
    position,
  };
}

/** The reviewer account a first registration creates: a reviewer of the organisation's kind, bound to it. */
export function reviewerAccount({ orgId, details, reviewer }: OrgApplication, now: string): AccountRegistered['data'] | undefined {
  if (!reviewer) return undefined;
  const { accountId, username, name, passwordHash } = reviewer;
  return { accountId, username, role: details.kind, subjectId: accountId, orgId, name, passwordHash, mustChangePassword: true, registeredAt: now };
}

/** A second Update while a handler still awaits its activities: refused rather than decided on stale state. */
export const busyFailure = () => invalidTransition({ zh: '该机构的另一操作正在处理中', en: 'another action on this organisation is in progress' });

/** Person-facing messages of the name claims the workflow makes (the API shows details[0], field errors details[1]). */
export const CLAIM_CONFLICTS = {
  username: { field: 'reviewerUsername', message: { zh: '用户名已被使用', en: 'username is taken' } },
  uscc: { field: 'uscc', message: { zh: '统一社会信用代码已被注册', en: 'this USCC is already registered' } },
} as const satisfies Record<string, { field: string; message: Localized }>;

// ApplicationFailure conventions (api/temporal-errors.ts): English message for logs, details[0] the {zh, en}
// message for people, details[1] the field errors. nonRetryable: a rule broken now is broken on every retry.
const failure = (type: string, message: string, person: Localized, fields?: Array<{ field: string; message: Localized }>) =>
  ApplicationFailure.create({ type, message, nonRetryable: true, details: fields ? [person, fields] : [person] });

const invalidTransition = (person: Localized) => failure(FailureType.InvalidTransition, person.en, person);

const invalidInput = (field: string, person: Localized) =>
  failure(FailureType.InvalidInput, `${field}: ${person.en}`, person, [{ field, message: person }]);
