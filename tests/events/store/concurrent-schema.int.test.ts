/**
 * Processes starting together on an empty PostgreSQL database (two API instances, two workers, two projection
 * runners of the production topology) each create the schema: none may fail on another's half-made table.
 */
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../../events/store/database.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import { projections } from '../../../projections/index.js';
import { createProjectionRunner } from '../../../projections/runner.js';
import { createTestPostgresDatabase } from '../../support/databases.js';

const created = await createTestPostgresDatabase();
afterAll(() => created.drop());

it('lets several processes create the store and the read models at once', async () => {
  const databases = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ engine: 'postgres', url: created.url, poolSize: 2 })));
  try {
    const starts = databases.map(async (db) => {
      const store = await createPostgresEventStore(db);
      await createProjectionRunner({ db, store, projections }).init();
    });
    const results = await Promise.allSettled(starts);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
  } finally {
    await Promise.all(databases.map((db) => db.close()));
  }
});
