/**
 * One SQL handle over either engine: PGlite (embedded, in-process) or a PostgreSQL server (`pg` pool).
 * The event store, the projections and the API's own tables all speak this interface, so every SQL
 * statement in the project runs unchanged on both.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { StoreUnavailableError } from './event-store.js';

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

/** PGlite does not lock its folder and a second opener silently loses writes: take an O_EXCL pid lock first. */
function acquireLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockFile, 'utf8').trim());
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new StoreUnavailableError(
          `the embedded database at ${path.resolve(dataDir)} is in use by process ${holder}; ` +
            `stop that process (or use another DATA_DIR) — two processes on one PGlite folder lose writes`,
        );
      }
      // A stale lock from a process that died: never steal a live lock, but a dead one is ours.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new StoreUnavailableError(`could not lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const release = dataDir ? acquireLock(dataDir) : () => {};
  let db: PGlite;
  try {
    // initdb costs seconds; starting from a dumped, already-initialised cluster costs well under one.
    db = await PGlite.create({ dataDir, loadDataDir });
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
