/**
 * One lifecycle instance driven the way the workflow host drives it (workflows/kit/host.ts), minus Temporal: the
 * project's own pure decider decides every command and task decision on the state its stream folds to, the review
 * module stamps and closes tasks, and reminders and escalations fall due on the reviews' own deadlines. So every
 * generated history is one the live system could have appended — a rule the decider enforces (dates inside the year,
 * an attachment before submission, one pending binding) throws here too.
 */
import type { EventMetadata } from '../../events/store/event-store.js';
import type { Actor, TaskEvent } from '../../events/task.js';
import type { TaskDecisionValue } from '../../events/vocabulary/index.js';
import type { DecideContext, Decider, DomainEvent } from '../../workflows/kit/decider.js';
import type { ReviewDecided } from '../../workflows/kit/lifecycle.js';
import { DEFAULT_REVIEW_TIMES, type ReviewBook, type ReviewPolicy, dueReviewEvents, emptyReviewBook, evolveReviews, isReviewEvent, openReviews } from '../../workflows/kit/reviews.js';
import { SYSTEM_METADATA, commandMetadata } from '../../workflows/kit/metadata.js';
import { decideTask } from '../../workflows/kit/task-decision.js';
import { type EventLog, type StreamHead, newStream } from './event-log.js';
import type { Random } from './random.js';

const iso = (at: number): string => new Date(at).toISOString();

export class LifecycleInstance<Command, Event extends DomainEvent, State> {
  state: State;
  /** Open reviews only: a closed one is never decided again here, and a million of them would only cost memory. */
  reviews: ReviewBook = emptyReviewBook();
  readonly head: StreamHead;

  constructor(
    private readonly decider: Decider<Command | ReviewDecided, Event, State>,
    private readonly policies: Partial<Record<string, ReviewPolicy>>,
    private readonly log: EventLog,
    private readonly random: Random,
    id: string,
    streamId: string,
  ) {
    this.state = decider.initialState(id);
    this.head = newStream(streamId);
  }

  private context(at: number): DecideContext {
    return { now: iso(at), newId: () => this.random.uuid(), workflowId: this.head.id, reviews: this.reviews, reviewTimes: DEFAULT_REVIEW_TIMES };
  }

  private commit(at: number, metadata: EventMetadata, events: Array<Event | TaskEvent>): void {
    if (events.length === 0) return;
    this.log.append(this.head, at, metadata, events);
    for (const event of events) {
      if (!isReviewEvent(event)) {
        this.state = this.decider.evolve(this.state, event as Event);
        continue;
      }
      this.reviews = evolveReviews(this.reviews, event);
      const review = this.reviews.byId[event.data.taskId];
      if (review?.status === 'closed') {
        const { [event.data.taskId]: _closed, ...open } = this.reviews.byId;
        this.reviews = { byId: open };
      }
    }
  }

  /** A command as an Update would carry it; returns what it appended. */
  command(at: number, command: Command, actor: Actor, correlationId?: string): Array<Event | TaskEvent> {
    const events = this.decider.decide(command, this.state, this.context(at));
    this.commit(at, commandMetadata(actor, correlationId), events);
    return events;
  }

  /** The open task of this stream (there is at most one in these lifecycles). */
  openTaskId(): string | undefined {
    return openReviews(this.reviews)[0]?.taskId;
  }

  /** A reviewer's decision on the open task (`decideTask`). */
  decide(at: number, decision: TaskDecisionValue, actor: Actor, correlationId?: string, reason?: string): void {
    const taskId = this.openTaskId();
    if (!taskId) throw new Error(`${this.head.id} has no open task to decide`);
    const { events } = decideTask({ decider: this.decider, reviews: this.policies }, this.state, { taskId, decision, actor, ...(reason ? { reason } : {}), ...(correlationId ? { correlationId } : {}) }, this.context(at));
    this.commit(at, commandMetadata(actor, correlationId), events);
  }

  /** Reminders and escalations due at `at`, as the host appends them when their timer fires. */
  remind(at: number): void {
    this.commit(at, SYSTEM_METADATA, dueReviewEvents(this.reviews, at));
  }
}
