/** The review module, pure: requests carry due and escalation times, decisions follow the assignee and the policy, and reminders and escalations fall due in order. */
import { describe, expect, it } from 'vitest';
import type { ReviewRequested } from '../../../events/task.js';
import {
  type ReviewBook, compactReviews, decideReview, dueReviewEvents, emptyReviewBook, evolveReviews, mayDecide, nextReviewDeadline, requestReview,
} from '../../../workflows/kit/reviews.js';
import { DomainError } from '../../../workflows/kit/domain-errors.js';

const NOW = '2026-05-01T00:00:00.000Z';
const at = (ms: number) => Date.parse(NOW) + ms;
const times = { remindAfterMs: 1_000, escalateAfterMs: 5_000 };

function requested(orgId = 'unit-1'): { book: ReviewBook; event: ReviewRequested } {
  const event = requestReview(
    { now: NOW, newId: () => 'task-1', workflowId: 'binding-p1', reviewTimes: times },
    { kind: 'binding-confirmation', assignee: { role: 'unit', orgId }, subject: { type: 'binding', id: 'p1', title: '张三' }, requestedBy: { id: 'p1', name: '张三' } },
  );
  return { book: evolveReviews(emptyReviewBook(), event), event };
}

const refused = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as DomainError).kind;
  }
  return undefined;
};

describe('review module', () => {
  it('stamps the due date and the escalation from the configured durations', () => {
    const { event } = requested();
    expect(event.data).toMatchObject({ taskId: 'task-1', workflowId: 'binding-p1', requestedAt: NOW, dueAt: new Date(at(1_000)).toISOString(), escalatesAt: new Date(at(5_000)).toISOString() });
  });

  it('reminds once at the due date, escalates once at the escalation time, then has nothing more to do', () => {
    let { book } = requested();
    expect(dueReviewEvents(book, at(999))).toEqual([]);
    expect(nextReviewDeadline(book)).toBe(at(1_000));
    const reminder = dueReviewEvents(book, at(1_000));
    expect(reminder.map((e) => e.type)).toEqual(['ReviewReminded']);
    book = reminder.reduce(evolveReviews, book);
    expect(dueReviewEvents(book, at(4_999))).toEqual([]);
    expect(nextReviewDeadline(book)).toBe(at(5_000));
    const escalation = dueReviewEvents(book, at(6_000));
    expect(escalation).toEqual([{ type: 'ReviewEscalated', data: { taskId: 'task-1', escalatedTo: { role: 'admin' }, escalatedAt: new Date(at(6_000)).toISOString() } }]);
    book = escalation.reduce(evolveReviews, book);
    expect(nextReviewDeadline(book)).toBeUndefined();
    // A late start (a restart past both times) catches up with both, in order.
    expect(dueReviewEvents(requested().book, at(10_000)).map((e) => e.type)).toEqual(['ReviewReminded', 'ReviewEscalated']);
  });

  it('gives requests written before due dates existed the default ones, so their timers are never NaN', () => {
    const { event } = requested();
    const { dueAt: _due, escalatesAt: _esc, ...legacy } = event.data;
    const book = evolveReviews(emptyReviewBook(), { type: 'ReviewRequested', data: legacy as typeof event.data });
    expect(Number.isFinite(nextReviewDeadline(book))).toBe(true);
    expect(book.byId['task-1']).toMatchObject({ dueAt: new Date(at(7 * 86_400_000)).toISOString(), escalatesAt: new Date(at(30 * 86_400_000)).toISOString() });
    expect(dueReviewEvents(book, at(31 * 86_400_000)).map((e) => e.type)).toEqual(['ReviewReminded', 'ReviewEscalated']);
  });

  it('compacts closed reviews for continue-as-new, keeping what a late decision must be told', () => {
    let { book } = requested();
    book = evolveReviews(book, { type: 'ReviewWithdrawn', data: { taskId: 'task-1', withdrawnBy: { id: 'p', role: 'person' }, withdrawnAt: NOW } });
    const compact = compactReviews(book);
    expect(compact.byId['task-1']).toMatchObject({ status: 'closed', withdrawn: true, requestedBy: { id: '', name: '' } });
    expect(refused(() => decideReview(compact, { taskId: 'task-1', decision: 'approve', actor: { id: 'r', role: 'unit', orgId: 'unit-1' } }, { reasonRequiredToReject: true }, NOW))).toBe('InvalidTransition');
  });

  it('lets the assignee decide, admin only once escalated, and nobody else', () => {
    let { book } = requested('unit-1');
    const review = book.byId['task-1']!;
    expect(mayDecide(review, { id: 'r', role: 'unit', orgId: 'unit-1' })).toBe(true);
    expect(mayDecide(review, { id: 'r', role: 'unit', orgId: 'unit-2' })).toBe(false);
    expect(mayDecide(review, { id: 'r', role: 'institution', orgId: 'unit-1' })).toBe(false);
    expect(mayDecide(review, { id: 'a', role: 'admin' })).toBe(false);
    book = evolveReviews(book, { type: 'ReviewEscalated', data: { taskId: 'task-1', escalatedTo: { role: 'admin' }, escalatedAt: NOW } });
    expect(mayDecide(book.byId['task-1']!, { id: 'a', role: 'admin' })).toBe(true);
    expect(mayDecide(book.byId['task-1']!, { id: 'r', role: 'unit', orgId: 'unit-1' })).toBe(true);
  });

  it('needs a reason to reject when the policy says so, and refuses a second decision', () => {
    const { book } = requested();
    const unit = { id: 'r', role: 'unit', orgId: 'unit-1' };
    const strict = { reasonRequiredToReject: true };
    expect(refused(() => decideReview(book, { taskId: 'task-1', decision: 'reject', reason: ' ', actor: unit }, strict, NOW))).toBe('InvalidInput');
    expect(decideReview(book, { taskId: 'task-1', decision: 'reject', actor: unit }, { reasonRequiredToReject: false }, NOW).data).toMatchObject({ decision: 'reject' });
    const completed = decideReview(book, { taskId: 'task-1', decision: 'approve', actor: unit }, strict, NOW);
    const decided = evolveReviews(book, completed);
    expect(refused(() => decideReview(decided, { taskId: 'task-1', decision: 'approve', actor: unit }, strict, NOW))).toBe('InvalidTransition');
    expect(refused(() => decideReview(decided, { taskId: 'other', decision: 'approve', actor: unit }, strict, NOW))).toBe('NotFound');
    expect(dueReviewEvents(decided, at(10_000))).toEqual([]); // a decided review is never reminded
  });
});
