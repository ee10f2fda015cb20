/**
 * The EventStore port on PostgreSQL — the same code on PGlite (embedded default) and on a PostgreSQL server.
 * This file writes (schema, append, ESDB's idempotency rule); postgres-reads.ts reads in global order.
 */
import type { Database } from './database.js';
import {
  type AppendResult,
  type ChainVerification,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type SubscribeOptions,
  StoreUnavailableError,
  WrongExpectedVersionError,
} from './event-store.js';
import { eventHash, verifyChain } from './hash-chain.js';
import { createPostgresReads, formatPosition } from './postgres-reads.js';
import { subscribeByPolling } from './subscription.js';

export const EVENTS_CHANNEL = 'jxjy_events';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  global_position bigserial NOT NULL,
  transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
  stream_id       text NOT NULL,
  stream_revision bigint NOT NULL,
  event_id        uuid NOT NULL UNIQUE,
  event_type      text NOT NULL,
  data            jsonb NOT NULL,
  metadata        jsonb NOT NULL,
  recorded_at     text NOT NULL,
  prev_hash       text,
  hash            text NOT NULL,
  PRIMARY KEY (stream_id, stream_revision)
);
CREATE INDEX IF NOT EXISTS events_global_order ON events (transaction_id, global_position);
`;

interface StoredId {
  eventId: string;
  streamId: string;
  revision: string;
  transactionId: string;
  globalPosition: string;
}

export interface PostgresEventStoreOptions {
  /** Injected clock for events that arrive without `recordedAt` (never used by workflows, which stamp their own). */
  now?: () => Date;
}

export async function createPostgresEventStore(db: Database, options: PostgresEventStoreOptions = {}): Promise<EventStore> {
  await db.exec(SCHEMA);
  const now = options.now ?? (() => new Date());
  const reads = createPostgresReads(db);

  async function append(
    streamId: string,
    given: NewEvent[],
    { expectedRevision = 'any' }: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    if (given.length === 0) throw new TypeError('append needs at least one event');
    // The uuid column gives ids back in lower case: hash and compare them that way, or an upper-case id would break its own chain.
    const events = given.map((event) => ({ ...event, eventId: event.eventId.toLowerCase() }));
    // The chain's own fields live beside the event, never in its metadata (the published hash input has them once).
    if (events.some((event) => event.metadata && ('prevHash' in event.metadata || 'hash' in event.metadata))) {
      throw new TypeError('event metadata must not carry prevHash or hash');
    }
    const ids = events.map((event) => event.eventId);
    // Two round trips, no explicit transaction: read the head, then one INSERT statement (atomic on its own). The
    // stored ids are looked up only when something is off — a stale revision or a unique violation — which is where
    // an idempotent retry or a racing writer shows up.
    for (let attempt = 0; ; attempt++) {
      const head = (
        await db.query<{ stream_revision: string; hash: string }>(
          `SELECT e.stream_revision::text AS stream_revision, e.hash FROM events e WHERE e.stream_id = $1
           ORDER BY e.stream_revision DESC LIMIT 1`,
          [streamId],
        )
      ).rows[0];
      const actual = head ? BigInt(head.stream_revision) : -1n;
      const fits =
        expectedRevision === 'any' ||
        (expectedRevision === 'no_stream' && actual === -1n) ||
        (expectedRevision === 'stream_exists' && actual >= 0n) ||
        (typeof expectedRevision === 'bigint' && expectedRevision === actual);
      if (!fits) {
        const replay = await idempotentReplay(streamId, ids, expectedRevision, actual);
        if (replay) return replay;
        throw new WrongExpectedVersionError(streamId, expectedRevision, actual === -1n ? 'no_stream' : actual);
      }
      try {
        return await insert(streamId, events, actual, head?.hash ?? null);
      } catch (error) {
        if ((error as { code?: string }).code !== '23505') throw error;
        // A writer took this revision between our read and our insert, or these ids are stored already ('any').
        const replay = await idempotentReplay(streamId, ids, expectedRevision, actual);
        if (replay) return replay;
        if (attempt >= 2) throw error;
      }
    }
  }

  async function insert(streamId: string, events: NewEvent[], actual: bigint, headHash: string | null): Promise<AppendResult> {
    let prevHash = headHash;
    const records = events.map((event, index) => {
      const revision = actual + 1n + BigInt(index);
      const recordedAt = new Date(event.recordedAt ?? now()).toISOString();
      const metadata = event.metadata ?? {};
      const hash = eventHash({ streamId, revision, eventId: event.eventId, type: event.type, recordedAt, data: event.data, metadata, prevHash });
      const record = { stream_revision: revision.toString(), event_id: event.eventId, event_type: event.type, data: event.data ?? null, metadata, recorded_at: recordedAt, prev_hash: prevHash, hash };
      prevHash = hash;
      return record;
    });
    // One statement for the whole batch (PGlite pays a round trip per statement); NOTIFY is delivered at commit.
    const inserted = await db.query<{ global_position: string; transaction_id: string }>(
      `WITH inserted AS (
         INSERT INTO events (stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, prev_hash, hash)
         SELECT $1, r.stream_revision, r.event_id, r.event_type, r.data, r.metadata, r.recorded_at, r.prev_hash, r.hash
         FROM jsonb_to_recordset($2::jsonb) AS r(stream_revision bigint, event_id uuid, event_type text, data jsonb,
           metadata jsonb, recorded_at text, prev_hash text, hash text)
         ORDER BY r.stream_revision
         RETURNING global_position, transaction_id)
       SELECT max(global_position)::text AS global_position, max(transaction_id::text) AS transaction_id,
              (SELECT pg_notify('${EVENTS_CHANNEL}', '')) AS notified
       FROM inserted`,
      [streamId, JSON.stringify(records)],
    );
    const last = inserted.rows[0]!;
    return {
      nextExpectedRevision: actual + BigInt(events.length),
      position: formatPosition(last.transaction_id, last.global_position),
    };
  }

  /**
   * ESDB's idempotency rule: the same event ids re-sent at the same expected revision succeed without a second
   * write. None of the ids stored → null (a plain conflict or race); some stored, but not exactly where this append
   * would have put them → a conflict.
   */
  async function idempotentReplay(streamId: string, ids: string[], expected: ExpectedRevision, actual: bigint): Promise<AppendResult | null> {
    const { rows } = await db.query<StoredId>(
      `SELECT x.event_id::text AS "eventId", x.stream_id AS "streamId", x.stream_revision::text AS revision,
              x.transaction_id::text AS "transactionId", x.global_position::text AS "globalPosition"
       FROM events x WHERE x.event_id = ANY($1::uuid[])`,
      [ids],
    );
    if (rows.length === 0) return null;
    const byId = new Map(rows.map((row) => [row.eventId.toLowerCase(), row]));
    const first = typeof expected === 'bigint' ? expected + 1n : expected === 'no_stream' ? 0n : undefined;
    const matches = ids.every((id, index) => {
      const row = byId.get(id.toLowerCase());
      if (!row || row.streamId !== streamId) return false;
      return first === undefined || BigInt(row.revision) === first + BigInt(index);
    });
    if (!matches) throw new WrongExpectedVersionError(streamId, expected, actual === -1n ? 'no_stream' : actual);
    const last = byId.get(ids[ids.length - 1]!.toLowerCase())!;
    return { nextExpectedRevision: BigInt(last.revision), position: formatPosition(last.transactionId, last.globalPosition) };
  }

  async function verifyStream(streamId: string): Promise<ChainVerification> {
    return verifyChain(streamId, await reads.readStream(streamId));
  }

  let closed = false;
  return {
    ...reads,
    append,
    verifyStream,
    subscribe: (subscription: SubscribeOptions = {}) =>
      subscribeByPolling({ readPage: reads.readPage, wake: (onWake) => db.listen(EVENTS_CHANNEL, onWake), isClosed: () => closed }, subscription),
    async ping() {
      if (closed) throw new StoreUnavailableError('the event store is closed');
      await db.query('SELECT 1');
    },
    async close() {
      closed = true;
    },
  };
}
