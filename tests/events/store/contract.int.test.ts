/**
 * One contract for every EventStore adapter: PGlite and PostgreSQL always, EventStoreDB when EVENTSTORE_URL is set
 * (reported as skipped otherwise — no server can run on this machine).
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../events/store/database.js';
import { type EventStore, type NewEvent, type ReadAllOptions, type RecordedEvent, WrongExpectedVersionError } from '../../../events/store/event-store.js';
import { createEventStoreDbStore } from '../../../events/store/eventstoredb-event-store.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import { openTestDatabase, type TestDatabase } from '../../support/databases.js';

interface Subject {
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

const subjects: Array<[string, () => Promise<Subject>, boolean]> = [
  ['PGlite', () => sqlSubject('pglite'), true],
  ['PostgreSQL', () => sqlSubject('postgres'), true],
  [
    'EventStoreDB',
    async () => ({ store: createEventStoreDbStore(process.env.EVENTSTORE_URL!), concurrentWriters: true, close: async () => {} }),
    Boolean(process.env.EVENTSTORE_URL),
  ],
];

const newEvent = (type: string, data: unknown = {}, metadata = {}): NewEvent => ({
  eventId: crypto.randomUUID(),
  type,
  data,
  metadata,
  recordedAt: '2026-11-28T08:00:00.000Z',
});
const streamOf = (kind: string) => `${kind}-${crypto.randomUUID()}`;

/**
 * readAll until `count` events match. Global order is read below the oldest running transaction of the whole
 * PostgreSQL cluster, so another test's open transaction (in another database) can hide a fresh event briefly.
 */
async function readAllUntil(store: EventStore, options: ReadAllOptions, count: number, keep: (e: RecordedEvent) => boolean = () => true) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const events = (await store.readAll(options)).filter(keep);
    if (events.length >= count || Date.now() > deadline) return events;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function collect(iterable: AsyncIterable<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const event of iterable) {
    out.push(event);
    if (out.length === count) break;
  }
  return out;
}

