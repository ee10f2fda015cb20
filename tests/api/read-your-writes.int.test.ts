/**
 * Read-your-writes against a real store and a real projection runner (PGlite and PostgreSQL): `?after=` beyond
 * anything written is a 400 naming `after` at once; a real position is waited for — even one not yet readable behind
 * an open transaction — and only the projections the query names are waited for, so a stalled one elsewhere does not
 * delay it; /health shows the stalled one's error and lag.
 */
import crypto from 'node:crypto';
import type { Plugin } from '@hapi/hapi';
import Joi from 'joi';
import { afterEach, describe, expect, it } from 'vitest';
import { afterQuery, waitForPosition } from '../../api/read-your-writes.js';
import { createPostgresEventStore } from '../../events/store/postgres-event-store.js';
import type { Projection } from '../../projections/projection.js';
import { createProjectionRunner } from '../../projections/runner.js';
import { streamCatalog } from '../../projections/stream-catalog.js';
import { ENGINES, openTestDatabase } from '../support/databases.js';
import { createTestServer } from './test-server.js';

const stalled: Projection = {
  name: 'stalled',
  version: 1,
  tables: `CREATE TABLE IF NOT EXISTS stalled (id text)`,
  tableNames: ['stalled'],
  async apply() {
    throw new Error('stalled on purpose');
  },
};

/** A query that reads `projection`, as a real route does. */
const routes: Plugin<void> = {
  name: 'test-read-your-writes',
  register(server) {
    server.route({
      method: 'GET',
      path: '/reads/{projection}',
      options: { auth: false, validate: { query: Joi.object({ ...afterQuery }) } },
      handler: async (request) => {
        const after = typeof request.query.after === 'string' ? request.query.after : undefined;
        await waitForPosition(request, after, [request.params.projection as string], 3_000);
        return { ok: true };
      },
    });
  },
};

for (const engine of ENGINES) {
  describe(`read-your-writes on ${engine}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      while (cleanups.length) await cleanups.pop()!();
    });

    async function setup() {
      const db = await openTestDatabase(engine);
      cleanups.push(() => db.drop());
      const store = await createPostgresEventStore(db);
      const runner = createProjectionRunner({ db, store, projections: [streamCatalog, stalled], pollMs: 40 });
      await runner.init();
      runner.start();
      cleanups.push(() => runner.stop());
      const api = await createTestServer({ db, plugins: [routes], projections: runner });
      cleanups.push(() => api.close());
      const append = async () => (await store.append(`test-${crypto.randomUUID()}`, [{ eventId: crypto.randomUUID(), type: 'Tested', data: {} }])).position;
      return { db, store, api, append };
    }

    it('answers 400 naming `after` at once for a position beyond anything written', async () => {
      const { api, append } = await setup();
      const written = await append();
      const beyond = `${written.slice(0, 20)}:${'9'.repeat(20)}`;
      const started = Date.now();
      const response = await api.server.inject({ url: `/api/v1/reads/stream_catalog?after=${beyond}`, headers: { 'accept-language': 'en' } });
      expect(response.statusCode).toBe(400);
      expect(response.result).toMatchObject({ details: [{ field: 'after' }] });
      expect(Date.now() - started).toBeLessThan(1_000);
    });

    it('waits only for the projections a query reads, and shows the stalled one in /health', async () => {
      const { api, append } = await setup();
      const position = await append();
      const started = Date.now();
      expect((await api.server.inject(`/api/v1/reads/stream_catalog?after=${position}`)).statusCode).toBe(200);
      expect(Date.now() - started).toBeLessThan(2_500);
      expect((await api.server.inject(`/api/v1/reads/stalled?after=${position}`)).statusCode).toBe(503);

      const health = await api.server.inject('/health');
      expect(health.statusCode).toBe(200);
      expect(health.result).toMatchObject({
        checks: {
          projections: {
            status: 'ok',
            lag: 1,
            leader: true,
            projections: [
              { name: 'stream_catalog', position, lag: 0 },
              { name: 'stalled', position: '', lag: 1, error: 'stalled on purpose' },
            ],
          },
        },
      });
    });

    it.runIf(engine === 'postgres')('waits for a real position that an older open transaction still hides, never refusing it', async () => {
      const { db, store, api, append } = await setup();
      const older = await db.session();
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()'); // holds the snapshot xmin below the next append
      const position = await append();
      expect((await store.headPosition()) < position).toBe(true); // written, not yet readable
      const answer = api.server.inject(`/api/v1/reads/stream_catalog?after=${position}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await older.query('COMMIT');
      await older.release();
      expect((await answer).statusCode).toBe(200);
    });
  });
}
