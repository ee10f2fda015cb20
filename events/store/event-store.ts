/**
 * The EventStore port: EventStoreDB semantics that every adapter (PostgreSQL, PGlite, EventStoreDB) honours.
 * Pure types and errors only — the workflow sandbox may import the types, never an adapter.
 */

/** ESDB's expected-revision rules; a bigint is the exact 0-based revision of the stream's last event. */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | bigint;

/** Opaque, lexicographically ordered global position. Compare with `<`, never parse outside an adapter. */
export type Position = string;

/** The position before the first event. */
export const START: Position = '';

export interface EventMetadata {
  actor?: { id: string; role: string; orgId?: string };
  correlationId?: string;
  causationId?: string;
  schemaVersion?: number;
  [key: string]: unknown;
}

/** What a caller appends. Ids are the caller's (idempotency); time is the caller's (determinism). */
export interface NewEvent<Type extends string = string, Data = unknown> {
  eventId: string;
  type: Type;
  data: Data;
  metadata?: EventMetadata;
  /** ISO 8601 UTC; defaults to the store's clock when the caller has none (never in workflows). */
  recordedAt?: string;
}

/** Where an event sits and what it is: all a fold over streams, types and positions needs (stream_catalog). */
export interface EventHeader<Type extends string = string> {
  streamId: string;
  revision: bigint;
  position: Position;
  type: Type;
  recordedAt: string;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> extends EventHeader<Type> {
  eventId: string;
  data: Data;
  metadata: EventMetadata;
  prevHash: string | null;
  hash: string;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextExpectedRevision: bigint;
  /** Global position of the last appended event (or of the already-stored one on an idempotent retry). */
  position: Position;
}

export interface ReadStreamOptions {
  fromRevision?: bigint;
  maxCount?: number;
}

export interface EventFilter {
  streamPrefixes?: string[];
  eventTypes?: string[];
}

export interface ReadAllOptions {
  /** Exclusive lower bound. */
  after?: Position;
  /** Inclusive upper bound: nothing after it is read (an auditor's "as of" position). */
  to?: Position;
  limit?: number;
  /** One filter, or several of which an event must match any one. */
  filter?: EventFilter | EventFilter[];
}

/**
 * One page of the global order and how far it looked. A filtered read passes over events that do not match;
 * `checkpoint` is the last position it scanned (matching or not), so a caller that resumes after it never scans a
 * long run of foreign events twice — and, on EventStoreDB, where a page scans a bounded number of events, is never
 * stalled by one. It equals `after` (or START) when nothing new was scanned.
 */
export interface EventPage<E extends EventHeader = RecordedEvent> {
  events: E[];
  checkpoint: Position;
}

export interface SubscribeOptions {
  after?: Position;
  filter?: EventFilter;
  batchSize?: number;
  /** Poll interval when no wake-up arrives (ms). */
  pollMs?: number;
  signal?: AbortSignal;
}

export interface ChainVerification {
  streamId: string;
  ok: boolean;
  checked: number;
  /** Revision of the first event whose stored hash does not match its content or its predecessor. */
  brokenAt?: bigint;
  reason?: string;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult>;
  /** Events of one stream in revision order; an empty array when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Events of all streams in global order, strictly after `after` and up to `to`, at most `limit` matching ones
   * however many others lie between. A late-committing write is never skipped.
   */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** One page of readAll with the position it scanned to; resume after `checkpoint`. */
  readPage(options?: ReadAllOptions): Promise<EventPage>;
  /** readPage without payloads, ids and hashes: a fraction of the transfer for folds that need only headers. */
  readHeaders(options?: ReadAllOptions): Promise<EventPage<EventHeader>>;
  /** Catch-up then live: yields every event after `after` in global order until the signal aborts. */
  subscribe(options?: SubscribeOptions): AsyncIterable<RecordedEvent>;
  /** Position of the newest event readable by readAll (START when empty). Everything up to it is final. */
  headPosition(): Promise<Position>;
  /**
   * Position of the newest event written. On PostgreSQL it can be ahead of headPosition while an older transaction
   * is still open: use it to tell a position that exists from one that cannot exist yet, never as a checkpoint.
   */
  writtenPosition(): Promise<Position>;
  /** Recomputes the stream's hash chain from the stored content. */
  verifyStream(streamId: string): Promise<ChainVerification>;
  /** Cheap liveness probe for /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The stream's current revision does not match what the caller expected (or ids differ on a retry). */
export class WrongExpectedVersionError extends Error {
  override readonly name = 'WrongExpectedVersionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/** The store cannot be reached or has been closed. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** Parses/prints the ExpectedRevision as it crosses JSON (workflow → activity payloads cannot carry bigint). */
export const expectedRevisionToJson = (e: ExpectedRevision): string => (typeof e === 'bigint' ? e.toString() : e);
export const expectedRevisionFromJson = (s: string): ExpectedRevision =>
  s === 'no_stream' || s === 'any' || s === 'stream_exists' ? s : BigInt(s);

export function matchesFilter(event: { streamId: string; type: string }, filter?: EventFilter | EventFilter[]): boolean {
  if (!filter) return true;
  if (Array.isArray(filter)) return filter.some((one) => matchesFilter(event, one));
  if (filter.streamPrefixes && !filter.streamPrefixes.some((p) => event.streamId.startsWith(p))) return false;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  return true;
}
