/**
 * The adapters the EventStore contract runs against — PGlite and PostgreSQL always, EventStoreDB when EVENTSTORE_URL
 * is set (reported as skipped otherwise: no server can run on this machine) — and the helpers its tests share.
 */
import crypto from 'node:crypto';
import { type Database, openDatabase } from '../../../events/store/database.js';
import type { EventStore, NewEvent, ReadAllOptions, RecordedEvent } from '../../../events/store/event-store.js';
import { createEventStoreDbStore } from '../../../events/store/eventstoredb-event-store.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import { openTestDatabase, type TestDatabase } from '../../support/databases.js';

export interface Subject {
  store: EventStore;
  /** Changes a stored event's data behind the store's back (undefined: the engine cannot be altered). */
  tamper?(streamId: string, revision: bigint, data: unknown): Promise<void>;
  /** Can two writers hold open transactions at once (so a late commit is possible)? */
  concurrentWriters: boolean;
  /** A second store on the same data whose next append's INSERT waits before COMMIT until released. */
  holdingStore?(): Promise<{ store: EventStore; committing: Promise<void>; release(): void; close(): Promise<void> }>;
  close(): Promise<void>;
}

/**
 * Wraps a Database so that its next event INSERT runs inside an explicit transaction that stays open (after the
 * insert took its sequence number) until released — the adapter's own SQL, committed late on purpose.
 */
function holdNextInsert(db: Database) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let reached!: () => void;
  const committing = new Promise<void>((resolve) => (reached = resolve));
  let armed = true;
  const held: Database = {
    ...db,
    async query<Row>(text: string, params?: unknown[]) {
      if (!armed || !/INSERT INTO events/.test(text)) return db.query<Row>(text, params);
      armed = false;
      const session = await db.session();
      try {
        await session.query('BEGIN');
        const result = await session.query<Row>(text, params);
        reached();
        await gate;
        await session.query('COMMIT');
        return result;
      } finally {
        await session.release();
      }
    },
  };
  return { held, committing, release };
}

async function sqlSubject(engine: 'pglite' | 'postgres'): Promise<Subject> {
  const db: TestDatabase = await openTestDatabase(engine);
  const store = await createPostgresEventStore(db);
  return {
    store,
    concurrentWriters: engine === 'postgres',
    async tamper(streamId, revision, data) {
      await db.query(`UPDATE events SET data = $3::jsonb WHERE stream_id = $1 AND stream_revision = $2`, [
        streamId,
        revision.toString(),
        JSON.stringify(data),
      ]);
    },
    holdingStore:
      engine === 'postgres'
        ? async () => {
            const second = await openDatabase({ engine: 'postgres', url: db.url! });
            const { held, committing, release } = holdNextInsert(second);
            return { store: await createPostgresEventStore(held), committing, release, close: () => second.close() };
          }
        : undefined,
    close: () => db.drop(),
  };
}

export const subjects: Array<[string, () => Promise<Subject>, boolean]> = [
  ['PGlite', () => sqlSubject('pglite'), true],
  ['PostgreSQL', () => sqlSubject('postgres'), true],
  [
    'EventStoreDB',
    async () => ({ store: createEventStoreDbStore(process.env.EVENTSTORE_URL!), concurrentWriters: true, close: async () => {} }),
    Boolean(process.env.EVENTSTORE_URL),
  ],
];

export const newEvent = (type: string, data: unknown = {}, metadata = {}): NewEvent => ({
  eventId: crypto.randomUUID(),
  type,
  data,
  metadata,
  recordedAt: '2026-11-28T08:00:00.000Z',
});
export const streamOf = (kind: string) => `${kind}-${crypto.randomUUID()}`;

/**
 * readAll until `count` events match. Global order is read below the oldest running transaction of the whole
 * PostgreSQL cluster, so another test's open transaction (in another database) can hide a fresh event briefly.
 */
export async function readAllUntil(store: EventStore, options: ReadAllOptions, count: number, keep: (e: RecordedEvent) => boolean = () => true) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const events = (await store.readAll(options)).filter(keep);
    if (events.length >= count || Date.now() > deadline) return events;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function collect(iterable: AsyncIterable<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const event of iterable) {
    out.push(event);
    if (out.length === count) break;
  }
  return out;
}

