/**
 * Real databases for tests: an in-memory PGlite, or a fresh database on the machine's PostgreSQL server
 * (created per call, dropped afterwards) so test files never see each other's rows.
 */
import fs from 'node:fs';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../events/store/database.js';
import { createScratchPostgresDatabase } from './scratch-postgres.js';

export type Engine = 'pglite' | 'postgres';
export const ENGINES: Engine[] = ['pglite', 'postgres'];

export { TEST_POSTGRES_URL, createScratchPostgresDatabase as createTestPostgresDatabase } from './scratch-postgres.js';

export interface TestDatabase extends Database {
  /** Connection string of the PostgreSQL database (undefined for PGlite). */
  readonly url: string | undefined;
  drop(): Promise<void>;
}

export async function openTestDatabase(engine: Engine, options: { dataDir?: string } = {}): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = await openDatabase({ engine: 'pglite', dataDir: options.dataDir, loadDataDir: pgliteTemplate() });
    return Object.assign(db, { url: undefined, drop: () => db.close() });
  }
  const created = await createScratchPostgresDatabase();
  const db = await openDatabase({ engine: 'postgres', url: created.url, poolSize: 5 });
  return Object.assign(db, {
    url: created.url,
    async drop() {
      await db.close();
      await created.drop();
    },
  });
}

let template: Blob | undefined;
/** The run's pre-initialised cluster (tests/global-setup.ts), read once per test process. */
function pgliteTemplate(): Blob | undefined {
  const file = inject('pgliteTemplatePath');
  if (!file) return undefined;
  template ??= new Blob([fs.readFileSync(file)]);
  return template;
}
