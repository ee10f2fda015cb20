/**
 * The shape every lifecycle writes by hand (STYLE.md §3, §16; emmett's `Decider`): `initialState`, `evolve` over the
 * lifecycle's own events, and `decide`, which turns a command into the events to append or throws a DomainError.
 * Pure: deciders import nothing from Temporal, so they run the same in a validator, a handler and a unit test.
 */
import type { TaskEvent } from '../../events/task.js';
import type { ReviewBook, ReviewTimes } from './reviews.js';

export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** What a decision may depend on besides the state and the command: the clock, fresh ids and the reviews. */
export interface DecideContext {
  /** The workflow clock (ISO 8601), identical on replay; in a validator, the time the Update arrived. */
  now: string;
  /** A fresh id: uuid4 in a handler, a fixed placeholder in a validator — so never branch on its value. */
  newId(): string;
  /** This instance's workflow id (`org-<orgId>`): a task names it so its decision comes back here. */
  workflowId: string;
  /** Every review this stream has requested, folded once by the review module (workflows/kit/reviews.ts). */
  reviews: ReviewBook;
  /** How long a review may wait before its reminder and its escalation (configuration; tests shrink them). */
  reviewTimes: ReviewTimes;
}

export interface Decider<Command, Event extends DomainEvent, State> {
  initialState(id: string): State;
  evolve(state: State, event: Event): State;
  /** The events to append (the lifecycle's own, plus any review it requests), or a thrown DomainError. */
  decide(command: Command, state: State, context: DecideContext): Array<Event | TaskEvent>;
}
