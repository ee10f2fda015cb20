/**
 * Given/when/then for deciders (STYLE.md §12): given a stream's events, when a command (or a task decision, taken
 * the way the host takes it), then the events to append — or the DomainError, with its kind and the fields it names.
 * Ids are deterministic (`newId` counts), the clock is the test's, review durations the defaults unless given.
 */
import { expect } from 'vitest';
import type { TaskEvent } from '../../events/task.js';
import type { DecideContext, Decider, DomainEvent } from '../../workflows/kit/decider.js';
import { DomainError, type DomainErrorKind } from '../../workflows/kit/domain-errors.js';
import type { ReviewDecided } from '../../workflows/kit/lifecycle.js';
import type { TaskDecision } from '../../workflows/kit/messages.js';
import { DEFAULT_REVIEW_TIMES, type ReviewBook, type ReviewPolicy, type ReviewTimes, emptyReviewBook, evolveReviews, isReviewEvent } from '../../workflows/kit/reviews.js';
import { decideTask } from '../../workflows/kit/task-decision.js';

export const NOW = '2026-03-01T08:00:00.000Z';
export const LATER = '2026-03-02T09:30:00.000Z';

/** The ids `newId()` hands out, in order: `idOf(1)` is the first id a `when` generated. */
export const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export interface DeciderUnderTest<Command, Event extends DomainEvent, State> {
  decider: Decider<Command | ReviewDecided, Event, State>;
  reviews?: Partial<Record<string, ReviewPolicy>>;
  kind: string;
  reviewTimes?: ReviewTimes;
}

export function specFor<Command, Event extends DomainEvent, State>(subject: DeciderUnderTest<Command, Event, State>, id: string) {
  return function given(history: Array<Event | TaskEvent> = []) {
    let state = subject.decider.initialState(id);
    let reviews: ReviewBook = emptyReviewBook();
    for (const event of history) {
      if (isReviewEvent(event)) reviews = evolveReviews(reviews, event);
      else state = subject.decider.evolve(state, event as Event);
    }
    const context = (now: string): DecideContext => {
      let next = 0;
      return { now, newId: () => idOf(++next), workflowId: `${subject.kind}-${id}`, reviews, reviewTimes: subject.reviewTimes ?? DEFAULT_REVIEW_TIMES };
    };
    const outcome = (run: () => Array<Event | TaskEvent>) => ({
      /** The decided events; with `expected`, asserts them exactly. */
      then(expected?: Array<Event | TaskEvent>) {
        const events = run();
        if (expected) expect(events).toEqual(expected);
        return { events, history: [...history, ...events] };
      },
      thenFails(kind: DomainErrorKind, field?: string) {
        let thrown: unknown;
        try {
          run();
        } catch (error) {
          thrown = error;
        }
        expect(thrown, 'expected the decider to refuse').toBeInstanceOf(DomainError);
        const error = thrown as DomainError;
        expect(error.kind).toBe(kind);
        if (field) expect(error.fields.map((f) => f.field)).toContain(field);
        return error;
      },
    });
    return {
      state,
      reviews,
      when: (command: Command, now = NOW) => outcome(() => subject.decider.decide(command, state, context(now))),
      whenDecided: (decision: TaskDecision, now = NOW) =>
        outcome(() => decideTask({ decider: subject.decider, reviews: subject.reviews }, state, decision, context(now)).events),
    };
  };
}
