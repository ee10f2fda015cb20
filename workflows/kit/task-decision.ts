/**
 * A decision on a task, as every lifecycle takes it (pure): the review module checks who may decide and whether a
 * reason is needed, then the lifecycle's decider adds the outcome (approved, rejected, confirmed…). The host runs this
 * in the `decideTask` validator and handler; decider tests run the very same function.
 */
import type { TaskEvent } from '../../events/task.js';
import type { DecideContext, DomainEvent } from './decider.js';
import { notFound } from './domain-errors.js';
import type { Lifecycle, ReviewDecided } from './lifecycle.js';
import type { TaskDecision } from './messages.js';
import { decideReview } from './reviews.js';

export function decideTask<Command, Event extends DomainEvent, State>(
  lifecycle: Pick<Lifecycle<Command, Event, State, unknown>, 'decider' | 'reviews'>,
  state: State,
  decision: TaskDecision,
  context: DecideContext,
): { command: ReviewDecided; events: Array<Event | TaskEvent> } {
  const review = context.reviews.byId[decision.taskId];
  const policy = review && lifecycle.reviews?.[review.kind];
  if (!review || !policy) throw notFound({ zh: '待办不存在', en: 'task not found' });
  const completed = decideReview(context.reviews, decision, policy, context.now);
  const { reason } = completed.data;
  const command: ReviewDecided = { type: 'reviewDecided', review, decision: decision.decision, ...(reason ? { reason } : {}), actor: decision.actor };
  return { command, events: [...lifecycle.decider.decide(command, state, context), completed] };
}