for (const [name, make, enabled] of subjects) {
  describe.skipIf(!enabled)(`EventStore contract on ${name}`, () => {
    let subject: Subject;
    let store: EventStore;
    beforeAll(async () => {
      subject = await make();
      store = subject.store;
    });
    afterAll(async () => {
      await store?.close();
      await subject?.close();
    });

    it('round-trips events with their data, metadata, revisions and positions', async () => {
      const stream = streamOf('credit');
      const events = [
        newEvent('CreditRecordDrafted', { title: '公需科目培训', hours: '8.0', nested: { b: 1, a: [1, 2] } }, { correlationId: 'c-1', actor: { id: 'p1', role: 'person' } }),
        newEvent('CreditRecordSubmitted', { at: '2026-11-28' }),
      ];
      const result = await store.append(stream, events, { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(1n);

      const read = await store.readStream(stream);
      expect(read.map((e) => [e.revision, e.type, e.eventId])).toEqual([
        [0n, 'CreditRecordDrafted', events[0]!.eventId],
        [1n, 'CreditRecordSubmitted', events[1]!.eventId],
      ]);
      expect(read[0]!.data).toEqual(events[0]!.data);
      expect(read[0]!.metadata).toEqual(events[0]!.metadata);
      expect(read[0]!.recordedAt).toBe('2026-11-28T08:00:00.000Z');
      expect(read[1]!.position).toBe(result.position);
      expect(read[0]!.position < read[1]!.position).toBe(true);
      expect(await store.readStream(streamOf('missing'))).toEqual([]);
      expect(await store.readStream(stream, { fromRevision: 1n })).toHaveLength(1);
    });

    it('keeps revision and global order past ten events in multi-event appends', async () => {
      const stream = streamOf('class');
      const before = await store.headPosition();
      for (let i = 0; i < 12; i += 4) {
        const batch = [0, 1, 2, 3].map((k) => newEvent(`E${i + k}`));
        await store.append(stream, batch, { expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1) });
      }
      const types = Array.from({ length: 12 }, (_, i) => `E${i}`);
      const read = await store.readStream(stream);
      expect(read.map((e) => e.type)).toEqual(types);
      expect(read.map((e) => e.revision)).toEqual(types.map((_, i) => BigInt(i)));
      const all = await readAllUntil(store, { after: before }, 12, (e) => e.streamId === stream);
      expect(all.map((e) => e.type)).toEqual(types);
      const positions = all.map((e) => e.position);
      expect([...positions].sort()).toEqual(positions);
      expect(new Set(positions).size).toBe(12);
      expect(await store.headPosition()).toBe(positions[11]);
    });

    it('refuses no_stream on an existing stream, stream_exists on a missing one, and a stale exact revision', async () => {
      const stream = streamOf('org');
      await store.append(stream, [newEvent('OrgRegistered')], { expectedRevision: 'no_stream' });
      await expect(store.append(stream, [newEvent('OrgRegistered')], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      await expect(store.append(streamOf('org'), [newEvent('X')], { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      await store.append(stream, [newEvent('OrgApproved')], { expectedRevision: 'stream_exists' });
      const stale = store.append(stream, [newEvent('OrgRejected')], { expectedRevision: 0n });
      await expect(stale).rejects.toMatchObject({ name: 'WrongExpectedVersionError', actual: 1n });
      await store.append(stream, [newEvent('OrgSuspended')], { expectedRevision: 1n });
      await store.append(stream, [newEvent('OrgNoted')], { expectedRevision: 'any' });
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['OrgRegistered', 'OrgApproved', 'OrgSuspended', 'OrgNoted']);
    });

    it('stores an idempotent re-append of the same ids at the same expected revision once', async () => {
      const stream = streamOf('binding');
      const first = [newEvent('BindingRequested'), newEvent('ReviewRequested')];
      const a = await store.append(stream, first, { expectedRevision: 'no_stream' });
      const b = await store.append(stream, first, { expectedRevision: 'no_stream' });
      expect(b).toEqual(a);
      const second = [newEvent('BindingConfirmed')];
      const c = await store.append(stream, second, { expectedRevision: 1n });
      // A retry after the stream moved on still answers with the original outcome.
      await store.append(stream, [newEvent('BindingEnded')], { expectedRevision: 2n });
      expect(await store.append(stream, second, { expectedRevision: 1n })).toEqual(c);
      expect(await store.readStream(stream)).toHaveLength(4);
      expect(await store.verifyStream(stream)).toMatchObject({ ok: true, checked: 4 });
    });

    it('refuses different events at a revision that is already taken', async () => {
      const stream = streamOf('enrolment');
      await store.append(stream, [newEvent('EnrolmentRequested')], { expectedRevision: 'no_stream' });
      await store.append(stream, [newEvent('EnrolmentApproved')], { expectedRevision: 0n });
      await expect(store.append(stream, [newEvent('EnrolmentRejected')], { expectedRevision: 0n })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      // Half the same ids, half new: still a conflict, nothing written.
      const mixed = [(await store.readStream(stream))[1]!, newEvent('EnrolmentCancelled')].map((e) => ({
        eventId: e.eventId,
        type: e.type,
        data: {},
      }));
      await expect(store.append(stream, mixed, { expectedRevision: 0n })).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['EnrolmentRequested', 'EnrolmentApproved']);
    });

    it('lets exactly one of many racing writers take a revision, and keeps the chain whole', async () => {
      const stream = streamOf('person');
      await store.append(stream, [newEvent('PersonRegistered')], { expectedRevision: 'no_stream' });
      const racers = Array.from({ length: 6 }, (_, i) => store.append(stream, [newEvent(`ProfileChanged${i}`)], { expectedRevision: 0n }));
      const outcomes = await Promise.allSettled(racers);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedVersionError);
      expect(await store.readStream(stream)).toHaveLength(2);
      expect(await store.verifyStream(stream)).toMatchObject({ ok: true, checked: 2 });
    });

    it('never skips a transaction that commits after a later one (late commit)', async (context) => {
      if (!subject.holdingStore) {
        // PGlite runs every transaction on one connection, one after another: a second writer waits for the first,
        // so a late commit cannot happen. Prove the serialisation instead: B completes only after A.
        if (name !== 'PGlite') context.skip();
      }
      const before = await store.headPosition();
      const streamA = streamOf('late-a');
      const streamB = streamOf('late-b');
      if (subject.holdingStore) {
        const holding = await subject.holdingStore();
        const appendA = holding.store.append(streamA, [newEvent('A')], { expectedRevision: 'no_stream' });
        await holding.committing; // A has inserted (lower sequence number) and is still open
        await store.append(streamB, [newEvent('B')], { expectedRevision: 'no_stream' });
        const whileOpen = (await store.readAll({ after: before })).filter((e) => e.streamId === streamA || e.streamId === streamB);
        expect(whileOpen.map((e) => e.type)).toEqual([]); // B is held back behind A's open transaction
        holding.release();
        await appendA;
        const afterCommit = await readAllUntil(store, { after: before }, 2, (e) => e.streamId === streamA || e.streamId === streamB);
        expect(afterCommit.map((e) => e.type)).toEqual(['A', 'B']);
        expect(await readAllUntil(store, { after: before }, 2, (e) => e.streamId === streamA || e.streamId === streamB)).toEqual(afterCommit); // order stable
        await holding.close();
      } else {
        const order: string[] = [];
        const a = store.append(streamA, [newEvent('A')], { expectedRevision: 'no_stream' }).then(() => order.push('A'));
        const b = store.append(streamB, [newEvent('B')], { expectedRevision: 'no_stream' }).then(() => order.push('B'));
        await Promise.all([a, b]);
        expect(order).toEqual(['A', 'B']);
        const all = await store.readAll({ after: before });
        expect(all.map((e) => e.type)).toEqual(['A', 'B']);
        expect(await store.readAll({ after: before })).toEqual(all);
      }
    });

    it('subscribes from a checkpoint and resumes exactly after it, then follows live appends', async () => {
      const prefix = `sub${crypto.randomBytes(4).toString('hex')}-`;
      const stream = `${prefix}${crypto.randomUUID()}`;
      await store.append(stream, [1, 2, 3, 4, 5].map((n) => newEvent(`E${n}`)), { expectedRevision: 'no_stream' });
      const all = await readAllUntil(store, { filter: { streamPrefixes: [prefix] } }, 5);
      expect(all.map((e) => e.type)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5']);
      const checkpoint = all[2]!.position;

      const controller = new AbortController();
      const subscription = store.subscribe({ after: checkpoint, filter: { streamPrefixes: [prefix] }, pollMs: 5000, signal: controller.signal });
      const received = collect(subscription, 3);
      setTimeout(() => void store.append(stream, [newEvent('E6')], { expectedRevision: 4n }), 50);
      const events = await received;
      controller.abort();
      expect(events.map((e) => e.type)).toEqual(['E4', 'E5', 'E6']);
      expect(events[0]!.position > checkpoint).toBe(true);
      // The live event arrived by wake-up, not by the 5 s poll.
    }, 4000);

    it('bounds readAll, readPage and readHeaders by an inclusive upper position', async () => {
      const prefix = `to${crypto.randomBytes(4).toString('hex')}-`;
      const before = await store.headPosition();
      await store.append(`${prefix}${crypto.randomUUID()}`, [1, 2, 3, 4, 5].map((n) => newEvent(`E${n}`)), { expectedRevision: 'no_stream' });
      const all = await readAllUntil(store, { after: before, filter: { streamPrefixes: [prefix] } }, 5);
      const to = all[2]!.position;
      const bounded = await store.readAll({ after: before, to, filter: { streamPrefixes: [prefix] } });
      expect(bounded.map((e) => e.type)).toEqual(['E1', 'E2', 'E3']);
      expect((await store.readAll({ after: all[0]!.position, to, filter: { streamPrefixes: [prefix] } })).map((e) => e.type)).toEqual(['E2', 'E3']);
      const page = await store.readPage({ after: before, to, filter: { streamPrefixes: [prefix] } });
      expect(page.events.map((e) => e.type)).toEqual(['E1', 'E2', 'E3']);
      expect(page.checkpoint).toBe(to); // scanned up to the bound, not past it
      const headers = await store.readHeaders({ after: all[0]!.position, to });
      expect(headers.events.map((e) => e.type)).toEqual(['E2', 'E3']);
      expect(headers.events[0]).toEqual({ streamId: all[1]!.streamId, revision: 1n, position: all[1]!.position, type: 'E2', recordedAt: all[1]!.recordedAt });
      expect(await store.readAll({ after: to, to })).toEqual([]);
    });

    it('passes a long run of foreign events in a filtered read: the checkpoint moves past them', async () => {
      const prefix = `far${crypto.randomBytes(4).toString('hex')}-`;
      const before = await store.headPosition();
      const foreign = streamOf('foreign');
      for (let i = 0; i < 1000; i += 250) {
        await store.append(foreign, Array.from({ length: 250 }, (_, k) => newEvent(`Foreign${i + k}`)), { expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1) });
      }
      const lastForeign = (await store.readStream(foreign, { fromRevision: 999n }))[0]!.position;
      const filter = { streamPrefixes: [prefix] };
      // Nothing matches yet: paging with the checkpoint still arrives past every foreign event, in a few reads.
      let after = before;
      for (let reads = 0; after < lastForeign; reads++) {
        expect(reads).toBeLessThan(50);
        const page = await store.readPage({ after, filter, limit: 10 });
        expect(page.events).toEqual([]);
        expect(page.checkpoint >= after).toBe(true);
        if (page.checkpoint === after) await new Promise((resolve) => setTimeout(resolve, 20)); // not readable yet
        after = page.checkpoint;
      }
      const { position: match } = await store.append(`${prefix}${crypto.randomUUID()}`, [newEvent('Wanted')], { expectedRevision: 'no_stream' });
      const found = await readAllUntil(store, { after: before, filter, limit: 5 }, 1);
      expect(found.map((e) => e.type)).toEqual(['Wanted']);
      const fromCheckpoint = await readAllUntil(store, { after, filter, limit: 5 }, 1);
      expect(fromCheckpoint.map((e) => e.position)).toEqual([match]);

      const controller = new AbortController();
      const received = collect(store.subscribe({ after: before, filter, pollMs: 5000, signal: controller.signal }), 1);
      expect((await received).map((e) => e.type)).toEqual(['Wanted']);
      controller.abort();
    }, 20_000);

    it('matches any of several filters', async () => {
      const tag = crypto.randomBytes(4).toString('hex');
      const before = await store.headPosition();
      await store.append(`a${tag}-${crypto.randomUUID()}`, [newEvent('Kept'), newEvent('Dropped')], { expectedRevision: 'no_stream' });
      await store.append(`b${tag}-${crypto.randomUUID()}`, [newEvent('Any')], { expectedRevision: 'no_stream' });
      await store.append(`c${tag}-${crypto.randomUUID()}`, [newEvent('Kept')], { expectedRevision: 'no_stream' });
      const filter = [{ streamPrefixes: [`a${tag}-`], eventTypes: ['Kept'] }, { streamPrefixes: [`b${tag}-`] }];
      const events = await readAllUntil(store, { after: before, filter }, 2);
      expect(events.map((e) => `${e.streamId[0]}:${e.type}`)).toEqual(['a:Kept', 'b:Any']);
    });

    it('knows the newest written position, at or after the newest readable one', async () => {
      const { position } = await store.append(streamOf('written'), [newEvent('Written')], { expectedRevision: 'no_stream' });
      expect((await store.writtenPosition()) >= position).toBe(true);
      expect((await store.writtenPosition()) >= (await store.headPosition())).toBe(true);
    });

    it('verifies the hash chain and detects a row altered behind its back', async (context) => {
      const stream = streamOf('dishonesty');
      await store.append(stream, [newEvent('DishonestyRecorded', { reason: '提供虚假材料', hours: 12 })], { expectedRevision: 'no_stream' });
      await store.append(stream, [newEvent('DishonestyRevoked', { reason: '复核撤销' })], { expectedRevision: 0n });
      await store.append(stream, [newEvent('DishonestyNoted', {})], { expectedRevision: 1n });
      const events = await store.readStream(stream);
      expect(events[0]!.prevHash).toBeNull();
      expect(events[1]!.prevHash).toBe(events[0]!.hash);
      expect(await store.verifyStream(stream)).toEqual({ streamId: stream, ok: true, checked: 3 });
      if (!subject.tamper) return context.skip(); // EventStoreDB's log is immutable to clients
      await subject.tamper(stream, 1n, { reason: '复核撤销', forged: true });
      expect(await store.verifyStream(stream)).toMatchObject({ ok: false, brokenAt: 1n });
    });
  });
}
