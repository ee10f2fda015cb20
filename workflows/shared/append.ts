/**
 * Workflow-side appends (sandbox-pure: only @temporalio/workflow and pure modules). Stamps each event with a
 * `uuid4()` id and the workflow clock — both replay-deterministic, so every activity retry re-sends identical
 * events — and appends at the revision kept in workflow state, advancing it only when the store confirms.
 */
import { proxyActivities, uuid4 } from '@temporalio/workflow';
import type { EventMetadata, NewEvent } from '../../events/store/event-store.js';
import type { EventActivities } from '../activities/append-events.js';
import { type AppendEventsResult, WRONG_EXPECTED_VERSION } from './append-contract.js';

const { appendEvents } = proxyActivities<EventActivities>({
  // An append is a single statement; a slow one is a stuck connection worth retrying elsewhere.
  startToCloseTimeout: '10s',
  // No attempt cap: a store outage should pause the lifecycle, not fail a reviewer's decision.
  retry: {
    initialInterval: '200ms',
    backoffCoefficient: 2,
    maximumInterval: '30s',
    nonRetryableErrorTypes: [WRONG_EXPECTED_VERSION],
  },
});

export interface EventDraft<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  metadata?: EventMetadata;
}

/** The stream a workflow writes and the revision its state has reached ('no_stream' before the first event). */
export interface StreamCursor {
  streamId: string;
  revision: string;
}

/** Event metadata (DESIGN.md §3) for a command's events: who acted, and the request it belongs to. */
export const commandMetadata = (actor: { id: string; role: string; orgId?: string }, correlationId?: string): EventMetadata => ({
  actor: { id: actor.id, role: actor.role, ...(actor.orgId ? { orgId: actor.orgId } : {}) },
  ...(correlationId ? { correlationId } : {}),
  schemaVersion: 1,
});

export const newStreamCursor = (streamId: string): StreamCursor => ({ streamId, revision: 'no_stream' });

export function stampEvents(drafts: EventDraft[]): NewEvent[] {
  // Date.now() is the workflow task's clock inside the sandbox: the same value on every replay.
  const recordedAt = new Date(Date.now()).toISOString();
  return drafts.map((draft) => ({ eventId: uuid4(), recordedAt, ...draft }));
}

export interface Appended extends AppendEventsResult {
  events: NewEvent[];
}

/**
 * Appends and advances `cursor.revision`. Two handlers appending concurrently would present the same revision and
 * the second would fail as WrongExpectedVersion: handlers claim their phase synchronously before awaiting this.
 */
export async function appendToStream(cursor: StreamCursor, drafts: EventDraft[]): Promise<Appended> {
  const events = stampEvents(drafts);
  const result = await appendEvents({ streamId: cursor.streamId, expectedRevision: cursor.revision, events });
  cursor.revision = result.nextExpectedRevision;
  return { ...result, events };
}
