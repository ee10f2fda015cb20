/**
 * One SQL handle over either engine: PGlite (embedded, in-process) or a PostgreSQL server (`pg` pool).
 * The event store, the projections and the API's own tables all speak this interface, so every SQL
 * statement in the project runs unchanged on both.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { StoreUnavailableError } from './event-store.js';
import { type Release, takePidLock } from './pid-lock.js';

export interface QueryResult<Row> {
  rows: Row[];
  affectedRows: number;
}

export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<Row>>;
  /** Several statements without parameters (DDL). */
  exec(text: string): Promise<void>;
}

export interface Database extends Sql {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; rolls back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** A dedicated session (for session-level advisory locks). PGlite has one session: it is that one. */
  session(): Promise<Sql & { release(): Promise<void> }>;
  /** Calls `onNotify` for each NOTIFY on `channel`; resolves to an unsubscribe function. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { engine: 'pglite'; dataDir?: string /* undefined = in memory */; loadDataDir?: Blob /* a dumpDataDir() tarball */ }
  | { engine: 'postgres'; url: string; poolSize?: number };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.engine === 'pglite'
    ? openPglite(options.dataDir, options.loadDataDir)
    : openPostgres(options.url, options.poolSize ?? 10);
}

// ---------------------------------------------------------------------------------------------- PGlite

