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
  await withPostgresClient(TEST_POSTGRES_URL, (admin) => admin.query(`CREATE DATABASE ${name}`));
  return {
    url: databaseUrl(TEST_POSTGRES_URL, name),
    async drop() {
      await withPostgresClient(TEST_POSTGRES_URL, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** The URL of database `name` on the server `serverUrl` points at. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * One session of its own for `work`, ended afterwards: for what a pool or a transaction cannot carry (CREATE and DROP
 * DATABASE, VACUUM, session settings).
 */
export async function withPostgresClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
