/**
 * The review module (DESIGN.md §4): how every lifecycle asks a person to decide and takes the decision. The review
 * events (`ReviewRequested/Reminded/Escalated/Completed`) are folded here once for every lifecycle; `requestReview`
 * stamps due and escalation times from configuration; `decideReview` checks who may decide under the kind's policy;
 * `dueReviewEvents` tells the host which reminders and escalations are due. Pure.
 */
import type { Actor, ReviewCompleted, ReviewEscalated, ReviewReminded, ReviewRequested, ReviewWithdrawn, TaskAssignee, TaskEvent, TaskSubject } from '../../events/task.js';
import type { TaskDecisionValue, TaskKind } from '../../events/vocabulary/index.js';
import { invalidInput, invalidTransition, notFound } from './domain-errors.js';

const DAY_MS = 86_400_000;

export interface ReviewTimes {
  /** From the request to the due date; a reminder when it passes undecided (default 7 days). */
  remindAfterMs: number;
  /** From the request to the escalation to admin (default 30 days). */
  escalateAfterMs: number;
}

export const DEFAULT_REVIEW_TIMES: ReviewTimes = { remindAfterMs: 7 * DAY_MS, escalateAfterMs: 30 * DAY_MS };

export interface Review {
  taskId: string;
  kind: TaskKind;
  assignee: TaskAssignee;
  subject: TaskSubject;
  requestedBy: { id: string; name: string };
  requestedAt: string;
  dueAt: string;
  escalatesAt: string;
  status: 'open' | 'closed';
  /** Closed without a decision: the requester took it back. */
  withdrawn?: boolean;
  reminded: boolean;
  escalated: boolean;
  decision?: TaskDecisionValue;
  reason?: string;
  decidedBy?: Actor;
  decidedAt?: string;
}

/** Every review of one stream, open and closed: a decision on a closed one is a 409, on an unknown one a 404. */
export interface ReviewBook {
  byId: Record<string, Review>;
}

export const emptyReviewBook = (): ReviewBook => ({ byId: {} });

export const openReviews = (book: ReviewBook): Review[] => Object.values(book.byId).filter((review) => review.status === 'open');

const REVIEW_EVENT_TYPES: ReadonlySet<string> = new Set<TaskEvent['type']>(['ReviewRequested', 'ReviewReminded', 'ReviewEscalated', 'ReviewCompleted', 'ReviewWithdrawn']);

export const isReviewEvent = (event: { type: string }): event is TaskEvent => REVIEW_EVENT_TYPES.has(event.type);

export function evolveReviews(book: ReviewBook, event: TaskEvent): ReviewBook {
  const update = (taskId: string, change: (review: Review) => Review): ReviewBook => {
    const review = book.byId[taskId];
    return review ? { byId: { ...book.byId, [taskId]: change(review) } } : book;
  };
  switch (event.type) {
    case 'ReviewRequested': {
      const { taskId, kind, assignee, subject, requestedBy, requestedAt } = event.data;
      // Requests written before due dates existed get the default ones, counted from the request: never a NaN timer.
      const at = Date.parse(requestedAt);
      const dueAt = event.data.dueAt ?? new Date(at + DEFAULT_REVIEW_TIMES.remindAfterMs).toISOString();
      const escalatesAt = event.data.escalatesAt ?? new Date(at + DEFAULT_REVIEW_TIMES.escalateAfterMs).toISOString();
      const review: Review = { taskId, kind, assignee, subject, requestedBy, requestedAt, dueAt, escalatesAt, status: 'open', reminded: false, escalated: false };
      return { byId: { ...book.byId, [taskId]: review } };
    }
    case 'ReviewReminded':
      return update(event.data.taskId, (review) => ({ ...review, reminded: true }));
    case 'ReviewEscalated':
      return update(event.data.taskId, (review) => ({ ...review, escalated: true }));
    case 'ReviewCompleted': {
      const { decision, reason, decidedBy, decidedAt } = event.data;
      return update(event.data.taskId, (review) => ({ ...review, status: 'closed', decision, ...(reason ? { reason } : {}), decidedBy, decidedAt }));
    }
    case 'ReviewWithdrawn':
      return update(event.data.taskId, (review) => ({ ...review, status: 'closed', withdrawn: true }));
    default: {
      const never: never = event;
      return never;
    }
  }
}

export interface ReviewRequest {
  kind: TaskKind;
  assignee: TaskAssignee;
  subject: TaskSubject;
  requestedBy: { id: string; name: string };
  details?: Record<string, unknown>;
}

/** The `ReviewRequested` event for a new task, due and escalating after the configured times. */
export function requestReview(
  context: { now: string; newId(): string; workflowId: string; reviewTimes: ReviewTimes },
  request: ReviewRequest,
): ReviewRequested {
  const at = Date.parse(context.now);
  return {
    type: 'ReviewRequested',
    data: {
      taskId: context.newId(),
      kind: request.kind,
      workflowId: context.workflowId,
      assignee: request.assignee,
      subject: request.subject,
      requestedBy: request.requestedBy,
      requestedAt: context.now,
      dueAt: new Date(at + context.reviewTimes.remindAfterMs).toISOString(),
      escalatesAt: new Date(at + context.reviewTimes.escalateAfterMs).toISOString(),
      ...(request.details ? { details: request.details } : {}),
    },
  };
}

