/**
 * The bench's own PostgreSQL database (`jxjy_scale*`): created fresh, its events table made by the adapter itself
 * (createPostgresEventStore runs the adapter's DDL), the table's indexes and keys set aside during the bulk load and
 * put back verbatim afterwards (building an index once is far cheaper than maintaining it per row), then vacuumed and
 * analysed as autovacuum would have done on a live system. The generated world's manifest is kept beside it, so a
 * later run can measure the same database again (`--reuse`).
 */
import { type Database, openDatabase, quoteIdent } from '../../events/store/database.js';
import { ensureCredentialTables } from '../../events/store/credentials.js';
import { createPostgresEventStore } from '../../events/store/postgres-event-store.js';
import { withPostgresClient } from '../../tests/support/scratch-postgres.js';
import type { Manifest } from './generate.js';

export { databaseUrl } from '../../tests/support/scratch-postgres.js';

/** The bench makes and drops only its own databases. */
function benchDatabase(name: string): string {
  if (!/^jxjy_scale[a-z0-9_]*$/.test(name)) throw new Error(`the bench only creates and drops databases named jxjy_scale*, not ${name}`);
  return quoteIdent(name);
}

export async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  await withPostgresClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${benchDatabase(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${benchDatabase(name)}`);
  });
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withPostgresClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${benchDatabase(name)} WITH (FORCE)`));
}

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withPostgresClient(adminUrl, async (client) => (await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1);
}

interface SetAside {
  constraints: Array<{ name: string; definition: string }>;
  indexes: string[];
}

/** The adapter's schema, then its keys and indexes dropped for the load; returns what to put back. */
export async function prepareForLoad(db: Database): Promise<SetAside> {
  await createPostgresEventStore(db);
  await ensureCredentialTables(db);
  await db.exec(`CREATE TABLE IF NOT EXISTS bench_scale_manifest (key text PRIMARY KEY, value jsonb NOT NULL)`);
  const constraints = (
    await db.query<{ name: string; definition: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'events'::regclass AND contype IN ('p', 'u')`,
    )
  ).rows;
  const indexes = (
    await db.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'events'
       AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'events'::regclass)`,
    )
  ).rows;
  for (const { name } of constraints) await db.exec(`ALTER TABLE events DROP CONSTRAINT ${quoteIdent(name)}`);
  for (const { name } of indexes) await db.exec(`DROP INDEX ${quoteIdent(name)}`);
  return { constraints, indexes: indexes.map((i) => i.definition) };
}

/** Puts the adapter's keys and indexes back exactly as it declared them; returns seconds per step. */
export async function finishLoad(url: string, setAside: SetAside): Promise<{ indexSeconds: number; vacuumSeconds: number }> {
  // One session, so the memory settings hold for every statement; VACUUM cannot run inside a transaction.
  return withPostgresClient(url, async (client) => {
    await client.query(`SET maintenance_work_mem = '1GB'`);
    const started = performance.now();
    for (const { name, definition } of setAside.constraints) await client.query(`ALTER TABLE events ADD CONSTRAINT ${quoteIdent(name)} ${definition}`);
    for (const definition of setAside.indexes) await client.query(definition);
    const indexed = performance.now();
    await client.query(`VACUUM (ANALYZE) events`);
    await client.query(`VACUUM (ANALYZE) credentials`);
    return { indexSeconds: (indexed - started) / 1000, vacuumSeconds: (performance.now() - indexed) / 1000 };
  });
}

/** VACUUM ANALYZE of the whole database (after the rebuild: the read models' statistics, as autovacuum would keep them). */
export async function vacuumAnalyze(url: string): Promise<void> {
  // Its own session: VACUUM refuses to run inside a transaction block, and Database.exec wraps its text in one.
  await withPostgresClient(url, (client) => client.query('VACUUM (ANALYZE)'));
}

export async function saveManifest(db: Database, manifest: Manifest): Promise<void> {
  await db.query(`INSERT INTO bench_scale_manifest (key, value) VALUES ('manifest', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [JSON.stringify(manifest)]);
}

export async function loadManifest(db: Database): Promise<Manifest> {
  const { rows } = await db.query<{ value: Manifest }>(`SELECT value FROM bench_scale_manifest WHERE key = 'manifest'`);
  if (!rows[0]) throw new Error('this database has no bench manifest: generate it first (without --reuse)');
  return rows[0].value;
}

export interface Sizes {
  database: number;
  tables: Array<{ table: string; rows: number; heap: number; indexes: number; total: number }>;
}

/** Bytes on disk: the whole database and each table (heap with TOAST, and its indexes). */
export async function sizes(db: Database): Promise<Sizes> {
  const database = Number((await db.query<{ size: string }>(`SELECT pg_database_size(current_database())::text AS size`)).rows[0]!.size);
  const { rows } = await db.query<{ table: string; rows: string; heap: string; indexes: string; total: string }>(
    `SELECT c.relname AS table, c.reltuples::bigint::text AS rows, pg_table_size(c.oid)::text AS heap,
            pg_indexes_size(c.oid)::text AS indexes, pg_total_relation_size(c.oid)::text AS total
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'r' AND n.nspname = current_schema() ORDER BY pg_total_relation_size(c.oid) DESC`,
  );
  return { database, tables: rows.map((r) => ({ table: r.table, rows: Number(r.rows), heap: Number(r.heap), indexes: Number(r.indexes), total: Number(r.total) })) };
}

export const openBenchDatabase = (url: string, poolSize = 4): Promise<Database> => openDatabase({ engine: 'postgres', url, poolSize });
