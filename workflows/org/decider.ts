/**
 * The organisation lifecycle as a pure decider: `evolve` folds the Org* events of `org-<orgId>`, `decide` turns an
 * application or the admin's decision into the events to append, or throws a DomainError. Reviews (the
 * `org-approval` task) are the kit's: `requestReview` opens one, the host checks the decision before `reviewDecided`.
 */
import type { OrgDetails, OrgEvent, OrgKind, OrgStatus } from '../../events/org.js';
import type { Decider } from '../kit/decider.js';
import { invalidInput, invalidTransition, notFound } from '../kit/domain-errors.js';
import type { ReviewDecided } from '../kit/lifecycle.js';
import { type ReviewBook, type ReviewPolicy, openReviews, requestReview } from '../kit/reviews.js';
import type { OrgApplication, OrgView } from './messages.js';

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
}

export type OrgCommand = { type: 'apply'; application: OrgApplication };

/** Only admin approves organisations; a rejection must say why, so the organisation can correct it. */
export const orgReviews: Partial<Record<'org-approval', ReviewPolicy>> = { 'org-approval': { reasonRequiredToReject: true } };

export const orgDecider: Decider<OrgCommand | ReviewDecided, OrgEvent, OrgState> = {
  initialState: (orgId) => ({ orgId, status: 'none', attempt: 0 }),

  evolve(state, event) {
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
      default: {
        const never: never = event;
        return never;
      }
    }
  },

  decide(command, state, context) {
    switch (command.type) {
      case 'apply':
        return decideApply(state, command.application, context);
      case 'reviewDecided':
        return decideOutcome(state, command, context.now);
      default: {
        const never: never = command;
        return never;
      }
    }
  },
};

function decideApply(state: OrgState, application: OrgApplication, context: Parameters<typeof requestReview>[0]) {
  const { orgId, details, reviewer } = application;
  const { now } = context;
  if (orgId !== state.orgId) throw invalidInput('orgId', { zh: '机构编号不匹配', en: 'the application is for another organisation' });
  if (state.status === 'pending') throw invalidTransition({ zh: '该机构的申请正在审核中', en: 'an application for this organisation is already pending' });
  if (state.status === 'approved') throw invalidTransition({ zh: '该机构已通过审核', en: 'this organisation is already approved' });
  const requesterName = details.contactName.trim() || details.name;
  const review = (requestedBy: string) =>
    requestReview(context, {
      kind: 'org-approval',
      assignee: { role: 'admin' },
      subject: { type: 'org', id: orgId, title: details.name },
      requestedBy: { id: requestedBy, name: requesterName },
    });
  if (state.status === 'none') {
    if (!reviewer) throw invalidInput('reviewerUsername', { zh: '首次注册必须提供审核员账号', en: 'the first registration needs a reviewer account' });
    return [
      { type: 'OrgRegistered' as const, data: { ...details, orgId, reviewerAccountId: reviewer.accountId, reviewerUsername: reviewer.username, registeredAt: now } },
      review(reviewer.accountId),
    ];
  }
  // Rejected: a corrected application, for the same kind of organisation and with the same reviewer account — sent by
  // that reviewer, signed in. A first registration's again (a late retry under an Idempotency-Key, whose ids it
  // carries) is not one.
  if (reviewer) throw invalidTransition({ zh: '该机构已注册，被退回后请由其审核员登录后重新申请', en: 'this organisation is already registered; after a rejection its reviewer applies again, signed in' });
  if (details.kind !== state.kind) throw invalidInput('kind', { zh: '重新申请不能更改机构类型', en: 'a re-application cannot change the kind of organisation' });
  const { kind: _kind, ...corrected } = details;
  return [
    { type: 'OrgReapplied' as const, data: { ...corrected, orgId, reappliedAt: now, attempt: state.attempt + 1 } },
    review(state.reviewerAccountId ?? application.actor.id),
  ];
}

function decideOutcome(state: OrgState, { review, decision, reason, actor }: ReviewDecided, now: string): OrgEvent[] {
  if (review.kind !== 'org-approval') throw notFound();
  const { orgId } = state;
  switch (decision) {
    case 'approve':
      return [{ type: 'OrgApproved', data: { orgId, taskId: review.taskId, approvedBy: actor.id, approvedAt: now } }];
    case 'reject':
      return [{ type: 'OrgRejected', data: { orgId, taskId: review.taskId, reason: reason ?? '', rejectedBy: actor.id, rejectedAt: now } }];
    default: {
      const never: never = decision;
      return never;
    }
  }
}

export function toOrgView(state: OrgState, position: string, reviews: ReviewBook): OrgView | null {
  if (state.status === 'none' || !state.kind || !state.details) return null;
  const open = openReviews(reviews)[0];
  return {
    orgId: state.orgId,
    kind: state.kind,
    name: state.details.name,
    status: state.status,
    ...(open ? { taskId: open.taskId } : {}),
    ...(state.reason ? { reason: state.reason } : {}),
    attempt: state.attempt,
    position,
  };
}
