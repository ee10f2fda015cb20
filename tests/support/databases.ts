/**
 * Real databases for tests: an in-memory PGlite, or a fresh database on the machine's PostgreSQL server
 * (created per call, dropped afterwards) so test files never see each other's rows.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../events/store/database.js';

export type Engine = 'pglite' | 'postgres';
export const ENGINES: Engine[] = ['pglite', 'postgres'];

/** Server used for per-test databases; `.ci/run` makes sure it is up. */
export const TEST_POSTGRES_URL = process.env.JXJY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends Database {
  /** Connection string of the PostgreSQL database (undefined for PGlite). */
  readonly url: string | undefined;
  drop(): Promise<void>;
}

export async function createTestPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `jxjy_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function openTestDatabase(engine: Engine, options: { dataDir?: string } = {}): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = await openDatabase({ engine: 'pglite', dataDir: options.dataDir, loadDataDir: pgliteTemplate() });
    return Object.assign(db, { url: undefined, drop: () => db.close() });
  }
  const created = await createTestPostgresDatabase();
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
