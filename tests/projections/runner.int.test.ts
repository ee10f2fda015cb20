/**
 * The projection runner on real PGlite and real PostgreSQL: catch-up, NOTIFY wake-up, lag, read-your-writes,
 * rebuild equal to the live tables, version-bump rebuild, and (PostgreSQL) leader/standby failover.
 */
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sql } from '../../events/store/database.js';
import type { EventStore, NewEvent } from '../../events/store/event-store.js';
import { createPostgresEventStore } from '../../events/store/postgres-event-store.js';
import type { AnyProjection, Projection } from '../../projections/projection.js';
import { createProjectionRunner } from '../../projections/runner.js';
import { listStreams, streamCatalog } from '../../projections/stream-catalog.js';
import { catchUpTo } from '../support/catch-up.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../support/databases.js';

const event = (type: string, data: unknown = {}): NewEvent => ({ eventId: crypto.randomUUID(), type, data });

/** A second projection with a filter: hours per person, only from CreditGranted events. */
const hoursByPerson: Projection = {
  name: 'test_hours',
  version: 1,
  tableNames: ['test_hours'],
  tables: `CREATE TABLE IF NOT EXISTS test_hours (person_id text PRIMARY KEY, half_hours integer NOT NULL)`,
  filter: { eventTypes: ['CreditGranted'] },
  async apply(tx: Sql, events) {
    for (const e of events) {
      const { personId, halfHours } = e.data as { personId: string; halfHours: number };
      await tx.query(
        `INSERT INTO test_hours VALUES ($1, $2) ON CONFLICT (person_id) DO UPDATE SET half_hours = test_hours.half_hours + $2`,
        [personId, halfHours],
      );
    }
  },
};

async function snapshot(db: Sql) {
  const catalog = await db.query(`SELECT * FROM stream_catalog ORDER BY stream_id`);
  const hours = await db.query(`SELECT * FROM test_hours ORDER BY person_id`);
  return { catalog: catalog.rows, hours: hours.rows };
}

async function seed(store: EventStore, streams: number, perStream: number): Promise<string> {
  let last = '';
  for (let s = 0; s < streams; s++) {
    const stream = `credit-${crypto.randomUUID()}`;
    for (let i = 0; i < perStream; i++) {
      ({ position: last } = await store.append(stream, [event('CreditGranted', { personId: `p${s % 3}`, halfHours: i + 1 })], {
        expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1),
      }));
    }
  }
  return last;
}

