/**
 * Picks the engines from configuration: read models (and checkpoints) in PostgreSQL when DATABASE_URL is set,
 * else PGlite in DATA_DIR/pg; events in EventStoreDB when EVENTSTORE_URL is set, else beside the read models.
 */
import path from 'node:path';
import { type Database, openDatabase } from './database.js';
import type { EventStore } from './event-store.js';
import { createEventStoreDbStore } from './eventstoredb-event-store.js';
import { createPostgresEventStore } from './postgres-event-store.js';

export interface StoreSettings {
  dataDir: string;
  databaseUrl: string | undefined;
  eventStoreUrl: string | undefined;
}

export interface Stores {
  db: Database;
  store: EventStore;
  describe: string;
  close(): Promise<void>;
}

export async function openStores(settings: StoreSettings): Promise<Stores> {
  const db = settings.databaseUrl
    ? await openDatabase({ engine: 'postgres', url: settings.databaseUrl })
    : await openDatabase({ engine: 'pglite', dataDir: path.join(settings.dataDir, 'pg') });
  try {
    const store = settings.eventStoreUrl ? createEventStoreDbStore(settings.eventStoreUrl) : await createPostgresEventStore(db);
    return {
      db,
      store,
      describe: `${settings.eventStoreUrl ? 'events in EventStoreDB, ' : ''}${db.engine === 'pglite' ? `PGlite at ${path.join(settings.dataDir, 'pg')}` : 'PostgreSQL'}`,
      async close() {
        await store.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