/** PGlite does not lock its folder and a second opener silently loses writes: take a pid lock first (pid-lock.ts). */
function acquireLock(dataDir: string): Release {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.lock`);
  return takePidLock(lockFile, (holder) => {
    if (holder === undefined) throw new StoreUnavailableError(`could not lock ${lockFile}`);
    throw new StoreUnavailableError(
      `the embedded database at ${path.resolve(dataDir)} is in use by process ${holder}; ` +
        `stop that process (or use another DATA_DIR) — two processes on one PGlite folder lose writes`,
    );
  });
}

/**
 * What PGlite's PostgreSQL runs with, on top of PGlite's own start parameters (`PGlite.defaultStartParams`, kept
 * whole: single-user mode, `fsync=off` as PGlite always runs, no parallel workers). Applied at every start as `-c`
 * options, so nothing is written into the cluster's postgresql.conf and a folder opens the same with any version.
 *
 * Memory is the reason. PGlite's WebAssembly memory never shrinks, and Emscripten's mmap zero-fills every page of
 * PostgreSQL's shared memory, so the 128 MB of shared_buffers that initdb writes into postgresql.conf is 128 MB
 * resident from the first query on, whatever the data (measured: a reopened small cluster 286 MB RSS at open with
 * 128 MB, 163–181 MB with 16 MB; 11 MB of the heap was in use). PGlite reads pages through Node's fs, so a page
 * missing from the pool costs a copy from the OS page cache, not a disk read: on a 74 MB table of 100,000 rows, a full
 * scan, index lookups and paging through every row took the same CPU with 16 MB as with 128 MB, within the noise.
 * - maintenance_work_mem: what one CREATE INDEX or VACUUM may take, held for good once the memory has grown.
 * - max_connections: sizes the shared lock and process tables; a single-user backend is the only connection.
 */
const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '16MB',
  maintenance_work_mem: '16MB',
  max_connections: '8',
};

/**
 * PGlite's PostgreSQL is a 9 MB WebAssembly module. V8 compiles each function with its baseline compiler (Liftoff)
 * and, by default, recompiles the busy ones with its optimising compiler (TurboFan) on background threads. For this
 * module that second tier costs more than it gives here: measured on the 2-core box, a start of the whole system used
 * 1.2 s more CPU and held 50–80 MB more resident memory for good (compiler memory the allocator keeps), and initdb
 * took 5.1–5.9 s of CPU instead of 2.9–3.7 s; in steady state the store's appends cost the same (0.83 vs 0.87 ms of
 * CPU each, median of five), reading all events the same, and a count(*) over 4,000 rows 1.3 ms instead of 0.94 ms.
 * The flag is process-wide and must precede the module's compilation; only PGlite uses WebAssembly here.
 */
const WASM_BASELINE_ONLY = '--liftoff-only';
let wasmTuned = false;

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  if (!wasmTuned) {
    v8.setFlagsFromString(WASM_BASELINE_ONLY);
    wasmTuned = true;
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const startParams = [...PGlite.defaultStartParams, ...Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
  const release = dataDir ? acquireLock(dataDir) : () => {};
  let db: PGlite;
  try {
    // A new folder is initialised in a child process: PGlite's initdb runs a second PostgreSQL instance and packs
    // the new cluster into a tarball, and this process would keep that memory for its whole life (measured: 777 MB
    // RSS after opening a new folder in-process, 290 MB after reopening it).
    if (dataDir && !loadDataDir && !fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await initdbInChild(dataDir, startParams);
    // initdb costs seconds; starting from a dumped, already-initialised cluster costs well under one.
    db = await PGlite.create({ dataDir, loadDataDir, startParams });
  } catch (error) {
    release();
    throw error;
  }
  let closed = false;
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<Row>(text: string, params?: unknown[]) {
      if (closed) throw new StoreUnavailableError('the database is closed');
      const result = await q.query<Row>(text, params);
      return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    },
    async exec(text: string) {
      if (closed) throw new StoreUnavailableError('the database is closed');
      await q.exec(text);
    },
  });
  return {
    engine: 'pglite',
    ...wrap(db),
    async transaction(fn) {
      if (closed) throw new StoreUnavailableError('the database is closed');
      return db.transaction((tx) => fn(wrap(tx)));
    },
    session: async () => ({ ...wrap(db), release: async () => {} }),
    async listen(channel, onNotify) {
      if (closed) throw new StoreUnavailableError('the database is closed');
      const unsubscribe = await db.listen(channel, onNotify);
      return async () => {
        if (!closed) await unsubscribe();
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
      release();
    },
  };
}

const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs PGlite's initdb on `dataDir` in a short-lived Node process, which takes the memory with it when it exits. */
async function initdbInChild(dataDir: string, startParams: string[]): Promise<void> {
  const script = `
    const [dataDir, startParams] = JSON.parse(process.argv[1]);
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create({ dataDir, startParams });
    await db.close();`;
  const args = JSON.stringify([path.resolve(dataDir), startParams]);
  const child = spawn(process.execPath, [WASM_BASELINE_ONLY, '--input-type=module', '--eval', script, args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // An --eval script imports relative to its working directory: the checkout, whose node_modules has PGlite.
    cwd: PACKAGE_ROOT,
    // Not the parent's flags and loaders (tsx): the script is plain JavaScript.
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new StoreUnavailableError(`could not initialise the embedded database at ${path.resolve(dataDir)}: ${stderr.trim() || `exit code ${code}`}`);
}

// ---------------------------------------------------------------------------------------------- PostgreSQL

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const { default: pgModule } = await import('pg');
  // int8 → string keeps bigint positions exact; the adapters convert where they need numbers.
  const pool = new pgModule.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 10_000 });
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it on the next query */
  });
  let closed = false;
  const wrap = (client: pg.Pool | pg.PoolClient): Sql => ({
    async query<Row>(text: string, params?: unknown[]) {
      if (closed) throw new StoreUnavailableError('the database is closed');
      try {
        const result = await client.query(text, params as unknown[]);
        return { rows: result.rows as Row[], affectedRows: result.rowCount ?? 0 };
      } catch (error) {
        throw asUnavailable(error);
      }
    },
    async exec(text: string) {
      if (closed) throw new StoreUnavailableError('the database is closed');
      try {
        // Schema statements of processes starting together (two APIs, two runners) take turns: PostgreSQL's
        // CREATE … IF NOT EXISTS is not safe concurrently ("duplicate key … pg_type_typname_nsp_index"). The simple
        // query protocol runs the lock and the text in one (implicit or enclosing) transaction, which holds the lock.
        await client.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK}); ${text}`);
      } catch (error) {
        throw asUnavailable(error);
      }
    },
  });
  // Fail fast with a clear message when the server is not there.
  const probe = await pool.connect().catch((error: unknown) => {
    throw new StoreUnavailableError(`cannot connect to PostgreSQL at ${redact(url)}: ${(error as Error).message}`);
  });
  probe.release();
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect().catch((error: unknown) => {
        throw asUnavailable(error);
      });
      // Checked out, a client has no pool listener: a connection the server terminates mid-transaction would emit an
      // unhandled 'error' and kill the process (found by the pg_terminate_backend fault test). The query fails instead.
      const lost = () => {};
      client.on('error', lost);
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackFailed: Error) => {
          // The connection is gone (the server rolls back on its own): do not give it back to the pool.
          broken = rollbackFailed;
        });
        throw asUnavailable(error);
      } finally {
        client.off('error', lost);
        client.release(broken);
      }
    },
    async session() {
      const client = await pool.connect().catch((error: unknown) => {
        throw asUnavailable(error);
      });
      let released = false;
      // A checked-out client has no pool listener: without ours, a server restart's 'error' would kill the process.
      // The next query on it fails instead, and its owner (the runner's leadership) starts over.
      client.on('error', () => {});
      return {
        ...wrap(client),
        async release() {
          if (released) return;
          released = true;
          // Destroy rather than return to the pool: session state (locks) must not leak to the next borrower.
          client.release(true);
        },
      };
    },
    async listen(channel, onNotify) {
      const client = await pool.connect();
      // Same as session(): a lost LISTEN connection must not crash the process; subscribers keep polling.
      client.on('error', () => {});
      const handler = (message: pg.Notification) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      };
      client.on('notification', handler);
      await client.query(`LISTEN ${quoteIdent(channel)}`);
      return async () => {
        client.off('notification', handler);
        await client.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => {
          /* connection already closed */
        });
        client.release();
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001']);

/** The advisory lock key that serialises schema statements across processes (a constant, outside the runner's). */
const SCHEMA_LOCK = '7436501287362919401';

function asUnavailable(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  return code && CONNECTION_CODES.has(code) ? new StoreUnavailableError((error as Error).message) : error;
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const redact = (url: string): string => url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@');
