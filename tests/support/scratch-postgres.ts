/**
 * A fresh database on the machine's PostgreSQL server, created per call and dropped by its `drop()`, so no two users
 * see each other's rows. Free of vitest, so the benches use it too (bench/bench-system.ts).
 */
import crypto from 'node:crypto';
import pg from 'pg';

/** The server the databases are made on; `.ci/run` makes sure it is up. */
export const TEST_POSTGRES_URL = process.env.JXJY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createScratchPostgresDatabase(prefix = 'jxjy_test'): Promise<ScratchDatabase> {
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  await asAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => asAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

async function asAdmin(work: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}
