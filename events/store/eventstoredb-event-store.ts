/**
 * The EventStore port on EventStoreDB (production). Kept in this one file so that a move to
 * `@kurrent/kurrentdb-client` (expectedRevision → streamState, KurrentDBClient) is a one-file change.
 * ESDB does the idempotency itself (same ids at the same expected revision); the hash chain rides in metadata.
 */
import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START as ESDB_START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  type AppendExpectedRevision,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  eventTypeFilter,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  type AppendResult,
  type ChainVerification,
  type EventFilter,
  type EventMetadata,
  type EventPage,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
  START,
  StoreUnavailableError,
  WrongExpectedVersionError,
  matchesFilter,
} from './event-store.js';
import { eventHash, verifyChain } from './hash-chain.js';
import { subscribeByPolling } from './subscription.js';

/** Events a page looks at, at most, before it returns what matched so far with its checkpoint. */
const SCAN_LIMIT = 4096;

/** Our recorded fields live under one metadata key so user metadata round-trips untouched. */
const OURS = 'jxjy';
interface Stamped {
  recordedAt: string;
  prevHash: string | null;
  hash: string;
}

const pad = (n: bigint): string => n.toString().padStart(20, '0');
const formatPosition = (p: { commit: bigint; prepare: bigint }): Position => `${pad(p.commit)}:${pad(p.prepare)}`;
function parsePosition(position: Position): { commit: bigint; prepare: bigint } {
  const [commit, prepare] = position.split(':');
  return { commit: BigInt(commit ?? '0'), prepare: BigInt(prepare ?? '0') };
}

const toEsdbExpected = (expected: ExpectedRevision): AppendExpectedRevision =>
  expected === 'any' ? ANY : expected === 'no_stream' ? NO_STREAM : expected === 'stream_exists' ? STREAM_EXISTS : expected;

function toRecorded(resolved: ResolvedEvent): RecordedEvent | null {
  const event = resolved.event;
  if (!event || !event.isJson) return null;
  const { [OURS]: stamped, ...metadata } = (event.metadata ?? {}) as EventMetadata & { [OURS]?: Stamped };
  if (!stamped) return null; // not written by jxjy (system or foreign events)
  return {
    eventId: event.id,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position ? formatPosition(event.position) : START,
    type: event.type,
    data: event.data,
    metadata,
    recordedAt: stamped.recordedAt,
    prevHash: stamped.prevHash,
    hash: stamped.hash,
  };
}

function unavailable(error: unknown): never {
  const name = (error as Error).constructor?.name ?? '';
  if (/Unavailable|NotLeader|Deadline/i.test(name)) throw new StoreUnavailableError((error as Error).message);
  throw error;
}

