/**
 * The lifecycle host (DESIGN.md §4, STYLE.md §16): the one workflow body every lifecycle runs on. A lifecycle brings a
 * pure decider and a short configuration (lifecycle.ts); the host
 * - loads the stream in pages (or takes the state continue-as-new carried over);
 * - serialises Updates with a mutex, so concurrent commands queue and each is decided on the state its
 *   predecessors left (safe-message-handlers pattern) — none is refused as busy;
 * - validates each Update on the current state with the workflow clock, so a refused command leaves no history;
 * - appends at the revision it holds, state advancing only when the store confirms (state = evolve over the stream);
 * - appends review reminders and escalations when they fall due;
 * - does the lifecycle's own work while its state calls for it (lifecycle.ts `Work`), outside the lock;
 * - continues-as-new when Temporal suggests it, carrying state and revision; ends a settled run after an idle window.
 */
import { allHandlersFinished, condition, continueAsNew, log, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import type { EventMetadata } from '../../events/store/event-store.js';
import type { TaskEvent } from '../../events/task.js';
import type { DecideContext, DomainEvent } from './decider.js';
import { toFailure } from './failures.js';
import type { Effects, Lifecycle } from './lifecycle.js';
import { type CommandEnvelope, type LifecycleInput, type TaskDecision, type TaskDecisionResult, decideTaskUpdate } from './messages.js';
import { Mutex } from './mutex.js';
import {
  DEFAULT_REVIEW_TIMES, type ReviewBook, compactReviews, dueReviewEvents, emptyReviewBook, evolveReviews, isReviewEvent, nextReviewDeadline, openReviews,
} from './reviews.js';
import { SYSTEM_METADATA, appendToStream, commandMetadata, loadStream, newStreamCursor } from './stream.js';
import { decideTask } from './task-decision.js';

const DEFAULT_IDLE_MS = 60_000;
const DEFAULT_PAGE_SIZE = 500;
// Validators must not call uuid4(): it advances the seeded generator in code that replay skips.
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

const clock = () => new Date(Date.now()).toISOString(); // the workflow clock: identical on replay

export async function runLifecycle<Command, Event extends DomainEvent, State, View>(
  lifecycle: Lifecycle<Command, Event, State, View>,
  input: LifecycleInput<State>,
): Promise<View | null> {
  const workflowId = workflowInfo().workflowId;
  const reviewTimes = { ...DEFAULT_REVIEW_TIMES, ...input.review };
  const cursor = newStreamCursor(workflowId);
  let state = input.carried?.state ?? lifecycle.decider.initialState(input.id);
  let reviews: ReviewBook = input.carried?.reviews ?? emptyReviewBook();
  let position = input.carried?.position ?? '';
  if (input.carried) cursor.revision = input.carried.revision;
  let loaded = input.carried !== undefined;
  let appends = 0; // bumps on every append: what the main loop waits on
  let commands = 0;
  const mutex = new Mutex();

  const context = (forReal: boolean): DecideContext => ({
    now: clock(),
    newId: forReal ? uuid4 : () => PLACEHOLDER_ID,
    workflowId,
    reviews,
    reviewTimes,
  });

  const fold = (event: { type: string; data: unknown }) => {
    if (isReviewEvent(event)) reviews = evolveReviews(reviews, event);
    else state = lifecycle.decider.evolve(state, event as Event);
  };

  async function commit(events: Array<Event | TaskEvent>, metadata: EventMetadata) {
    if (events.length === 0) return;
    const appended = await appendToStream(cursor, events.map((event) => ({ ...event, metadata })));
    events.forEach(fold);
    position = appended.position;
    appends++;
  }

  // Handlers queue here; the first Update of an update-with-start may arrive before the stream is loaded.
  const exclusive = <R>(work: () => Promise<R>) =>
    mutex.run(async () => {
      await condition(() => loaded);
      return work();
    });

  const guard = <R>(work: () => R): R => {
    try {
      return work();
    } catch (error) {
      throw toFailure(error);
    }
  };

  /** Effects before, the append, effects after: one command's whole write. */
  /**
   * Effects before, then the append — under the lock. Returns the effects to run after, which the caller runs once the
   * lock is released: an after-effect may command another lifecycle that is at that moment commanding this one (a
   * class promoting a person who is cancelling), and holding the lock through it would deadlock the two.
   */
  async function perform<C>(command: C, events: Array<Event | TaskEvent>, now: string, metadata: EventMetadata, effects?: Effects<C, Event, State>) {
    const step = { command, events, state, now, metadata, newId: uuid4 };
    const undo = await effects?.before?.(step);
    try {
      await commit(events, metadata);
    } catch (error) {
      // The append failed for good (a conflict, or data the store refuses): give back what the effects claimed.
      // An undo that fails too (it retries outages, so only on a bug) is logged; the caller hears the first cause.
      if (undo) await undo().catch((undoError: unknown) => log.error('undo failed after a refused append', { error: String(undoError) }));
      throw error;
    }
    commands++;
    return async () => {
      await effects?.after?.(step);
    };
  }

  /** A command under the lock, then its after-effects outside it; the result is the state its append left. */
  async function locked<R>(work: () => Promise<{ result: R; after: () => Promise<void> }>): Promise<R> {
    try {
      const { result, after } = await exclusive(work);
      await after();
      return result;
    } catch (error) {
      throw toFailure(error);
    }
  }

  function execute(name: string, args: CommandEnvelope): Promise<unknown> {
    const binding = lifecycle.commands.find((candidate) => candidate.update.name === name)!;
    return locked(async () => {
      const command = binding.toCommand(args);
      const decided = context(true);
      const events = lifecycle.decider.decide(command, state, decided);
      const after = await perform(command, events, decided.now, commandMetadata(args.actor, args.correlationId), binding.effects);
      return { result: binding.result({ state, reviews, events, position, revision: cursor.revision }), after };
    });
  }

  function executeDecision(decision: TaskDecision): Promise<TaskDecisionResult> {
    return locked(async () => {
      const decided = context(true);
      const { command, events } = decideTaskEvents(decision, decided);
      const after = await perform(command, events, decided.now, commandMetadata(decision.actor, decision.correlationId), lifecycle.decisionEffects);
      const review = reviews.byId[decision.taskId]!;
      const result: TaskDecisionResult = { taskId: review.taskId, status: 'closed', decision: decision.decision, subject: review.subject, position };
      return { result, after };
    });
  }

  const decideTaskEvents = (decision: TaskDecision, decided: DecideContext) => decideTask(lifecycle, state, decision, decided);

  if (lifecycle.viewQuery) setHandler(lifecycle.viewQuery, () => (loaded ? lifecycle.view(state, position, reviews) : null));
  for (const binding of lifecycle.commands) {
    setHandler(binding.update, (args: CommandEnvelope) => execute(binding.update.name, args), {
      // Before the load (update-with-start) there is no state to judge by: the handler decides once it is loaded.
      validator: (args: CommandEnvelope) => {
        if (loaded) guard(() => lifecycle.decider.decide(binding.toCommand(args), state, context(false)));
      },
    });
  }
  if (lifecycle.reviews) {
    setHandler(decideTaskUpdate, (decision) => executeDecision(decision), {
      validator: (decision) => {
        if (loaded) guard(() => decideTaskEvents(decision, context(false)));
      },
    });
  }

  if (!loaded) {
    const reached = await loadStream(cursor.streamId, input.pageSize ?? DEFAULT_PAGE_SIZE, fold);
    cursor.revision = reached.revision;
    position = reached.position;
    loaded = true;
  }
  // A child run started by another lifecycle: the command's failure is the run's failure, which the parent sees.
  if (input.command) {
    const { update, args } = input.command;
    await execute(update, args as CommandEnvelope);
  }

  const commandsPerRun = input.maxCommandsPerRun ?? lifecycle.commandsPerRun;
  const settled = () => (lifecycle.settled ? lifecycle.settled(state, reviews) : openReviews(reviews).length === 0);
  const shouldContinueAsNew = () =>
    workflowInfo().continueAsNewSuggested || (commandsPerRun !== undefined && commands >= commandsPerRun);
  const idleMs = input.idleMs ?? DEFAULT_IDLE_MS;

  for (;;) {
    if (shouldContinueAsNew()) {
      // Queued and running handlers finish first: an Update must never be cut off by the new run.
      await condition(() => allHandlersFinished() && mutex.idle);
      // The workflow function of every lifecycle takes its LifecycleInput as its one argument.
      await continueAsNew<(next: LifecycleInput<State>) => Promise<unknown>>({
        ...input,
        command: undefined,
        carried: { state, reviews: compactReviews(reviews), revision: cursor.revision, position },
      });
    }
    if (dueReviewEvents(reviews, Date.now()).length > 0) {
      // Decided again inside the lock: a decision appending meanwhile may have closed the review, and a reminder or
      // escalation after its completion would be a false fact in the permanent log.
      await exclusive(() => commit(dueReviewEvents(reviews, Date.now()), SYSTEM_METADATA));
      continue;
    }
    const item = lifecycle.work?.next(state);
    if (item !== undefined && item !== null) {
      const outcome = await lifecycle.work!.run(item, state);
      await locked(async () => {
        const decided = context(true);
        const events = lifecycle.decider.decide(outcome.command, state, decided);
        const after = await perform(outcome.command, events, decided.now, commandMetadata(outcome.actor, outcome.correlationId));
        return { result: undefined, after };
      });
      continue;
    }
    const seen = appends;
    const changed = () => appends !== seen || shouldContinueAsNew();
    if (!settled()) {
      const deadline = nextReviewDeadline(reviews);
      if (deadline === undefined) await condition(changed);
      else await condition(changed, Math.max(deadline - Date.now(), 1));
      continue;
    }
    if (!(allHandlersFinished() && mutex.idle)) {
      await condition(() => changed() || (allHandlersFinished() && mutex.idle));
      continue;
    }
    // Settled and idle: wait a while for another command (update-with-start would otherwise start a new run).
    if (idleMs <= 0 || !(await condition(() => changed() || !mutex.idle, idleMs))) break;
  }
  await condition(allHandlersFinished);
  return lifecycle.view(state, position, reviews);
}
