/**
 * What a lifecycle is, as the host runs it (STYLE.md §16): a decider plus a short configuration — its kind (the
 * stream and workflow are `<kind>-<id>`), the Updates it answers and how each maps to a command, the review policy of
 * each task kind it requests, when a run is settled, and its view. Effects (claims, child workflows) sit beside a
 * command when it must change something outside its own stream.
 */
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import type { EventMetadata } from '../../events/store/event-store.js';
import type { Actor, TaskEvent } from '../../events/task.js';
import type { TaskDecisionValue, TaskKind } from '../../events/vocabulary/index.js';
import type { Decider, DomainEvent } from './decider.js';
import type { CommandEnvelope } from './messages.js';
import type { Review, ReviewBook, ReviewPolicy } from './reviews.js';

/** The command the host hands a lifecycle's decider once the review module has accepted a decision. */
export interface ReviewDecided {
  type: 'reviewDecided';
  review: Review;
  decision: TaskDecisionValue;
  reason?: string;
  actor: Actor;
}

export interface CommandOutcome<Event, State> {
  state: State;
  reviews: ReviewBook;
  events: Array<Event | TaskEvent>;
  /** Position of the last appended event (for `?after=` reads). */
  position: string;
  revision: string;
}

/** One command's work outside its own stream, around the append. */
export interface EffectStep<Command, Event, State> {
  command: Command;
  /** What the decider decided, about to be appended. */
  events: Array<Event | TaskEvent>;
  /** The state the command was decided on. */
  state: State;
  now: string;
  metadata: EventMetadata;
  newId(): string;
}

export interface Effects<Command, Event, State> {
  /** Before the append (claim a name, register an account). Returns how to undo it if the append then fails. */
  before?(step: EffectStep<Command, Event, State>): Promise<(() => Promise<void>) | void>;
  /** After the append (give back a name the command no longer uses). */
  after?(step: EffectStep<Command, Event, State>): Promise<void>;
}

export interface CommandBinding<Args extends CommandEnvelope, Command, Event, State, Result> {
  update: UpdateDefinition<Result, [Args]>;
  toCommand(args: Args): Command;
  result(outcome: CommandOutcome<Event, State>): Result;
  effects?: Effects<Command, Event, State>;
}

/**
 * Work a lifecycle does of its own accord while its state calls for it (an import's next chunk of rows): the host asks
 * `next` after every change, runs the item outside the lock — activities that may take minutes, while commands keep
 * being served — and then decides the outcome `run` returns like any command, under the lock, on the state as it is
 * by then. `next` is pure; `run` is workflow code (it calls activities).
 */
export interface Work<Command, State, Item> {
  next(state: State): Item | null;
  run(item: Item, state: State): Promise<{ command: Command; actor: Actor; correlationId?: string }>;
}

export interface Lifecycle<Command, Event extends DomainEvent, State, View> {
  /** The stream kind: `org`, `account`, `binding`… */
  kind: string;
  decider: Decider<Command | ReviewDecided, Event, State>;
  // Bindings differ in their argument and result types; each is checked where `bind` builds it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  commands: Array<CommandBinding<any, Command, Event, State, any>>;
  /** The task kinds this lifecycle requests, each with its policy; present = it answers `decideTask`. */
  reviews?: Partial<Record<TaskKind, ReviewPolicy>>;
  /** Effects of a task decision (e.g. a freed seat goes back to its class), around its append. */
  decisionEffects?: Effects<ReviewDecided, Event, State>;
  /** Work the lifecycle does by itself while its state calls for it. */
  // Items differ per lifecycle; each is checked where the lifecycle declares its work.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  work?: Work<Command, State, any>;
  /** Continue-as-new after this many commands (its own work included), before Temporal would suggest it: a long import's history stays short. */
  commandsPerRun?: number;
  /** When a run may end (default: no open review). */
  settled?(state: State, reviews: ReviewBook): boolean;
  view(state: State, position: string, reviews: ReviewBook): View;
  viewQuery?: QueryDefinition<View | null>;
}

/** `const bind = binder<OrgCommand, OrgEvent, OrgState>()`, then `bind(applyUpdate, {...})` types each binding. */
export const binder =
  <Command, Event, State>() =>
  <Args extends CommandEnvelope, Result>(
    update: UpdateDefinition<Result, [Args]>,
    binding: Omit<CommandBinding<Args, Command, Event, State, Result>, 'update'>,
  ): CommandBinding<Args, Command, Event, State, Result> => ({ update, ...binding });