for (const engine of ENGINES) {
  describe(`projection runner on ${engine}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      while (cleanups.length) await cleanups.pop()!();
    });

    async function setup(runnerOptions: { pollMs?: number; batchSize?: number; projections?: AnyProjection[] } = {}) {
      const db: TestDatabase = await openTestDatabase(engine);
      cleanups.push(() => db.drop());
      const store = await createPostgresEventStore(db);
      const make = (extra: { projections?: AnyProjection[] } = {}) => {
        const runner = createProjectionRunner({
          db,
          store,
          projections: extra.projections ?? runnerOptions.projections ?? [streamCatalog, hoursByPerson],
          pollMs: runnerOptions.pollMs ?? 50,
          batchSize: runnerOptions.batchSize ?? 7,
        });
        cleanups.push(() => runner.stop());
        return runner;
      };
      const runner = make();
      await runner.init();
      return { db, store, runner, make };
    }

    it('catches up in batches, applying each event exactly once', async () => {
      const { db, store, runner } = await setup();
      const last = await seed(store, 4, 5);
      expect(await catchUpTo(runner, last)).toBe(20);
      const streams = await listStreams(db, { kind: 'credit' });
      expect(streams).toHaveLength(4);
      for (const row of streams) expect(row).toMatchObject({ revision: 4, eventCount: 5, lastEventType: 'CreditGranted' });
      const { hours } = await snapshot(db);
      // p0 gets streams 0 and 3, each 1+2+3+4+5 half-hours
      expect(hours).toEqual([
        { person_id: 'p0', half_hours: 30 },
        { person_id: 'p1', half_hours: 15 },
        { person_id: 'p2', half_hours: 15 },
      ]);
      expect(await runner.catchUp()).toBe(0);
    });

    it('reports lag and answers read-your-writes waits', async () => {
      const { store, runner } = await setup({ pollMs: 60_000 });
      const stream = `org-${crypto.randomUUID()}`;
      const { position } = await store.append(stream, [event('OrgRegistered'), event('ReviewRequested'), event('OrgNoted')], {
        expectedRevision: 'no_stream',
      });
      // Lag counts readable events; on the shared server another database's open transaction may hide them a moment.
      await expect.poll(async () => (await runner.status()).lag, { timeout: 5_000 }).toBe(3);
      expect(await runner.waitFor(position, 150)).toBe(false); // runner not started: bounded wait gives up
      runner.start();
      // The 60 s poll would be far too slow: this passes only because NOTIFY wakes the runner.
      expect(await runner.waitFor(position, 5_000)).toBe(true);
      const next = await store.append(stream, [event('OrgApproved')], { expectedRevision: 2n });
      expect(await runner.waitFor(next.position, 5_000)).toBe(true);
      expect(await runner.status()).toMatchObject({ lag: 0, position: next.position, leader: true });
    });

    it('rebuilds from zero to exactly the live tables', async () => {
      const { db, store, runner } = await setup();
      runner.start();
      await seed(store, 3, 4);
      const last = await store.append(`person-${crypto.randomUUID()}`, [event('PersonRegistered')], { expectedRevision: 'no_stream' });
      const end = await seed(store, 2, 3);
      expect(last.position < end).toBe(true);
      expect(await runner.waitFor(end, 10_000)).toBe(true);
      const live = await snapshot(db);
      expect(live.catalog).toHaveLength(6);

      // rebuild() replays what is readable now; the running runner applies the rest, so wait for the end again.
      await runner.rebuild();
      expect(await runner.waitFor(end, 10_000)).toBe(true);
      expect(await snapshot(db)).toEqual(live);
      await runner.rebuild('test_hours');
      expect(await runner.waitFor(end, 10_000)).toBe(true);
      expect(await snapshot(db)).toEqual(live);
    });

    it('rebuilds a projection whose version changed at the next init', async () => {
      const { db, store, runner, make } = await setup();
      await catchUpTo(runner, await seed(store, 2, 2));
      await db.query(`UPDATE test_hours SET half_hours = 0`); // drift that only a rebuild repairs
      const bumped = make({ projections: [streamCatalog, { ...hoursByPerson, version: 2 }] });
      await bumped.init();
      await catchUpTo(bumped, await store.headPosition());
      const { hours } = await snapshot(db);
      expect(hours.map((row) => row.half_hours)).toEqual([3, 3]);
    });

    it('re-reads when a checkpoint moves back between reading a batch and applying it', async () => {
      const { db, store, runner } = await setup();
      await catchUpTo(runner, await seed(store, 2, 3));
      const end = await seed(store, 1, 2);
      // Another process resets test_hours (a rebuild after a version bump) just after this runner read its batch.
      let armed = true;
      const racing: EventStore = {
        ...store,
        async readAll(options) {
          const events = await store.readAll(options);
          if (armed && events.length > 0) {
            armed = false;
            await db.transaction(async (tx) => {
              await tx.exec(`DELETE FROM test_hours`);
              await tx.query(`UPDATE projection_checkpoints SET position = '' WHERE name = 'test_hours'`);
            });
          }
          return events;
        },
      };
      const second = createProjectionRunner({ db, store: racing, projections: [streamCatalog, hoursByPerson], batchSize: 7 });
      cleanups.push(() => second.stop());
      await catchUpTo(second, end);
      expect((await snapshot(db)).hours).toEqual([
        { person_id: 'p0', half_hours: 9 },
        { person_id: 'p1', half_hours: 6 },
      ]);
    });

    it.runIf(engine === 'postgres')('survives the server dropping its lock and LISTEN connections, and leads again', async () => {
      const { db, store, runner } = await setup({ pollMs: 50 });
      runner.start();
      await expect.poll(async () => (await runner.status()).leader, { timeout: 5_000 }).toBe(true);
      // What a PostgreSQL restart or failover does to long-held connections: an 'error' on an idle client.
      await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
      const { position } = await store.append(`org-${crypto.randomUUID()}`, [event('OrgRegistered')], { expectedRevision: 'no_stream' });
      expect(await runner.waitFor(position, 10_000)).toBe(true);
    });

    it.runIf(engine === 'postgres')('hands over to a standby when the leader stops', async () => {
      const { store, runner, make } = await setup({ pollMs: 40 });
      const standby = make();
      runner.start();
      await new Promise((resolve) => setTimeout(resolve, 200));
      standby.start();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await runner.status()).leader).toBe(true);
      expect((await standby.status()).leader).toBe(false);
      await runner.stop();
      const { position } = await store.append(`org-${crypto.randomUUID()}`, [event('OrgRegistered')], { expectedRevision: 'no_stream' });
      expect(await standby.waitFor(position, 5_000)).toBe(true);
      expect((await standby.status()).leader).toBe(true);
    });
  });
}