/** Per task kind: whether a rejection needs a reason, and who besides the assignee may decide. */
export interface ReviewPolicy {
  reasonRequiredToReject: boolean;
}

export interface ReviewDecisionInput {
  taskId: string;
  decision: TaskDecisionValue;
  reason?: string;
  actor: Actor;
}

/** Who may decide a review: its assignee (the role, and the organisation for unit and institution tasks), or admin once escalated. */
export function mayDecide(review: Review, actor: Actor): boolean {
  const { role, orgId } = review.assignee;
  if (actor.role === role && (role === 'admin' || (orgId !== undefined && actor.orgId === orgId))) return true;
  return review.escalated && actor.role === 'admin';
}

/** Validates a decision and returns its `ReviewCompleted`; the lifecycle adds the outcome. Throws DomainErrors. */
export function decideReview(book: ReviewBook, input: ReviewDecisionInput, policy: ReviewPolicy, now: string): ReviewCompleted {
  const review = book.byId[input.taskId];
  // Not the caller's to decide: it does not exist for them (404, never 403: leaks nothing).
  if (!review || !mayDecide(review, input.actor)) throw notFound({ zh: '待办不存在', en: 'task not found' });
  if (review.status === 'closed') {
    throw invalidTransition(
      review.withdrawn ? { zh: '申请人已撤回该申请', en: 'the requester has withdrawn this request' } : { zh: '该待办已处理', en: 'this task has already been decided' },
    );
  }
  const reason = input.reason?.trim();
  if (input.decision === 'reject' && policy.reasonRequiredToReject && !reason) {
    throw invalidInput('reason', { zh: '驳回时必须填写原因', en: 'a reason is required to reject' });
  }
  return {
    type: 'ReviewCompleted',
    data: { taskId: review.taskId, decision: input.decision, ...(reason ? { reason } : {}), decidedBy: input.actor, decidedAt: now },
  };
}

/** The requester takes an open review back; a decided one cannot be (InvalidTransition). */
export function withdrawReview(book: ReviewBook, taskId: string, actor: Actor, now: string): ReviewWithdrawn {
  const review = book.byId[taskId];
  if (!review) throw notFound({ zh: '待办不存在', en: 'task not found' });
  if (review.status === 'closed') throw invalidTransition({ zh: '该申请已处理，不能撤回', en: 'this request has already been decided' });
  return { type: 'ReviewWithdrawn', data: { taskId, withdrawnBy: actor, withdrawnAt: now } };
}

/** Reminders and escalations due at `now` (epoch ms), in order. */
export function dueReviewEvents(book: ReviewBook, now: number): Array<ReviewReminded | ReviewEscalated> {
  const at = new Date(now).toISOString();
  return openReviews(book).flatMap((review): Array<ReviewReminded | ReviewEscalated> => [
    ...(!review.reminded && Date.parse(review.dueAt) <= now ? [{ type: 'ReviewReminded' as const, data: { taskId: review.taskId, remindedAt: at } }] : []),
    ...(!review.escalated && Date.parse(review.escalatesAt) <= now
      ? [{ type: 'ReviewEscalated' as const, data: { taskId: review.taskId, escalatedTo: { role: 'admin' as const }, escalatedAt: at } }]
      : []),
  ]);
}

/** The next moment (epoch ms) a reminder or escalation falls due, if any. */
export function nextReviewDeadline(book: ReviewBook): number | undefined {
  const times = openReviews(book)
    .flatMap((review) => [...(review.reminded ? [] : [Date.parse(review.dueAt)]), ...(review.escalated ? [] : [Date.parse(review.escalatesAt)])])
    .filter(Number.isFinite);
  return times.length ? Math.min(...times) : undefined;
}

/**
 * What continue-as-new carries: open reviews whole, closed ones reduced to what a late decision needs to be told (409,
 * and whether it was withdrawn) — so a long-lived lifecycle's input stays small however many reviews it has had.
 */
export function compactReviews(book: ReviewBook): ReviewBook {
  const byId: Record<string, Review> = {};
  for (const [taskId, review] of Object.entries(book.byId)) {
    byId[taskId] =
      review.status === 'open'
        ? review
        : {
            taskId, kind: review.kind, assignee: review.assignee, subject: { type: review.subject.type, id: review.subject.id, title: '' },
            requestedBy: { id: '', name: '' }, requestedAt: review.requestedAt, dueAt: review.dueAt, escalatesAt: review.escalatesAt,
            status: 'closed', reminded: review.reminded, escalated: review.escalated, ...(review.withdrawn ? { withdrawn: true } : {}),
            ...(review.decision ? { decision: review.decision } : {}),
          };
  }
  return { byId };
}