export function createEventStoreDbStore(connectionString: string, options: { now?: () => Date } = {}): EventStore {
  const client = EventStoreDBClient.connectionString(connectionString);
  const now = options.now ?? (() => new Date());
  let closed = false;

  async function readStream(streamId: string, read: { fromRevision?: bigint; maxCount?: number } = {}): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    try {
      for await (const resolved of client.readStream(streamId, {
        fromRevision: read.fromRevision ?? ESDB_START,
        direction: FORWARDS,
        maxCount: read.maxCount ?? Number.MAX_SAFE_INTEGER,
      })) {
        const recorded = toRecorded(resolved);
        if (recorded) out.push(recorded);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      unavailable(error);
    }
    return out;
  }

  async function lastEvent(streamId: string): Promise<RecordedEvent | null> {
    try {
      for await (const resolved of client.readStream(streamId, { fromRevision: END, direction: BACKWARDS, maxCount: 1 })) {
        return toRecorded(resolved);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      unavailable(error);
    }
    return null;
  }

  async function append(
    streamId: string,
    given: NewEvent[],
    { expectedRevision = 'any' }: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    if (given.length === 0) throw new TypeError('append needs at least one event');
    // Ids are hashed and compared in lower case, as the PostgreSQL adapter stores them.
    const events = given.map((event) => ({ ...event, eventId: event.eventId.toLowerCase() }));
    // The chain's own fields live beside the event, never in its metadata (the published hash input has them once).
    if (events.some((event) => event.metadata && ('prevHash' in event.metadata || 'hash' in event.metadata))) {
      throw new TypeError('event metadata must not carry prevHash or hash');
    }
    const head = await lastEvent(streamId);
    // The chain links to the event at the expected revision. On an idempotent retry the server ignores our
    // (recomputed) hashes and keeps the stored ones, so a retry never forks the chain.
    let prevHash = head?.hash ?? null;
    let revision = head ? head.revision + 1n : 0n;
    if (typeof expectedRevision === 'bigint' && head && expectedRevision < head.revision) {
      const at = (await readStream(streamId, { fromRevision: expectedRevision, maxCount: 1 }))[0];
      prevHash = at?.hash ?? null;
      revision = expectedRevision + 1n;
    } else if (expectedRevision === 'no_stream' && head) {
      prevHash = null;
      revision = 0n;
    }
    const payload = events.map((event) => {
      const recordedAt = new Date(event.recordedAt ?? now()).toISOString();
      const metadata = event.metadata ?? {};
      const hash = eventHash({ streamId, revision, eventId: event.eventId, type: event.type, recordedAt, data: event.data, metadata, prevHash });
      const stamped: Stamped = { recordedAt, prevHash, hash };
      prevHash = hash;
      revision += 1n;
      return jsonEvent({ id: event.eventId, type: event.type, data: (event.data ?? null) as never, metadata: { ...metadata, [OURS]: stamped } });
    });
    try {
      const result = await client.appendToStream(streamId, payload, { expectedRevision: toEsdbExpected(expectedRevision) });
      return {
        nextExpectedRevision: result.nextExpectedRevision,
        position: result.position ? formatPosition(result.position) : await headPosition(),
      };
    } catch (error) {
      if (error instanceof EsdbWrongExpectedVersionError) {
        const actual = error.actualVersion;
        throw new WrongExpectedVersionError(streamId, expectedRevision, typeof actual === 'bigint' ? actual : 'no_stream');
      }
      unavailable(error);
    }
  }

  function esdbFilter(filter?: EventFilter) {
    if (filter?.streamPrefixes) return streamNameFilter({ prefixes: filter.streamPrefixes });
    if (filter?.eventTypes) return eventTypeFilter({ prefixes: filter.eventTypes });
    return excludeSystemEvents();
  }

  /**
   * One page of $all. This client has no server-side filter for reads (only for subscriptions), so the filter runs
   * here — over at most SCAN_LIMIT events per page, whose last position becomes the checkpoint whether it matched or
   * not. A long run of foreign or system events therefore moves a caller forward page by page instead of stalling it.
   */
  async function readPage(read: ReadAllOptions = {}): Promise<EventPage & { end: boolean }> {
    const limit = read.limit ?? 1000;
    const events: RecordedEvent[] = [];
    let checkpoint = read.after ?? START;
    let scanned = 0;
    try {
      const from = read.after ? parsePosition(read.after) : ESDB_START;
      for await (const resolved of client.readAll({ fromPosition: from, direction: FORWARDS, maxCount: SCAN_LIMIT + 1 })) {
        scanned += 1;
        const at = resolved.event?.position;
        if (!at) continue;
        const position = formatPosition(at);
        // ESDB's fromPosition is inclusive for reads; ours is exclusive.
        if (read.after && position <= read.after) continue;
        if (read.to !== undefined && position > read.to) return { events, checkpoint, end: true };
        checkpoint = position;
        const recorded = toRecorded(resolved);
        if (recorded && matchesFilter(recorded, read.filter)) events.push(recorded);
        if (events.length === limit) return { events, checkpoint, end: false };
      }
    } catch (error) {
      unavailable(error);
    }
    return { events, checkpoint, end: scanned <= SCAN_LIMIT };
  }

  /** Pages until `limit` events match or the end (or `to`) is reached: never fewer because others lie between. */
  async function readAll(read: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = read.limit ?? 1000;
    const out: RecordedEvent[] = [];
    let after = read.after;
    for (;;) {
      const page = await readPage({ ...read, after, limit: limit - out.length });
      out.push(...page.events);
      if (out.length >= limit || page.end || page.checkpoint === (after ?? START)) return out;
      after = page.checkpoint;
    }
  }

  async function headPosition(): Promise<Position> {
    // Past system and foreign events, as far back as a page scans.
    for await (const resolved of client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: SCAN_LIMIT })) {
      const recorded = toRecorded(resolved);
      if (recorded) return recorded.position;
    }
    return START;
  }

  /** The newest event of any kind: every position a jxjy append returned is at or before it. */
  async function writtenPosition(): Promise<Position> {
    try {
      for await (const resolved of client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 })) {
        if (resolved.event?.position) return formatPosition(resolved.event.position);
      }
    } catch (error) {
      unavailable(error);
    }
    return START;
  }

  async function verifyStream(streamId: string): Promise<ChainVerification> {
    return verifyChain(streamId, await readStream(streamId));
  }

  return {
    append,
    readStream,
    readAll,
    readPage: async (read?: ReadAllOptions) => {
      const { events, checkpoint } = await readPage(read);
      return { events, checkpoint };
    },
    // The gRPC read returns whole events; the headers are cut from them.
    readHeaders: async (read?: ReadAllOptions) => {
      const { events, checkpoint } = await readPage(read);
      return { events: events.map(({ streamId, revision, position, type, recordedAt }) => ({ streamId, revision, position, type, recordedAt })), checkpoint };
    },
    headPosition,
    writtenPosition,
    verifyStream,
    // A catch-up subscription over polling keeps one code path and one checkpoint format with the SQL adapters;
    // the server-side filter is applied by readAll. Wake-ups come from ESDB's live subscription.
    subscribe: (options: SubscribeOptions = {}) =>
      subscribeByPolling(
        {
          readPage,
          isClosed: () => closed,
          async wake(onWake) {
            const live = client.subscribeToAll({ fromPosition: END, filter: esdbFilter(options.filter) });
            live.on('data', () => onWake());
            live.on('error', () => {
              /* polling continues without wake-ups */
            });
            return async () => {
              await live.unsubscribe();
            };
          },
        },
        options,
      ),
    async ping() {
      if (closed) throw new StoreUnavailableError('the event store is closed');
      try {
        await headPosition();
      } catch (error) {
        unavailable(error);
      }
    },
    async close() {
      closed = true;
      await client.dispose();
    },
  };
}
