/**
 * Each projection on its own checkpoint, on real PGlite and PostgreSQL: one whose apply throws on a certain event
 * is rolled back and retried with its error and lag in status() while the others stay current; it catches up,
 * exactly once, when it stops failing; and read-your-writes waits only for the projections it names.
 */
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sql } from '../../events/store/database.js';
import type { NewEvent } from '../../events/store/event-store.js';
import { createPostgresEventStore } from '../../events/store/postgres-event-store.js';
import type { Projection } from '../../projections/projection.js';
import { createProjectionRunner } from '../../projections/runner.js';
import { streamCatalog } from '../../projections/stream-catalog.js';
import { ENGINES, openTestDatabase } from '../support/databases.js';

const event = (type: string, data: unknown = {}): NewEvent => ({ eventId: crypto.randomUUID(), type, data });

/** Counts events per type; throws on a `Poison` event while `broken` is set. */
function countingProjection(name: string, state: { broken: boolean }): Projection {
  return {
    name,
    version: 1,
    tableNames: [name],
    tables: `CREATE TABLE IF NOT EXISTS ${name} (type text PRIMARY KEY, n integer NOT NULL)`,
    async apply(tx: Sql, events) {
      if (state.broken && events.some((e) => e.type === 'Poison')) throw new Error(`${name} cannot fold Poison`);
      for (const e of events) {
        await tx.query(`INSERT INTO ${name} VALUES ($1, 1) ON CONFLICT (type) DO UPDATE SET n = ${name}.n + 1`, [e.type]);
      }
    },
  };
}

const counts = async (db: Sql, table: string) =>
  Object.fromEntries((await db.query<{ type: string; n: number }>(`SELECT type, n FROM ${table} ORDER BY type`)).rows.map((r) => [r.type, r.n]));

for (const engine of ENGINES) {
  describe(`projection failure isolation on ${engine}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      while (cleanups.length) await cleanups.pop()!();
    });

    async function setup() {
      const db = await openTestDatabase(engine);
      cleanups.push(() => db.drop());
      const store = await createPostgresEventStore(db);
      const state = { broken: true };
      const runner = createProjectionRunner({
        db,
        store,
        projections: [streamCatalog, countingProjection('healthy', { broken: false }), countingProjection('fragile', state)],
        pollMs: 40,
        batchSize: 4,
      });
      cleanups.push(() => runner.stop());
      await runner.init();
      return { db, store, runner, state };
    }

    it('keeps the others current while one fails, shows its error and lag, and catches it up once it stops failing', async () => {
      const { db, store, runner, state } = await setup();
      const stream = `test-${crypto.randomUUID()}`;
      await store.append(stream, [event('A'), event('A'), event('Poison'), event('B')], { expectedRevision: 'no_stream' });
      runner.start();
      const { position: last } = await store.append(stream, [event('B'), event('C')], { expectedRevision: 3n });

      expect(await runner.waitFor(last, 10_000, ['stream_catalog', 'healthy'])).toBe(true);
      expect(await counts(db, 'healthy')).toEqual({ A: 2, B: 2, C: 1, Poison: 1 });
      expect(await runner.waitFor(last, 300, ['fragile'])).toBe(false);
      expect(await runner.waitFor(last, 50)).toBe(false); // all of them: fragile holds it back
      await expect.poll(async () => (await runner.status()).projections.find((p) => p.name === 'fragile')?.error).toBe('fragile cannot fold Poison');
      const status = await runner.status();
      expect(status.projections).toEqual([
        { name: 'stream_catalog', position: last, lag: 0 },
        { name: 'healthy', position: last, lag: 0 },
        { name: 'fragile', position: expect.any(String), lag: 6, error: 'fragile cannot fold Poison' },
      ]);
      expect(status).toMatchObject({ lag: 6, leader: true, position: status.projections[2]!.position });
      expect(await counts(db, 'fragile')).toEqual({}); // its failed batch was rolled back whole

      // New events still reach the healthy projections while the fragile one keeps retrying.
      const { position: later } = await store.append(stream, [event('D')], { expectedRevision: 5n });
      expect(await runner.waitFor(later, 10_000, ['healthy'])).toBe(true);

      state.broken = false;
      expect(await runner.waitFor(later, 10_000, ['fragile'])).toBe(true);
      expect(await counts(db, 'fragile')).toEqual(await counts(db, 'healthy'));
      const recovered = await runner.status();
      expect(recovered.projections.find((p) => p.name === 'fragile')).toEqual({ name: 'fragile', position: later, lag: 0 });
      expect(recovered.lag).toBe(0);
    });

    it('answers a read-your-writes wait for the named projections while another is stalled', async () => {
      const { store, runner } = await setup();
      runner.start();
      const { position } = await store.append(`test-${crypto.randomUUID()}`, [event('Poison'), event('A')], { expectedRevision: 'no_stream' });
      const started = Date.now();
      expect(await runner.waitFor(position, 5_000, ['healthy'])).toBe(true);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(await runner.waitFor(position, 200, ['fragile', 'healthy'])).toBe(false);
      await expect(runner.waitFor(position, 10, ['missing'])).rejects.toThrow(/no projection named missing/);
    });
  });
}
