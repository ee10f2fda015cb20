/**
 * Workflow-side access to a lifecycle's own stream (sandbox-pure). Loading reads it in pages, so a long stream never
 * becomes one huge activity result. Appending stamps each event with a `uuid4()` id and the workflow clock — both
 * replay-deterministic, so every activity retry re-sends identical events — and appends at the revision the
 * workflow holds, advancing it only when the store confirms.
 */
import { proxyActivities, uuid4 } from '@temporalio/workflow';
import type { EventMetadata, NewEvent } from '../../events/store/event-store.js';
import type { EventActivities } from '../activities/append-events.js';
import type { ReadStreamActivities } from '../activities/read-stream.js';
import { type AppendEventsResult, WRONG_EXPECTED_VERSION } from './append-contract.js';
import { FailureType } from './messages.js';

const { appendEvents, readStreamPage } = proxyActivities<EventActivities & ReadStreamActivities>({
  // An append or a page read is a single statement; a slow one is a stuck connection worth retrying elsewhere.
  startToCloseTimeout: '10s',
  // No attempt cap: a store outage should pause the lifecycle, not fail a reviewer's decision. A conflict or data
  // the store refuses fails at once (non-retryable), and the host gives back what the command had claimed.
  retry: {
    initialInterval: '200ms',
    backoffCoefficient: 2,
    maximumInterval: '30s',
    nonRetryableErrorTypes: [WRONG_EXPECTED_VERSION, FailureType.InvalidInput],
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

export { SYSTEM_METADATA, commandMetadata } from './metadata.js';

export const newStreamCursor = (streamId: string): StreamCursor => ({ streamId, revision: 'no_stream' });

export function stampEvents(drafts: EventDraft[]): NewEvent[] {
  // Date.now() is the workflow task's clock inside the sandbox: the same value on every replay.
  const recordedAt = new Date(Date.now()).toISOString();
  return drafts.map((draft) => ({ eventId: uuid4(), recordedAt, ...draft }));
}

export interface Appended extends AppendEventsResult {
  events: NewEvent[];
}

/** Appends and advances `cursor.revision`. Callers serialise appends (the host's mutex), so revisions never race. */
export async function appendToStream(cursor: StreamCursor, drafts: EventDraft[]): Promise<Appended> {
  const events = stampEvents(drafts);
  const result = await appendEvents({ streamId: cursor.streamId, expectedRevision: cursor.revision, events });
  cursor.revision = result.nextExpectedRevision;
  return { ...result, events };
}

/** Folds the whole stream page by page; returns the revision and position reached. */
export async function loadStream(
  streamId: string,
  pageSize: number,
  fold: (event: { type: string; data: unknown }) => void,
): Promise<{ revision: string; position: string }> {
  let revision = 'no_stream';
  let position = '';
  for (;;) {
    const from = revision === 'no_stream' ? '0' : (BigInt(revision) + 1n).toString();
    const page = await readStreamPage({ streamId, fromRevision: from, maxCount: pageSize });
    for (const event of page.events) fold(event);
    if (page.events.length > 0) {
      revision = page.lastRevision;
      position = page.lastPosition;
    }
    if (page.events.length < pageSize) return { revision, position };
  }
}
