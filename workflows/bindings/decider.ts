/**
 * The unit-binding lifecycle as a pure decider (DOMAIN.md Unit binding): one pending request at a time, confirmed or
 * rejected by the unit's reviewers through a `binding-confirmation` task, cancelled by the person while pending; a
 * confirmation for a new unit ends the old binding (a job change). The fold is the shared one in events/binding.ts,
 * which the API reads with too.
 */
import { type BindingEvent, type BindingState, evolveBinding, initialBindingState } from '../../events/binding.js';
import type { TaskEvent } from '../../events/task.js';
import type { DecideContext, Decider } from '../kit/decider.js';
import { invalidTransition, notFound } from '../kit/domain-errors.js';
import type { ReviewDecided } from '../kit/lifecycle.js';
import { type ReviewBook, type ReviewPolicy, openReviews, requestReview, withdrawReview } from '../kit/reviews.js';
import type { BindingCancellation, BindingRequest, BindingView } from './messages.js';

export type BindingCommand = { type: 'request'; request: BindingRequest } | { type: 'cancel'; cancellation: BindingCancellation };

/** The unit confirms or rejects; a rejection must say why, so the person can act on it. */
export const bindingReviews: Partial<Record<'binding-confirmation', ReviewPolicy>> = { 'binding-confirmation': { reasonRequiredToReject: true } };

const openTask = (reviews: ReviewBook) => openReviews(reviews).find((review) => review.kind === 'binding-confirmation');

export const bindingDecider: Decider<BindingCommand | ReviewDecided, BindingEvent, BindingState> = {
  initialState: initialBindingState,
  evolve: evolveBinding,
  decide(command, state, context) {
    switch (command.type) {
      case 'request':
        return decideRequest(state, command.request, context);
      case 'cancel': {
        const task = openTask(context.reviews);
        if (!state.pending || !task) throw invalidTransition({ zh: '没有待确认的绑定申请', en: 'there is no pending binding request to cancel' });
        const { bindingId, unit } = state.pending;
        return [
          { type: 'BindingCancelled', data: { personId: state.personId, bindingId, unitId: unit.unitId, cancelledAt: context.now } },
          withdrawReview(context.reviews, task.taskId, command.cancellation.actor, context.now),
        ];
      }
      case 'reviewDecided':
        return decideOutcome(state, command, context.now);
      default: {
        const never: never = command;
        return never;
      }
    }
  },
};

function decideRequest(state: BindingState, request: BindingRequest, context: DecideContext): Array<BindingEvent | TaskEvent> {
  if (state.pending) {
    throw invalidTransition({ zh: '已有待单位确认的绑定申请，请等待确认或先撤销', en: 'a binding request is already pending: wait for the unit or cancel it first' });
  }
  if (state.current?.unit.unitId === request.unit.unitId) {
    throw invalidTransition({ zh: '您已绑定该单位', en: 'you are already bound to this unit' });
  }
  const bindingId = context.newId();
  const previousUnitId = state.current?.unit.unitId;
  return [
    {
      type: 'BindingRequested',
      data: {
        personId: state.personId,
        bindingId,
        unit: request.unit,
        personName: request.personName,
        idNumberMasked: request.idNumberMasked,
        ...(previousUnitId ? { previousUnitId } : {}),
        requestedAt: context.now,
      },
    },
    requestReview(context, {
      kind: 'binding-confirmation',
      assignee: { role: 'unit', orgId: request.unit.unitId },
      subject: { type: 'binding', id: state.personId, title: request.personName },
      requestedBy: { id: state.personId, name: request.personName },
      details: { personName: request.personName, idNumberMasked: request.idNumberMasked, jobChange: previousUnitId !== undefined },
    }),
  ];
}

function decideOutcome(state: BindingState, { review, decision, reason, actor }: ReviewDecided, now: string): BindingEvent[] {
  if (review.kind !== 'binding-confirmation') throw notFound();
  const pending = state.pending;
  if (!pending) throw invalidTransition({ zh: '该绑定申请已撤销', en: 'this binding request was cancelled' });
  const { personId } = state;
  if (decision === 'reject') {
    return [{ type: 'BindingRejected', data: { personId, bindingId: pending.bindingId, unitId: pending.unit.unitId, reason: reason ?? '', rejectedBy: actor.id, rejectedAt: now } }];
  }
  const current = state.current;
  return [
    ...(current ? [{ type: 'BindingEnded' as const, data: { personId, bindingId: current.bindingId, unitId: current.unit.unitId, endedAt: now, reason: 'job-change' as const } }] : []),
    { type: 'BindingConfirmed', data: { personId, bindingId: pending.bindingId, unit: pending.unit, confirmedBy: actor.id, confirmedAt: now } },
  ];
}

export const toBindingView = (state: BindingState, position: string, reviews: ReviewBook): BindingView => ({
  ...state,
  taskId: openTask(reviews)?.taskId ?? null,
  position,
});
