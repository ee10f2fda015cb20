/**
 * The enrolment lifecycle as a pure decider (DOMAIN.md Enrolment): waitlisted → pending (an `enrolment-review` task
 * for the institution) → approved | rejected (with a reason) | cancelled by the person before the class starts; when
 * the class completes: completed (its hours count for the person), missed, or lapsed if never approved.
 */
import { type EnrolmentEvent, type EnrolmentState, evolveEnrolment, initialEnrolmentState, isActiveEnrolment } from '../../events/enrolment.js';
import type { TaskEvent } from '../../events/task.js';
import type { DecideContext, Decider } from '../kit/decider.js';
import { invalidTransition, notFound } from '../kit/domain-errors.js';
import type { ReviewDecided } from '../kit/lifecycle.js';
import { type ReviewBook, type ReviewPolicy, openReviews, requestReview, withdrawReview } from '../kit/reviews.js';
import type { ClassOutcome, EnrolmentOpening, EnrolmentView } from './messages.js';
import { chinaDate } from '../../events/vocabulary/calendar.js';

export type EnrolmentCommand =
  | { type: 'open'; opening: EnrolmentOpening }
  | { type: 'promote' }
  | { type: 'cancel'; actor: { id: string; role: string }; enrolmentId?: string }
  | { type: 'classCompleted'; outcome: ClassOutcome };

/** The institution approves or rejects; a rejection must say why. */
export const enrolmentReviews: Partial<Record<'enrolment-review', ReviewPolicy>> = { 'enrolment-review': { reasonRequiredToReject: true } };

const openTask = (reviews: ReviewBook) => openReviews(reviews).find((review) => review.kind === 'enrolment-review');

function review(state: EnrolmentState, context: DecideContext): TaskEvent {
  const enrolled = state.class!;
  return requestReview(context, {
    kind: 'enrolment-review',
    assignee: { role: 'institution', orgId: enrolled.institutionId },
    subject: { type: 'enrolment', id: state.enrolmentId!, title: `${state.personName} · ${enrolled.title}` },
    requestedBy: { id: state.personId, name: state.personName! },
    details: { personName: state.personName, idNumberMasked: state.idNumberMasked, classId: enrolled.classId, classTitle: enrolled.title, startDate: enrolled.startDate },
  });
}

export const enrolmentDecider: Decider<EnrolmentCommand | ReviewDecided, EnrolmentEvent, EnrolmentState> = {
  initialState: initialEnrolmentState,
  evolve: evolveEnrolment,
  decide(command, state, context) {
    const { now } = context;
    switch (command.type) {
      case 'open': {
        const { opening } = command;
        // Idempotent: the class's retried notification of the same request changes nothing.
        if (state.enrolmentId === opening.enrolmentId) return [];
        if (isActiveEnrolment(state.status)) throw invalidTransition({ zh: '您已报名该培训班', en: 'you have already enrolled in this class' });
        const { enrolmentId, personName, idNumberMasked, status } = opening;
        const requested: EnrolmentEvent = { type: 'EnrolmentRequested', data: { enrolmentId, personId: state.personId, personName, idNumberMasked, class: opening.class, status, requestedAt: now } };
        const next = evolveEnrolment(state, requested);
        return status === 'pending' ? [requested, review(next, context)] : [requested];
      }
      case 'promote': {
        if (state.status !== 'waitlisted') return [];
        const promoted: EnrolmentEvent = { type: 'EnrolmentPromoted', data: { enrolmentId: state.enrolmentId!, promotedAt: now } };
        return [promoted, review(state, context)];
      }
      case 'cancel': {
        if (command.enrolmentId && command.enrolmentId !== state.enrolmentId) throw notFound({ zh: '该报名不存在', en: 'no such enrolment' });
        if (!isActiveEnrolment(state.status)) throw invalidTransition({ zh: '没有可以取消的报名', en: 'there is no enrolment to cancel' });
        if (chinaDate(now) >= state.class!.startDate) throw invalidTransition({ zh: '培训班已开始，不能取消报名', en: 'the class has started: the enrolment can no longer be cancelled' });
        const task = openTask(context.reviews);
        return [
          { type: 'EnrolmentCancelled', data: { enrolmentId: state.enrolmentId!, cancelledAt: now } },
          ...(task ? [withdrawReview(context.reviews, task.taskId, command.actor, now)] : []),
        ];
      }
      case 'classCompleted':
        return decideOutcome(state, command.outcome, context);
      case 'reviewDecided': {
        if (command.review.kind !== 'enrolment-review' || state.status !== 'pending') throw notFound();
        const { decision, reason, actor } = command;
        const enrolmentId = state.enrolmentId!;
        return decision === 'approve'
          ? [{ type: 'EnrolmentApproved', data: { enrolmentId, approvedBy: actor.id, approvedAt: now } }]
          : [{ type: 'EnrolmentRejected', data: { enrolmentId, reason: reason ?? '', rejectedBy: actor.id, rejectedAt: now } }];
      }
      default: {
        const never: never = command;
        return never;
      }
    }
  },
};

function decideOutcome(state: EnrolmentState, outcome: ClassOutcome, context: DecideContext): Array<EnrolmentEvent | TaskEvent> {
  const enrolmentId = state.enrolmentId;
  const { now } = context;
  if (!enrolmentId) return [];
  switch (state.status) {
    case 'approved': {
      if (!outcome.attended) return [{ type: 'EnrolmentMissed', data: { enrolmentId, completedAt: now } }];
      const { classId, category, halfHours, startDate } = state.class!;
      return [{ type: 'EnrolmentCompleted', data: { enrolmentId, personId: state.personId, classId, year: Number(startDate.slice(0, 4)), category, halfHours, completedAt: now } }];
    }
    case 'pending': {
      const task = openTask(context.reviews);
      return [{ type: 'EnrolmentLapsed', data: { enrolmentId, lapsedAt: now } }, ...(task ? [withdrawReview(context.reviews, task.taskId, outcome.actor, now)] : [])];
    }
    case 'waitlisted':
      return [{ type: 'EnrolmentLapsed', data: { enrolmentId, lapsedAt: now } }];
    default:
      return []; // already ended: a retried notification changes nothing
  }
}

export const toEnrolmentView = (state: EnrolmentState, position: string, reviews: ReviewBook): EnrolmentView => ({
  ...state,
  taskId: openTask(reviews)?.taskId ?? null,
  position,
});

export { initialEnrolmentState };
